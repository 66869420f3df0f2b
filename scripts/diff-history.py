#!/usr/bin/env python3
"""`gomvs diff` on git histories rebuilt from the golang-x corpus, judged by the
outputs the real go recorded for every state.

    diff-history.py --gomvs PATH [--corpus DIR] [--modes mod,readonly] [--only SUBSTR]
                    [--dirs] [--save-mismatches [--save-dir DIR]] [--keep] [-v]

For every main module with at least two cases in `corpus/golang-x/cases/` (ordered by
the commit time of the case, then by version), a temporary git repository gets one
commit per case: the case's files without `expected/` and `case.json` (`main/go.mod`,
`main/go.sum`, and for old gopls the `go.mod` beside `main/` that
`replace golang.org/x/tools => ../` points at), each commit replacing the previous
state.  Then, in `main/` (a module subdirectory of the repository), for every
consecutive pair `gomvs diff REV_i REV_j --json` runs with the corpus harness
environment (GOPROXY=file://<corpus>/proxy, an empty GOMODCACHE, GOFLAGS=-mod=mod or
-mod=readonly, GOWORK=off, ...).  The revisions are named in rotating forms: a
lightweight tag, an annotated tag, an abbreviated hash, `HEAD~N`.  Each history also
gets one `gomvs diff REV` against the working tree (the last state).

The judge is the two recorded `go list -m -json all` outputs of the pair (for that
mode): the change set must be exactly the paths whose (Version, Replace, Indirect)
differ or that exist on one side only, with before/after/used/indirect equal to go's
and kinds consistent with them (the rules of scripts/differential/diffmode.py), plus
the main module's go line (GoVersion) and toolchain line (go.mod text).  When the
recorded go failed on a side, gomvs must exit non-zero and name that side.  The .git
directory and the work tree are hashed before and after: gomvs must not write.

`--dirs` runs `gomvs diff --dirs A B` on `git archive` extractions instead (the
development fallback from before git revisions were supported).

Last line: `diff-history: N pairs, P passed, F failed`; exit status 1 if F > 0.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(HERE, "differential"))
import diffmode  # noqa: E402
import gosemver  # noqa: E402

TIMEOUT = 120
MODES = {"mod": "-mod=mod", "readonly": "-mod=readonly"}


def default_corpus() -> str:
    shared = os.environ.get("GOMVS_SHARED_DIR", "/work/shared")
    return os.path.join(shared, "corpus", "golang-x")


def load_cases(corpus: str, only: str | None) -> dict[str, list[dict]]:
    """module path -> its cases in history order."""
    cases_dir = os.path.join(corpus, "cases")
    by_mod: dict[str, list[dict]] = {}
    for name in sorted(os.listdir(cases_dir)):
        d = os.path.join(cases_dir, name)
        with open(os.path.join(d, "case.json")) as fh:
            c = json.load(fh)
        if c.get("synthetic"):
            continue
        if only and only not in c["module"]:
            continue
        c["name"], c["dir"] = name, d
        by_mod.setdefault(c["module"], []).append(c)
    out = {}
    vkey = functools.cmp_to_key(gosemver.compare)
    for mod, cs in by_mod.items():
        if len(cs) < 2:
            continue
        cs.sort(key=lambda c: (c.get("commit_time") or "", vkey(c["version"])))
        out[mod] = cs
    return out


def recorded(case: dict, mode: str):
    """(exit code, stderr, rows by path, go.mod text) recorded for the case in this mode."""
    e = os.path.join(case["dir"], "expected", mode)
    with open(os.path.join(e, "list-m-json-all.exitcode")) as fh:
        code = int(fh.read().strip())
    with open(os.path.join(e, "list-m-json-all.stderr")) as fh:
        err = fh.read()
    rows = None
    if code == 0:
        with open(os.path.join(e, "list-m-json-all.stdout")) as fh:
            rows = diffmode.side_rows(diffmode.parse_json_stream(fh.read()))
    with open(os.path.join(case["dir"], "main", "go.mod")) as fh:
        text = fh.read()
    return code, err, rows, text


def git(repo: str, *args: str, env=None) -> str:
    p = subprocess.run(["git", "-C", repo, *args], capture_output=True, text=True, env=env)
    if p.returncode != 0:
        raise RuntimeError(f"git {' '.join(args)}: {p.stderr.strip()}")
    return p.stdout.strip()


GIT_ENV = dict(os.environ, GIT_AUTHOR_NAME="diff-history", GIT_AUTHOR_EMAIL="h@example.com",
               GIT_COMMITTER_NAME="diff-history", GIT_COMMITTER_EMAIL="h@example.com",
               GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL="/dev/null")


def build_repo(repo: str, cases: list[dict]) -> list[str]:
    """One commit per case; returns the commit ids."""
    os.makedirs(repo)
    git(repo, "init", "-q", "-b", "main", env=GIT_ENV)
    commits = []
    for i, c in enumerate(cases):
        for n in os.listdir(repo):
            if n != ".git":
                p = os.path.join(repo, n)
                shutil.rmtree(p) if os.path.isdir(p) else os.remove(p)
        for n in os.listdir(c["dir"]):
            if n in ("expected", "case.json"):
                continue
            src = os.path.join(c["dir"], n)
            if os.path.isdir(src):
                shutil.copytree(src, os.path.join(repo, n), copy_function=shutil.copy)
            else:
                shutil.copy(src, os.path.join(repo, n))
        for root, dirs, files in os.walk(repo):
            if ".git" in root.split(os.sep):
                continue
            for n in dirs + files:
                os.chmod(os.path.join(root, n), 0o755 if n in dirs else 0o644)
        # empty the index first: copied files can keep size and mtime, and git would
        # take a changed go.mod for unchanged from its stat cache
        git(repo, "read-tree", "--empty", env=GIT_ENV)
        git(repo, "add", "-A", env=GIT_ENV)
        t = (c.get("commit_time") or "2020-01-01T00:00:00Z")
        env = dict(GIT_ENV, GIT_AUTHOR_DATE=t, GIT_COMMITTER_DATE=t)
        git(repo, "commit", "-q", "--allow-empty", "-m", f"{c['name']}", env=env)
        commits.append(git(repo, "rev-parse", "HEAD"))
        tag = f"t{i}-{c['version']}"
        if i % 2:
            git(repo, "tag", "-a", tag, "-m", c["name"], env=env)
        else:
            git(repo, "tag", tag, env=env)
    return commits


def rev_name(i: int, n: int, commits: list[str], cases: list[dict], form: int) -> str:
    """Revision i (of n) named in one of four forms."""
    f = form % 4
    if f == 0:
        return f"t{i}-{cases[i]['version']}"  # lightweight or annotated tag
    if f == 1:
        return commits[i][:10]
    if f == 2:
        return f"HEAD~{n - 1 - i}" if i < n - 1 else "HEAD"
    return commits[i]


def tree_hash(root: str) -> str:
    h = hashlib.sha256()
    for d, dirs, files in sorted(os.walk(root)):
        dirs.sort()
        for f in sorted(files):
            p = os.path.join(d, f)
            st = os.lstat(p)
            h.update(os.path.relpath(p, root).encode() + b"\0" + str(st.st_mtime_ns).encode())
            with open(p, "rb") as fh:
                h.update(fh.read())
    return h.hexdigest()


class History:
    def __init__(self, args):
        self.args = args
        self.corpus = os.path.realpath(args.corpus)
        self.proxy = os.path.join(self.corpus, "proxy")
        self.gomvs = os.path.abspath(args.gomvs)
        self.tmp = os.path.realpath(tempfile.mkdtemp(prefix="gomvs-hist-", dir=args.tmp))
        self.pairs = self.passed = self.failed = 0
        self.worktree_checks = self.worktree_passed = 0
        self.secs = 0.0
        self.runs = 0
        self.changes = 0
        self.outcomes: dict[str, int] = {}

    def env(self, goflags: str) -> dict:
        home = os.path.join(self.tmp, "home")
        return {
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": home,
            "GOENV": "off",
            "GOTOOLCHAIN": "local",
            "GOSUMDB": "off",
            "GOPROXY": "file://" + self.proxy,
            "GOFLAGS": goflags,
            "GOWORK": "off",
            "GO111MODULE": "on",
            "GONOSUMDB": "", "GONOPROXY": "", "GOPRIVATE": "", "GOINSECURE": "",
            "GOPATH": os.path.join(self.tmp, "gopath"),
            "GOMODCACHE": os.path.join(self.tmp, "modcache"),
            "GOCACHE": os.path.join(self.tmp, "gocache"),
            "GOTELEMETRY": "off",
            "CGO_ENABLED": "0",
            "LANG": "C", "LC_ALL": "C",
        }

    def gomvs_run(self, argv: list[str], cwd: str, mode: str):
        t0 = time.monotonic()
        try:
            p = subprocess.run([self.gomvs, *argv], cwd=cwd, env=self.env(MODES[mode]),
                               capture_output=True, text=True, timeout=TIMEOUT)
            code, out, err = p.returncode, p.stdout, p.stderr
        except subprocess.TimeoutExpired:
            code, out, err = -1, "", "[timeout]"
        self.secs += time.monotonic() - t0
        self.runs += 1
        return code, out, err

    def judge(self, a: dict, b: dict, mode: str, code: int, out: str, err: str) -> list[str]:
        ca, ea, ra, ta = recorded(a, mode)
        cb, eb, rb, tb = recorded(b, mode)
        key = f"{mode} {'ok' if ca == 0 else 'fail'}/{'ok' if cb == 0 else 'fail'}"
        self.outcomes[key] = self.outcomes.get(key, 0) + 1
        if ca != 0 or cb != 0:
            failing = [n for n, c in (("base", ca), ("head", cb)) if c != 0]
            if code == 0:
                return [f"go failed on {'+'.join(failing)} but gomvs diff exit 0"]
            if not any(n in err.lower() for n in failing):
                return [f"gomvs diff exit {code}, stderr names neither {' nor '.join(failing)}:"
                        f" {err.strip()[:200]!r}"]
            wrong = set(re.findall(r"cannot resolve the (base|head)\b", err)) - set(failing)
            if wrong:
                return [f"gomvs diff blames the {'/'.join(sorted(wrong))} side, where go "
                        f"succeeded: {err.strip()[:200]!r}"]
            return []
        if code != 0:
            return [f"go succeeded on both sides, gomvs diff exit {code}: "
                    f"{err.strip()[:300]}"]
        try:
            actual = json.loads(out)
        except ValueError as e:
            return [f"stdout is not JSON: {e}"]
        exp = diffmode.expected_changes(ra, rb)
        mains = [p for p, e in ra.items() if e["main"]]
        gv = [ra[mains[0]]["go"] if mains else None,
              rb.get(mains[0], {}).get("go") if mains else None]
        gt = [diffmode.main_go_text(ta), diffmode.main_go_text(tb)]
        lines = {"go": [tuple(gv)] + ([tuple(gt)] if gt != gv else []),
                 "toolchain": [(diffmode.toolchain_of(ta), diffmode.toolchain_of(tb))]}
        problems = diffmode.check(exp, lines, actual)
        if not problems:
            self.changes += len(exp)
        return problems

    def run_module(self, mod: str, cases: list[dict]):
        repo = os.path.join(self.tmp, "r-" + mod.replace("/", "_"))
        commits = build_repo(repo, cases)
        main_dir = os.path.join(repo, "main")
        n = len(cases)
        before = tree_hash(repo)
        lines = []
        for mode in self.args.modes:
            for i in range(n - 1):
                a, b = cases[i], cases[i + 1]
                if self.args.dirs:
                    code, out, err = self.dirs_pair(repo, commits[i], commits[i + 1], mode)
                    revs = f"--dirs {a['name']} {b['name']}"
                else:
                    ra = rev_name(i, n, commits, cases, i)
                    rb = rev_name(i + 1, n, commits, cases, i + 1)
                    code, out, err = self.gomvs_run(["diff", ra, rb, "--json"], main_dir, mode)
                    revs = f"{ra} {rb}"
                problems = self.judge(a, b, mode, code, out, err)
                self.pairs += 1
                if problems:
                    self.failed += 1
                    lines.append(f"MISMATCH {mod} {a['name']} -> {b['name']} mode={mode} "
                                 f"(gomvs diff {revs}): " + "; ".join(problems[:4])
                                 + (f" (+{len(problems) - 4} more)" if len(problems) > 4 else ""))
                    if self.args.save_mismatches:
                        self.save(repo, mod, a, b, mode, revs, code, out, err, problems)
                else:
                    self.passed += 1
            if not self.args.dirs:
                # the working tree holds the last state: REV_{n-2} vs the working tree
                ra = rev_name(n - 2, n, commits, cases, 1)
                code, out, err = self.gomvs_run(["diff", ra, "--json"], main_dir, mode)
                problems = self.judge(cases[n - 2], cases[n - 1], mode, code, out, err)
                self.worktree_checks += 1
                if problems:
                    lines.append(f"MISMATCH {mod} {cases[n - 2]['name']} -> working tree "
                                 f"mode={mode} (gomvs diff {ra}): " + "; ".join(problems[:4]))
                    self.failed += 1
                else:
                    self.worktree_passed += 1
        if tree_hash(repo) != before:
            self.failed += 1
            lines.append(f"MISMATCH {mod}: gomvs diff changed the repository (.git or work tree)")
        for line in lines:
            print(line, flush=True)
        if self.args.verbose:
            print(f"{mod}: {n} states, {len(lines)} mismatches", flush=True)
        if not self.args.keep:
            shutil.rmtree(repo)

    def dirs_pair(self, repo: str, ca: str, cb: str, mode: str):
        d = tempfile.mkdtemp(prefix="arch-", dir=self.tmp)
        for side, c in (("base", ca), ("head", cb)):
            os.makedirs(os.path.join(d, side))
            tar = subprocess.run(["git", "-C", repo, "archive", c], capture_output=True,
                                 check=True).stdout
            subprocess.run(["tar", "-x", "-C", os.path.join(d, side)], input=tar, check=True)
        res = self.gomvs_run(["diff", "--dirs", "base/main", "head/main", "--json"], d, mode)
        shutil.rmtree(d)
        return res

    def save(self, repo, mod, a, b, mode, revs, code, out, err, problems):
        dest = os.path.join(self.args.save_dir,
                            f"history-{a['name']}-{b['version']}-{mode}".replace("/", "_"))
        if os.path.exists(dest):
            shutil.rmtree(dest)
        shutil.copytree(repo, os.path.join(dest, "repo"), symlinks=True)
        for n, t in (("actual.stdout", out), ("actual.stderr", err), ("actual.exit", f"{code}\n"),
                     ("problems.txt", "\n".join(problems) + "\n")):
            with open(os.path.join(dest, n), "w") as fh:
                fh.write(t)
        with open(os.path.join(dest, "case.json"), "w") as fh:
            json.dump({"module": mod, "base_case": a["name"], "head_case": b["name"],
                       "mode": mode, "goflags": MODES[mode], "revisions": revs}, fh, indent=1)
            fh.write("\n")
        with open(os.path.join(dest, "repro.sh"), "w") as fh:
            fh.write(REPRO_SH.replace("@REVS@", revs).replace("@GOFLAGS@", MODES[mode]))
        os.chmod(os.path.join(dest, "repro.sh"), 0o755)


REPRO_SH = r"""#!/usr/bin/env bash
# ./repro.sh GOMVS: re-runs `gomvs diff @REVS@ --json` in repo/main with the corpus
# environment. The judge: corpus/golang-x/cases/<case>/expected/<mode>/list-m-json-all.stdout
# of the two cases named in case.json.
set -u
here=$(cd "$(dirname "$0")" && pwd)
bin=$1; case $bin in */*) bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin");; esac
corpus=${GOMVS_SHARED_DIR:-/work/shared}/corpus/golang-x
t=$(mktemp -d)
(cd "$here/repo/main" && env -i PATH=/usr/bin:/bin HOME="$t/home" GOENV=off GOTOOLCHAIN=local \
  GOSUMDB=off GOPROXY="file://$corpus/proxy" GOFLAGS=@GOFLAGS@ GOWORK=off GO111MODULE=on \
  GOPATH="$t/gopath" GOMODCACHE="$t/modcache" GOCACHE="$t/gocache" LANG=C LC_ALL=C \
  "$bin" diff @REVS@ --json; echo "--- exit $?")
rm -rf "$t"
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gomvs", default=os.environ.get("GOMVS"), help="gomvs binary ($GOMVS)")
    ap.add_argument("--corpus", default=default_corpus(),
                    help="corpus/golang-x directory (default $GOMVS_SHARED_DIR/corpus/golang-x)")
    ap.add_argument("--modes", default="mod,readonly", help="GOFLAGS modes: mod,readonly")
    ap.add_argument("--only", help="only main modules whose path contains this")
    ap.add_argument("--dirs", action="store_true",
                    help="gomvs diff --dirs on git archive extractions instead of revisions")
    ap.add_argument("--save-mismatches", action="store_true")
    ap.add_argument("--save-dir", default=os.path.join(REPO, "testdata", "differential"))
    ap.add_argument("--tmp", default=None)
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    args.modes = [m for m in args.modes.split(",") if m]
    if not args.gomvs:
        ap.error("--gomvs PATH (or $GOMVS) is required")
    if not os.path.isdir(os.path.join(args.corpus, "cases")):
        print(f"diff-history: the golang-x corpus is missing: {args.corpus}/cases "
              f"(set GOMVS_SHARED_DIR or --corpus)", file=sys.stderr)
        return 2
    hist = load_cases(args.corpus, args.only)
    h = History(args)
    t0 = time.monotonic()
    try:
        for mod in sorted(hist):
            h.run_module(mod, hist[mod])
    finally:
        if not args.keep:
            subprocess.run(["chmod", "-R", "u+w", h.tmp])
            shutil.rmtree(h.tmp, ignore_errors=True)
    wall = time.monotonic() - t0
    states = sum(len(c) for c in hist.values())
    print(f"diff-history: {len(hist)} histories, {states} states, modes {','.join(args.modes)}; "
          f"{h.runs} gomvs runs avg {1000 * h.secs / max(1, h.runs):.0f}ms, {wall:.0f}s wall; "
          f"{h.changes} changes judged", flush=True)
    print("diff-history: recorded go outcome (base/head) per mode: " + ", ".join(
        f"{k} {v}" for k, v in sorted(h.outcomes.items())), flush=True)
    if not args.dirs:
        print(f"diff-history: working-tree checks: {h.worktree_checks}, "
              f"{h.worktree_passed} passed", flush=True)
    print(f"diff-history: {h.pairs} pairs, {h.passed} passed, {h.failed} failed", flush=True)
    return 1 if h.failed else 0


if __name__ == "__main__":
    sys.exit(main())
