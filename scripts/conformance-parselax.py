#!/usr/bin/env python3
"""Compares gomvs's go.mod parser with golang.org/x/mod/modfile itself.

Builds the Go oracle scripts/oracle/parselax (modfile.ParseLax and
modfile.Parse with a nil fix, plus modfile.ModulePath) inside
$(go env GOROOT)/src/cmd/go/internal/gomvsoracle_parser (the only place the
vendored x/mod can be imported from), runs it and `gomvs parse --lax-dump`
over every *.mod, go.mod and go.work file under ../shared/corpus (or the given roots)
and compares the normalized dumps: module, go, toolchain, godebug, require
(with indirect), exclude, replace, retract (intervals and rationale),
deprecated, tool, ignore, every directive's span, and the whole syntax tree
with comment attachment; or the error text. Each go.mod is also parsed with a
deterministic test VersionFixer (fixer errors, fixRetract), each go.work with
modfile.ParseWork.

Usage: scripts/conformance-parselax.py [--gomvs PATH] [--go PATH] [--show N] [ROOT...]
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ORACLE = REPO / "scripts" / "oracle" / "parselax" / "main.go"


def shared_dir() -> Path:
    env = os.environ.get("GOMVS_SHARED_DIR")
    d = Path(env) if env else REPO.parent / "shared"
    if not (d / "corpus").is_dir():
        sys.exit(f"conformance-parselax: shared corpus not found at {d / 'corpus'} (set GOMVS_SHARED_DIR)")
    return d


def go_env(tmp: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GO")}
    env.update(
        GOTOOLCHAIN="local",
        GOSUMDB="off",
        GOENV="off",
        GOTELEMETRY="off",
        GOPROXY="off",
        GOFLAGS="-mod=vendor",
        GOWORK="off",
        GOMODCACHE=os.path.join(tmp, "modcache"),
        GOPATH=os.path.join(tmp, "gopath"),
        GOCACHE="/tmp/gocache-parser",
        HOME=os.path.join(tmp, "home"),
    )
    return env


def build_oracle(go: str, tmp: str) -> str:
    goroot = subprocess.run([go, "env", "GOROOT"], capture_output=True, text=True, check=True).stdout.strip()
    cmdgo = Path(goroot) / "src" / "cmd" / "go"
    pkg = cmdgo / "internal" / "gomvsoracle_parser"
    out = os.path.join(tmp, "parselax-oracle")
    pkg.mkdir(exist_ok=True)
    try:
        shutil.copyfile(ORACLE, pkg / "main.go")
        subprocess.run([go, "build", "-o", out, "./internal/gomvsoracle_parser"], cwd=cmdgo, env=go_env(tmp), check=True)
    finally:
        shutil.rmtree(pkg, ignore_errors=True)
    return out


def run_lines(cmd, names, env=None):
    p = subprocess.run(cmd, input=("\n".join(names) + "\n").encode(), capture_output=True, env=env)
    if p.returncode != 0:
        sys.exit(f"conformance-parselax: {cmd[0]} failed ({p.returncode}):\n{p.stderr.decode(errors='replace')}")
    recs = {}
    for line in p.stdout.split(b"\n"):
        if not line:
            continue
        rec = json.loads(line)
        recs[rec["file"]] = rec
    return recs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gomvs", default=os.environ.get("GOMVS_BIN", "gomvs"))
    ap.add_argument("--go", default="go")
    ap.add_argument("--show", type=int, default=10)
    ap.add_argument("roots", nargs="*")
    a = ap.parse_args()
    roots = a.roots or [str(shared_dir() / "corpus")]
    names = []
    for root in roots:
        for dirpath, _dirs, files in os.walk(root):
            names += [os.path.join(dirpath, f) for f in files if f.endswith(".mod") or f.endswith(".work")]
    names.sort()
    if not names:
        sys.exit("conformance-parselax: no files found")
    with tempfile.TemporaryDirectory(prefix="gomvs-parselax-", ignore_cleanup_errors=True) as tmp:
        oracle = build_oracle(a.go, tmp)
        want = run_lines([oracle], names)
    got = run_lines([a.gomvs, "parse", "--lax-dump"], names)
    failed = []
    for n in names:
        if want.get(n) != got.get(n):
            failed.append(n)
    for n in failed[: a.show]:
        w, g = want.get(n) or {}, got.get(n) or {}
        print(f"--- {n}")
        for k in sorted(set(w) | set(g)):
            if w.get(k) != g.get(k):
                print(f"  {k}:\n    go:    {json.dumps(w.get(k))[:2000]}\n    gomvs: {json.dumps(g.get(k))[:2000]}")
    print(f"parselax conformance: {len(names) - len(failed)} passed, {len(failed)} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
