#!/usr/bin/env python3
"""A port of golang.org/x/mod/semver.Compare (Go's module version order).

    gosemver.py [TABLE]     checks compare() against every pair of the table the real go
                            recorded (crates/gomvs-modfile/testdata/versions-table.json)

Used by the diff mode of the differential harness to derive the expected
upgraded/downgraded kinds from the real go's output.  Standard library only.
"""

from __future__ import annotations

import json
import os
import sys


def _is_ident_char(c: str) -> bool:
    return c.isascii() and (c.isalnum() or c == "-")


def _parse_int(s: str):
    """Leading decimal number of s (no leading zero unless "0"): (digits, rest) or None."""
    i = 0
    while i < len(s) and "0" <= s[i] <= "9":
        i += 1
    if i == 0 or (s[0] == "0" and i != 1):
        return None
    return s[:i], s[i:]


def _parse_pre_or_build(s: str, pre: bool):
    """Leading `-prerelease` / `+build` of s: (text, rest) or None."""
    i = 1
    start = 1
    while i < len(s) and (s[i] != "+" if pre else True):
        c = s[i]
        if c == ".":
            if i == start:
                return None
            if pre and _bad_num(s[start:i]):
                return None
            start = i + 1
        elif not _is_ident_char(c):
            return None
        i += 1
    if start == i:
        return None
    if pre and _bad_num(s[start:i]):
        return None
    return s[:i], s[i:]


def _bad_num(ident: str) -> bool:
    return ident.isdigit() and ident.isascii() and len(ident) > 1 and ident[0] == "0"


def parse(v: str):
    """(major, minor, patch, prerelease) of a valid semantic version, else None."""
    if not v or v[0] != "v":
        return None
    p = _parse_int(v[1:])
    if p is None:
        return None
    major, rest = p
    if rest == "":
        return major, "0", "0", ""
    if rest[0] != ".":
        return None
    p = _parse_int(rest[1:])
    if p is None:
        return None
    minor, rest = p
    if rest == "":
        return major, minor, "0", ""
    if rest[0] != ".":
        return None
    p = _parse_int(rest[1:])
    if p is None:
        return None
    patch, rest = p
    prerelease = ""
    if rest and rest[0] == "-":
        p = _parse_pre_or_build(rest, True)
        if p is None:
            return None
        prerelease, rest = p
    if rest and rest[0] == "+":
        p = _parse_pre_or_build(rest, False)
        if p is None:
            return None
        _build, rest = p
    if rest != "":
        return None
    return major, minor, patch, prerelease


def _cmp_int(x: str, y: str) -> int:
    if x == y:
        return 0
    if len(x) != len(y):
        return -1 if len(x) < len(y) else 1
    return -1 if x < y else 1


def _cmp_pre(x: str, y: str) -> int:
    if x == y:
        return 0
    if x == "":
        return 1
    if y == "":
        return -1
    xs, ys = x[1:].split("."), y[1:].split(".")
    for a, b in zip(xs, ys):
        if a == b:
            continue
        an, bn = a.isdigit() and a.isascii(), b.isdigit() and b.isascii()
        if an != bn:
            return -1 if an else 1
        if an:
            return _cmp_int(a, b)
        return -1 if a < b else 1
    if len(xs) == len(ys):
        return 0
    return -1 if len(xs) < len(ys) else 1


def compare(v: str, w: str) -> int:
    """semver.Compare(v, w): -1, 0 or +1; invalid versions are equal and below all valid ones."""
    pv, pw = parse(v), parse(w)
    if pv is None and pw is None:
        return 0
    if pv is None:
        return -1
    if pw is None:
        return 1
    for a, b in zip(pv[:3], pw[:3]):
        c = _cmp_int(a, b)
        if c:
            return c
    return _cmp_pre(pv[3], pw[3])


def check_table(path: str) -> tuple[int, list[str]]:
    """Compare against the recorded matrix; returns (checks, failures)."""
    with open(path) as fh:
        t = json.load(fh)
    vs, rows = t["compare_versions"], t["compare"]
    sym = {-1: "<", 0: "=", 1: ">"}
    bad = []
    n = 0
    for i, a in enumerate(vs):
        for j, b in enumerate(vs):
            n += 1
            got = sym[compare(a, b)]
            if got != rows[i][j]:
                bad.append(f"compare({a!r}, {b!r}) = {got}, go says {rows[i][j]}")
    return n, bad


def main(argv: list[str]) -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    table = argv[1] if len(argv) > 1 else os.path.join(
        here, "..", "..", "crates", "gomvs-modfile", "testdata", "versions-table.json")
    n, bad = check_table(table)
    for line in bad[:20]:
        print(line)
    print(f"gosemver: {n} comparisons, {len(bad)} differ from go")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
