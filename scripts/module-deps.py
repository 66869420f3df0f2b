#!/usr/bin/env python3
"""Module dependency graph of each library crate, and its cycles.

Scans every `.rs` file under crates/*/src, maps it to its module path
(`loader/summaries.rs` -> `loader::summaries`), and collects the paths it
names: `crate::a::b`, `crate::{a, b::c}`, `super::x`, `self::x`, and names
re-exported at the crate root (`crate::Error` counts as a use of the module
that `lib.rs` re-exports it from). Comments, strings and `#[cfg(test)]`
modules are left out: a dependency is what the library code needs.

The edges are folded to the crate's top-level modules (`loader::summaries`
-> `listing` counts as `loader` -> `listing`) and the strongly connected
components with more than one module are the cycles. For each one the
script prints the modules, one cycle through them, and the file:line behind
each edge of that cycle.

  python3 scripts/module-deps.py            # report every crate
  python3 scripts/module-deps.py --check    # exit 1 on a cycle not in the allow-list
  python3 scripts/module-deps.py --depth 2  # fold to two levels (loader::summaries)

The allow-list (scripts/module-deps-allow.txt) names cycles that are known and
not yet broken, one a line: `crate: a b c` (the modules of one component, any
order). `--check` fails when a component is not contained in an allowed one,
so a new cycle (or an allowed one that grows) fails CI. Lines of an allowed
cycle that no longer occurs are reported so the list can shrink.
"""

import argparse
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ALLOW = os.path.join(ROOT, "scripts", "module-deps-allow.txt")
IDENT = r"[A-Za-z_][A-Za-z0-9_]*"


def strip_code(text):
    """Blank out comments, strings and char literals, keeping line numbers."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            i = j
            continue
        if text.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if text.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif text.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            out.append("\n" * text.count("\n", i, j))
            i = j
            continue
        m = re.match(r'b?r(#*)"', text[i:i + 12]) if c in "rb" and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")) else None
        if m:
            close = '"' + m.group(1)
            j = text.find(close, i + m.end())
            j = n if j < 0 else j + len(close)
            out.append('""' + "\n" * text.count("\n", i, j))
            i = j
            continue
        if c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            j += 1
            out.append('""' + "\n" * text.count("\n", i, j))
            i = j
            continue
        if c == "'":
            # char literal ('a', '\n', '\u{1F}') or lifetime ('a)
            m = re.match(r"'(\\u\{[0-9a-fA-F]+\}|\\.|[^\\'])'", text[i:i + 12])
            if m:
                out.append("' '")
                i += m.end()
                continue
        out.append(c)
        i += 1
    return "".join(out)


def drop_test_modules(code):
    """Remove `#[cfg(test)] mod name { ... }` blocks (line count kept)."""
    while True:
        m = re.search(r"#\[cfg\(test\)\]\s*(#\[[^\]]*\]\s*)*(pub(\([^)]*\))?\s+)?mod\s+" + IDENT + r"\s*\{", code)
        if not m:
            return code
        depth, j = 0, m.end() - 1
        while j < len(code):
            if code[j] == "{":
                depth += 1
            elif code[j] == "}":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        code = code[: m.start()] + "\n" * code.count("\n", m.start(), j + 1) + code[j + 1:]


def module_of(src, path):
    rel = os.path.relpath(path, src)[:-3].split(os.sep)
    if rel[-1] in ("lib", "main") and len(rel) == 1:
        return []
    if rel[-1] == "mod":
        rel = rel[:-1]
    return rel


def use_tree_heads(code, start):
    """First path segments of a `{a::b, c, d::{e}}` group at code[start] == '{'."""
    heads, depth, j, expect = [], 0, start, True
    while j < len(code):
        c = code[j]
        if c == "{":
            depth += 1
            expect = depth == 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                break
        elif c == "," and depth == 1:
            expect = True
        elif expect and depth == 1:
            m = re.match(IDENT, code[j:])
            if m:
                heads.append((m.group(0), code.count("\n", 0, j) + 1))
                expect = False
                j += m.end()
                continue
        j += 1
    return heads


def root_reexports(src, lib_code):
    """name -> module for `pub use module::{...}` / `pub use module::Name` in lib.rs."""
    names = {}
    for m in re.finditer(r"pub\s+use\s+(" + IDENT + r")::([^;]*);", lib_code):
        module, rest = m.group(1), m.group(2)
        for name in re.findall(IDENT, rest):
            names[name] = module
    return names


def scan_crate(crate_dir):
    src = os.path.join(crate_dir, "src")
    files = []
    for d, _, fs in os.walk(src):
        for f in fs:
            if f.endswith(".rs"):
                files.append(os.path.join(d, f))
    lib = os.path.join(src, "lib.rs")
    if not os.path.exists(lib):
        lib = os.path.join(src, "main.rs")
    if not os.path.exists(lib):
        return None
    with open(lib, encoding="utf-8") as fh:
        reexports = root_reexports(src, strip_code(fh.read()))
    edges = {}  # (from_path tuple, to_path tuple) -> [(file, line)]
    modules = set()
    for path in sorted(files):
        mod = module_of(src, path)
        modules.add(tuple(mod))
        with open(path, encoding="utf-8") as fh:
            code = drop_test_modules(strip_code(fh.read()))
        rel = os.path.relpath(path, ROOT)

        def add(target, pos):
            line = code.count("\n", 0, pos) + 1
            edges.setdefault((tuple(mod), tuple(target)), []).append((rel, line))

        for m in re.finditer(r"(?<![A-Za-z0-9_:])(crate|super|self)((?:\s*::\s*super)*)\s*::\s*", code):
            kind, supers = m.group(1), m.group(2).count("super")
            if kind == "crate":
                base = []
            else:
                # a file `a/b.rs` or `a/b/mod.rs` is module a::b; super is a
                base = list(mod)
                ups = supers + (1 if kind == "super" else 0)
                if ups > len(base):
                    continue
                base = base[: len(base) - ups]
            rest = code[m.end():]
            if rest.startswith("{"):
                for head, _ in use_tree_heads(code, m.end()):
                    if head in ("self", "super"):
                        continue
                    add(base + [head], m.end())
                continue
            segs = re.match(IDENT + r"(\s*::\s*" + IDENT + r")*", rest)
            if not segs:
                continue
            parts = [p.strip() for p in segs.group(0).split("::")]
            add(base + parts, m.start())
    return src, modules, edges, reexports


def fold(target, modules, reexports, depth):
    """The module (folded to `depth` levels) that a path names, or None."""
    t = list(target)
    if not t:
        return None
    if len(t) >= 1 and (t[0],) not in modules:
        mod = reexports.get(t[0])
        if mod is None:
            return None  # a crate-root item, an external crate, a macro
        t = [mod] + t[1:]
    # keep the longest prefix that is a module file
    best = None
    for k in range(1, len(t) + 1):
        if tuple(t[:k]) in modules:
            best = t[:k]
    if best is None:
        return None
    return tuple(best[:depth])


def sccs(nodes, adj):
    """Tarjan's algorithm, iterative."""
    index, low, on, stack, out, counter = {}, {}, set(), [], [], [0]
    for root in sorted(nodes):
        if root in index:
            continue
        work = [(root, iter(sorted(adj.get(root, ()))))]
        index[root] = low[root] = counter[0]
        counter[0] += 1
        stack.append(root)
        on.add(root)
        while work:
            v, it = work[-1]
            advanced = False
            for w in it:
                if w not in index:
                    index[w] = low[w] = counter[0]
                    counter[0] += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(adj.get(w, ())))))
                    advanced = True
                    break
                if w in on:
                    low[v] = min(low[v], index[w])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                out.append(sorted(comp))
    return out


