#!/usr/bin/env python3
"""Differential `upgrades` mode: on random universes (gen.py, zips as in
get_mode.py), `gomvs upgrades --json` under each policy is judged by the
real go:

* candidates: under `--major`, every same-path candidate is the Update that
  `go list -m -u -json all` reports, and every module go reports an Update
  for has a row (go's @upgrade); under `--patch`, every candidate is what
  `go get PATH@patch` resolves to (go's "go: upgraded PATH X => Y" line);
* impact: for each row, the real `go get PATH@CANDIDATE` is run on a copy
  and `go list -m all` after it is compared with the build before: the
  modules whose version changed (other than PATH), the go line, and whether
  go get failed must be what the row's `impact` says.

Usage: upgrades_mode.py --gomvs target/debug/gomvs [--seeds 1-50] [-j 2] [-v]
Last line: `differential upgrades: N rows passed, M failed (K universes)`.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402
import get_mode  # noqa: E402

GO = get_mode.GO


def build_list(out: bytes) -> dict:
    """`go list -m all` lines -> {path: version} (main module left out)."""
    bl = {}
    for line in out.decode(errors="replace").splitlines()[1:]:
        if line.startswith("go: "):
            continue
        f = line.split()
        if len(f) >= 2:
            bl[f[0]] = f[1]
    return bl


class Harness:
    def __init__(self, a):
        self.a = a
        self.gomvs = os.path.abspath(a.gomvs)
        self.tmp = tempfile.mkdtemp(prefix="gomvs-upg-")
        self.lock = threading.Lock()
        self.passed = self.failed = self.universes = 0
        self.cand_checked = 0
        self.skipped = 0

    def copy(self, udir, tag):
        side = os.path.join(self.tmp, tag)
        shutil.copytree(os.path.join(udir, "work"), side + "/work")
        return side, os.path.join(side, "work", "main")

    def fail(self, msg):
        with self.lock:
            self.failed += 1
        print("MISMATCH " + msg, flush=True)

    def ok(self):
        with self.lock:
            self.passed += 1

    def seed(self, seed: int):
        udir = os.path.join(self.tmp, f"u{seed}")
        meta = gen.generate(seed, udir)
        if meta.get("workspace"):
            shutil.rmtree(udir, ignore_errors=True)
            return
        proxy = os.path.join(udir, "proxy")
        if not get_mode.proxy_modules(proxy):
            return
        gocache = os.path.join(self.tmp, "gocache")
        side, main = self.copy(udir, f"s{seed}-base")
        env = get_mode.go_env(side, proxy, gocache)
        before = subprocess.run([GO, "list", "-m", "all"], cwd=main, env=env, capture_output=True)
        if before.returncode != 0:
            shutil.rmtree(side, ignore_errors=True)
            shutil.rmtree(udir, ignore_errors=True)
            return
        with self.lock:
            self.universes += 1
        bl_before = build_list(before.stdout)
        # go list in -mod=mod may rewrite go.mod: gomvs reads a pristine copy.
        mside, mmain = self.copy(udir, f"s{seed}-gomvs")
        # on a pristine copy too: go list -m all above may have rewritten go.mod
        uside, umain = self.copy(udir, f"s{seed}-listu")
        lu = subprocess.run([GO, "list", "-m", "-u", "-json", "all"], cwd=umain,
                            env=get_mode.go_env(uside, proxy, gocache), capture_output=True)
        shutil.rmtree(uside, ignore_errors=True)
        updates = {}
        dec = json.JSONDecoder()
        text, i = lu.stdout.decode(errors="replace"), 0
        while i < len(text):
            while i < len(text) and text[i].isspace():
                i += 1
            if i >= len(text):
                break
            obj, i = dec.raw_decode(text, i)
            if obj.get("Update") and not obj.get("Main"):
                updates[obj["Path"]] = obj["Update"]["Version"]
        for policy in ("major", "minor", "patch"):
            p = subprocess.run([self.gomvs, "upgrades", f"--{policy}", "--json"], cwd=mmain,
                               env=get_mode.go_env(mside, proxy, gocache), capture_output=True)
            if p.returncode != 0:
                self.fail(f"seed={seed} policy={policy} gomvs exit {p.returncode}: {p.stderr.decode(errors='replace')}")
                continue
            rows = json.loads(p.stdout)["data"]["rows"]
            if policy == "major" and lu.returncode == 0:
                mine = {r["path"]: r["candidate"]["version"] for r in rows if r["candidate"]["path"] == r["path"]}
                with self.lock:
                    self.cand_checked += 1
                if mine != updates:
                    self.fail(f"seed={seed} candidates: go list -m -u {updates} gomvs {mine}")
                else:
                    self.ok()
            for r in rows:
                self.judge_row(seed, udir, proxy, policy, r, bl_before)
        shutil.rmtree(side, ignore_errors=True)
        shutil.rmtree(mside, ignore_errors=True)
        shutil.rmtree(udir, ignore_errors=True)

    def judge_row(self, seed, udir, proxy, policy, r, bl_before):
        cand = r["candidate"]
        arg = f"{cand['path']}@{cand['version']}"
        side, main = self.copy(udir, f"s{seed}-{policy}-{r['path'].replace('/', '_')}")
        env = get_mode.go_env(side, proxy, os.path.join(self.tmp, "gocache"))
        try:
            g = subprocess.run([GO, "get", arg], cwd=main, env=env, capture_output=True,
                               timeout=get_mode.GO_TIMEOUT)
        except subprocess.TimeoutExpired:
            with self.lock:
                self.skipped += 1
            shutil.rmtree(side, ignore_errors=True)
            return
        imp = r["impact"]
        where = f"seed={seed} policy={policy} go get {arg}"
        if g.returncode != 0:
            # gomvs' impact needs no zip: go's zip checks are not modelled.
            if b"checksum mismatch" in g.stderr or b".zip" in g.stderr:
                with self.lock:
                    self.skipped += 1
            elif imp["error"] is None:
                self.fail(f"{where}: go failed ({g.stderr.decode(errors='replace').strip()}), impact has no error")
            else:
                self.ok()
            shutil.rmtree(side, ignore_errors=True)
            return
        if imp["error"] is not None:
            self.fail(f"{where}: go succeeded, impact error {imp['error']}")
            shutil.rmtree(side, ignore_errors=True)
            return
        # -e: a module whose .info is missing still has its version listed
        after = subprocess.run([GO, "list", "-m", "-e", "-f", "{{.Path}} {{.Version}}", "all"], cwd=main,
                               env=env, capture_output=True)
        bl_after = build_list(after.stdout)
        want = []
        for p in sorted(set(bl_before) | set(bl_after)):
            if p in (r["path"], cand["path"]) or bl_before.get(p) == bl_after.get(p):
                continue
            want.append((p, bl_before.get(p), bl_after.get(p)))
        got = [(c["path"], c["from"], c["to"]) for c in imp["changes"]]
        # the go line change go reports (a go line go adds to a go.mod
        # without one is not reported: any write in mod mode adds it)
        m = re.search(rb"(?m)^go: (?:up|down)graded go (\S+) => (\S+)$", g.stderr)
        go_want = (m.group(1).decode(), m.group(2).decode()) if m else None
        go_got = None if imp["go"] is None else (imp["go"]["from"], imp["go"]["to"])
        if after.returncode != 0 or want != got or go_want != go_got:
            self.fail(f"{where}: go changes {want} go line {go_want}; impact {got} go line {go_got}")
            if self.a.verbose:
                print(g.stderr.decode(errors="replace"))
        else:
            self.ok()
        shutil.rmtree(side, ignore_errors=True)


def main() -> int:
    global GO
    ap = argparse.ArgumentParser()
    ap.add_argument("--gomvs", required=True)
    ap.add_argument("--go", default=GO)
    ap.add_argument("--seeds", default="1-20")
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    GO = get_mode.GO = os.path.abspath(a.go)
    h = Harness(a)
    t0 = time.time()
    try:
        with ThreadPoolExecutor(a.j) as ex:
            list(ex.map(h.seed, get_mode.parse_seeds(a.seeds)))
    finally:
        shutil.rmtree(h.tmp, ignore_errors=True)
    print(f"time {time.time() - t0:.1f}s; candidate sets compared with go list -m -u: {h.cand_checked}; "
          f"rows not compared (go's zip checks, go timeouts): {h.skipped}")
    print(f"differential upgrades: {h.passed} rows passed, {h.failed} failed ({h.universes} universes)")
    return 1 if h.failed else 0


if __name__ == "__main__":
    sys.exit(main())
