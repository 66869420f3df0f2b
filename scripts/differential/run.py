#!/usr/bin/env python3
"""Differential test: random module universes, the real go versus gomvs.

    run.py [--seeds 1-500 | --count N [--seed-base S]] [--gomvs PATH | --impl go]
           [-j 2] [--with-u] [--modes readonly,mod] [--sources proxy,cache]
           [--save-mismatches] [--save-dir DIR] [--keep] [-v]

For every seed: gen.py writes a universe; each command (`list -m all`, `list -m -json
all`, `mod graph`, plus `list -m -e -json all` when the universe has error features,
`mod graph -go=V` when chosen, `list -m -u all` with --with-u) runs under each mode
(GOFLAGS=-mod=readonly / -mod=mod), each GOWORK setting (auto, and off when a go.work
exists) and each source (file:// proxy with an empty module cache; GOPROXY=off with a
module cache the real go filled beforehand).  go and the implementation under test each
run on a pristine copy with the same environment; temporary paths are replaced by
placeholders and stdout, stderr and the exit status are compared.

`--impl go` runs the real go as the implementation too (self-check): every difference is
then go disagreeing with itself, reported as nondeterminism.  In gomvs mode a mismatch
makes the harness re-run go once; if go disagrees with itself the case is reported as
nondeterministic and passes when gomvs printed one of go's answers.

The last line is exactly `differential: N passed, M failed`; exit status 1 if M > 0.
See README.md.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import random
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import gen  # noqa: E402

TIMEOUT = 120

def load_templates() -> list[str]:
    """The template catalogue of scripts/record-template-goldens.py."""
    with open(os.path.join(REPO, "testdata", "template", "templates.json"), encoding="utf-8") as f:
        return json.load(f)


# (name, go arguments, gomvs arguments)
BASE_COMMANDS = [
    ("list", ["list", "-m", "all"], ["list", "all"]),
    ("list-json", ["list", "-m", "-json", "all"], ["list", "-json", "all"]),
    ("graph", ["mod", "graph"], ["graph"]),
]
ERROR_COMMAND = ("list-e-json", ["list", "-m", "-e", "-json", "all"], ["list", "-e", "-json", "all"])
U_COMMAND = ("list-u", ["list", "-m", "-u", "all"], ["list", "-u", "all"])
MODES = {"readonly": "-mod=readonly", "mod": "-mod=mod", "default": ""}


def parse_seeds(spec: str) -> list[int]:
    out: list[int] = []
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part[1:]:
            a, b = part.split("-", 1)
            out.extend(range(int(a), int(b) + 1))
        else:
            out.append(int(part))
    return out


def rmtree(path: str):
    """Remove a tree even if go made parts of it read-only."""
    def onerror(func, p, _exc):
        try:
            os.chmod(os.path.dirname(p), 0o755)
            os.chmod(p, stat.S_IWUSR | stat.S_IRUSR | stat.S_IXUSR)
            func(p)
        except OSError:
            pass
    if os.path.exists(path):
        for root, dirs, _files in os.walk(path):
            for d in dirs:
                try:
                    os.chmod(os.path.join(root, d), 0o755)
                except OSError:
                    pass
        shutil.rmtree(path, onerror=onerror)


class Result:
    def __init__(self, stdout: str, stderr: str, code: int, secs: float):
        self.stdout, self.stderr, self.code, self.secs = stdout, stderr, code, secs

    def key(self):
        return (self.stdout, self.stderr, self.code)


class Harness:
    def __init__(self, args):
        self.args = args
        self.go = shutil.which("go") or "go"
        self.go = os.path.realpath(self.go)
        self.impl = args.impl
        self.gomvs = os.path.abspath(args.gomvs) if args.gomvs else None
        self.tmp = os.path.realpath(tempfile.mkdtemp(prefix="gomvs-diff-", dir=args.tmp))
        self.gocache = os.path.join(self.tmp, "gocache")
        os.makedirs(self.gocache)
        self.lock = threading.Lock()
        self.passed = self.failed = self.nondet = 0
        self.go_secs = self.impl_secs = 0.0
        self.go_runs = self.impl_runs = 0
        self.nondet_lines: list[str] = []
        self.coverage: dict[str, list[int]] = {}  # "cmd/mode" -> [go exit 0, go exit != 0]

    # ---- environment ----
    def env(self, side: str, proxy: str, source: str, goflags: str, gowork: str) -> dict:
        env = {
            "PATH": os.path.dirname(self.go) + ":/usr/local/bin:/usr/bin:/bin",
            "HOME": os.path.join(side, "home"),
            "GOPATH": os.path.join(side, "gopath"),
            "GOMODCACHE": os.path.join(side, "modcache"),
            "GOCACHE": self.gocache,
            "GOTOOLCHAIN": "local",
            "GOSUMDB": "off",
            "GOENV": "off",
            "GOTELEMETRY": "off",
            "GONOSUMDB": "",
            "GOPRIVATE": "",
            "GONOPROXY": "",
            "GOINSECURE": "",
            "LANG": "C",
            "GOPROXY": "off" if source == "cache" else "file://" + proxy,
            "GOFLAGS": goflags,
        }
        if gowork == "off":
            env["GOWORK"] = "off"
        return env

    def prepare_side(self, side: str, universe: str, cache: str | None):
        os.makedirs(side)
        shutil.copytree(os.path.join(universe, "work"), os.path.join(side, "work"), symlinks=True)
        if cache:
            shutil.copytree(cache, os.path.join(side, "modcache"), symlinks=True)
        else:
            os.makedirs(os.path.join(side, "modcache"))
        os.makedirs(os.path.join(side, "gopath"))
        # telemetry mode "off" (what `go telemetry off` writes): otherwise go writes
        # counters into HOME and leaves a sidecar process behind after every run
        tel = os.path.join(side, "home", ".config", "go", "telemetry")
        os.makedirs(tel)
        with open(os.path.join(tel, "mode"), "w") as fh:
            fh.write("off\n")

    def normalize(self, text: str, side: str, proxy: str) -> str:
        subs = [
            (os.path.join(side, "work"), "$WORK"),
            (os.path.join(side, "modcache"), "$GOMODCACHE"),
            (os.path.join(side, "gopath"), "$GOPATH"),
            (os.path.join(side, "home"), "$HOME"),
            (proxy, "$PROXY"),
            (self.gocache, "$GOCACHE"),
            (side, "$SIDE"),
            (self.tmp, "$TMP"),
        ]
        subs.sort(key=lambda s: -len(s[0]))
        for a, b in subs:
            text = text.replace(a, b)
        return text

    def run_one(self, universe: str, cache: str | None, argv: list[str], env: dict,
                tag: str) -> tuple[Result, str]:
        side = tempfile.mkdtemp(prefix=tag + "-", dir=self.tmp)
        os.rmdir(side)
        self.prepare_side(side, universe, cache)
        env = dict(env)
        for k in ("HOME", "GOPATH", "GOMODCACHE"):
            env[k] = os.path.join(side, os.path.basename(env[k]))
        proxy = os.path.join(universe, "proxy")
        t0 = time.monotonic()
        try:
            p = subprocess.run(argv, cwd=os.path.join(side, "work", "main"), env=env,
                               capture_output=True, timeout=TIMEOUT)
            out, err, code = p.stdout, p.stderr, p.returncode
        except subprocess.TimeoutExpired as e:
            out, err, code = e.stdout or b"", (e.stderr or b"") + b"\n[harness: timeout]", -1
        except OSError as e:
            out, err, code = b"", f"[harness: cannot run {argv[0]}: {e}]\n".encode(), -2
        secs = time.monotonic() - t0
        res = Result(self.normalize(out.decode("utf-8", "replace"), side, proxy),
                     self.normalize(err.decode("utf-8", "replace"), side, proxy), code, secs)
        if not self.args.keep:
            rmtree(side)
        return res, side

    def go_argv(self, cmd) -> list[str]:
        return [self.go] + cmd[1]

    def impl_argv(self, cmd) -> list[str]:
        if self.impl == "go":
            return [self.go] + cmd[1]
        return [self.gomvs] + cmd[2]

    # ---- per seed ----
    def prefill(self, universe: str, meta: dict, goworks: list[str]) -> str:
        """Fill a module cache by running the real go against the proxy."""
        cache_side = os.path.join(self.tmp, f"prefill-{meta['seed']}")
        self.prepare_side(cache_side, universe, None)
        proxy = os.path.join(universe, "proxy")
        cmds = [["list", "-m", "-e", "-json", "all"], ["mod", "graph"]]
        if self.args.with_u:
            cmds.append(["list", "-m", "-u", "-e", "all"])
        for gowork in goworks:
            for goflags in ("-mod=mod", "-mod=readonly"):
                env = self.env(cache_side, proxy, "proxy", goflags, gowork)
                for c in cmds:
                    subprocess.run([self.go] + c, cwd=os.path.join(cache_side, "work", "main"),
                                   env=env, capture_output=True, timeout=TIMEOUT)
        return os.path.join(cache_side, "modcache")

    def cases(self, meta: dict):
        cmds = list(BASE_COMMANDS)
        if meta["errors"]:
            cmds.append(ERROR_COMMAND)
        if meta.get("graph_go"):
            v = meta["graph_go"]
            cmds.append((f"graph-go{v}", ["mod", "graph", f"-go={v}"], ["graph", f"-go={v}"]))
        if self.args.with_u:
            cmds.append(U_COMMAND)
        if self.args.templates:
            # A sample of the template catalogue (testdata/template/templates.json),
            # chosen by the seed: `go list -m -f T all` -> `gomvs list -f T all`.
            catalogue = load_templates()
            pick = random.Random(meta["seed"]).sample(
                range(len(catalogue)), min(self.args.templates, len(catalogue)))
            for i in pick:
                t = catalogue[i]
                cmds.append((f"tmpl{i}", ["list", "-m", "-f", t, "all"], ["list", "-f", t, "all"]))
        goworks = ["auto", "off"] if meta["workspace"] else ["auto"]
        for source in self.args.sources:
            for gowork in goworks:
                for mode in self.args.modes:
                    for cmd in cmds:
                        yield source, gowork, mode, cmd

    def run_seed(self, seed: int):
        udir = os.path.join(self.tmp, f"u{seed}")
        meta = gen.generate(seed, udir)
        goworks = ["auto", "off"] if meta["workspace"] else ["auto"]
        cache = self.prefill(udir, meta, goworks) if "cache" in self.args.sources else None
        proxy = os.path.join(udir, "proxy")
        lines = []
        stats = [0, 0, 0]  # passed, failed, nondet
        for source, gowork, mode, cmd in self.cases(meta):
            src_cache = cache if source == "cache" else None
            env = self.env(os.path.join(self.tmp, "SIDE"), proxy, source, MODES[mode], gowork)
            exp, _ = self.run_one(udir, src_cache, self.go_argv(cmd), env, f"s{seed}-go")
            act, _ = self.run_one(udir, src_cache, self.impl_argv(cmd), env, f"s{seed}-im")
            with self.lock:
                cov = self.coverage.setdefault(f"{cmd[0]}/{mode}", [0, 0])
                cov[0 if exp.code == 0 else 1] += 1
                self.go_secs += exp.secs
                self.go_runs += 1
                if self.impl == "go":
                    self.go_secs += act.secs
                    self.go_runs += 1
                else:
                    self.impl_secs += act.secs
                    self.impl_runs += 1
            desc = f"{cmd[0]}-{mode}-{source}" + ("-goworkoff" if gowork == "off" else "")
            label = (f"seed={seed} cmd='go {' '.join(cmd[1])}' mode={mode} source={source}"
                     f" gowork={gowork}")
            if exp.key() == act.key():
                stats[0] += 1
                continue
            # disagreement: is go deterministic here?
            if self.impl == "go":
                # both sides are go: the difference is go disagreeing with itself
                line = f"NONDETERMINISTIC {label}: {difference(exp, act)}"
                stats[0] += 1
                stats[2] += 1
                lines.append(line)
                with self.lock:
                    self.nondet_lines.append(line)
                if self.args.save_mismatches:
                    self.save(seed, udir, src_cache, cmd, env, "nondet-" + desc, exp, act,
                              mode, source, gowork)
                continue
            # re-run go (up to --reruns times) to see whether it disagrees with itself
            others = []
            for i in range(self.args.reruns):
                again, _ = self.run_one(udir, src_cache, self.go_argv(cmd), env, f"s{seed}-g{i}")
                others.append(again)
                if again.key() == act.key():
                    break
            varied = [o for o in others if o.key() != exp.key()]
            if varied:
                stats[2] += 1
                line = f"NONDETERMINISTIC {label}: {difference(exp, varied[0])}"
                lines.append(line)
                with self.lock:
                    self.nondet_lines.append(line)
                if any(o.key() == act.key() for o in others):
                    stats[0] += 1
                    continue
            stats[1] += 1
            lines.append(f"MISMATCH {label}: {difference(exp, act)}")
            if self.args.save_mismatches:
                self.save(seed, udir, src_cache, cmd, env, desc, exp, act, mode, source, gowork)
        with self.lock:
            self.passed += stats[0]
            self.failed += stats[1]
            self.nondet += stats[2]
            for line in lines:
                print(line, flush=True)
            if self.args.verbose:
                print(f"seed {seed}: {stats[0]} passed, {stats[1]} failed "
                      f"({', '.join(meta['features'])})", flush=True)
        if not self.args.keep:
            rmtree(udir)
            if cache:
                rmtree(os.path.dirname(cache))
        return stats

    def save(self, seed, udir, cache, cmd, env, desc, exp, act, mode, source, gowork):
        dest = os.path.join(self.args.save_dir, f"{seed}-{desc}")
        if os.path.exists(dest):
            rmtree(dest)
        os.makedirs(dest)
        shutil.copytree(os.path.join(udir, "proxy"), os.path.join(dest, "proxy"))
        shutil.copytree(os.path.join(udir, "work"), os.path.join(dest, "work"))
        shutil.copy(os.path.join(udir, "meta.json"), os.path.join(dest, "meta.json"))
        if cache:
            shutil.copytree(cache, os.path.join(dest, "modcache"))
            for root, dirs, files in os.walk(os.path.join(dest, "modcache")):
                for n in dirs + files:
                    os.chmod(os.path.join(root, n), 0o755 if n in dirs else 0o644)
        for name, res in (("expected", exp), ("actual", act)):
            with open(os.path.join(dest, f"{name}.stdout"), "w") as fh:
                fh.write(res.stdout)
            with open(os.path.join(dest, f"{name}.stderr"), "w") as fh:
                fh.write(res.stderr)
            with open(os.path.join(dest, f"{name}.exit"), "w") as fh:
                fh.write(f"{res.code}\n")
        envtxt = {k: v for k, v in env.items() if k not in ("PATH", "HOME", "GOPATH",
                                                           "GOMODCACHE", "GOCACHE")}
        if source != "cache":
            envtxt["GOPROXY"] = "file://$PROXY"
        with open(os.path.join(dest, "case.json"), "w") as fh:
            json.dump({"seed": seed, "go": ["go"] + cmd[1], "gomvs": ["gomvs"] + cmd[2],
                       "mode": mode, "source": source, "gowork": gowork,
                       "cwd": "work/main", "env": envtxt}, fh, indent=1)
            fh.write("\n")
        with open(os.path.join(dest, "repro.sh"), "w") as fh:
            fh.write(REPRO_SH)
        os.chmod(os.path.join(dest, "repro.sh"), 0o755)

    def cleanup(self):
        if not self.args.keep:
            rmtree(self.tmp)


REPRO_SH = r"""#!/usr/bin/env bash
# Re-run this differential case: ./repro.sh [go|PATH-TO-GOMVS]  (default: go)
# Prints stdout, stderr and exit status with temporary paths replaced like the harness.
set -u
here=$(cd "$(dirname "$0")" && pwd)
impl=${1:-go}
t=$(mktemp -d)
cp -a "$here/work" "$t/work"
mkdir -p "$t/gopath" "$t/home/.config/go/telemetry" "$t/gocache"; echo off > "$t/home/.config/go/telemetry/mode"
if [ -d "$here/modcache" ]; then cp -a "$here/modcache" "$t/modcache"; else mkdir "$t/modcache"; fi
args=$(python3 -c 'import json,sys; c=json.load(open(sys.argv[1])); print(" ".join(c[sys.argv[2]][1:]))' "$here/case.json" "$([ "$impl" = go ] && echo go || echo gomvs)")
envs=$(python3 -c 'import json,sys,shlex; c=json.load(open(sys.argv[1])); print(" ".join(shlex.quote(k+"="+v.replace("$PROXY", sys.argv[2])) for k,v in c["env"].items()))' "$here/case.json" "$here/proxy")
bin=$([ "$impl" = go ] && command -v go || echo "$impl")
(cd "$t/work/main" && eval env -i PATH="$(dirname "$(command -v go)"):/usr/bin:/bin" HOME="$t/home" GOPATH="$t/gopath" \
   GOMODCACHE="$t/modcache" GOCACHE="$t/gocache" $envs "$bin" $args >"$t/out" 2>"$t/err"; echo $? >"$t/rc")
