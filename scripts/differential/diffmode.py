#!/usr/bin/env python3
"""Diff mode of the differential test: random universe pairs, real go versus `gomvs diff`.

    run.py --mode diff [--seeds 1-500 | --count N [--seed-base S]] --gomvs PATH [-j 2]
                       [--modes mod,readonly] [--save-mismatches] [--keep] [-v]

For every seed: gen.py writes a universe (the base side); `mutate()` copies its work
tree and applies one or two random edits to the main go.mod (the head side): a
requirement raised, lowered, added or dropped, a `// indirect` toggled, a replace
added / removed / retargeted (module and directory targets), an exclude added or
removed, the go line moved across 1.17, the toolchain line changed.  Sometimes the
sides are swapped, so every edit also appears reversed.

The judge is the real go: `go list -m -json all` in a pristine copy of each side (go
rewrites go.mod in -mod=mod mode).  From its two answers the harness derives the
expected change set (paths whose (Version, Replace, Indirect) differ or exist on one
side only, plus the main module's go/toolchain line) and checks the output of
`gomvs diff --dirs BASE HEAD --json`, run once on untouched copies with the same
environment and an empty module cache (both sides share the proxy and the cache).
When go fails on a side, gomvs must exit non-zero and name that side.

Last line: `differential-diff: N passed, M failed`.  See README.md ("Diff mode").
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen  # noqa: E402
import gosemver  # noqa: E402

TIMEOUT = 120
MAIN_PATH = gen.MAIN_PATH
MODES = {"readonly": "-mod=readonly", "mod": "-mod=mod", "default": ""}

# mutation kinds and weights
MUTATIONS = [
    ("raise", 10), ("lower", 8), ("add-require", 7), ("drop-require", 7),
    ("toggle-indirect", 4),
    ("replace-add", 7), ("replace-add-dir", 4), ("replace-remove", 5),
    ("replace-retarget", 5),
    ("exclude-add", 6), ("exclude-remove", 4),
    ("go-line", 6), ("toolchain", 2),
]
KINDS = {"added", "removed", "upgraded", "downgraded", "replacement-added",
         "replacement-changed", "replacement-removed", "direct-to-indirect",
         "indirect-to-direct"}


# --------------------------------------------------------------------------------------
# the universe as seen from its files


def unescape(s: str) -> str:
    out, up = [], False
    for c in s:
        if c == "!":
            up = True
            continue
        out.append(c.upper() if up else c)
        up = False
    return "".join(out)


def proxy_index(proxy: str) -> dict[str, list[str]]:
    """module path -> versions that have both .mod and .info in the proxy."""
    idx: dict[str, list[str]] = {}
    for root, dirs, files in os.walk(proxy):
        if os.path.basename(root) != "@v":
            continue
        path = unescape(os.path.relpath(os.path.dirname(root), proxy))
        vs = [unescape(f[:-4]) for f in files if f.endswith(".mod")
              and f[:-4] + ".info" in files]
        if vs:
            idx[path] = sorted(vs, key=_vkey)
    return idx


def _vkey(v: str):
    import functools
    return functools.cmp_to_key(gosemver.compare)(v)


REQ_BLOCK_LINE = re.compile(r"^\t(\S+) (\S+)( // indirect)?$")
REQ_LINE = re.compile(r"^require (\S+) (\S+)( // indirect)?$")


class GoMod:
    """The main go.mod as lines, with just enough structure for the mutations.

    gen.py writes well-formed files: `require (` blocks with one tab-indented
    requirement per line or single `require p v` lines; replace/exclude as single lines.
    """

    def __init__(self, text: str):
        self.lines = text.split("\n")

    def text(self) -> str:
        return "\n".join(self.lines)

    def requires(self) -> list[tuple[int, str, str, bool]]:
        out, block = [], False
        for i, line in enumerate(self.lines):
            if line == "require (":
                block = True
                continue
            if block and line == ")":
                block = False
                continue
            m = REQ_BLOCK_LINE.match(line) if block else REQ_LINE.match(line)
            if m:
                out.append((i, m.group(1), m.group(2), bool(m.group(3))))
        return out

    def directives(self, word: str) -> list[int]:
        return [i for i, line in enumerate(self.lines) if line.startswith(word + " ")]

    def go_line(self) -> tuple[int | None, str | None]:
        for i, line in enumerate(self.lines):
            if line.startswith("go "):
                return i, line[3:].strip()
        return None, None

    def append(self, line: str):
        if self.lines and self.lines[-1] == "":
            self.lines.insert(len(self.lines) - 1, line)
        else:
            self.lines.append(line)


def toolchain_of(text: str) -> str | None:
    for line in text.split("\n"):
        if line.startswith("toolchain "):
            return line[len("toolchain "):].strip()
    return None


def mutate(seed: int, work_b: str, idx: dict[str, list[str]]) -> list[str]:
    """Apply one or two random edits to work_b/main/go.mod; return their descriptions."""
    r = random.Random(f"diff-mutate-{seed}")
    gm_path = os.path.join(work_b, "main", "go.mod")
    with open(gm_path) as fh:
        gm = GoMod(fh.read())
    original = gm.text()
    n = 1 if r.random() < 0.7 else 2
    done: list[str] = []
    universe = [p for p in idx if p != MAIN_PATH]
    for _attempt in range(40):
        if len(done) >= n:
            break
        kind = gen_choice(r, MUTATIONS)
        desc = apply(kind, r, gm, idx, universe, work_b)
        if desc:
            done.append(desc)
    if gm.text() == original:
        # nothing applicable changed the file: raise the go line as the last resort
        desc = apply("go-line", r, gm, idx, universe, work_b)
        done.append(desc or "none")
    with open(gm_path, "w") as fh:
        fh.write(gm.text())
    return done


def gen_choice(r: random.Random, items):
    total = sum(w for _, w in items)
    x = r.uniform(0, total)
    for v, w in items:
        x -= w
        if x <= 0:
            return v
    return items[-1][0]


def _target(r: random.Random, idx, universe, orig: str, work_b: str) -> str:
    """A replacement target: another version of orig, another module, or a new directory."""
    x = r.random()
    if x < 0.35 and len(idx.get(orig, [])) > 0:
        return f"{orig} {r.choice(idx[orig])}"
    if x < 0.75:
        q = r.choice(universe)
        return f"{q} {r.choice(idx[q])}"
    return "../" + _new_local(r, idx, universe, orig, work_b)


def _new_local(r: random.Random, idx, universe, orig: str, work_b: str) -> str:
    n = 1
    while os.path.exists(os.path.join(work_b, f"local-d{n}")):
        n += 1
    name = f"local-d{n}"
    os.makedirs(os.path.join(work_b, name))
    reqs = []
    if r.random() < 0.7 and universe:
        q = r.choice(universe)
        reqs.append((q, r.choice(idx[q])))
    mv = gen.ModVersion(path=orig, version="", go=r.choice([None, "1.16", "1.17", "1.21", "1.22.1"]),
                        requires=reqs,
                        module_line=orig if r.random() < 0.85 else "example.com/whatever")
    with open(os.path.join(work_b, name, "go.mod"), "w") as fh:
        fh.write(mv.gomod())
    return name


def apply(kind: str, r: random.Random, gm: GoMod, idx, universe, work_b: str) -> str | None:
    reqs = gm.requires()
    if kind in ("raise", "lower"):
        cands = []
        for i, p, v, ind in reqs:
            vs = idx.get(p, [])
            other = [w for w in vs if (gosemver.compare(w, v) > 0) == (kind == "raise")
                     and w != v]
            if other:
                cands.append((i, p, v, other))
        if not cands:
            return None
        i, p, v, other = r.choice(cands)
        w = r.choice(other)
        gm.lines[i] = gm.lines[i].replace(f"{p} {v}", f"{p} {w}", 1)
        return f"{kind} {p} {v} -> {w}"
    if kind == "add-require":
        have = {p for _, p, _, _ in reqs}
        cands = [p for p in universe if p not in have]
        if not cands:
            return None
        p = r.choice(cands)
        v = r.choice(idx[p])
        ind = " // indirect" if r.random() < 0.3 else ""
        gm.append(f"require {p} {v}{ind}")
        return f"add-require {p} {v}{ind}"
    if kind == "drop-require":
        if not reqs:
            return None
        i, p, v, _ = r.choice(reqs)
        del gm.lines[i]
        return f"drop-require {p} {v}"
    if kind == "toggle-indirect":
        if not reqs:
            return None
        i, p, v, ind = r.choice(reqs)
        if ind:
            gm.lines[i] = gm.lines[i].replace(" // indirect", "")
        else:
            gm.lines[i] += " // indirect"
        return f"toggle-indirect {p} {v} ({'indirect' if ind else 'direct'} before)"
    if kind in ("replace-add", "replace-add-dir"):
        if not universe:
            return None
        # mostly a module the main module requires (likely in the build list)
        pool = [p for _, p, _, _ in reqs if p in idx]
        p = r.choice(pool) if pool and r.random() < 0.7 else r.choice(universe)
        lhs = p if r.random() < 0.5 else f"{p} {r.choice(idx[p])}"
        if kind == "replace-add-dir":
            target = "../" + _new_local(r, idx, universe, p, work_b)
        elif r.random() < 0.5:
            # the incident: the same module pinned to another (often older) version
            target = f"{p} {r.choice(idx[p])}"
        else:
            target = _target(r, idx, universe, p, work_b)
        gm.append(f"replace {lhs} => {target}")
        return f"{kind} {lhs} => {target}"
    if kind == "replace-remove":
        lines = gm.directives("replace")
        if not lines:
            return None
        i = r.choice(lines)
        desc = f"replace-remove {gm.lines[i][len('replace '):]}"
        del gm.lines[i]
        return desc
    if kind == "replace-retarget":
        lines = gm.directives("replace")
        if not lines:
            return None
        i = r.choice(lines)
        lhs, _, old = gm.lines[i][len("replace "):].partition(" => ")
        p = lhs.split(" ")[0]
        if p not in idx:
            return None
        new = _target(r, idx, universe, p, work_b)
        if new == old:
            return None
        gm.lines[i] = f"replace {lhs} => {new}"
        return f"replace-retarget {lhs} => {old} -> {new}"
    if kind == "exclude-add":
        if not universe:
            return None
        x = r.random()
        if x < 0.5 and reqs:
            _, p, v, _ = r.choice(reqs)  # exclude a required version
            if p not in idx:
                return None
        else:
            pool = [p for _, p, _, _ in reqs if p in idx] if x < 0.8 else []
            p = r.choice(pool) if pool else r.choice(universe)
            v = r.choice(idx[p])
        line = f"exclude {p} {v}"
        if line in gm.lines:
            return None
        gm.append(line)
        return f"exclude-add {p} {v}"
    if kind == "exclude-remove":
        lines = gm.directives("exclude")
        if not lines:
            return None
        i = r.choice(lines)
        desc = f"exclude-remove {gm.lines[i][len('exclude '):]}"
        del gm.lines[i]
        return desc
    if kind == "go-line":
        i, go = gm.go_line()
        if go is None or not gen.is_pruned_go(go):
            new = r.choice(["1.17", "1.19", "1.20", "1.21", "1.21.0", "1.22.1", "1.23"])
        else:
            new = r.choice(["1.16", "1.16", "1.14", None])
        if i is None:
            gm.lines.insert(1, "")
            gm.lines.insert(2, f"go {new}")
        elif new is None:
            del gm.lines[i]
        else:
            gm.lines[i] = f"go {new}"
        return f"go-line {go} -> {new}"
    if kind == "toolchain":
        idx_t = [i for i, line in enumerate(gm.lines) if line.startswith("toolchain ")]
        _, go = gm.go_line()
        if idx_t:
            i = idx_t[0]
            old = gm.lines[i]
            if r.random() < 0.5:
                del gm.lines[i]
                return f"toolchain-remove {old}"
            new = r.choice(["go1.21.0", "go1.22.3", "go1.24.2", "go1.27.3"])
            gm.lines[i] = f"toolchain {new}"
            return f"toolchain {old} -> {new}"
        if go is None:
            return None
        gi, _ = gm.go_line()
        new = r.choice(["go1.21.0", "go1.22.3", "go1.24.2", "go1.27.3"])
        gm.lines.insert(gi + 1, f"toolchain {new}")
        return f"toolchain-add {new}"
    raise ValueError(kind)


# --------------------------------------------------------------------------------------
# go's answer and the expected change set


def parse_json_stream(text: str) -> list[dict]:
    dec = json.JSONDecoder()
    out, i = [], 0
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            return out
        obj, i = dec.raw_decode(text, i)
        out.append(obj)


def entry(row: dict) -> dict:
    """What the diff compares for one `go list -m -json` row."""
    rep = row.get("Replace")
    return {
        "path": row["Path"],
        "version": row.get("Version", ""),
        "used": None if rep is None else {"path": rep["Path"], "version": rep.get("Version", "")},
        "indirect": bool(row.get("Indirect", False)),
        "main": bool(row.get("Main", False)),
        "go": row.get("GoVersion"),
    }


def side_rows(rows: list[dict]) -> dict[str, dict]:
    """path -> entry, keeping the first row of a path (as `go list -m all` prints)."""
    out: dict[str, dict] = {}
    for row in rows:
        out.setdefault(row["Path"], entry(row))
    return out


# most significant first (docs/json-schema.md, gomvs.diff)
KIND_ORDER = ["removed", "added", "downgraded", "upgraded", "replacement-added",
              "replacement-removed", "replacement-changed", "indirect-to-direct",
              "direct-to-indirect"]


def compared_versions(x: dict, y: dict) -> tuple[str, str]:
    """(after, before) versions that decide upgraded/downgraded.

    docs/json-schema.md: the versions the build uses, i.e. the replacements' when both
    sides use versions of the same module path (`replace m => m v1.5.0` over a selected
    v1.8.3 is a downgrade), else the selected versions.  A directory target is not a
    version of a module path."""
    def used(e):
        if e["used"] is None:
            return e["path"], e["version"]
        if e["used"]["version"] == "":
            return None
        return e["used"]["path"], e["used"]["version"]
    ux, uy = used(x), used(y)
    if ux is not None and uy is not None and ux[0] == uy[0]:
        return uy[1], ux[1]
    return y["version"], x["version"]


def expected_changes(a: dict[str, dict], b: dict[str, dict]) -> dict[str, dict]:
    """path -> {before, after, before_used, after_used, before_indirect, after_indirect,
    kinds (required), optional (allowed extra kinds)} for module paths."""
    out = {}
    for p in sorted(set(a) | set(b)):
        x, y = a.get(p), b.get(p)
        key = lambda e: None if e is None else (e["version"], e["used"], e["indirect"])  # noqa
        if key(x) == key(y):
            continue
        req: list[str] = []
        opt: list[str] = []
        if x is None:
            req.append("added")
            if y["used"] is not None:
                opt.append("replacement-added")
        elif y is None:
            req.append("removed")
            if x["used"] is not None:
                opt.append("replacement-removed")
        else:
            c = gosemver.compare(*compared_versions(x, y))
            if c > 0:
                req.append("upgraded")
            elif c < 0:
                req.append("downgraded")
            else:
                # the used versions are equal but the selected version moved (under an
                # unchanged replacement, or `m v1.3.3` vs `m v1.1.2 => m v1.3.3`): the
                # documented rule gives no direction; the selected versions' direction is
                # accepted (the path must be reported either way)
                cs = gosemver.compare(y["version"], x["version"])
                if cs:
                    opt.append("upgraded" if cs > 0 else "downgraded")
            if x["used"] is None and y["used"] is not None:
                req.append("replacement-added")
            elif x["used"] is not None and y["used"] is None:
                req.append("replacement-removed")
            elif x["used"] != y["used"]:
                req.append("replacement-changed")
            if not x["indirect"] and y["indirect"]:
                req.append("direct-to-indirect")
            elif x["indirect"] and not y["indirect"]:
                req.append("indirect-to-direct")
        out[p] = {
            "before": None if x is None else x["version"],
            "after": None if y is None else y["version"],
            "before_used": None if x is None else x["used"],
            "after_used": None if y is None else y["used"],
            "before_indirect": None if x is None else x["indirect"],
            "after_indirect": None if y is None else y["indirect"],
            "kinds": req,
            "optional": opt,
        }
    return out


def main_go_text(text: str) -> str | None:
    for line in text.split("\n"):
        if line.startswith("go "):
            return line[3:].strip()
    return None


def check(exp: dict, go_lines: dict, actual: dict) -> list[str]:
    """Problems of gomvs's JSON `actual` against the expected module changes `exp` and
    the go/toolchain line candidates `go_lines` ({"go": [(before, after), ...], ...}:
    any candidate is accepted; a candidate with before == after means "no entry")."""
    problems = []
    if actual.get("schema") != "gomvs.diff" or actual.get("version") != 1:
        problems.append(f"envelope: schema={actual.get('schema')!r} version={actual.get('version')!r}")
    data = actual.get("data") or {}
    changes = data.get("changes")
    if not isinstance(changes, list):
        return problems + ["data.changes is not a list"]
    got: dict[str, dict] = {}
    for ch in changes:
        p = ch.get("path")
        if p in got:
            problems.append(f"{p}: reported twice")
        got[p] = ch
    # go / toolchain lines
    for name, kind in (("go", "go-version"), ("toolchain", "toolchain-version")):
        ch = got.pop(name, None)
        cands = go_lines[name]
        if ch is None:
            if not any(b == a for b, a in cands):
                b, a = cands[0]
                problems.append(f"{name}: missing ({b} -> {a})")
            continue
        pair = (ch.get("before"), ch.get("after"))
        if not any(b != a and pair == (b, a) for b, a in cands):
            want = " or ".join(f"{b} -> {a}" for b, a in cands if b != a) or "no entry"
            problems.append(f"{name}: reported {pair[0]} -> {pair[1]}, want {want}")
        if ch.get("kinds") != [kind] or ch.get("kind") != kind:
            problems.append(f"{name}: kind {ch.get('kind')!r} kinds {ch.get('kinds')!r}, want [{kind!r}]")
    for p in sorted(set(exp) - set(got)):
        e = exp[p]
        problems.append(f"{p}: missing ({e['before']} -> {e['after']}, {','.join(e['kinds'])})")
    for p in sorted(set(got) - set(exp)):
        ch = got[p]
        problems.append(f"{p}: invented ({ch.get('before')} -> {ch.get('after')}, {ch.get('kinds')})")
    for p in sorted(set(got) & set(exp)):
        e, ch = exp[p], got[p]
        for f in ("before", "after", "before_used", "after_used", "before_indirect",
                  "after_indirect"):
            if f not in ch:
                problems.append(f"{p}: no field {f}")
            elif ch[f] != e[f]:
                problems.append(f"{p}: {f} = {json.dumps(ch[f])}, go says {json.dumps(e[f])}")
        kinds = ch.get("kinds")
        if not isinstance(kinds, list) or not kinds:
            problems.append(f"{p}: kinds {kinds!r}")
            continue
        if ch.get("kind") != kinds[0]:
            problems.append(f"{p}: kind {ch.get('kind')!r} is not kinds[0] {kinds[0]!r}")
        if len(set(kinds)) != len(kinds):
            problems.append(f"{p}: repeated kinds {kinds}")
        unknown = [k for k in kinds if k not in KINDS]
        missing = [k for k in e["kinds"] if k not in kinds]
        extra = [k for k in kinds if k not in e["kinds"] and k not in e["optional"]
                 and k not in unknown]
        if unknown:
            problems.append(f"{p}: unknown kinds {unknown}")
        if missing or extra:
            problems.append(f"{p}: kinds {kinds}, go's data gives {e['kinds']}"
                            + (f" (+optional {e['optional']})" if e["optional"] else ""))
        known = [k for k in kinds if k in KIND_ORDER]
        if known != sorted(known, key=KIND_ORDER.index):
            problems.append(f"{p}: kinds {kinds} not most significant first")
        if kinds[0] in ("added", "removed") or any(k in ("added", "removed") for k in e["kinds"]):
            if kinds[0] not in ("added", "removed"):
                problems.append(f"{p}: kind {kinds[0]!r} but the module is {e['kinds'][0]}")
    return problems


# --------------------------------------------------------------------------------------
# the harness


def tree_hash(root: str, skip: str | None = None) -> str:
    """Hash of every file's name, content and mtime under root (a top-level `skip` left out)."""
    h = hashlib.sha256()
    for d, dirs, files in sorted(os.walk(root)):
        if d == root and skip in dirs:
            dirs.remove(skip)
        dirs.sort()
        for f in sorted(files):
            p = os.path.join(d, f)
            h.update(os.path.relpath(p, root).encode() + b"\0")
            h.update(str(os.lstat(p).st_mtime_ns).encode())
            with open(p, "rb") as fh:
                h.update(fh.read())
    return h.hexdigest()


