#!/usr/bin/env python3
"""Turn one `get_mode.py` case (SEED:INDEX) into a reproducer under
testdata/differential/ that `crates/gomvs-cli/tests/differential_fixtures.rs`
replays without go: the universe (without zips: the test writes the
go.mod-only zips the harness uses, `"zips": "go.mod-only"`), the command
`gomvs get --print-gomod --print-gosum ARGS`, and what the real go printed on
stderr (minus `go: downloading`), its exit status, and as expected stdout the
go.mod then go.sum go left behind.

Usage: get_fixture.py SEED:INDEX NAME [--out testdata/differential]
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402
import get_mode  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("case")
    ap.add_argument("name")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "../../testdata/differential"))
    a = ap.parse_args()
    seed, index = (int(x) for x in a.case.split(":"))
    tmp = tempfile.mkdtemp(prefix="gomvs-getfix-")
    try:
        udir = os.path.join(tmp, "u")
        gen.generate(seed, udir)
        proxy = os.path.join(udir, "proxy")
        mods = get_mode.proxy_modules(proxy)
        args = get_mode.case_args(seed, index, mods)
        side = os.path.join(tmp, "go")
        shutil.copytree(os.path.join(udir, "work"), side + "/work")
        main_dir = os.path.join(side, "work", "main")
        env = get_mode.go_env(side, proxy, os.path.join(tmp, "gocache"))
        p = subprocess.run([get_mode.GO, "get", *args], cwd=main_dir, env=env, capture_output=True)
        err = b"".join(l for l in p.stderr.splitlines(keepends=True) if not l.startswith(b"go: downloading "))
        gomod = open(os.path.join(main_dir, "go.mod"), "rb").read()
        gs = os.path.join(main_dir, "go.sum")
        gosum = open(gs, "rb").read() if os.path.exists(gs) else b""
        dest = os.path.join(a.out, f"get-{seed}-{index}-{a.name}")
        if os.path.exists(dest):
            shutil.rmtree(dest)
        shutil.copytree(udir, dest, ignore=shutil.ignore_patterns("*.zip"))
        norm = lambda b: b.replace(proxy.encode(), b"$PROXY").replace(os.path.join(side, "work").encode(), b"$WORK")
        with open(os.path.join(dest, "expected.stderr"), "wb") as f:
            f.write(norm(err))
        with open(os.path.join(dest, "expected.stdout"), "wb") as f:
            f.write(gomod + gosum)
        with open(os.path.join(dest, "expected.exit"), "w") as f:
            f.write(f"{p.returncode}\n")
        env_out = {k: v for k, v in env.items() if k not in ("PATH", "HOME", "GOPATH", "GOMODCACHE", "GOCACHE")}
        env_out["GOPROXY"] = "file://$PROXY"
        with open(os.path.join(dest, "case.json"), "w") as f:
            json.dump({"seed": seed, "index": index, "go": ["go", "get", *args],
                       "gomvs": ["gomvs", "get", "--print-gomod", "--print-gosum", *args],
                       "zips": "go.mod-only", "cwd": "work/main", "env": env_out}, f, indent=1)
        print(dest)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
