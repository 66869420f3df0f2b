#!/usr/bin/env python3
"""Byte-for-byte conformance of `gomvs parse` against the real go.

For every *.mod, go.mod and go.work file under ../shared/corpus (or
$GOMVS_SHARED_DIR/corpus), copy it into a fresh temporary directory as go.mod
(or go.work), run `go mod edit -json go.mod` / `go work edit -json go.work`
with an offline environment and `gomvs parse` on the same copy, and compare
stdout, stderr and exit status byte for byte.

Usage: scripts/conformance-parse.py [--gomvs PATH] [--go PATH] [--jobs N] [--show N] [ROOT...]
Exit status 1 on any difference.
"""

import argparse
import atexit
import difflib
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def shared_dir() -> Path:
    env = os.environ.get("GOMVS_SHARED_DIR")
    d = Path(env) if env else REPO.parent / "shared"
    if not (d / "corpus").is_dir():
        sys.exit(f"conformance-parse: shared corpus not found at {d / 'corpus'} (set GOMVS_SHARED_DIR)")
    return d


def corpus_files(roots):
    out = []
    for root in roots:
        for dirpath, _dirs, files in os.walk(root):
            for name in files:
                if name.endswith(".mod") or name == "go.work":
                    out.append(os.path.join(dirpath, name))
    out.sort()
    return out


def go_env(tmp: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GO")}
    env.update(
        GOTOOLCHAIN="local",
        GOSUMDB="off",
        GOENV="off",
        GOTELEMETRY="off",
        GOPROXY="off",
        GOFLAGS="",
        GOWORK="",
        GOMODCACHE=os.path.join(tmp, "modcache"),
        GOPATH=os.path.join(tmp, "gopath"),
        GOCACHE="/tmp/gocache-parser",
        HOME=os.path.join(tmp, "home"),
    )
    return env


_ENV_DIR = None


def _env_dir() -> str:
    """A per-worker directory for GOPATH/GOMODCACHE/HOME, removed at exit."""
    global _ENV_DIR
    if _ENV_DIR is None:
        _ENV_DIR = tempfile.mkdtemp(prefix="gomvs-parse-env-")
        atexit.register(shutil.rmtree, _ENV_DIR, True)
    return _ENV_DIR


def run_one(args):
    src, gomvs, go = args
    env = go_env(_env_dir())
    with tempfile.TemporaryDirectory(prefix="gomvs-parse-", ignore_cleanup_errors=True) as work:
        is_work = src.endswith("go.work")
        name = "go.work" if is_work else "go.mod"
        shutil.copyfile(src, os.path.join(work, name))
        gocmd = [go, "work" if is_work else "mod", "edit", "-json", name]
        want = subprocess.run(gocmd, cwd=work, env=env, capture_output=True, timeout=120)
        # go mod edit never writes with -json, but be safe: restore the copy.
        shutil.copyfile(src, os.path.join(work, name))
        got = subprocess.run([gomvs, "parse", name], cwd=work, env=env, capture_output=True, timeout=120)
    same = (want.returncode, want.stdout, want.stderr) == (got.returncode, got.stdout, got.stderr)
    if same:
        return src, None
    return src, {
        "want": (want.returncode, want.stdout, want.stderr),
        "got": (got.returncode, got.stdout, got.stderr),
    }


def show(src, diff):
    print(f"--- {src}")
    (wc, wo, we), (gc, go_, ge) = diff["want"], diff["got"]
    if wc != gc:
        print(f"  exit: go {wc}, gomvs {gc}")
    for label, w, g in (("stdout", wo, go_), ("stderr", we, ge)):
        if w != g:
            print(f"  {label} differs:")
            for line in difflib.unified_diff(
                w.decode("utf-8", "backslashreplace").splitlines(),
                g.decode("utf-8", "backslashreplace").splitlines(),
                "go",
                "gomvs",
                lineterm="",
            ):
                print("    " + line)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gomvs", default=os.environ.get("GOMVS_BIN", "gomvs"))
    ap.add_argument("--go", default="go")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--show", type=int, default=10, help="differences to print")
    ap.add_argument("roots", nargs="*", help="directories to scan (default: the shared corpus)")
    a = ap.parse_args()
    gomvs = shutil.which(a.gomvs) or a.gomvs
    go = shutil.which(a.go) or a.go
    roots = a.roots or [str(shared_dir() / "corpus")]
    files = corpus_files(roots)
    if not files:
        sys.exit("conformance-parse: no files found")
    failed = []
    with ProcessPoolExecutor(max_workers=a.jobs) as pool:
        for src, diff in pool.map(run_one, [(f, gomvs, go) for f in files], chunksize=8):
            if diff is not None:
                failed.append((src, diff))
    for src, diff in failed[: a.show]:
        show(src, diff)
    print(f"parse conformance: {len(files) - len(failed)} passed, {len(failed)} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