def one_cycle(comp, adj):
    """A shortest cycle through the first module of a component (BFS)."""
    members = set(comp)
    start = comp[0]
    prev, queue = {start: None}, [start]
    while queue:
        nxt = []
        for v in queue:
            for w in sorted(adj.get(v, ())):
                if w not in members:
                    continue
                if w == start:
                    path = [v]
                    while prev[path[-1]] is not None:
                        path.append(prev[path[-1]])
                    return list(reversed(path)) + [start]
                if w not in prev:
                    prev[w] = v
                    nxt.append(w)
        queue = nxt
    return [start]


def name(m):
    return "::".join(m) if m else "(root)"


def analyse(crate_dir, depth):
    scanned = scan_crate(crate_dir)
    if scanned is None:
        return None
    src, modules, edges, reexports = scanned
    adj, why = {}, {}
    nodes = set()
    for (a, b), places in edges.items():
        fa = tuple(a[:depth]) if a else None
        fb = fold(b, modules, reexports, depth)
        if not fa or not fb:
            continue
        nodes.add(fa)
        nodes.add(fb)
        if fa == fb:
            continue
        adj.setdefault(fa, set()).add(fb)
        why.setdefault((fa, fb), []).extend(places)
    comps = [c for c in sccs(nodes, adj) if len(c) > 1]
    return nodes, adj, why, sorted(comps)


def load_allow():
    allow = []
    if not os.path.exists(ALLOW):
        return allow
    with open(ALLOW, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            crate, _, mods = line.partition(":")
            allow.append((crate.strip(), frozenset(mods.split()), raw.rstrip("\n")))
    return allow


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="fail on a cycle not in the allow-list")
    ap.add_argument("--depth", type=int, default=1, help="module levels to fold to (default 1)")
    ap.add_argument("--edges", action="store_true", help="also print every edge")
    args = ap.parse_args()
    allow = load_allow() if args.depth == 1 else []
    used = set()
    bad = 0
    total = 0
    crates_dir = os.path.join(ROOT, "crates")
    for crate in sorted(os.listdir(crates_dir)):
        res = analyse(os.path.join(crates_dir, crate), args.depth)
        if res is None:
            continue
        nodes, adj, why, comps = res
        in_cycles = sum(len(c) for c in comps)
        total += len(comps)
        print(f"{crate}: {len(nodes)} modules, {sum(len(v) for v in adj.values())} edges, "
              f"{len(comps)} cycle(s) over {in_cycles} module(s)")
        if args.edges:
            for a in sorted(adj):
                print(f"  {name(a)} -> {', '.join(name(b) for b in sorted(adj[a]))}")
        for comp in comps:
            names = frozenset(name(m) for m in comp)
            allowed = None
            for i, (ac, amods, raw) in enumerate(allow):
                if ac == crate and names <= amods:
                    allowed = i
            tag = "allowed" if allowed is not None else "CYCLE"
            if allowed is not None:
                used.add(allowed)
            else:
                bad += 1
            print(f"  {tag}: {{{', '.join(sorted(names))}}}")
            cyc = one_cycle(comp, adj)
            for a, b in zip(cyc, cyc[1:]):
                f, line = why[(a, b)][0]
                more = len(why[(a, b)]) - 1
                extra = f" (+{more} more)" if more else ""
                print(f"    {name(a)} -> {name(b)}  {f}:{line}{extra}")
    for i, (_, _, raw) in enumerate(allow):
        if i not in used:
            print(f"allow-list entry no longer needed: {raw}")
    print(f"total: {total} cycle(s)")
    if args.check and bad:
        print(f"error: {bad} cycle(s) not in {os.path.relpath(ALLOW, ROOT)}; "
              "break them (move the shared item to the module it belongs to)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
