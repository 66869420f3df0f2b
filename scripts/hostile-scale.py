#!/usr/bin/env python3
"""Every gomvs command on a 100,000-deep chain and a 100,000-wide fan-out.

Issue 14 item 2: every command must work on both shapes in bounded memory.
This script writes the two universes to a temporary directory (a `file://`
proxy with a `.mod` and an `.info` per module version, and the main module;
go 1.16 everywhere, so that nothing is pruned and the whole depth is
loaded), runs each command once as a whole process under `/usr/bin/time`,
and prints exit status, wall time, peak RSS and output size per command. It
fails (exit 1) when a command exits with a status other than the expected
one, is killed, or exceeds the memory limit.

usage: scripts/hostile-scale.py [--modules N] [--gomvs PATH] [--limit-mib M]
           [--shapes chain,fanout] [--commands NAME,...] [--keep] [--markdown]

Defaults: 100000 modules, target/release/gomvs, 2048 MiB. Generating a
100k universe writes 200,000 files (about 30 s on ext4).
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INFO = '{"Version":"v1.0.0","Time":"2024-01-01T00:00:00Z"}\n'


def module(i):
    return f"example.com/m{i}"


def write_universe(base, shape, n):
    proxy, main = base / "proxy", base / "main"
    main.mkdir(parents=True)
    for i in range(n):
        d = proxy / "example.com" / f"m{i}" / "@v"
        d.mkdir(parents=True)
        if shape == "chain" and i + 1 < n:
            text = f"module {module(i)}\n\ngo 1.16\n\nrequire {module(i + 1)} v1.0.0\n"
        else:
            text = f"module {module(i)}\n\ngo 1.16\n"
        (d / "v1.0.0.mod").write_text(text)
        (d / "v1.0.0.info").write_text(INFO)
        (d / "list").write_text("v1.0.0\n")
    # A newer version of the far end, which the second main module requires
    # (`diff --dirs main main2`: one upgrade, its cause path as deep as the graph).
    far = proxy / "example.com" / f"m{n - 1}" / "@v"
    (far / "v1.1.0.mod").write_text(f"module {module(n - 1)}\n\ngo 1.16\n")
    (far / "v1.1.0.info").write_text(INFO.replace("v1.0.0", "v1.1.0"))
    (far / "list").write_text("v1.0.0\nv1.1.0\n")
    if shape == "chain":
        reqs = f"require {module(0)} v1.0.0\n"
    else:
        reqs = "require (\n" + "".join(f"\t{module(i)} v1.0.0\n" for i in range(n)) + ")\n"
    (main / "go.mod").write_text(f"module example.com/main\n\ngo 1.16\n\n{reqs}")
    main2 = base / "main2"
    main2.mkdir()
    (main2 / "go.mod").write_text(f"module example.com/main\n\ngo 1.16\n\n{reqs}"
                                  f"require {module(n - 1)} v1.1.0\n")
    return proxy, main


def commands(shape, n):
    far = module(n - 1)
    cmds = [
        ("list all", ["list", "all"], 0),
        ("list -json all", ["list", "-json", "all"], 0),
        ("graph", ["graph"], 0),
        (f"why {far}", ["why", far], 0),
        ("tree --prefix depth", ["tree", "--prefix", "depth"], 0),
        ("tree --invert far end --prefix depth", ["tree", "--invert", far, "--prefix", "depth"], 0),
        ("tree --duplicates", ["tree", "--duplicates"], 0),
        ("replaces", ["replaces"], 0),
        # Exit 1: every go.mod line is missing from go.sum (GMV0201 errors),
        # one finding per module, each with its (abridged) cause path.
        ("check", ["check"], 1),
        ("verify", ["verify"], 0),
        ("diff --dirs . .", ["diff", "--dirs", ".", "."], 0),
        ("diff --dirs . ../main2", ["diff", "--dirs", ".", "../main2"], 0),
        (f"get {module(0)}@none", ["get", f"{module(0)}@none"], 0),
        ("parse", ["parse"], 0),
        ("upgrades", ["upgrades"], 0),
        # Exit 1: the proxy has no zips, so `go mod download` would fail
        # for every module (one entry each).
        ("doctor", ["doctor"], 1),
        # Exit 1 above 10,000 modules: more than one page holds
        # (explore::MAX_MODULES), refused before any why report is built.
        ("explore", ["explore"], 1 if n + 1 > 10_000 else 0),
    ]
    if shape == "fanout":
        # The fan-out's indented tree is linear: print it whole.
        cmds.insert(5, ("tree", ["tree"], 0))
    return cmds


def run(gomvs, args, cwd, env, limit_kib):
    t = tempfile.NamedTemporaryFile(delete=False)
    t.close()
    cmd = ["/usr/bin/time", "-f", "%M %e", "-o", t.name, str(gomvs)] + args
    start = time.time()
    # Count the output without keeping it.
    p = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    out_bytes = 0
    while True:
        chunk = p.stdout.read(1 << 20)
        if not chunk:
            break
        out_bytes += len(chunk)
    err = p.stderr.read()
    p.wait()
    rss_kib, wall = open(t.name).read().split()[-2:]
    os.unlink(t.name)
    return p.returncode, float(wall), int(rss_kib), out_bytes, err.decode(errors="replace")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--modules", type=int, default=100_000)
    ap.add_argument("--gomvs")
    ap.add_argument("--limit-mib", type=int, default=2048)
    ap.add_argument("--shapes", default="chain,fanout")
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--commands", default="",
                    help="only the commands whose name starts with one of these (comma-separated)")
    a = ap.parse_args()
    only = [c for c in a.commands.split(",") if c]
    gomvs = Path(a.gomvs).resolve() if a.gomvs else ROOT / "target" / "release" / "gomvs"
    if not a.gomvs:
        subprocess.run(["cargo", "build", "--quiet", "--release", "-p", "gomvs-cli"], cwd=ROOT,
                       check=True)
    work = Path(tempfile.mkdtemp(prefix="gomvs-hostile-scale-"))
    failed = 0
    rows = []
    try:
        for shape in a.shapes.split(","):
            t0 = time.time()
            proxy, main = write_universe(work / shape, shape, a.modules)
            print(f"# {shape}: {a.modules} modules written in {time.time() - t0:.1f} s",
                  flush=True)
            env = {
                "PATH": "/usr/bin:/bin", "HOME": str(work / "home"),
                "GOFLAGS": "-mod=mod", "GOPROXY": f"file://{proxy}", "GOSUMDB": "off",
                "GOWORK": "off", "GOTOOLCHAIN": "local", "GOENV": "off",
                "GOPATH": str(work / "gopath"), "GOMODCACHE": str(work / "modcache"),
            }
            for name, args, want in commands(shape, a.modules):
                if only and not any(name.startswith(c) for c in only):
                    continue
                code, wall, rss, out, err = run(gomvs, args, main, env, a.limit_mib * 1024)
                ok = code == want and rss <= a.limit_mib * 1024
                failed += not ok
                rows.append((shape, name, code, wall, rss, out, ok))
                first_err = err.strip().splitlines()[0][:120] if err.strip() else ""
                print(f"{'ok  ' if ok else 'FAIL'} {shape:6} {name:40} exit {code:3}  "
                      f"{wall:7.2f} s  {rss / 1024:7.1f} MiB  {out:>14,} bytes  {first_err}",
                      flush=True)
    finally:
        if a.keep:
            print(f"# kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    if a.markdown:
        print("\n| shape | command | exit | wall [s] | peak RSS [MiB] | output [bytes] |")
        print("|---|---|---:|---:|---:|---:|")
        for shape, name, code, wall, rss, out, ok in rows:
            print(f"| {shape} | `gomvs {name}` | {code} | {wall:.2f} | {rss / 1024:.0f} | {out:,} |")
    print(f"# {len(rows) - failed} of {len(rows)} commands within bounds "
          f"(limit {a.limit_mib} MiB)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