def expected_lines(pair: str, sides) -> dict:
    """Candidates for the `go` and `toolchain` entries (see check()).

    Single module: the go line is the main module's GoVersion in go's JSON (with
    -mod=mod go reports 1.27.3 for a go.mod without a go line), or the go.mod text's;
    the toolchain line is the go.mod text's.  Workspace (GOWORK auto finds
    work/go.work): go.work's go and toolchain lines (docs/json-schema.md); go's JSON
    has no field for them, so the text is the judge."""
    texts, work = [], []
    for s in ("base", "head"):
        with open(os.path.join(pair, s, "work", "main", "go.mod")) as fh:
            texts.append(fh.read())
        w = os.path.join(pair, s, "work", "go.work")
        work.append(open(w).read() if os.path.exists(w) else None)
    if work[0] is not None or work[1] is not None:
        t = [w or "" for w in work]
        return {"go": [(main_go_text(t[0]), main_go_text(t[1]))],
                "toolchain": [(toolchain_of(t[0]), toolchain_of(t[1]))]}
    gv = [sd.rows.get(MAIN_PATH, {}).get("go") for sd in sides]
    gt = [main_go_text(t) for t in texts]
    return {"go": [(gv[0], gv[1])] + ([(gt[0], gt[1])] if gt != gv else []),
            "toolchain": [(toolchain_of(texts[0]), toolchain_of(texts[1]))]}