for f in out err; do
  echo "--- std$f"
  sed -e "s#$t/work#\$WORK#g" -e "s#$t/modcache#\$GOMODCACHE#g" -e "s#$here/proxy#\$PROXY#g" -e "s#$t/gopath#\$GOPATH#g" "$t/$f"
done
echo "--- exit $(cat "$t/rc")"
chmod -R u+w "$t"; rm -rf "$t"
"""


def difference(a: Result, b: Result) -> str:
    parts = []
    if a.code != b.code:
        parts.append(f"exit {a.code} vs {b.code}")
    for name, x, y in (("stdout", a.stdout, b.stdout), ("stderr", a.stderr, b.stderr)):
        if x == y:
            continue
        xl, yl = x.split("\n"), y.split("\n")
        for i in range(max(len(xl), len(yl))):
            xa = xl[i] if i < len(xl) else "<EOF>"
            ya = yl[i] if i < len(yl) else "<EOF>"
            if xa != ya:
                parts.append(f"{name} line {i + 1}: go={xa[:100]!r} other={ya[:100]!r}")
                break
    return "; ".join(parts) or "identical"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seeds", help="seed list, e.g. 1-500 or 3,7,10-12")
    ap.add_argument("--count", type=int, default=20,
                    help="number of seeds (default 20, about 330 cases)")
    ap.add_argument("--seed-base", type=int, help="first seed (default: fresh random)")
    ap.add_argument("--impl", choices=["gomvs", "go"], default="gomvs")
    ap.add_argument("--gomvs", default=os.environ.get("GOMVS"), help="gomvs binary ($GOMVS)")
    ap.add_argument("-j", type=int, default=2, help="parallel seeds (default 2)")
    ap.add_argument("--with-u", action="store_true", help="also compare `list -m -u all`")
    ap.add_argument("--templates", type=int, default=0, metavar="N",
                    help="also compare `list -m -f T all` for N templates of "
                         "testdata/template/templates.json, sampled per seed")
    ap.add_argument("--modes", default="readonly,mod",
                    help="GOFLAGS modes: readonly,mod,default (default readonly,mod)")
    ap.add_argument("--sources", default="proxy,cache",
                    help="module sources: proxy (file://, empty cache), cache (GOPROXY=off, "
                         "prefilled cache); default both")
    ap.add_argument("--save-mismatches", action="store_true",
                    help="save a reproducer per mismatch under --save-dir")
    ap.add_argument("--save-dir", default=os.path.join(REPO, "testdata", "differential"))
    ap.add_argument("--reruns", type=int, default=3,
                    help="on a mismatch, re-run go up to this many times to detect "
                         "nondeterminism (default 3)")
    ap.add_argument("--tmp", default=None, help="parent of the scratch directory")
    ap.add_argument("--keep", action="store_true", help="keep scratch directories")
    ap.add_argument("-v", "--verbose", action="store_true", help="one line per seed")
    ap.add_argument("--mode", choices=["universe", "diff"], default="universe",
                    help="universe: go vs gomvs per command (default); diff: random universe "
                         "pairs, go's `list -m -json all` on both sides vs `gomvs diff` "
                         "(diffmode.py)")
    ap.add_argument("--diff-forms", default="dirs,git,worktree",
                    help="diff mode: how each pair is diffed: dirs (--dirs), git (two "
                         "revisions of a repository holding both states), worktree (base "
                         "revision vs the working tree), absdirs (--dirs with absolute "
                         "paths from another directory); default dirs,git,worktree")
    args = ap.parse_args()
    args.diff_forms = [f for f in args.diff_forms.split(",") if f]
    args.modes = [m for m in args.modes.split(",") if m]
    args.sources = [s for s in args.sources.split(",") if s]
    for m in args.modes:
        if m not in MODES:
            ap.error(f"unknown mode {m}")
    for s in args.sources:
        if s not in ("proxy", "cache"):
            ap.error(f"unknown source {s}")
    if args.mode == "diff" and args.impl == "go":
        # self-check of the judge: a stand-in for `gomvs diff` built from the real go
        args.gomvs = os.path.join(HERE, "go_diff.py")
        args.impl = "gomvs"
        args.diff_forms = ["dirs"]
    if args.impl == "gomvs" and not args.gomvs:
        ap.error("--gomvs PATH (or $GOMVS) is required unless --impl go")
    if args.seeds:
        seeds = parse_seeds(args.seeds)
    else:
        base = args.seed_base if args.seed_base is not None else \
            int.from_bytes(os.urandom(3), "big")
        seeds = list(range(base, base + args.count))
    spec = f"{seeds[0]}-{seeds[-1]}" if seeds == list(range(seeds[0], seeds[-1] + 1)) \
        else ",".join(map(str, seeds))
    print(f"differential: {len(seeds)} seeds ({spec}), impl={args.impl}"
          f"{'' if args.impl == 'go' else ' ' + args.gomvs}; reproduce with --seeds {spec}",
          flush=True)
    h = Harness(args)
    if args.mode == "diff":
        import diffmode
        args.seed_list = seeds
        try:
            return diffmode.run(args, h)
        finally:
            h.cleanup()
    t0 = time.monotonic()
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.j)) as ex:
            futs = [ex.submit(h.run_seed, s) for s in seeds]
            for i, fut in enumerate(concurrent.futures.as_completed(futs), 1):
                fut.result()
                if i % 20 == 0 and i < len(seeds):
                    print(f"differential: progress {i}/{len(seeds)} seeds, "
                          f"{h.passed} passed, {h.failed} failed, "
                          f"{time.monotonic() - t0:.0f}s", file=sys.stderr, flush=True)
    finally:
        h.cleanup()
    wall = time.monotonic() - t0
    cases = h.passed + h.failed
    print(f"differential: {cases} cases in {wall:.0f}s wall; go {h.go_runs} runs "
          f"avg {1000 * h.go_secs / max(1, h.go_runs):.0f}ms"
          + (f", {args.impl} {h.impl_runs} runs avg "
             f"{1000 * h.impl_secs / max(1, h.impl_runs):.0f}ms" if h.impl_runs else "")
          + f"; nondeterministic: {h.nondet}", flush=True)
    print("differential: go exit status 0 / non-zero per command and mode: " + ", ".join(
        f"{k} {v[0]}/{v[1]}" for k, v in sorted(h.coverage.items())), flush=True)
    print(f"differential: {h.passed} passed, {h.failed} failed", flush=True)
    return 1 if h.failed else 0


if __name__ == "__main__":
    sys.exit(main())
