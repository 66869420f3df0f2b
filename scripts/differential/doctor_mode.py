#!/usr/bin/env python3
"""Differential `doctor` mode: `gomvs doctor --json`'s prediction of what
`go mod download` does, judged by the real go on random universes.

Per seed (gen.py, plus a zip per version as in get_mode.py), the proxy is
split into two `file://` directories A and B: each file lands in both, in A
only, in B only, or in neither, and sometimes A holds a directory where the
file should be (a read error, which is not "not found": after `,` the list
stops there). Then, for each GOPROXY chain (`A,B`, `A|B`, `A`, `A,off`):

* prediction: every module `go mod download -json` reports, with its
  `Error` text (or none), must be exactly the plan's downloads (path,
  version, error); when go fails before downloading (a go.mod no entry
  serves), go's stderr must be the plan's `load_error`, line for line;
* go.sum: with GOSUMDB=sum.golang.org (unreachable here) and a GONOSUMDB
  that covers some module paths, go must fail on a checksum lookup exactly
  when the plan has a lookup (and then for a module version the plan names),
  and must not fail on one otherwise.

And once per seed, the export: `gomvs doctor --export-proxy E` from the
whole proxy, then with `GOPROXY=file://E`, a fresh module cache and
`GOFLAGS=-mod=readonly`, `go list -m all` must print what it prints from the
whole proxy, `go mod download` must succeed when it succeeds from the whole
proxy, and `go mod verify` with `GOPROXY=off` (the cache just filled) must
say `all modules verified`.

Usage: doctor_mode.py --gomvs target/debug/gomvs [--seeds 1-40] [-j 2] [-v]
Last line: `differential doctor: N passed, M failed`.
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
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402
import get_mode  # noqa: E402

GO = get_mode.GO
CHAINS = [("comma", "A,B"), ("pipe", "A|B"), ("single", "A"), ("off", "A,off")]


def json_stream(text: str) -> list:
    dec = json.JSONDecoder()
    out, i = [], 0
    while i < len(text):
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text) or text[i] != "{":
            break
        obj, i = dec.raw_decode(text, i)
        out.append(obj)
    return out


def split_proxy(proxy: str, a: str, b: str, rng: random.Random) -> None:
    """Copies proxy's files into a and b: both, one, neither, or a directory in a."""
    for dirpath, _dirs, files in os.walk(proxy):
        rel = os.path.relpath(dirpath, proxy)
        for f in files:
            src = os.path.join(dirpath, f)
            r = rng.random()
            # go.mod files are lost or broken rarely (either fails the whole
            # load): most chains should reach the downloads.
            is_mod = f.endswith(".mod")
            lose = 0.01 if is_mod else 0.10
            broken = 0.01 if is_mod else 0.05
            if f == "list" or r < 0.45:
                where = "AB"
            elif r < 0.62 and not (is_mod and r > 0.55):
                where = "A"
            elif r < 0.79 and not (is_mod and r > 0.72):
                where = "B"
            elif r < 0.79 + lose:
                where = ""
            elif r < 0.79 + lose + broken:
                where = "dirA+B"
            else:
                where = "AB"
            for side, root in (("A", a), ("B", b)):
                dst_dir = os.path.join(root, rel)
                dst = os.path.join(dst_dir, f)
                if where == "dirA+B" and side == "A":
                    os.makedirs(dst, exist_ok=True)
                    continue
                if side in where or (where == "dirA+B" and side == "B"):
                    os.makedirs(dst_dir, exist_ok=True)
                    shutil.copyfile(src, dst)


