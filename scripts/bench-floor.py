#!/usr/bin/env python3
"""The floor benchmark (issue 13): gomvs against the physical floor and go.

For every workload, with a warm module cache (filled once by the real go) and
cold (an empty module cache: go must fill it from the file:// proxy, gomvs
reads the proxy in place), this script

1. checks that `gomvs list all` prints exactly what `go list -m all` prints;
2. records the regular files a `gomvs list all` run opens (`strace -ff -e
   trace=openat,open`, one log per thread, successful opens only, minus the dynamic loader's and
   the kernel's: /etc/ld.so.cache, /lib*, /usr/lib*, /proc, /sys, /dev);
3. times with `hyperfine -N` (whole processes, no shell): an empty process
   start (`floor_read` on an empty list), the floor reader on those files on
   1 thread and on N threads (`benches/examples/floor_read.rs`: open, read
   until EOF, close; nothing else), `gomvs list all` and the go binary itself
   (`$(go env GOROOT)/bin/go list -m all`, never a wrapper on PATH);
4. prints one table: medians in ms, gomvs / floor and go / gomvs.

The floor is "exec + read the files it must read": the faster of the 1-thread
and the N-thread reader (on a few dozen files a thread costs more than it
saves). The target is gomvs / floor <= 1.5.

Workloads: the three largest golang-x cases (gopls@v0.21.0,
synthetic-union-pruned@v0.0.0, synthetic-union-unpruned@v0.0.0) and two
synthetic universes on disk (benches/universe.rs via `universe_dump`): 600 and
5,000 modules, pruned.

usage: scripts/bench-floor.py [--runs N] [--warmup N] [--threads N]
           [--only NAME[,NAME]] [--modes warm,cold] [--export-md FILE]
           [--gomvs PATH] [--keep]

Needs hyperfine and strace (apt-get install -y hyperfine strace); CI does not
run it. Reads the corpus from $GOMVS_SHARED_DIR (default ../shared).
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLANG_X = ["gopls@v0.21.0", "synthetic-union-pruned@v0.0.0", "synthetic-union-unpruned@v0.0.0"]
UNIVERSES = [600, 5000]
SKIP_PREFIXES = ("/etc/ld.so.cache", "/lib", "/usr/lib", "/proc/", "/sys/", "/dev/")


def die(msg):
    print(f"bench-floor: {msg}", file=sys.stderr)
    sys.exit(1)


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True, capture_output=True, **kw)


def remove_tree(path):
    """Removes a module cache (go makes parts of it read-only)."""
    subprocess.run(["chmod", "-R", "u+w", str(path)], check=False, stderr=subprocess.DEVNULL)
    shutil.rmtree(path, ignore_errors=True)


def target_dir():
    return Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))


def build():
    subprocess.run(["cargo", "build", "--quiet", "--release", "-p", "gomvs-cli", "--bin", "gomvs"],
                   cwd=ROOT, check=True)
    subprocess.run(["cargo", "build", "--quiet", "--release", "-p", "gomvs-benches",
                    "--example", "floor_read", "--example", "universe_dump"], cwd=ROOT, check=True)
    rel = target_dir() / "release"
    return rel / "examples" / "floor_read", rel / "examples" / "universe_dump"


def base_env(work):
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(work / "home"),
        "GOENV": "off", "GOTOOLCHAIN": "local", "GOSUMDB": "off", "GOWORK": "off",
        "GO111MODULE": "on", "GOTELEMETRY": "off", "CGO_ENABLED": "0",
        "GOFLAGS": "-mod=readonly", "LANG": "C", "LC_ALL": "C",
        "GOPATH": str(work / "gopath"), "GOCACHE": str(work / "gocache"),
    }
    return env


def opened_files(cmd, cwd, env, work):
    """The regular files `cmd` opens successfully, in order, deduplicated."""
    # One log per thread (-ff): with -f into one file, a call another thread
    # interrupts is split into "<unfinished ...>" and "<... resumed>" lines
    # that the pattern below cannot match, and the opens of gomvs's worker
    # threads went uncounted.
    for old in work.glob("strace.log.*"):
        old.unlink()
    prefix = work / "strace.log"
    subprocess.run(["strace", "-ff", "-qq", "-e", "trace=openat,open", "-o", str(prefix)] + cmd,
                   cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL)
    seen, files = set(), []
    pat = re.compile(r'open(?:at)?\((?:[^,]+, )?"((?:[^"\\]|\\.)*)".*\) = (\d+)')
    logs = sorted(work.glob("strace.log.*"), key=lambda f: int(f.suffix[1:]))
    lines = [line for log in logs for line in log.read_text().splitlines()]
    for line in lines:
        m = pat.search(line)
        if not m:
            continue
        p = m.group(1)
        if not p.startswith("/"):
            p = str(Path(cwd) / p)
        if p.startswith(SKIP_PREFIXES) or p in seen or not os.path.isfile(p):
            continue
        seen.add(p)
        files.append(p)
    return files


def hyperfine(name, cmd, cwd, env, args, prepare=None):
    out = Path(tempfile.mkstemp(suffix=".json")[1])
    hf = ["hyperfine", "-N", "--style", "none", "--warmup", str(args.warmup), "--runs",
          str(args.runs), "--export-json", str(out), "-n", name]
    if prepare:
        hf += ["--prepare", prepare]
    subprocess.run(hf + [" ".join(cmd)], cwd=cwd, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    r = json.loads(out.read_text())["results"][0]
    out.unlink()
    return {"median": r["median"] * 1e3, "user": r["user"] * 1e3, "system": r["system"] * 1e3}


def measure(name, mode, main_dir, proxy, work, tools, args):
    floor_read, gomvs, go = tools
    env = base_env(work)
    cache = work / f"modcache-{mode}"
    env["GOPROXY"] = f"file://{proxy}"
    env["GOMODCACHE"] = str(cache)
    remove_tree(cache)
    os.makedirs(env["HOME"], exist_ok=True)
    if mode == "warm":
        go_out = run([go, "list", "-m", "all"], cwd=main_dir, env=env).stdout
    else:
        # gomvs must not need anything go would have put into the cache.
        check = work / "modcache-check"
        go_out = run([go, "list", "-m", "all"], cwd=main_dir,
                     env={**env, "GOMODCACHE": str(check)}).stdout
        remove_tree(check)
        cache.mkdir(parents=True)
    gomvs_out = run([gomvs, "list", "all"], cwd=main_dir, env=env).stdout
    if gomvs_out != go_out:
        die(f"{name} ({mode}): gomvs list all differs from go list -m all")
    files = opened_files([str(gomvs), "list", "all"], main_dir, env, work)
    lst = work / f"files-{mode}.txt"
    lst.write_text("".join(f + "\n" for f in files))
    empty = work / "empty.txt"
    empty.write_text("")
    nbytes = sum(os.path.getsize(f) for f in files)
    row = {"workload": name, "mode": mode, "modules": go_out.count("\n"), "files": len(files),
           "bytes": nbytes}
    row["empty"] = hyperfine("empty start", [str(floor_read), str(empty)], main_dir, env, args)
    row["floor1"] = hyperfine("floor 1 thread", [str(floor_read), str(lst)], main_dir, env, args)
    row["floorN"] = hyperfine(f"floor {args.threads} threads",
                              [str(floor_read), "-j", str(args.threads), str(lst)],
                              main_dir, env, args)
    row["gomvs"] = hyperfine("gomvs list all", [str(gomvs), "list", "all"], main_dir, env, args)
    prepare = None
    if mode == "cold":
        # hyperfine -N runs this without a shell too (words split as a shell would)
        prepare = f"bash -c 'chmod -R u+w {cache} 2>/dev/null; rm -rf {cache}'"
    row["go"] = hyperfine("go list -m all", [str(go), "list", "-m", "all"], main_dir, env, args,
                          prepare=prepare)
    remove_tree(cache)
    return row


def fmt_table(rows, threads):
    head = (f"| workload | cache | modules | files read | empty start | floor 1 thread | "
            f"floor {threads} threads | gomvs | go | gomvs / floor | go / gomvs |\n"
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
    body = ""
    for r in rows:
        m = lambda k: r[k]["median"]
        body += (f"| {r['workload']} | {r['mode']} | {r['modules']} | {r['files']} "
                 f"({r['bytes'] / 1024:.0f} KiB) | {m('empty'):.2f} | {m('floor1'):.2f} | "
                 f"{m('floorN'):.2f} | {m('gomvs'):.2f} | {m('go'):.2f} | "
                 f"{m('gomvs') / min(m('floor1'), m('floorN')):.2f}x | {m('go') / m('gomvs'):.2f}x |\n")
    return head + body


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--only", default="")
    ap.add_argument("--modes", default="warm,cold")
    ap.add_argument("--export-md")
    ap.add_argument("--export-json")
    ap.add_argument("--gomvs")
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args()
    for tool in ("hyperfine", "strace"):
        if not shutil.which(tool):
            die(f"{tool} not found (apt-get install -y {tool})")
    shared = Path(os.environ.get("GOMVS_SHARED_DIR", ROOT.parent / "shared")).resolve()
    corpus = shared / "corpus" / "golang-x"
    if not (corpus / "proxy").is_dir():
        die(f"golang-x corpus not found at {corpus} (set GOMVS_SHARED_DIR)")
    go = Path(run([str(ROOT / "scripts" / "ensure-go.sh")]).stdout.strip())
    floor_read, universe_dump = build()
    gomvs = Path(args.gomvs).resolve() if args.gomvs else target_dir() / "release" / "gomvs"
    only = set(filter(None, args.only.split(",")))
    modes = [m for m in args.modes.split(",") if m]
    workloads = [(c, "golang-x") for c in GOLANG_X] + [(f"universe-{n}", n) for n in UNIVERSES]
    workloads = [w for w in workloads if not only or w[0] in only]
    root_work = Path(tempfile.mkdtemp(prefix="gomvs-floor-"))
    load = os.getloadavg()
    print(f"# {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} CPUs, "
          f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print(f"# {run([str(go), 'version']).stdout.strip()} ({go}); gomvs: {gomvs}; "
          f"{run(['hyperfine', '--version']).stdout.strip()}; runs {args.runs}, warmup {args.warmup}")
    rows = []
    try:
        for name, kind in workloads:
            work = root_work / name
            work.mkdir(parents=True)
            if kind == "golang-x":
                case = corpus / "cases" / name
                if not (case / "main").is_dir():
                    die(f"case not found: {case}")
                shutil.copytree(case, work / "case", ignore=shutil.ignore_patterns("expected", "case.json"))
                main_dir, proxy = work / "case" / "main", (corpus / "proxy").resolve()
            else:
                out = run([str(universe_dump), str(kind), "pruned"]).stdout
                main_dir = Path(re.search(r"^main=(.*)$", out, re.M).group(1))
                proxy = Path(re.search(r"^proxy=(.*)$", out, re.M).group(1))
                shutil.move(str(main_dir), work / "main")
                shutil.move(str(proxy), work / "proxy")
                main_dir, proxy = work / "main", work / "proxy"
            for mode in modes:
                row = measure(name, mode, main_dir, proxy, work, (floor_read, gomvs, go), args)
                rows.append(row)
                print(fmt_table([row], args.threads).splitlines()[-1], flush=True)
    finally:
        if args.keep:
            print(f"# kept {root_work}")
        else:
            remove_tree(root_work)
    table = fmt_table(rows, args.threads)
    print()
    print(table)
    if args.export_md:
        with open(args.export_md, "a") as f:
            f.write(f"Load average at start: {load[0]:.2f}; runs {args.runs}, warmup {args.warmup}.\n\n")
            f.write(table + "\n")
    if args.export_json:
        Path(args.export_json).write_text(json.dumps(rows, indent=2) + "\n")


if __name__ == "__main__":
    main()