class Side:
    def __init__(self, code: int, stdout: str, stderr: str, secs: float):
        self.code, self.stdout, self.stderr, self.secs = code, stdout, stderr, secs
        self.rows = side_rows(parse_json_stream(stdout)) if code == 0 else None


class DiffHarness:
    def __init__(self, args, base):
        """`base` is run.py's Harness (environment, scratch directory, rmtree)."""
        self.args = args
        self.h = base
        self.go = base.go
        self.lock = threading.Lock()
        self.passed = self.failed = self.nondet = 0
        self.go_runs = self.impl_runs = 0
        self.go_secs = self.impl_secs = 0.0
        self.outcomes: dict[str, int] = {}
        self.mutation_counts: dict[str, int] = {}
        self.kind_counts: dict[str, int] = {}
        self.changes_total = 0

    def env(self, root: str, proxy: str, goflags: str) -> dict:
        env = self.h.env(root, proxy, "proxy", goflags, "auto")
        return env

    def prepare(self, root: str):
        for d in ("modcache", "gopath"):
            os.makedirs(os.path.join(root, d), exist_ok=True)
        tel = os.path.join(root, "home", ".config", "go", "telemetry")
        os.makedirs(tel, exist_ok=True)
        with open(os.path.join(tel, "mode"), "w") as fh:
            fh.write("off\n")

    def run_go(self, work: str, proxy: str, goflags: str, tag: str) -> Side:
        root = tempfile.mkdtemp(prefix=tag + "-", dir=self.h.tmp)
        shutil.copytree(work, os.path.join(root, "work"), symlinks=True)
        self.prepare(root)
        env = self.env(root, proxy, goflags)
        t0 = time.monotonic()
        try:
            p = subprocess.run([self.go, "list", "-m", "-json", "all"],
                               cwd=os.path.join(root, "work", "main"), env=env,
                               capture_output=True, timeout=TIMEOUT)
            code, out, err = p.returncode, p.stdout, p.stderr
        except subprocess.TimeoutExpired as e:
            code, out, err = -1, e.stdout or b"", (e.stderr or b"") + b"[harness: timeout]"
        secs = time.monotonic() - t0
        side = Side(code, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), secs)
        if not self.args.keep:
            self.h_rmtree(root)
        return side

    def h_rmtree(self, p):
        import run  # noqa: E402  (rmtree that copes with read-only module caches)
        run.rmtree(p)

    def run_gomvs(self, argv: list[str], cwd: str, proxy: str,
                  goflags: str) -> tuple[int, str, str, float]:
        root = tempfile.mkdtemp(prefix="im-", dir=self.h.tmp)
        self.prepare(root)
        env = self.env(root, proxy, goflags)
        # relative --dirs, run from the pair's directory (absolute --dirs paths were
        # rejected by the first gomvs diff unless the working directory was /)
        t0 = time.monotonic()
        try:
            p = subprocess.run([self.h.gomvs, *argv], cwd=cwd, env=env, capture_output=True,
                               timeout=TIMEOUT)
            code, out, err = p.returncode, p.stdout, p.stderr
        except subprocess.TimeoutExpired as e:
            code, out, err = -1, e.stdout or b"", (e.stderr or b"") + b"[harness: timeout]"
        except OSError as e:
            code, out, err = -2, b"", f"[harness: cannot run gomvs: {e}]".encode()
        secs = time.monotonic() - t0
        if not self.args.keep:
            self.h_rmtree(root)
        return code, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), secs

    def make_pair(self, seed: int) -> tuple[str, dict, list[str]]:
        pair = os.path.join(self.h.tmp, f"p{seed}")
        udir = os.path.join(pair, "u")
        meta = gen.generate(seed, udir)
        idx = proxy_index(os.path.join(udir, "proxy"))
        shutil.copytree(os.path.join(udir, "work"), os.path.join(pair, "base", "work"))
        shutil.copytree(os.path.join(udir, "work"), os.path.join(pair, "head", "work"))
        muts = mutate(seed, os.path.join(pair, "head", "work"), idx)
        if random.Random(f"diff-swap-{seed}").random() < 0.3:
            os.rename(os.path.join(pair, "base"), os.path.join(pair, "tmp"))
            os.rename(os.path.join(pair, "head"), os.path.join(pair, "base"))
            os.rename(os.path.join(pair, "tmp"), os.path.join(pair, "head"))
            muts = ["(reversed) " + m for m in muts]
        return pair, meta, muts

    def judge(self, pair: str, mode: str) -> tuple[Side, Side, dict | None, dict]:
        proxy = os.path.join(pair, "u", "proxy")
        sides = [self.run_go(os.path.join(pair, s, "work"), proxy, MODES[mode], f"go-{s}")
                 for s in ("base", "head")]
        exp = None
        go_lines: dict = {}
        if sides[0].code == 0 and sides[1].code == 0:
            exp = expected_changes(sides[0].rows, sides[1].rows)
            go_lines = expected_lines(pair, sides)
        return sides[0], sides[1], exp, go_lines

    def make_git(self, pair: str):
        """pair/git: a repository whose two commits are the base and head work trees
        (main module in main/, go.work and replacement directories beside it); the
        working tree is left at the head state."""
        repo = os.path.join(pair, "git")
        os.makedirs(repo)
        genv = dict(os.environ, GIT_AUTHOR_NAME="d", GIT_AUTHOR_EMAIL="d@example.com",
                    GIT_COMMITTER_NAME="d", GIT_COMMITTER_EMAIL="d@example.com",
                    GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL="/dev/null")

        def git(*a):
            subprocess.run(["git", "-C", repo, *a], check=True, capture_output=True, env=genv)
        git("init", "-q", "-b", "main")
        for side in ("base", "head"):
            for n in os.listdir(repo):
                if n != ".git":
                    p = os.path.join(repo, n)
                    shutil.rmtree(p) if os.path.isdir(p) else os.remove(p)
            src = os.path.join(pair, side, "work")
            for n in os.listdir(src):
                q = os.path.join(src, n)
                if os.path.isdir(q):
                    shutil.copytree(q, os.path.join(repo, n), copy_function=shutil.copy)
                else:
                    shutil.copy(q, os.path.join(repo, n))
            # an empty index first: git's stat cache could take a changed file for unchanged
            git("read-tree", "--empty")
            git("add", "-A")
            git("commit", "-q", "--allow-empty", "-m", side)

    def forms(self, pair: str) -> list[tuple[str, list[str], str]]:
        """(form, gomvs arguments, working directory) of each way the pair is diffed."""
        out = [("dirs", ["diff", "--dirs", os.path.join("base", "work", "main"),
                         os.path.join("head", "work", "main"), "--json"], pair)]
        if "git" in self.args.diff_forms:
            out.append(("git", ["diff", "HEAD~1", "HEAD", "--json"],
                        os.path.join(pair, "git", "main")))
        if "worktree" in self.args.diff_forms:
            out.append(("worktree", ["diff", "HEAD~1", "--json"],
                        os.path.join(pair, "git", "main")))
        if "absdirs" in self.args.diff_forms:
            # absolute directories from another working directory (not in the default
            # forms: the first gomvs diff rejected them, see scripts/README.md)
            out.append(("absdirs", ["diff", "--dirs", os.path.join(pair, "base", "work", "main"),
                                    os.path.join(pair, "head", "work", "main"), "--json"],
                        os.path.join(pair, "u")))
        if "dirs" not in self.args.diff_forms:
            out = out[1:]
        return out

    def run_seed(self, seed: int):
        pair, meta, muts = self.make_pair(seed)
        proxy = os.path.join(pair, "u", "proxy")
        lines = []
        stats = [0, 0, 0]
        for m in muts:
            k = m.replace("(reversed) ", "").split(" ")[0]
            with self.lock:
                self.mutation_counts[k] = self.mutation_counts.get(k, 0) + 1
        if {"git", "worktree"} & set(self.args.diff_forms):
            self.make_git(pair)
        before_hash = tree_hash(pair, skip="u")
        for mode in self.args.modes:
            a, b, exp, go_lines = self.judge(pair, mode)
            outcome = ("ok/ok" if exp is not None else
                       f"{'ok' if a.code == 0 else 'fail'}/{'ok' if b.code == 0 else 'fail'}")
            with self.lock:
                self.go_runs += 2
                self.go_secs += a.secs + b.secs
                self.outcomes[f"{mode} {outcome}"] = self.outcomes.get(f"{mode} {outcome}", 0) + 1
            rejudged = None
            for form, argv, cwd in self.forms(pair):
                code, out, err, secs = self.run_gomvs(argv, cwd, proxy, MODES[mode])
                problems = self.compare(pair, a, b, exp, go_lines, code, out, err)
                with self.lock:
                    self.impl_runs += 1
                    self.impl_secs += secs
                    if exp is not None and not problems and form == "dirs":
                        self.changes_total += len(exp)
                        for e in exp.values():
                            for k in e["kinds"]:
                                self.kind_counts[k] = self.kind_counts.get(k, 0) + 1
                if problems:
                    # is go deterministic on these sides?
                    if rejudged is None:
                        rejudged = self.judge(pair, mode)
                    a2, b2, exp2, _ = rejudged
                    if (a2.code, b2.code, exp2) != (a.code, b.code, exp):
                        stats[2] += 1
                        lines.append(f"NONDETERMINISTIC seed={seed} mode={mode} form={form}: "
                                     f"go's answer changed on a re-run")
                        if not self.compare(pair, a2, b2, exp2, go_lines, code, out, err):
                            stats[0] += 1
                            continue
                if problems:
                    stats[1] += 1
                    lines.append(f"MISMATCH seed={seed} mode={mode} form={form} "
                                 f"mutations={muts!r}: " + "; ".join(problems[:4])
                                 + (f" (+{len(problems) - 4} more)" if len(problems) > 4 else ""))
                    if self.args.save_mismatches:
                        self.save(seed, pair, meta, muts, mode, form, argv, a, b, exp, go_lines,
                                  (code, out, err), problems)
                else:
                    stats[0] += 1
        if tree_hash(pair, skip="u") != before_hash:
            stats[1] += 1
            lines.append(f"MISMATCH seed={seed}: gomvs diff changed files in its input "
                         f"directories or the git repository")
        with self.lock:
            self.passed += stats[0]
            self.failed += stats[1]
            self.nondet += stats[2]
            for line in lines:
                print(line, flush=True)
            if self.args.verbose:
                print(f"seed {seed}: {stats[0]} passed, {stats[1]} failed; {'; '.join(muts)}",
                      flush=True)
        if not self.args.keep:
            self.h_rmtree(pair)
        return stats

    def compare(self, pair, a: Side, b: Side, exp, go_lines, code, out, err) -> list[str]:
        if exp is None:
            if code == 0:
                failing = [n for n, s in (("base", a), ("head", b)) if s.code != 0]
                first = (a if a.code != 0 else b).stderr.strip().split("\n")[0]
                return [f"go fails on {'+'.join(failing)} ({first[:120]}) but gomvs diff exit 0"]
            failing = [(n, s) for n, s in (("base", a), ("head", b)) if s.code != 0]
            low = err.lower()
            named = any(n in low or os.path.join(n, "work", "main") in err for n, _ in failing)
            if not named:
                return [f"gomvs diff exit {code} but stderr names neither "
                        f"{' nor '.join(n for n, _ in failing)}: {err.strip()[:160]!r}"]
            blamed = set(re.findall(r"cannot resolve the (base|head)\b", err))
            wrong = blamed - {n for n, _ in failing}
            if wrong:
                return [f"gomvs diff blames the {'/'.join(sorted(wrong))} side, where go "
                        f"succeeds: {err.strip()[:160]!r}"]
            return []
        if code != 0:
            return [f"go succeeds on both sides, gomvs diff exit {code}: "
                    f"{err.strip().splitlines()[0][:200] if err.strip() else ''}"]
        try:
            actual = json.loads(out)
        except ValueError as e:
            return [f"stdout is not JSON: {e}"]
        return check(exp, go_lines, actual)

    def save(self, seed, pair, meta, muts, mode, form, argv, a, b, exp, go_lines, act,
             problems):
        dest = os.path.join(self.args.save_dir, f"diff-{seed}-{mode}"
                            + ("" if form == "dirs" else f"-{form}"))
        if os.path.exists(dest):
            self.h_rmtree(dest)
        os.makedirs(dest)
        shutil.copytree(os.path.join(pair, "u", "proxy"), os.path.join(dest, "proxy"))
        for s in ("base", "head"):
            shutil.copytree(os.path.join(pair, s, "work"), os.path.join(dest, s, "work"))
        if form in ("git", "worktree"):
            shutil.copytree(os.path.join(pair, "git"), os.path.join(dest, "git"), symlinks=True)
        if form == "absdirs":
            argv = [a.replace(pair, "@HERE@") for a in argv]
        meta = dict(meta, mutations=muts)
        with open(os.path.join(dest, "meta.json"), "w") as fh:
            json.dump(meta, fh, indent=1)
            fh.write("\n")
        with open(os.path.join(dest, "case.json"), "w") as fh:
            json.dump({"seed": seed, "mode": mode, "goflags": MODES[mode], "form": form,
                       "go": ["go", "list", "-m", "-json", "all"],
                       "gomvs": ["gomvs", *argv],
                       "cwd": {"dirs": ".", "absdirs": "proxy"}.get(form, "git/main")},
                      fh, indent=1)
            fh.write("\n")
        with open(os.path.join(dest, "expected.json"), "w") as fh:
            json.dump({"base": {"exit": a.code, "stderr": a.stderr, "rows": a.rows},
                       "head": {"exit": b.code, "stderr": b.stderr, "rows": b.rows},
                       "changes": exp, "lines": go_lines}, fh, indent=1)
            fh.write("\n")
        code, out, err = act
        for name, text in (("actual.stdout", out), ("actual.stderr", err),
                           ("actual.exit", f"{code}\n"), ("problems.txt", "\n".join(problems) + "\n")):
            with open(os.path.join(dest, name), "w") as fh:
                fh.write(text)
        with open(os.path.join(dest, "repro.sh"), "w") as fh:
            fh.write(REPRO_SH)
        os.chmod(os.path.join(dest, "repro.sh"), 0o755)