class Harness:
    def __init__(self, a):
        self.a = a
        self.gomvs = os.path.abspath(a.gomvs)
        self.tmp = tempfile.mkdtemp(prefix="gomvs-doctor-")
        self.lock = threading.Lock()
        self.passed = self.failed = 0
        self.kinds = {}

    def count(self, kind: str, ok: bool, msg: str = ""):
        with self.lock:
            k = self.kinds.setdefault(kind, [0, 0])
            if ok:
                self.passed += 1
                k[0] += 1
            else:
                self.failed += 1
                k[1] += 1
        if not ok:
            print("MISMATCH " + msg, flush=True)

    def env(self, side: str, goproxy: str, extra=None) -> dict:
        env = get_mode.go_env(side, "/nonexistent", os.path.join(self.tmp, "gocache"))
        env["GOPROXY"] = goproxy
        del env["GOFLAGS"]
        # a universe with work/go.work runs in workspace mode (found upwards)
        if os.path.exists(os.path.join(side, "work", "go.work")):
            del env["GOWORK"]
        env.update(extra or {})
        return env

    def side(self, udir: str, tag: str):
        side = os.path.join(self.tmp, tag)
        shutil.copytree(os.path.join(udir, "work"), side + "/work")
        return side, os.path.join(side, "work", "main")

    def run(self, argv, cwd, env):
        try:
            return subprocess.run(argv, cwd=cwd, env=env, capture_output=True, timeout=120)
        except subprocess.TimeoutExpired:
            return None

    def side_with_cache(self, udir, tag, cache_from):
        side, main = self.side(udir, tag)
        if cache_from:
            shutil.copytree(cache_from, os.path.join(side, "modcache"), symlinks=True)
        return side, main

    def doctor(self, udir, tag, goproxy, extra=None, args=(), cache_from=None):
        side, main = self.side_with_cache(udir, tag, cache_from)
        p = self.run([self.gomvs, "doctor", "--json", *args], main, self.env(side, goproxy, extra))
        shutil.rmtree(side, ignore_errors=True)
        if p is None or p.returncode not in (0, 1):
            return None, p
        return json.loads(p.stdout)["data"], p

    def go_download(self, udir, tag, goproxy, extra=None, cache_from=None):
        side, main = self.side_with_cache(udir, tag, cache_from)
        p = self.run([GO, "mod", "download", "-json"], main, self.env(side, goproxy, extra))
        subprocess.run(["chmod", "-R", "u+w", side], capture_output=True)
        shutil.rmtree(side, ignore_errors=True)
        return p

    def filled_cache(self, seed, udir, proxy, rng):
        """A module cache the real go filled from the whole proxy (go mod
        download, go list -m all), then with some of its download files
        removed: a cache that holds part of what the build needs."""
        side, main = self.side(udir, f"s{seed}-fill")
        env = self.env(side, "file://" + proxy, {"GOFLAGS": "-mod=mod"})
        self.run([GO, "mod", "download"], main, env)
        self.run([GO, "list", "-m", "-e", "all"], main, env)
        cache = os.path.join(side, "modcache")
        dl = os.path.join(cache, "cache", "download")
        subprocess.run(["chmod", "-R", "u+w", cache], capture_output=True)
        for dirpath, _dirs, files in os.walk(dl):
            for f in sorted(files):
                if f.endswith((".zip", ".ziphash", ".info", ".mod")) and rng.random() < 0.3:
                    os.remove(os.path.join(dirpath, f))
        return side, cache

    def seed(self, seed: int):
        try:
            self.seed_inner(seed)
        except Exception as e:  # a harness bug must show, not hide the other seeds
            import traceback
            traceback.print_exc()
            self.count("harness", False, f"seed={seed} harness error: {e!r}")

    def seed_inner(self, seed: int):
        udir = os.path.join(self.tmp, f"u{seed}")
        meta = gen.generate(seed, udir)
        proxy = os.path.join(udir, "proxy")
        if not get_mode.proxy_modules(proxy):
            shutil.rmtree(udir, ignore_errors=True)
            return
        rng = random.Random(seed * 7919 + 17)
        a, b = os.path.join(udir, "A"), os.path.join(udir, "B")
        split_proxy(proxy, a, b, rng)
        for name, chain in CHAINS:
            goproxy = chain.replace("A", "file://" + a).replace("B", "file://" + b)
            self.judge_prediction(seed, udir, name, goproxy)
        # GONOPROXY routes one required path `direct` (the network, absent
        # here): go must fail for exactly what the plan says needs the network
        self.judge_private(seed, udir, "file://" + a + ",file://" + b, rng)
        # a module cache holding part of what is needed, then A, or nothing
        fill_side, cache = self.filled_cache(seed, udir, proxy, rng)
        if os.path.isdir(cache):  # go filled nothing when the graph fails to load
            self.judge_prediction(seed, udir, "cache-A", "file://" + a, cache_from=cache)
            self.judge_prediction(seed, udir, "cache-off", "off", cache_from=cache)
        shutil.rmtree(fill_side, ignore_errors=True)
        self.judge_sumdb(seed, udir, proxy, rng)
        self.judge_export(seed, udir, proxy)
        shutil.rmtree(udir, ignore_errors=True)

    def judge_prediction(self, seed, udir, name, goproxy, cache_from=None):
        tag = f"s{seed}-{name}"
        plan, p = self.doctor(udir, tag + "-m", goproxy, cache_from=cache_from)
        g = self.go_download(udir, tag + "-g", goproxy, cache_from=cache_from)
        if g is None:
            return
        if plan is None:
            err = p.stderr.decode(errors="replace") if p else "timeout"
            self.count("prediction", False, f"seed={seed} chain={name} gomvs failed: {err}")
            return
        plan = plan["plan"]
        go_mods = json_stream(g.stdout.decode(errors="replace"))
        go_stderr = [l for l in g.stderr.decode(errors="replace").splitlines()
                     if not l.startswith("go: dropping requirement") and not l.startswith("go: downloading")]
        # each side runs in its own copy: directory paths in messages differ
        go_stderr = [l.replace(f"{tag}-g/", f"{tag}-m/") for l in go_stderr]
        if not go_mods and g.returncode != 0 and plan.get("aborts") and not plan.get("load_error"):
            # go stops at the first zip whose hash go.sum contradicts; which
            # one depends on the order the parallel downloads finish.
            got = "\n".join(go_stderr)
            ok = any(a == got for a in plan["aborts"])
            self.count("abort", ok, f"seed={seed} chain={name} go: {go_stderr[:3]} gomvs aborts {[a.splitlines()[0] for a in plan['aborts']]}")
            return
        if not go_mods and g.returncode != 0:
            want = "\n".join(plan.get("load_error", [])).splitlines()
            ok = want == go_stderr
            self.count("load failure", ok,
                       f"seed={seed} chain={name} go failed before downloading: {go_stderr} gomvs load_error {want}")
            return
        if plan.get("load_error"):
            lines = "\n".join(plan["load_error"]).splitlines()
            extra = [l for l in lines if l not in go_stderr]
            self.count("prediction", not extra,
                       f"seed={seed} chain={name} gomvs predicts a load failure {plan['load_error']}, go: exit {g.returncode} {go_stderr}")
            if extra:
                return
        if plan.get("aborts"):
            self.count("abort", False, f"seed={seed} chain={name} gomvs predicts an abort {plan['aborts'][0].splitlines()[0]}, go printed modules (exit {g.returncode})")
            return
        tmpname = re.compile(r"\.zip[0-9]+\.tmp: ")
        have = [(m["Path"], m.get("Version", ""), m.get("Error") and tmpname.sub(".zip*.tmp: ", m["Error"]))
                for m in go_mods]
        # each side has its own module cache directory
        have = [(p, v, e and e.replace(f"{tag}-g/modcache", f"{tag}-m/modcache")) for p, v, e in have]
        want = [(m["module"]["path"], m["module"]["version"], m.get("error"))
                for m in plan["modules"] if m["download"]]
        ok = sorted(have, key=str) == sorted(want, key=str)
        self.count("prediction", ok, f"seed={seed} chain={name}\n  go    {sorted(have, key=str)}\n  gomvs {sorted(want, key=str)}")
        # what go prints after the downloads, and its exit status
        after = "\n".join(plan.get("error_after_downloads", [])).splitlines()
        fails = bool(after) or any(e for _, _, e in want)
        ok = go_stderr == after and (g.returncode != 0) == fails
        self.count("after downloads", ok, f"seed={seed} chain={name} go exit {g.returncode} stderr {go_stderr[:4]}; gomvs {after[:4]} fails={fails}")
        if self.a.verbose:
            print(f"seed={seed} chain={name} modules={len(have)} errors={sum(1 for h in have if h[2])}", flush=True)

    def judge_private(self, seed, udir, goproxy, rng):
        gomod = open(os.path.join(udir, "work", "main", "go.mod")).read()
        req = sorted(set(re.findall(r"^\s*(?:require\s+)?([a-z][^\s()]*\.[^\s()]*/\S+) v\S+", gomod, re.M)))
        if not req:
            return
        private = rng.choice(req)
        extra = {"GONOPROXY": private}
        tag = f"s{seed}-private"
        plan, p = self.doctor(udir, tag + "-m", goproxy, extra)
        g = self.go_download(udir, tag + "-g", goproxy, extra)
        if g is None or plan is None:
            if plan is None:
                self.count("private", False, f"seed={seed} private: gomvs failed {p.stderr if p else 'timeout'}")
            return
        plan = plan["plan"]
        text = g.stdout.decode(errors="replace") + g.stderr.decode(errors="replace")
        network_err = re.compile(r"unrecognized import path|dial tcp|lookup |git ls-remote|Get \"https?://")
        go_net = {m["Path"] for m in json_stream(g.stdout.decode(errors="replace"))
                  if network_err.search(m.get("Error", ""))}
        if "SECURITY ERROR" in text or plan.get("aborts"):
            return  # a go.sum mismatch stops go first (judged in "abort")
        if plan.get("needs_network_to_load"):
            # go stops at the first go.mod it cannot fetch: over the network
            ok = g.returncode != 0 and bool(network_err.search(text)) and private in text
            self.count("private", ok, f"seed={seed} private={private}: gomvs: load needs the network; go exit {g.returncode}: {text[-300:]}")
            return
        if plan.get("load_error") or plan.get("aborts"):
            return  # judged by the chains above
        want = {m["module"]["path"] for m in plan["modules"] if m["download"] and m["needs_network"]}
        ok = go_net == want
        self.count("private", ok, f"seed={seed} private={private}: go network failures {sorted(go_net)}, gomvs needs network {sorted(want)}")

    def judge_sumdb(self, seed, udir, proxy, rng):
        mods = sorted(get_mode.proxy_modules(proxy))
        covered = [m for m in mods if rng.random() < 0.5]
        extra = {"GOSUMDB": "sum.golang.org", "GONOSUMDB": ",".join(covered)}
        goproxy = "file://" + proxy
        # A go.sum that lacks some lines: every other line dropped.
        side, main = self.side(udir, f"s{seed}-sum-src")
        gs = os.path.join(main, "go.sum")
        if os.path.exists(gs):
            lines = open(gs).read().splitlines()
            open(gs, "w").write("".join(l + "\n" for i, l in enumerate(lines) if i % 2 == 0))
        trimmed = os.path.join(self.tmp, f"s{seed}-sum-u")
        shutil.copytree(side, trimmed)
        shutil.rmtree(side, ignore_errors=True)
        plan, p = self.doctor(trimmed, f"s{seed}-sum-m", goproxy, extra)
        g = self.go_download(trimmed, f"s{seed}-sum-g", goproxy, extra)
        shutil.rmtree(trimmed, ignore_errors=True)
        if g is None or plan is None:
            if plan is None:
                self.count("sumdb", False, f"seed={seed} sumdb: gomvs failed {p.stderr if p else 'timeout'}")
            return
        plan = plan["plan"]
        if plan.get("aborts"):
            return  # go stops on a go.sum mismatch first (judged in "abort")
        lookups = set()
        for m in plan["modules"]:
            for c in m["checksums"]:
                if c["check"]["kind"] == "sum_db":
                    lookups.add(f"{m['module']['path']}@{m['module']['version']}")
        text = g.stdout.decode(errors="replace") + g.stderr.decode(errors="replace")
        verifying = [l for l in text.splitlines() if "verifying" in l and "sum.golang.org" in l]
        if plan.get("load_error") and not verifying:
            return  # the graph fails to load for another reason
        if lookups:
            named = any(any(x + ":" in l or x + "/go.mod" in l for x in lookups) for l in verifying)
            self.count("sumdb", bool(verifying) and named,
                       f"seed={seed} sumdb: gomvs predicts lookups {sorted(lookups)}, go: {verifying or text[-300:]}")
        else:
            self.count("sumdb", not verifying, f"seed={seed} sumdb: gomvs predicts no lookup, go: {verifying}")

    def judge_export(self, seed, udir, proxy):
        export = os.path.join(self.tmp, f"s{seed}-export")
        whole = "file://" + proxy
        side, main = self.side(udir, f"s{seed}-exp-m")
        ro = {"GOFLAGS": "-mod=readonly"}
        # doctor runs with the GOFLAGS of the build the export is for
        p = self.run([self.gomvs, "doctor", "--json", "--export-proxy", export], main, self.env(side, whole, ro))
        shutil.rmtree(side, ignore_errors=True)
        if p is None or p.returncode not in (0, 1):
            self.count("export", False, f"seed={seed} export: gomvs {p.returncode if p else 'timeout'} {p.stderr if p else ''}")
            return
        results = {}
        for label, goproxy in (("whole", whole), ("export", "file://" + export)):
            side, main = self.side(udir, f"s{seed}-exp-{label}")
            env = self.env(side, goproxy, ro)
            lst = self.run([GO, "list", "-m", "all"], main, env)
            dl = self.run([GO, "mod", "download"], main, env)
            ver = None
            if dl is not None and dl.returncode == 0:
                ver = self.run([GO, "mod", "verify"], main, dict(env, GOPROXY="off"))
            results[label] = (lst, dl, ver)
            shutil.rmtree(side, ignore_errors=True)
        (wl, wd, _), (el, ed, ev) = results["whole"], results["export"]
        if None in (wl, wd, el, ed):
            return
        ok = (wl.stdout, wl.returncode) == (el.stdout, el.returncode)
        self.count("export list", ok, f"seed={seed} export: go list -m all differs: whole exit {wl.returncode} export exit {el.returncode}\n{el.stderr.decode(errors='replace')[:400]}")
        ok = wd.returncode == ed.returncode
        self.count("export download", ok, f"seed={seed} export: go mod download whole exit {wd.returncode} export exit {ed.returncode}: {ed.stderr.decode(errors='replace')[:400]}")
        if ev is not None:
            ok = ev.returncode == 0 and b"all modules verified" in ev.stdout
            self.count("export verify", ok, f"seed={seed} export: go mod verify: {ev.stdout[:200]} {ev.stderr[:300]}")
        shutil.rmtree(export, ignore_errors=True)


def main() -> int:
    global GO
    ap = argparse.ArgumentParser()
    ap.add_argument("--gomvs", default=os.environ.get("GOMVS", "target/debug/gomvs"))
    ap.add_argument("--go", default=GO)
    ap.add_argument("--seeds", default=None)
    ap.add_argument("--count", type=int, default=12)
    ap.add_argument("--seed-base", type=int, default=None)
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    GO = a.go
    if a.seeds:
        seeds = get_mode.parse_seeds(a.seeds)
    else:
        base = a.seed_base if a.seed_base is not None else random.randrange(1, 10**6)
        seeds = list(range(base, base + a.count))
    print(f"doctor seeds: {seeds[0]}..{seeds[-1]} ({len(seeds)})", flush=True)
    h = Harness(a)
    try:
        with ThreadPoolExecutor(max_workers=a.j) as ex:
            list(ex.map(h.seed, seeds))
    finally:
        shutil.rmtree(h.tmp, ignore_errors=True)
    for k, (p, f) in sorted(h.kinds.items()):
        print(f"  {k}: {p} passed, {f} failed")
    print(f"differential doctor: {h.passed} passed, {h.failed} failed")
    return 1 if h.failed else 0


if __name__ == "__main__":
    sys.exit(main())
