#!/usr/bin/env python3
"""Generate a random Go module universe from a seed (deterministic, offline).

    gen.py SEED OUTDIR          writes the universe and prints its feature summary

Layout written to OUTDIR (see README.md for the feature list and probabilities):

    proxy/<escaped path>/@v/list, <escaped version>.info, <escaped version>.mod
    work/main/go.mod [go.sum]         the main module (commands run in work/main)
    work/local-N/go.mod               directory replacement targets
    work/wsN/go.mod [go.sum]          extra workspace modules
    work/go.work                      when the universe is a workspace
    meta.json                         seed, chosen features, layout facts

Only the Python standard library is used; the same seed always gives the same bytes.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import random
import re
import sys
from dataclasses import dataclass, field

LOCAL_GO = "1.27.3"
MAIN_PATH = "example.com/main"

# Per-seed feature probabilities.  Each entry is switched on for a seed with the given
# probability; README.md documents them (keep both in sync).
FEATURES: dict[str, float] = {
    "big": 0.15,  # 16..60 modules instead of 3..15
    "prerelease": 0.35,  # prerelease versions (including upper-case ones: escaping)
    "pseudo": 0.35,  # pseudo-versions, all three forms
    "incompatible": 0.2,  # +incompatible versions of v0/v1 paths
    "major_paths": 0.3,  # /vN module paths
    "gopkgin": 0.12,  # gopkg.in/name.vN paths
    "uppercase": 0.25,  # upper-case letters in module paths
    "siblings": 0.25,  # paths that differ only by case/suffix (sort order)
    "cycles": 0.3,  # back edges: requirement cycles
    "diamond": 0.4,  # an explicit diamond with two different versions of the bottom
    "consistent_roots": 0.55,  # main go.mod is "tidy": all roots at their selected versions
    "stale_root": 0.15,  # a root below its selected version
    "main_toolchain": 0.2,  # toolchain line in the main go.mod
    "dep_toolchain": 0.2,  # toolchain lines in dependency go.mod files (ignored by go)
    "indirect": 0.6,  # // indirect comments
    "dup_require": 0.08,  # a path required twice in the main go.mod
    "replace": 0.35,  # version-specific module replacement
    "replace_wildcard": 0.25,  # wildcard module replacement
    "replace_dir": 0.25,  # directory replacement targets
    "replace_chain": 0.12,  # A => B and B => C
    "replace_nonexistent": 0.1,  # replacement of an original version absent from the proxy
    "exclude": 0.25,  # exclude directives in the main module
    "dep_directives": 0.2,  # replace/exclude/retract/unknown directives inside dependencies
    "requires_main": 0.06,  # a dependency requires the main module path
    "retract_deprecate": 0.15,  # retractions and deprecations (visible with -u)
    "info_variants": 0.1,  # fractional seconds, zone offsets, missing Time in .info
    "list_variants": 0.15,  # @v/list with times, pseudo-versions, junk; missing list
    "gosum_zip_lines": 0.3,  # go.sum also has (fake) zip hash lines: JSON "Sum"
    "workspace": 0.18,  # go.work with several modules
    "gowork_replace": 0.5,  # (only with workspace) replaces in go.work
    "graph_go_flag": 0.25,  # run `go mod graph -go=V` too
    # error paths
    "missing_mod": 0.05,  # a .mod file is deleted from the proxy
    "missing_info": 0.05,  # a .info file is deleted from the proxy
    "dep_go_too_new": 0.05,  # a dependency go line newer than go 1.27.3
    "main_go_too_new": 0.02,  # the main go line newer than go 1.27.3
    "unknown_version": 0.04,  # a requirement on a version the proxy does not have
    "replace_dir_missing": 0.03,  # a directory replacement without go.mod
    "bad_info": 0.03,  # an .info with the wrong Version or bad JSON
    "path_mismatch": 0.03,  # a .mod declaring another module path
    "ws_go_mismatch": 0.15,  # (only with workspace) go.work go line below a module's
}

# Features added later draw from a second random stream, so that adding them leaves the
# universes of existing seeds unchanged unless the new feature is switched on.
EXTRA_FEATURES: dict[str, float] = {
    "replace_duplicate": 0.06,  # a replace repeated in the main go.mod: identical or conflicting
}

# go.sum presence for the main module: complete / partial / absent.
GOSUM_MODES = [("complete", 0.72), ("partial", 0.13), ("none", 0.15)]

# go-line classes of generated go.mod files (weights).
GO_LINES = [
    (None, 10),
    ("1.11", 2), ("1.13", 2), ("1.14", 2), ("1.16", 6),
    ("1.17", 4), ("1.18", 3), ("1.19", 2), ("1.20", 4),
    ("1.21", 6), ("1.21.0", 5), ("1.21rc1", 2), ("1.22", 4), ("1.22.1", 4),
    ("1.23", 4), ("1.23.4", 3), ("1.24.2", 3), ("1.25", 2), ("1.25.0", 2),
    ("1.26.1", 2), ("1.27", 1), ("1.27.3", 1),
]
MAIN_GO_LINES = [
    (None, 8), ("1.16", 6), ("1.14", 2), ("1.17", 4), ("1.19", 3), ("1.20", 3),
    ("1.21", 8), ("1.21.0", 6), ("1.22", 6), ("1.22.1", 4), ("1.23", 6),
    ("1.23.4", 4), ("1.24.2", 4), ("1.25.0", 4), ("1.26.1", 3), ("1.27.3", 3),
]
TOO_NEW_GO = ["1.28", "1.99", "1.27.4", "1.28rc1"]
TOOLCHAINS = ["go1.21.0", "go1.22.3", "go1.23.0", "go1.24.2", "go1.25.1", "go1.27.3",
              "go1.20", "default", "go1.22rc1"]

WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel",
         "india", "juliet", "kilo", "lima", "mike", "november", "oscar", "papa",
         "quebec", "romeo", "sierra", "tango", "uniform", "victor", "whiskey",
         "xray", "yankee", "zulu", "lib", "util", "core", "net", "log", "yaml",
         "json", "sql", "crypto", "text", "sync", "errors", "term", "sys"]
HOSTS = ["example.com", "example.org", "golang.org/x", "github.com/acme",
         "github.com/Zeta", "go.example.net", "test.example"]
PRERELEASES = ["alpha", "alpha.1", "beta.2", "beta.11", "rc.1", "RC1", "pre", "0.3",
               "rc.1.Beta", "dev"]


# --------------------------------------------------------------------------------------
# versions


def _semver_parts(v: str):
    """Split a canonical semantic version into (major, minor, patch, prerelease list)."""
    m = re.fullmatch(r"v(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?", v)
    if not m:
        raise ValueError(f"not a canonical version: {v}")
    pre = m.group(4).split(".") if m.group(4) else None
    return int(m.group(1)), int(m.group(2)), int(m.group(3)), pre


def semver_cmp(a: str, b: str) -> int:
    """x/mod/semver.Compare for canonical versions ("" and "none" lowest)."""
    if a == b:
        return 0
    if a in ("", "none") or b in ("", "none"):
        return -1 if a in ("", "none") and b not in ("", "none") else (
            1 if b in ("", "none") and a not in ("", "none") else 0)
    pa, pb = _semver_parts(a), _semver_parts(b)
    for x, y in zip(pa[:3], pb[:3]):
        if x != y:
            return -1 if x < y else 1
    xa, xb = pa[3], pb[3]
    if xa is None and xb is None:
        return 0
    if xa is None:
        return 1
    if xb is None:
        return -1
    for x, y in zip(xa, xb):
        if x == y:
            continue
        xn, yn = x.isdigit(), y.isdigit()
        if xn and yn:
            if int(x) != int(y):
                return -1 if int(x) < int(y) else 1
            continue
        if xn != yn:
            return -1 if xn else 1
        return -1 if x < y else 1
    if len(xa) != len(xb):
        return -1 if len(xa) < len(xb) else 1
    return 0


def gover_key(v: str):
    """Ordering key of internal/gover.Compare (1.21 < 1.21rc1 < 1.21.0)."""
    m = re.fullmatch(r"(\d+)\.(\d+)(?:\.(\d+))?(?:(alpha|beta|rc)(\d+))?", v)
    if not m:
        return (0, 0, -1, 0, 0)
    kinds = {None: 0, "alpha": 1, "beta": 2, "rc": 3}
    patch = int(m.group(3)) if m.group(3) is not None else -1
    return (int(m.group(1)), int(m.group(2)), patch, kinds[m.group(4)],
            int(m.group(5) or 0))


def is_pruned_go(go: str | None) -> bool:
    return go is not None and gover_key(go) >= gover_key("1.17")


def escape(s: str) -> str:
    """module.EscapePath / EscapeVersion: upper-case letters become !lower."""
    return "".join("!" + c.lower() if "A" <= c <= "Z" else c for c in s)


def gomod_hash(data: bytes) -> str:
    """dirhash.Hash1 of a single go.mod file (the go.sum `/go.mod` hash)."""
    inner = hashlib.sha256(data).hexdigest() + "  go.mod\n"
    return "h1:" + base64.b64encode(hashlib.sha256(inner.encode()).digest()).decode()


# --------------------------------------------------------------------------------------
# model


@dataclass
class ModVersion:
    path: str
    version: str
    go: str | None = None
    requires: list[tuple[str, str]] = field(default_factory=list)
    module_line: str | None = None  # declared module path (None = path)
    extra: list[str] = field(default_factory=list)  # extra go.mod lines (after requires)
    toolchain: str | None = None
    deprecated: str | None = None
    time: str = "2020-01-01T00:00:00Z"
    info_override: str | None = None  # raw .info content
    has_mod: bool = True
    has_info: bool = True
    in_proxy: bool = True  # False: only referenced, never served

    def gomod(self) -> str:
        out = []
        if self.deprecated:
            out.append(f"// Deprecated: {self.deprecated}\n")
        out.append(f"module {self.module_line or self.path}\n")
        if self.go is not None:
            out.append(f"\ngo {self.go}\n")
        if self.toolchain is not None:
            out.append(f"\ntoolchain {self.toolchain}\n")
        if self.requires:
            out.append("\nrequire (\n")
            for p, v in self.requires:
                out.append(f"\t{p} {v}\n")
            out.append(")\n")
        if self.extra:
            out.append("\n")
            out.extend(line + "\n" for line in self.extra)
        return "".join(out)


@dataclass
class Module:
    path: str
    major: int  # major version of the path (0 or 1 mean v0/v1 paths)
    kind: str  # plain | major | gopkgin | fork | ws
    versions: list[ModVersion] = field(default_factory=list)

    def get(self, v: str) -> ModVersion | None:
        for mv in self.versions:
            if mv.version == v:
                return mv
        return None


class Gen:
    def __init__(self, seed: int):
        self.seed = seed
        self.r = random.Random(seed)
        r = self.r
        self.f = {name: r.random() < p for name, p in FEATURES.items()}
        r2 = random.Random(f"extra-{seed}")
        self.f.update({name: r2.random() < p for name, p in EXTRA_FEATURES.items()})
        if not self.f["workspace"]:
            self.f["gowork_replace"] = False
            self.f["ws_go_mismatch"] = False
        x = r.random()
        acc = 0.0
        self.gosum_mode = GOSUM_MODES[-1][0]
        for name, p in GOSUM_MODES:
            acc += p
            if x < acc:
                self.gosum_mode = name
                break
        self.modules: dict[str, Module] = {}
        self.order: list[str] = []  # universe modules in DAG order (forks excluded)
        self.main_requires: list[tuple[str, str, bool]] = []  # (path, version, indirect)
        self.main_extra: list[str] = []  # replace/exclude lines
        self.main_go: str | None = None
        self.main_toolchain: str | None = None
        self.local_dirs: dict[str, str | None] = {}  # dir name -> go.mod text (None = no go.mod)
        self.ws_modules: list[dict] = []  # {"dir", "path", "go", "requires", "extra"}
        self.gowork: str | None = None
        self.notes: list[str] = []
        self.time_counter = 0

    # ---- helpers ----
    def choice_w(self, items):
        total = sum(w for _, w in items)
        x = self.r.uniform(0, total)
        for v, w in items:
            x -= w
            if x <= 0:
                return v
        return items[-1][0]

    def rand_time(self) -> str:
        y = self.r.randint(2018, 2024)
        return (f"{y:04d}-{self.r.randint(1, 12):02d}-{self.r.randint(1, 28):02d}T"
                f"{self.r.randint(0, 23):02d}:{self.r.randint(0, 59):02d}:"
                f"{self.r.randint(0, 59):02d}Z")

    def new_path(self, kind: str) -> tuple[str, int]:
        r = self.r
        for _ in range(1000):
            host = r.choice(HOSTS)
            word = r.choice(WORDS)
            if r.random() < 0.3:
                word += "/" + r.choice(WORDS)
            if self.f["uppercase"] and r.random() < 0.35:
                i = r.randrange(len(word))
                if word[i].isalpha():
                    word = word[:i] + word[i].upper() + word[i + 1:]
            major = r.choice([0, 1, 1, 1])
            if kind == "major":
                major = r.randint(2, 5)
                path = f"{host}/{word}/v{major}"
            elif kind == "gopkgin":
                major = r.randint(1, 3)
                path = f"gopkg.in/{word.replace('/', '-')}.v{major}"
            elif kind == "fork":
                path = f"{host}/fork-{word}"
            else:
                path = f"{host}/{word}"
            if path not in self.modules and path.lower() != MAIN_PATH:
                return path, major
        raise RuntimeError("could not find a fresh module path")

    def sibling_path(self) -> str | None:
        plain = [p for p in self.order if self.modules[p].kind == "plain"]
        if not plain:
            return None
        base = self.r.choice(plain)
        variant = self.r.choice(["case", "dash", "sub"])
        if variant == "case":
            cand = base[:-1] + base[-1].swapcase() if base[-1].isalpha() else base + "X"
            last = base.rsplit("/", 1)
            cand = last[0] + "/" + last[1][:1].swapcase() + last[1][1:]
        elif variant == "dash":
            cand = base + "-x"
        else:
            cand = base + "/sub"
        return None if cand in self.modules else cand

    def gen_versions(self, mod: Module, count: int):
        r = self.r
        major = mod.major
        majors = [major] if mod.kind != "plain" else [major]
        seen: set[str] = set()
        releases: list[str] = []
        attempts = 0
        while len(mod.versions) < count and attempts < 100:
            attempts += 1
            mj = r.choice(majors)
            minor, patch = r.randint(0, 4), r.randint(0, 3)
            kind = self.choice_w([
                ("release", 10),
                ("pre", 3 if self.f["prerelease"] else 0),
                ("pseudo", 3 if self.f["pseudo"] else 0),
                ("incompat", 2 if self.f["incompatible"] and mod.kind == "plain" else 0),
            ])
            t = self.rand_time()
            if kind == "release":
                v = f"v{mj}.{minor}.{patch}"
                releases.append(v)
            elif kind == "pre":
                v = f"v{mj}.{minor}.{patch}-{r.choice(PRERELEASES)}"
            elif kind == "incompat":
                v = f"v{r.randint(2, 4)}.{minor}.{patch}+incompatible"
            else:
                stamp = t[:4] + t[5:7] + t[8:10] + t[11:13] + t[14:16] + t[17:19]
                rev = "".join(r.choice("0123456789abcdef") for _ in range(12))
                form = r.randint(1, 3)
                if form == 1:
                    v = f"v{mj}.0.0-{stamp}-{rev}"
                elif form == 2:
                    v = f"v{mj}.{minor}.{patch + 1}-0.{stamp}-{rev}"
                else:
                    pre = r.choice(["pre", "rc.1", "beta.2", "alpha"])
                    v = f"v{mj}.{minor}.{patch}-{pre}.0.{stamp}-{rev}"
            if v in seen:
                continue
            seen.add(v)
            mod.versions.append(ModVersion(path=mod.path, version=v, time=t,
                                           go=self.choice_w(GO_LINES)))

    # ---- universe ----
    def build(self):
        r, f = self.r, self.f
        n = r.randint(16, 60) if f["big"] else r.randint(3, 15)
        for i in range(n):
            kind = self.choice_w([
                ("plain", 10),
                ("major", 2 if f["major_paths"] else 0),
                ("gopkgin", 1.5 if f["gopkgin"] else 0),
                ("sibling", 1.5 if f["siblings"] and i > 0 else 0),
            ])
            path = None
            major = 1
            if kind == "sibling":
                path = self.sibling_path()
                kind = "plain"
                major = 1
            if path is None:
                kind = "plain" if kind == "sibling" else kind
                path, major = self.new_path(kind)
            mod = Module(path=path, major=major, kind=kind)
            self.modules[path] = mod
            self.order.append(path)
            count = self.choice_w([(1, 3), (2, 4), (3, 3), (4, 2), (5, 1)])
            self.gen_versions(mod, count)
        # requirements: DAG in order, plus back edges for cycles
        for i, p in enumerate(self.order):
            later = self.order[i + 1:]
            for mv in self.modules[p].versions:
                k = self.choice_w([(0, 3), (1, 3), (2, 2.5), (3, 1), (4, 0.5)])
                for _ in range(k):
                    if not later:
                        break
                    q = r.choice(later[: max(4, len(later) // 2)] if r.random() < 0.7 else later)
                    mv.requires.append((q, r.choice(self.modules[q].versions).version))
                if f["cycles"] and i > 0 and r.random() < 0.25:
                    q = r.choice(self.order[:i])
                    mv.requires.append((q, r.choice(self.modules[q].versions).version))
        if f["diamond"] and n >= 4:
            a, b, c, d = sorted(r.sample(range(n), 4))
            pa, pb, pc, pd = (self.order[x] for x in (a, b, c, d))
            dv = self.modules[pd].versions
            lo, hi = sorted(dv, key=lambda mv: _semkey(mv.version))[0], sorted(
                dv, key=lambda mv: _semkey(mv.version))[-1]
            for mv in self.modules[pa].versions[-1:]:
                mv.requires += [(pb, self.modules[pb].versions[0].version),
                                (pc, self.modules[pc].versions[0].version)]
            self.modules[pb].versions[0].requires.append((pd, lo.version))
            self.modules[pc].versions[0].requires.append((pd, hi.version))
            self.notes.append(f"diamond {pa} -> {pb},{pc} -> {pd}")
        if f["dep_toolchain"]:
            for mv in self._sample_versions(0.2):
                mv.toolchain = r.choice(TOOLCHAINS[:6])
        if f["dep_directives"]:
            for mv in self._sample_versions(0.25):
                q = r.choice(self.order)
                qv = r.choice(self.modules[q].versions).version
                mv.extra.append(r.choice([
                    f"replace {q} => {q} {qv}",
                    f"replace {q} {qv} => ../nowhere",
                    f"exclude {q} {qv}",
                    "godebug default=go1.21",
                    f"retract {mv.version}",
                    "unknown directive here",
                    "tool example.com/tool",
                ]))
        if f["requires_main"]:
            mv = r.choice(self._all_versions())
            mainv = r.choice(["v1.5.0", "v0.1.0"])
            mv.requires.append((MAIN_PATH, mainv))
            if r.random() < 0.6:
                mm = self.modules.setdefault(MAIN_PATH, Module(MAIN_PATH, 1, "mainproxy"))
                if mm.get(mainv) is None:
                    q = r.choice(self.order)
                    mm.versions.append(ModVersion(
                        path=MAIN_PATH, version=mainv, go=r.choice([None, "1.16", "1.21"]),
                        requires=[(q, r.choice(self.modules[q].versions).version)],
                        time=self.rand_time()))
        if f["retract_deprecate"]:
            for p in r.sample(self.order, max(1, len(self.order) // 4)):
                vs = sorted(self.modules[p].versions, key=lambda mv: _semkey(mv.version))
                latest = vs[-1]
                if r.random() < 0.6 and len(vs) > 1:
                    lo = vs[0].version
                    latest.extra.append(r.choice([
                        f"retract {lo} // Bad release.",
                        f"retract [{lo}, {vs[-2].version}]",
                        f"retract (\n\t// Broken.\n\t{lo}\n)",
                    ]))
                else:
                    latest.deprecated = r.choice(["use example.com/other instead.",
                                                  "this module is unmaintained"])
        self._main_module()
        if f["workspace"]:
            self._workspace()
        self._errors()
        if f["info_variants"]:
            for mv in self._sample_versions(0.3):
                t = mv.time
                mv.info_override = r.choice([
                    json.dumps({"Version": mv.version, "Time": t[:-1] + ".5Z"}),
                    json.dumps({"Version": mv.version, "Time": t[:-1] + ".123456789Z"}),
                    json.dumps({"Version": mv.version, "Time": t[:-1] + "+02:00"}),
                    json.dumps({"Version": mv.version}),
                    json.dumps({"Version": mv.version, "Time": t, "Origin": {"VCS": "git",
                                "URL": "https://example.com/x", "Hash": "abc"}}),
                ])

    def _all_versions(self) -> list[ModVersion]:
        return [mv for p in self.order for mv in self.modules[p].versions]

    def _sample_versions(self, frac: float) -> list[ModVersion]:
        allv = self._all_versions()
        k = max(1, int(len(allv) * frac))
        return self.r.sample(allv, min(k, len(allv)))

    def _closure_select(self, roots: list[tuple[str, str]]) -> dict[str, str]:
        """Max version per path over the full (unpruned) transitive closure of roots."""
        sel: dict[str, str] = {}
        stack = list(roots)
        seen = set()
        while stack:
            p, v = stack.pop()
            if (p, v) in seen or p == MAIN_PATH:
                continue
            seen.add((p, v))
            if p not in sel or semver_cmp(v, sel[p]) > 0:
                sel[p] = v
            mod = self.modules.get(p)
            mv = mod.get(v) if mod else None
            if mv:
                stack.extend(mv.requires)
        return sel

    def _main_module(self):
        r, f = self.r, self.f
        self.main_go = self.choice_w(MAIN_GO_LINES)
        k = r.randint(1, min(5, len(self.order)))
        picks = r.sample(self.order[: max(k, len(self.order) // 2 + 1)], k)
        roots = [(p, r.choice(self.modules[p].versions).version) for p in picks]
        direct = {p for p, _ in roots}
        if f["consistent_roots"]:
            # fixpoint: every module of the closure becomes a root at its selected version
            for _ in range(50):
                sel = self._closure_select(roots)
                new = sorted(sel.items())
                if new == sorted(roots):
                    break
                roots = new
            # raise the main go line to the maximum >= 1.21 go line in the closure
            # (an unpruned main keeps its go line half of the time: E02b territory)
            if is_pruned_go(self.main_go) or r.random() < 0.5:
                top = self.main_go or "1.16"
                for p, v in roots:
                    mv = self.modules[p].get(v) if p in self.modules else None
                    if mv and mv.go and gover_key(mv.go) >= gover_key("1.21") and \
                            gover_key(mv.go) > gover_key(top):
                        top = mv.go
                if top != (self.main_go or "1.16"):
                    self.main_go = top
        if f["stale_root"]:
            cands = [(p, v) for p, v in roots
                     if any(semver_cmp(mv.version, v) < 0 for mv in self.modules[p].versions)]
            if cands:
                p, v = r.choice(cands)
                lower = [mv.version for mv in self.modules[p].versions
                         if semver_cmp(mv.version, v) < 0]
                roots = [(q, r.choice(lower) if q == p else w) for q, w in roots]
                self.notes.append(f"stale root {p}")
        self.main_requires = [
            (p, v, f["indirect"] and p not in direct and r.random() < 0.9
             or (f["indirect"] and r.random() < 0.1))
            for p, v in roots]
        if f["dup_require"] and self.main_requires:
            p, v, ind = r.choice(self.main_requires)
            other = r.choice(self.modules[p].versions).version
            self.main_requires.append((p, other, ind))
        if f["main_toolchain"]:
            self.main_toolchain = r.choice(TOOLCHAINS)
            if f["consistent_roots"] and self.main_go is not None and r.random() < 0.7:
                above = [t for t in TOOLCHAINS if t.startswith("go") and
                         gover_key(t[2:]) > gover_key(self.main_go) and
                         gover_key(t[2:]) >= gover_key("1.21")]
                self.main_toolchain = r.choice(above) if above else None
        if f["main_go_too_new"]:
            self.main_go = r.choice(TOO_NEW_GO)
        self._replaces()
        if f["exclude"]:
            cands = self._all_versions()
            for mv in r.sample(cands, min(len(cands), r.randint(1, 3))):
                self.main_extra.append(f"exclude {mv.path} {mv.version}")
            if r.random() < 0.4 and self.main_requires:
                p, v, _ = r.choice(self.main_requires)
                self.main_extra.append(f"exclude {p} {v}")

    def _new_fork(self, like: Module) -> Module:
        path, _ = self.new_path("fork")
        fork = Module(path=path, major=1, kind="fork")
        self.modules[path] = fork
        n = self.r.randint(1, 2)
        for i in range(n):
            reqs = []
            if self.order and self.r.random() < 0.6:
                q = self.r.choice(self.order)
                reqs.append((q, self.r.choice(self.modules[q].versions).version))
            fork.versions.append(ModVersion(
                path=path, version=f"v0.{i + 1}.0", time=self.rand_time(),
                go=self.choice_w(GO_LINES), requires=reqs,
                module_line=like.path if self.r.random() < 0.2 else None))
        return fork

    def _new_local(self, orig: str) -> str:
        r = self.r
        name = f"local-{len(self.local_dirs) + 1}"
        reqs = []
        if r.random() < 0.7:
            q = r.choice(self.order)
            reqs.append((q, r.choice(self.modules[q].versions).version))
        mv = ModVersion(path=orig, version="", go=self.choice_w(GO_LINES), requires=reqs,
                        module_line=orig if r.random() < 0.8 else "example.com/whatever")
        self.local_dirs[name] = mv.gomod()
        return name

    def _target(self, orig: Module) -> str:
        """A replacement target: module version (fork or universe module) or directory."""
        r, f = self.r, self.f
        if f["replace_dir"] and r.random() < 0.5:
            name = self._new_local(orig.path)
            return r.choice(["../", "../"]) + name
        if r.random() < 0.6:
            fork = self._new_fork(orig)
            return f"{fork.path} {r.choice(fork.versions).version}"
        q = r.choice(self.order)
        return f"{q} {r.choice(self.modules[q].versions).version}"

    def _replaces(self):
        r, f = self.r, self.f
        used: set[tuple[str, str]] = set()

        def add(lhs_path: str, lhs_ver: str, target: str):
            if (lhs_path, lhs_ver) in used:
                return
            used.add((lhs_path, lhs_ver))
            lhs = f"{lhs_path} {lhs_ver}".rstrip()
            self.main_extra.append(f"replace {lhs} => {target}")

        if f["replace"]:
            for _ in range(r.randint(1, 3)):
                mv = r.choice(self._all_versions())
                add(mv.path, mv.version, self._target(self.modules[mv.path]))
        if f["replace_wildcard"]:
            p = r.choice(self.order)
            add(p, "", self._target(self.modules[p]))
        if f["replace_chain"] and len(self.order) >= 3:
            a, b, c = r.sample(self.order, 3)
            bv = r.choice(self.modules[b].versions).version
            cv = r.choice(self.modules[c].versions).version
            add(a, r.choice(["", r.choice(self.modules[a].versions).version]), f"{b} {bv}")
            add(b, r.choice(["", bv]), f"{c} {cv}")
        if f["replace_nonexistent"]:
            p = r.choice(self.order)
            ghost = f"v{self.modules[p].major}.9.{r.randint(0, 9)}" if self.modules[p].kind != "plain" \
                else r.choice(["v1.9.9", "v0.0.0-00010101000000-000000000000"])
            add(p, ghost, self._target(self.modules[p]))
            if r.random() < 0.6:
                self.main_requires.append((p, ghost, False))
            else:
                mv = r.choice(self._all_versions())
                if mv.path != p:
                    mv.requires.append((p, ghost))
        if f["replace_duplicate"] and self.main_extra:
            reps = [x for x in self.main_extra if x.startswith("replace ")]
            if reps:
                line = r.choice(reps)
                if r.random() < 0.6:
                    lhs = line[len("replace "):].split(" => ")[0]
                    p = lhs.split(" ")[0]
                    line = f"replace {lhs} => {self._target(self.modules[p])}"
                self.main_extra.append(line)
        if f["replace_dir_missing"]:
            p = r.choice(self.order)
            add(p, "", r.choice(["../missing-dir", "../" + self._new_local_nogomod()]))

    def _new_local_nogomod(self) -> str:
        name = f"local-{len(self.local_dirs) + 1}"
        self.local_dirs[name] = None
        return name

    def _workspace(self):
        r, f = self.r, self.f
        n = r.randint(1, 3)
        gos = [self.main_go]
        for i in range(n):
            path = f"example.com/ws{i + 1}"
            go = self.choice_w([(g, w) for g, w in MAIN_GO_LINES if g is not None])
            gos.append(go)
            reqs = []
            for _ in range(r.randint(0, 3)):
                q = r.choice(self.order)
                reqs.append((q, r.choice(self.modules[q].versions).version))
            ws = {"dir": f"ws{i + 1}", "path": path, "go": go, "requires": reqs, "extra": []}
            self.ws_modules.append(ws)
            # sometimes published in the proxy and required by others (E38)
            if r.random() < 0.4:
                m = Module(path=path, major=1, kind="ws")
                self.modules[path] = m
                m.versions.append(ModVersion(path=path, version="v1.9.0", go="1.21",
                                             requires=[], time=self.rand_time()))
                q = r.choice(self.order)
                m.versions[0].requires.append((q, r.choice(self.modules[q].versions).version))
                self.main_requires.append((path, "v1.9.0", False))
            elif r.random() < 0.1:
                self.main_requires.append((path, "v1.9.0", False))  # missing: E38b
            if r.random() < 0.25:
                q = r.choice(self.order)
                ws["extra"].append(f"replace {q} => {self._target(self.modules[q])}")
        known = [g for g in gos if g is not None]
        wgo = max(known, key=gover_key) if known else "1.21"
        if gover_key(wgo) < gover_key("1.18"):
            wgo = "1.18"
        if f["ws_go_mismatch"]:
            wgo = r.choice([None, "1.18", "1.20"])
        lines = []
        if wgo is not None:
            lines.append(f"go {wgo}\n")
        if r.random() < 0.15:
            lines.append(f"\ntoolchain {r.choice(TOOLCHAINS[:6])}\n")
        uses = ["./main"] + [f"./{w['dir']}" for w in self.ws_modules]
        r.shuffle(uses)
        lines.append("\nuse (\n" + "".join(f"\t{u}\n" for u in uses) + ")\n")
        if f["gowork_replace"]:
            lines.append("\n")
            for _ in range(r.randint(1, 2)):
                q = r.choice(self.order)
                ver = r.choice(["", " " + r.choice(self.modules[q].versions).version])
                t = self._target(self.modules[q])
                if not t.startswith("../"):
                    lines.append(f"replace {q}{ver} => {t}\n")
                else:
                    lines.append(f"replace {q}{ver} => ./{t[3:]}\n")
        self.gowork = "".join(lines)

    def _errors(self):
        r, f = self.r, self.f
        allv = [mv for mv in self._all_versions()]
        if f["missing_mod"]:
            r.choice(allv).has_mod = False
        if f["missing_info"]:
            for mv in r.sample(allv, min(len(allv), r.randint(1, 2))):
                mv.has_info = False
        if f["dep_go_too_new"]:
            r.choice(allv).go = r.choice(TOO_NEW_GO)
        if f["unknown_version"]:
            mv = r.choice(allv)
            q = r.choice(self.order)
            mod = self.modules[q]
            ghost = f"v{mod.major}.8.0" if mod.kind != "plain" else "v1.8.0"
            if mod.get(ghost) is None:
                if r.random() < 0.5:
                    self.main_requires.append((q, ghost, False))
                else:
                    mv.requires.append((q, ghost))
        if f["bad_info"]:
            mv = r.choice(allv)
            mv.info_override = r.choice([
                json.dumps({"Version": "v9.9.9", "Time": mv.time}),
                '{"Version": "' + mv.version + '", "Time": ',
            ])
        if f["path_mismatch"]:
            r.choice(allv).module_line = "example.com/other"

    # ---- output ----
    def write(self, out: str):
        r, f = self.r, self.f
        proxy = os.path.join(out, "proxy")
        work = os.path.join(out, "work")
        os.makedirs(proxy, exist_ok=True)
        os.makedirs(os.path.join(work, "main"), exist_ok=True)
        sums: list[tuple[str, str, str]] = []
        for path in sorted(self.modules):
            mod = self.modules[path]
            vdir = os.path.join(proxy, escape(path), "@v")
            os.makedirs(vdir, exist_ok=True)
            listed = []
            for mv in mod.versions:
                ev = escape(mv.version)
                data = mv.gomod().encode()
                if mv.has_mod:
                    _write(os.path.join(vdir, ev + ".mod"), data)
                if mv.has_info:
                    info = mv.info_override or json.dumps({"Version": mv.version, "Time": mv.time})
                    _write(os.path.join(vdir, ev + ".info"), (info + "\n").encode())
                sums.append((path, mv.version + "/go.mod", gomod_hash(data)))
                if f["gosum_zip_lines"] and r.random() < 0.5:
                    fake = base64.b64encode(hashlib.sha256(
                        f"{self.seed}{path}{mv.version}".encode()).digest()).decode()
                    sums.append((path, mv.version, "h1:" + fake))
                if not re.search(r"\d{14}-[0-9a-f]{12}$", mv.version) or \
                        (f["list_variants"] and r.random() < 0.3):
                    listed.append(mv.version)
            lines = []
            r.shuffle(listed)
            for v in listed:
                if f["list_variants"] and r.random() < 0.3:
                    lines.append(f"{v} {mod.get(v).time}")
                else:
                    lines.append(v)
            if f["list_variants"] and r.random() < 0.2:
                lines.append("not-a-version")
            if not (f["list_variants"] and r.random() < 0.15):
                _write(os.path.join(vdir, "list"), "".join(x + "\n" for x in lines).encode())
        # main go.mod
        _write(os.path.join(work, "main", "go.mod"), self.main_gomod().encode())
        if self.gosum_mode != "none":
            keep = sums
            if self.gosum_mode == "partial":
                keep = [s for s in sums if r.random() < 0.7]
            keep = sorted(set(keep), key=lambda s: (s[0], _semkey(s[1].removesuffix("/go.mod")),
                                                   s[1]))
            _write(os.path.join(work, "main", "go.sum"),
                   "".join(f"{p} {v} {h}\n" for p, v, h in keep).encode())
        for name, text in self.local_dirs.items():
            d = os.path.join(work, name)
            os.makedirs(d, exist_ok=True)
            if text is not None:
                _write(os.path.join(d, "go.mod"), text.encode())
        for ws in self.ws_modules:
            d = os.path.join(work, ws["dir"])
            os.makedirs(d, exist_ok=True)
            mv = ModVersion(path=ws["path"], version="", go=ws["go"], requires=ws["requires"],
                            extra=[e.replace("=> ../", "=> ../") for e in ws["extra"]])
            _write(os.path.join(d, "go.mod"), mv.gomod().encode())
        if self.gowork is not None:
            _write(os.path.join(work, "go.work"), self.gowork.encode())
        meta = {
            "seed": self.seed,
            "features": sorted(k for k, v in self.f.items() if v),
            "gosum": self.gosum_mode,
            "modules": len(self.order),
            "versions": len(self._all_versions()),
            "workspace": self.gowork is not None,
            "errors": any(self.f[k] for k in ERROR_FEATURES),
            "graph_go": self.graph_go() if self.f["graph_go_flag"] else None,
            "notes": self.notes,
        }
        _write(os.path.join(out, "meta.json"), (json.dumps(meta, indent=1) + "\n").encode())
        return meta

    def graph_go(self) -> str:
        """The V of `go mod graph -go=V`: half the time the main go line or above it."""
        fixed = ["1.16", "1.17", "1.20", "1.21", "1.23", LOCAL_GO]
        main = self.main_go or "1.16"
        if gover_key(main) <= gover_key(LOCAL_GO) and self.r.random() < 0.5:
            above = [v for v in fixed if gover_key(v) > gover_key(main)]
            return self.r.choice([main] + above)
        return self.r.choice(fixed)

    def main_gomod(self) -> str:
        r = self.r
        out = [f"module {MAIN_PATH}\n"]
        if self.main_go is not None:
            out.append(f"\ngo {self.main_go}\n")
        if self.main_toolchain is not None:
            out.append(f"\ntoolchain {self.main_toolchain}\n")
        direct = [(p, v, i) for p, v, i in self.main_requires if not i]
        indirect = [(p, v, i) for p, v, i in self.main_requires if i]
        style = r.choice(["blocks", "one-block", "lines"])
        groups = [direct, indirect] if style == "blocks" else [direct + indirect]
        for g in groups:
            if not g:
                continue
            if style == "lines":
                out.append("\n")
                for p, v, i in g:
                    out.append(f"require {p} {v}{' // indirect' if i else ''}\n")
            else:
                out.append("\nrequire (\n")
                for p, v, i in g:
                    out.append(f"\t{p} {v}{' // indirect' if i else ''}\n")
                out.append(")\n")
        if self.main_extra:
            out.append("\n")
            out.extend(line + "\n" for line in self.main_extra)
        return "".join(out)


ERROR_FEATURES = ["replace_duplicate", "missing_mod", "missing_info", "dep_go_too_new", "main_go_too_new",
                  "unknown_version", "replace_dir_missing", "bad_info", "path_mismatch",
                  "ws_go_mismatch"]


def _semkey(v: str):
    import functools
    return functools.cmp_to_key(semver_cmp)(v)


def _write(path: str, data: bytes):
    with open(path, "wb") as fh:
        fh.write(data)


def generate(seed: int, out: str) -> dict:
    """Write the universe for `seed` into directory `out`; return its meta data."""
    g = Gen(seed)
    g.build()
    return g.write(out)


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    meta = generate(int(argv[1]), argv[2])
    print(json.dumps(meta, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