REPRO_SH = r"""#!/usr/bin/env bash
# Re-run this diff-mode case.
#   ./repro.sh            the real go: `go list -m all` on copies of base/ and head/
#   ./repro.sh GOMVS      gomvs as in case.json: `diff --dirs base/work/main head/work/main
#                         --json` in ., or `diff HEAD~1 [HEAD] --json` in git/main (the
#                         repository whose commits are base/work and head/work)
set -u
here=$(cd "$(dirname "$0")" && pwd)
goflags=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["goflags"])' "$here/case.json")
t=$(mktemp -d)
mkdir -p "$t/gopath" "$t/home/.config/go/telemetry" "$t/gocache" "$t/modcache"
echo off > "$t/home/.config/go/telemetry/mode"
envs=(PATH="$(dirname "$(command -v go)"):/usr/bin:/bin" HOME="$t/home" GOPATH="$t/gopath"
      GOMODCACHE="$t/modcache" GOCACHE="$t/gocache" GOTOOLCHAIN=local GOSUMDB=off GOENV=off
      GOTELEMETRY=off GONOSUMDB= GOPRIVATE= GONOPROXY= GOINSECURE= LANG=C
      GOPROXY="file://$here/proxy" GOFLAGS="$goflags")
if [ $# -eq 0 ]; then
  for s in base head; do
    cp -a "$here/$s" "$t/$s"
    echo "--- $s: go list -m all (GOFLAGS=$goflags)"
    (cd "$t/$s/work/main" && env -i "${envs[@]}" go list -m all; echo "--- exit $?")
  done
else
  bin=$1; case $bin in */*) bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin");; esac
  cwd=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["cwd"])' "$here/case.json")
  args=$(python3 -c 'import json,sys; print(" ".join(json.load(open(sys.argv[1]))["gomvs"][1:]).replace("@HERE@", sys.argv[2]))' "$here/case.json" "$here")
  (cd "$here/$cwd" && env -i "${envs[@]}" "$bin" $args; echo "--- exit $?")
fi
chmod -R u+w "$t"; rm -rf "$t"
"""


def run(args, base) -> int:
    """Entry point used by run.py --mode diff."""
    h = DiffHarness(args, base)
    seeds = args.seed_list
    t0 = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.j)) as ex:
        futs = [ex.submit(h.run_seed, s) for s in seeds]
        for i, fut in enumerate(concurrent.futures.as_completed(futs), 1):
            fut.result()
            if i % 50 == 0 and i < len(seeds):
                print(f"differential-diff: progress {i}/{len(seeds)} pairs, {h.passed} passed, "
                      f"{h.failed} failed, {time.monotonic() - t0:.0f}s", file=sys.stderr,
                      flush=True)
    wall = time.monotonic() - t0
    print(f"differential-diff: {len(seeds)} pairs x {len(args.modes)} modes in {wall:.0f}s wall; "
          f"go {h.go_runs} runs avg {1000 * h.go_secs / max(1, h.go_runs):.0f}ms, gomvs diff "
          f"{h.impl_runs} runs avg {1000 * h.impl_secs / max(1, h.impl_runs):.0f}ms; "
          f"nondeterministic: {h.nondet}", flush=True)
    print("differential-diff: go outcome (base/head) per mode: " + ", ".join(
        f"{k} {v}" for k, v in sorted(h.outcomes.items())), flush=True)
    print("differential-diff: mutations: " + ", ".join(
        f"{k} {v}" for k, v in sorted(h.mutation_counts.items())), flush=True)
    print(f"differential-diff: {h.changes_total} expected changes judged; kinds: " + ", ".join(
        f"{k} {v}" for k, v in sorted(h.kind_counts.items())), flush=True)
    print(f"differential-diff: {h.passed} passed, {h.failed} failed", flush=True)
    return 1 if h.failed else 0
