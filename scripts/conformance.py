#!/usr/bin/env python3
"""Conformance runner: replays the four shared corpora against the real go or gomvs.

    scripts/conformance.py --impl go                      # prove the harness: real go vs recorded outputs
    scripts/conformance.py --impl gomvs --gomvs target/debug/gomvs [--corpus cmd-go] [--filter RE]

Each corpus is run exactly as its README's harness contract says (fresh copy of the
inputs and a fresh module cache per command, the documented environment, absolute
paths replaced by placeholders longest first, stdout + stderr + exit status compared).
gomvs is run through scripts/go-shim/go, which translates go command lines into gomvs
ones, so every corpus runs the same commands for both implementations.  See
scripts/README.md ("Conformance harness") for the details, in particular how the
edge-cases transcripts are split into separately compared commands.

Python 3.11, standard library only.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import hashlib
import json
import os
import re
import shlex
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

SCRIPTS_DIR = Path(__file__).resolve().parent
REPO_ROOT = SCRIPTS_DIR.parent
SHIM_DIR = SCRIPTS_DIR / "go-shim"
ALL_CORPORA = ["edge-cases", "cmd-go", "mvs-table", "golang-x"]
STANDARD_COMMANDS = {
    ("list", "-m", "all"): "list-m-all",
    ("mod", "graph"): "mod-graph",
    ("list", "-m", "-json", "all"): "list-m-json-all",
    ("list", "-m", "-u", "all"): "list-m-u-all",
}
# Bump when the way edge-case expectations are produced changes (invalidates the cache).
EDGE_CACHE_VERSION = "2"
COMMAND_TIMEOUT = 300
UNSUPPORTED_RE = re.compile(rb"^gomvs(-shim)?: unsupported", re.M)
SYS_PATH = "/usr/bin:/bin"


# --------------------------------------------------------------------------- utilities


def shared_dir() -> Path:
    """The shared data directory: $GOMVS_SHARED_DIR or <workspace root>/../shared."""
    env = os.environ.get("GOMVS_SHARED_DIR")
    path = Path(env) if env else REPO_ROOT.parent / "shared"
    corpus = path / "corpus"
    if not corpus.is_dir():
        sys.exit(f"conformance: shared corpus directory not found: {corpus} (set GOMVS_SHARED_DIR)")
    return path.resolve()


def make_tempdir() -> Path:
    return Path(os.path.realpath(tempfile.mkdtemp(prefix="gomvs-conf-")))


def remove_tree(path: Path) -> None:
    """rm -rf, including the read-only files of a module cache."""

    def onerror(func, p, _exc):  # noqa: ANN001
        try:
            parent = os.path.dirname(p)
            os.chmod(parent, os.stat(parent).st_mode | stat.S_IWUSR | stat.S_IXUSR)
            if os.path.isdir(p) and not os.path.islink(p):
                os.chmod(p, os.stat(p).st_mode | stat.S_IWUSR | stat.S_IXUSR)
            func(p)
        except OSError:
            pass

    shutil.rmtree(path, onerror=onerror)


def copy_tree(src: Path, dst: Path, exclude: set[str] = frozenset()) -> None:
    """cp -a of the entries of src (minus `exclude` at the top level) into dst."""
    dst.mkdir(parents=True, exist_ok=True)
    for entry in sorted(os.listdir(src)):
        if entry in exclude:
            continue
        s, d = src / entry, dst / entry
        if s.is_symlink():
            os.symlink(os.readlink(s), d)
        elif s.is_dir():
            shutil.copytree(s, d, symlinks=True)
        else:
            shutil.copy2(s, d)


def substitute(data: bytes, mapping: list[tuple[str, str]]) -> bytes:
    """Replace absolute paths by placeholders, longest path first."""
    for path, placeholder in sorted(mapping, key=lambda kv: len(kv[0]), reverse=True):
        if path:
            data = data.replace(path.encode(), placeholder.encode())
    return data


def run_process(argv: list[str], cwd: Path, env: dict[str, str]) -> tuple[bytes, bytes, int]:
    try:
        proc = subprocess.run(
            argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, timeout=COMMAND_TIMEOUT, check=False)
    except subprocess.TimeoutExpired as exc:
        return exc.stdout or b"", (exc.stderr or b"") + b"\nconformance: timeout\n", -9
    except OSError as exc:
        return b"", f"conformance: cannot run {argv[0]}: {exc}\n".encode(), 127
    return proc.stdout, proc.stderr, proc.returncode


def text(data: bytes) -> str:
    return data.decode("utf-8", errors="surrogateescape")


def first_difference(expected: bytes, actual: bytes, sort_lines: bool) -> dict:
    """The first differing line (1-based) with up to 3 lines of each side from there."""
    exp_lines = expected.split(b"\n")
    act_lines = actual.split(b"\n")
    if sort_lines:
        exp_lines, act_lines = sorted(exp_lines), sorted(act_lines)
    n = 0
    while n < len(exp_lines) and n < len(act_lines) and exp_lines[n] == act_lines[n]:
        n += 1
    return {
        "line": n + 1,
        "sorted": sort_lines,
        "expected": [text(x) for x in exp_lines[n:n + 3]],
        "actual": [text(x) for x in act_lines[n:n + 3]],
        "expected_lines": len(exp_lines) - (1 if expected.endswith(b"\n") else 0),
        "actual_lines": len(act_lines) - (1 if actual.endswith(b"\n") else 0),
    }


def streams_equal(expected: bytes, actual: bytes, sort_lines: bool) -> bool:
    if expected == actual:
        return True
    if sort_lines:
        return sorted(expected.splitlines(True)) == sorted(actual.splitlines(True)) or sorted(
            expected.split(b"\n")) == sorted(actual.split(b"\n"))
    return False


# --------------------------------------------------------------------------- results


@dataclass
class Outcome:
    stdout: bytes
    stderr: bytes
    exit: int


@dataclass
class Result:
    corpus: str
    case: str
    mode: str
    command: str  # command class, e.g. list-m-all
    id: str  # unique: corpus/case/mode/<command id>
    status: str = "pass"  # pass | fail | unsupported
    diffs: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "corpus": self.corpus, "case": self.case, "mode": self.mode, "command": self.command,
            "id": self.id, "status": self.status, "diffs": self.diffs, "notes": self.notes,
        }


def judge(result: Result, expected: Outcome, actual: Outcome, unstable: set[str], impl: str) -> Result:
    """Compare an actual run with the expectation and fill in the result."""
    if expected.exit != actual.exit:
        result.diffs["exit"] = {"expected": expected.exit, "actual": actual.exit}
    for stream in ("stdout", "stderr"):
        exp, act = getattr(expected, stream), getattr(actual, stream)
        sort_lines = stream in unstable
        if not streams_equal(exp, act, sort_lines):
            result.diffs[stream] = first_difference(exp, act, sort_lines)
        elif sort_lines and exp != act:
            result.notes.append(f"{stream}: same lines in another order (documented nondeterminism)")
    if result.diffs:
        if (impl == "gomvs" and actual.exit == 99 and UNSUPPORTED_RE.search(actual.stderr)
                and expected.exit != 99):
            result.status = "unsupported"
            line = UNSUPPORTED_RE.search(actual.stderr)
            end = actual.stderr.find(b"\n", line.start())
            result.notes.append(text(actual.stderr[line.start():end if end >= 0 else None]))
        else:
            result.status = "fail"
    return result


# --------------------------------------------------------------------------- configuration


@dataclass
class Config:
    impl: str
    go: Path  # the real go binary
    goroot: str
    go_version: str
    gomvs: Path | None
    shared: Path
    cache_dir: Path
    refresh_cache: bool
    keep: bool
    command_filter: set[str] | None
    filter_re: re.Pattern | None

    def impl_bin_dir(self) -> str:
        return str(SHIM_DIR) if self.impl == "gomvs" else str(self.go.parent)

    def impl_env(self) -> dict[str, str]:
        """Variables the implementation needs besides the corpus environment."""
        return {"GOMVS": str(self.gomvs)} if self.impl == "gomvs" else {}

    def wanted(self, ident: str, command: str) -> bool:
        if self.command_filter is not None and command not in self.command_filter:
            return False
        return self.filter_re is None or bool(self.filter_re.search(ident))


Task = Callable[[], list[Result]]


# --------------------------------------------------------------------------- cmd-go, mvs-table


def parse_cmd_txt_env(cmd_txt: str) -> list[tuple[str, str]]:
    """The `env:` block of a cmd-go/mvs-table cmd.txt, as (name, raw value) pairs."""
    lines = cmd_txt.split("\nenv:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    env = []
    for line in lines:
        line = line.strip()
        m = re.fullmatch(r"([A-Za-z_][A-Za-z0-9_]*)=(.*)", line)
        if m:  # `GOFLAGS+=" -tags=..."` lines do not match: the command's GOFLAGS has them.
            env.append((m.group(1), m.group(2)))
    return env


def table_corpus_tasks(cfg: Config, corpus: str) -> list[Task]:
    """cmd-go and mvs-table: cases/<name>/{case.json,cmd.txt,work,expected/<mode>/<cmd>.*}."""
    root = cfg.shared / "corpus" / corpus
    tasks: list[Task] = []
    for case_dir in sorted((root / "cases").iterdir()):
        case = json.loads((case_dir / "case.json").read_text())
        env_spec = parse_cmd_txt_env((case_dir / "cmd.txt").read_text())
        for command in case["commands"]:
            mode, cmd_name = command["id"].split("/", 1)
            ident = f"{corpus}/{case['name']}/{mode}/{cmd_name}"
            cls = STANDARD_COMMANDS.get(tuple(command["args"]), cmd_name)
            if not cfg.wanted(ident, cls):
                continue
            tasks.append(lambda c=case, d=case_dir, e=env_spec, cmd=command, i=ident, k=cls, m=mode:
                         [run_table_command(cfg, corpus, d, c, e, cmd, i, k, m)])
    return tasks


def snapshot_files(top: Path) -> dict[str, bytes]:
    files = {}
    for dirpath, _dirs, names in os.walk(top):
        for name in names:
            p = Path(dirpath) / name
            if p.is_file() and not p.is_symlink():
                files[str(p.relative_to(top))] = p.read_bytes()
    return files


def run_table_command(cfg: Config, corpus: str, case_dir: Path, case: dict, env_spec, command,
                      ident: str, cls: str, mode: str) -> Result:
    result = Result(corpus, case["name"], mode, cls, ident)
    t = make_tempdir()
    try:
        work, modcache, gocache, home, tmp = (t / n for n in ("work", "modcache", "gocache", "home", "tmp"))
        copy_tree(case_dir / "work", work)
        for d in (modcache, gocache, home, tmp):
            d.mkdir()
        (home / ".config/go/telemetry").mkdir(parents=True)
        (home / ".config/go/telemetry/mode").write_text("off")
        proxy = str((case_dir / case.get("proxy", "../../proxy")).resolve())
        values = {"$WORK": str(work), "$PROXY": proxy, "$GOMODCACHE": str(modcache),
                  "$GOCACHE": str(gocache), "$HOME": str(home), "$TMPDIR": str(tmp)}

        def expand(v: str) -> str:
            return re.sub(r"\$[A-Z]+", lambda m: values.get(m.group(0), m.group(0)), v)

        env = {}
        for name, raw in env_spec:
            env[name] = f"{cfg.impl_bin_dir()}:{SYS_PATH}" if name == "PATH" else expand(raw)
        for name, raw in case.get("env", {}).items():
            env[name] = expand(raw)
        env["GOFLAGS"] = command["GOFLAGS"]
        env.update(cfg.impl_env())
        before = snapshot_files(work) if cfg.impl == "go" else None
        exe = str(SHIM_DIR / "go") if cfg.impl == "gomvs" else str(cfg.go)
        out, err, rc = run_process([exe, *command["args"]], work / case.get("cwd", ""), env)
        mapping = [(str(work), "$WORK"), (proxy, "$PROXY"), (str(modcache), "$GOMODCACHE"),
                   (str(gocache), "$GOCACHE"), (str(home), "$HOME"), (str(tmp), "$TMPDIR"),
                   (cfg.goroot, "$GOROOT")]
        actual = Outcome(substitute(out, mapping), substitute(err, mapping), rc)
        exp_base = case_dir / "expected" / mode / ident.rsplit("/", 1)[1]
        expected = Outcome(exp_base.with_suffix(".stdout").read_bytes(),
                           exp_base.with_suffix(".stderr").read_bytes(),
                           int(exp_base.with_suffix(".exit").read_text().strip()))
        unstable = set(case.get("results", {}).get(command["id"], {}).get("unstable", {}))
        judge(result, expected, actual, unstable, cfg.impl)
        if cfg.impl == "go":  # gomvs never writes files; go's rewrites are part of the record
            after = snapshot_files(work)
            changes = {
                "added": {k: text(substitute(v, mapping)) for k, v in after.items() if k not in before},
                "deleted": sorted(k for k in before if k not in after),
                "modified": {k: text(substitute(v, mapping)) for k, v in after.items()
                             if k in before and before[k] != v},
            }
            changes_file = exp_base.with_suffix(".changes.json")
            want = (json.loads(changes_file.read_text()) if changes_file.exists()
                    else {"added": {}, "deleted": [], "modified": {}})
            want["deleted"] = sorted(want.get("deleted", []))
            if changes != want:
                result.status = "fail"
                result.diffs["files"] = {"expected": want, "actual": changes}
    finally:
        if not cfg.keep:
            remove_tree(t)
    return result


# --------------------------------------------------------------------------- golang-x

GOLANG_X_ENV = """\
GOTOOLCHAIN=local
GOSUMDB=off
GOPROXY=file://$PROXY
GOWORK=off
GO111MODULE=on
GOENV=off
GONOSUMDB=
GONOPROXY=
GOPRIVATE=
GOINSECURE=
HOME=$WORK/home
GOPATH=$WORK/gopath
GOMODCACHE=$WORK/modcache
GOCACHE=$WORK/gocache
GOTELEMETRY=off
CGO_ENABLED=0
LANG=C
LC_ALL=C
"""
GOLANG_X_COMMANDS = [("list-m-all", ["list", "-m", "all"]), ("mod-graph", ["mod", "graph"]),
                     ("list-m-json-all", ["list", "-m", "-json", "all"]),
                     ("list-m-u-all", ["list", "-m", "-u", "all"])]


def golang_x_tasks(cfg: Config) -> list[Task]:
    root = cfg.shared / "corpus" / "golang-x"
    proxy = str((root / "proxy").resolve())
    tasks: list[Task] = []
    for case_dir in sorted((root / "cases").iterdir()):
        for mode in ("readonly", "mod"):
            if not (case_dir / "expected" / mode).is_dir():
                continue
            for cls, args in GOLANG_X_COMMANDS:
                ident = f"golang-x/{case_dir.name}/{mode}/{cls}"
                if not (case_dir / "expected" / mode / f"{cls}.stdout").exists():
                    continue
                if cfg.wanted(ident, cls):
                    tasks.append(lambda d=case_dir, m=mode, k=cls, a=args, i=ident:
                                 [run_golang_x_command(cfg, d, proxy, m, k, a, i)])
    return tasks


def run_golang_x_command(cfg: Config, case_dir: Path, proxy: str, mode: str, cls: str,
                         args: list[str], ident: str) -> Result:
    result = Result("golang-x", case_dir.name, mode, cls, ident)
    t = make_tempdir()
    try:
        copy_tree(case_dir, t / "case", exclude={"expected", "case.json"})
        (t / "modcache").mkdir()
        env = {"PATH": f"{cfg.impl_bin_dir()}:{os.environ.get('PATH', SYS_PATH)}"}
        for line in GOLANG_X_ENV.splitlines():
            name, value = line.split("=", 1)
            env[name] = value.replace("$WORK", str(t)).replace("$PROXY", proxy)
        env["GOFLAGS"] = f"-mod={mode}"
        env.update(cfg.impl_env())
        main = t / "case" / "main"
        before = (main / "go.mod").read_bytes()
        exe = str(SHIM_DIR / "go") if cfg.impl == "gomvs" else str(cfg.go)
        out, err, rc = run_process([exe, *args], main, env)
        mapping = [(str(t), "$WORK"), (proxy, "$PROXY")]
        actual = Outcome(substitute(out, mapping), substitute(err, mapping), rc)
        base = case_dir / "expected" / mode / cls
        expected = Outcome(Path(f"{base}.stdout").read_bytes(), Path(f"{base}.stderr").read_bytes(),
                           int(Path(f"{base}.exitcode").read_text().strip()))
        judge(result, expected, actual, set(), cfg.impl)
        if cfg.impl == "go":
            after_file = Path(f"{base}.go.mod.after")
            want = after_file.read_bytes() if after_file.exists() else before
            got = (main / "go.mod").read_bytes()
            if got != want:
                result.status = "fail"
                result.diffs["go.mod"] = first_difference(want, got, False)
    finally:
        if not cfg.keep:
            remove_tree(t)
    return result


# --------------------------------------------------------------------------- edge-cases
#
# A cmds.txt line is a bash command.  It is split at top-level `&&`, `||`, `;` and `|` into
# segments; a segment whose first word (after VAR=value assignments) is `go` is a go
# invocation.  A go invocation is *simulated* when the shim translates it (go list -m ...,
# go mod graph ..., go mod edit -json ..., go work edit -json ...) and its stdout is not
# thrown away (`>/dev/null` marks a cache-filling setup step); every other go invocation is
# a *setup* invocation.  A line with at least one simulated invocation is a *compared* line;
# all other lines (cat, find, go mod download, go mod why ...) are *setup* lines.

_ASSIGN = r"[A-Za-z_][A-Za-z0-9_]*=(?:\"[^\"]*\"|'[^']*'|[^\s\"'])*"
_GO_WORD_RE = re.compile(rf"^\s*(?:{_ASSIGN}\s+)*(go)(?=\s|$)")


def split_segments(line: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the top-level simple commands of a bash line."""
    segments, start, i, quote = [], 0, 0, None
    while i < len(line):
        c = line[i]
        if quote:
            if c == "\\" and quote == '"':
                i += 1
            elif c == quote:
                quote = None
        elif c in "\"'":
            quote = c
        elif c == "\\":
            i += 1
        elif line.startswith(("&&", "||"), i):
            segments.append((start, i))
            start = i + 2
            i += 1
        elif c in ";|":
            segments.append((start, i))
            start = i + 1
        i += 1
    segments.append((start, len(line)))
    return segments


def classify_go_args(args: list[str]) -> str | None:
    """The command class of a go invocation the shim simulates, or None."""
    if args[:1] == ["-C"]:
        args = args[2:]
    if args[:1] == ["list"]:
        flags = []
        for a in args[1:]:
            if not a.startswith("-"):
                break
            flags.append(a)
        if "-m" not in flags:
            return None
        rest = args[1 + len(flags):]
        key = ("list", "-m", *[f for f in flags if f != "-m"], *rest)
        return STANDARD_COMMANDS.get(key, "list-m-other")
    if args[:2] == ["mod", "graph"]:
        return "mod-graph" if len(args) == 2 else "mod-graph-go"
    if args[:2] in (["mod", "edit"], ["work", "edit"]) and "-json" in args:
        flags = [a for a in args[2:] if a.startswith("-")]
        if all(f == "-json" for f in flags):
            return f"{args[0]}-edit-json"
    return None


@dataclass
class EdgeLine:
    index: int
    text: str
    cls: str | None  # command class when compared; None for setup lines
    setup_go_offsets: list[int]  # offsets of `go` words to run with the real go


# A segment that reads a file go rewrites (go.mod, go.sum, go.work, go.work.sum).  After a
# simulated go invocation such a segment observes go's side effect, which gomvs never has
# (it never writes files): the compared line is cut after the last simulated invocation,
# for both implementations alike.
_READS_WRITTEN_FILE_RE = re.compile(r"^\s*cat\s+.*\bgo\.(mod|sum|work|work\.sum)\b")


def drop_trailing_write_observers(line: str) -> str:
    """The line without the segments after its last simulated go call that read go's writes."""
    segments = split_segments(line)
    last_sim_end = None
    for start, end in segments:
        seg = line[start:end]
        m = _GO_WORD_RE.match(seg)
        if m and classify_go_args([w for w in seg[m.end(1):].split() if not re.match(r"^\d?[<>]", w)]):
            last_sim_end = end
    if last_sim_end is None:
        return line
    trailing = [line[s:e] for s, e in segments if s >= last_sim_end]
    if trailing and all(_READS_WRITTEN_FILE_RE.match(t) for t in trailing):
        return line[:last_sim_end].rstrip()
    return line


def analyse_edge_line(index: int, line: str) -> EdgeLine:
    line = drop_trailing_write_observers(line)
    classes, setup_offsets = [], []
    for start, end in split_segments(line):

        seg = line[start:end]
        m = _GO_WORD_RE.match(seg)
        if not m:
            continue
        try:
            words = shlex.split(seg[m.end(1):])
        except ValueError:
            words = seg[m.end(1):].split()
        redirected = any(re.fullmatch(r"1?>/dev/null", w) for w in words) or ">" in words
        args = [w for w in words if not re.match(r"^\d?[<>]", w)]
        cls = classify_go_args(args)
        if cls is None or redirected:
            setup_offsets.append(start + m.start(1))
        else:
            classes.append(cls)
    if not classes:
        return EdgeLine(index, line, None, [])
    cls = classes[0] if len(set(classes)) == 1 else "multi"
    return EdgeLine(index, line, cls, setup_offsets)


def line_for_impl(cfg: Config, line: EdgeLine, impl: str) -> str:
    """The line as run for impl: for gomvs, setup go invocations call the real go by path."""
    if impl != "gomvs":
        return line.text
    out = line.text
    for off in sorted(line.setup_go_offsets, reverse=True):
        out = out[:off] + shlex.quote(str(cfg.go)) + out[off + 2:]
    return out


@dataclass
class EdgeCase:
    name: str
    dir: Path
    cwd: str
    goflags: str
    extra_env: list[tuple[str, str]]
    lines: list[EdgeLine]

    @property
    def proxy(self) -> str:
        return str(self.dir / "proxy")


EDGE_EXCLUDE = {"proxy", "expected.txt", "cmds.txt", "README.md", "case.env"}


def load_edge_case(case_dir: Path) -> EdgeCase:
    cwd, goflags, extra = "main", "-mod=mod", []
    for raw in (case_dir / "case.env").read_text().split("\n"):
        if not raw:
            continue
        k, _, v = raw.partition("=")
        if k == "CWD":
            cwd = v
        elif k == "GOFLAGS":
            goflags = v
        else:
            extra.append((k, v))
    lines = []
    # run.sh reads cmds.txt with `while read`: every newline-terminated line, skipping empty ones.
    for raw in (case_dir / "cmds.txt").read_text().split("\n")[:-1]:
        if raw:
            lines.append(analyse_edge_line(len(lines), raw))
    return EdgeCase(case_dir.name, case_dir, cwd, goflags, extra, lines)


class EdgeScratch:
    """A fresh scratch copy of an edge case, as run.sh makes it."""

    def __init__(self, cfg: Config, case: EdgeCase):
        self.cfg, self.case = cfg, case
        self.tmp = make_tempdir()
        self.work, self.modcache, self.gopath = self.tmp / "work", self.tmp / "modcache", self.tmp / "gopath"
        copy_tree(case.dir, self.work, EDGE_EXCLUDE)

    def env(self, impl: str) -> dict[str, str]:
        bindir = str(SHIM_DIR) if impl == "gomvs" else str(self.cfg.go.parent)
        env = {
            "PATH": f"{bindir}:{SYS_PATH}", "HOME": str(self.tmp / "home"), "GOTOOLCHAIN": "local",
            "GOSUMDB": "off", "GOTELEMETRY": "off", "GOPROXY": f"file://{self.case.proxy}",
            "CASEPROXY": f"file://{self.case.proxy}", "GOMODCACHE": str(self.modcache),
            "GOPATH": str(self.gopath), "GOCACHE": str(self.tmp / "gocache"),
            "GOFLAGS": self.case.goflags, "GOENV": "off",
        }
        env.update(self.case.extra_env)
        if impl == "gomvs":
            env.update(self.cfg.impl_env())
        return env

    def run(self, command: str, impl: str) -> tuple[bytes, bytes, int]:
        return run_process(["bash", "-c", command], self.work / self.case.cwd, self.env(impl))

    def sanitize(self, data: bytes) -> bytes:
        # run.sh: sed -e s#modcache#$GOMODCACHE# -e s#proxy#$PROXY# -e s#work#$WORK# -e s#gopath#$GOPATH#
        for path, ph in ((self.modcache, "$GOMODCACHE"), (self.case.proxy, "$PROXY"),
                         (self.work, "$WORK"), (self.gopath, "$GOPATH")):
            data = data.replace(str(path).encode(), ph.encode())
        return data

    def module_files(self) -> dict[str, str]:
        out = {}
        for dirpath, _dirs, names in os.walk(self.work):
            for name in names:
                if name in ("go.mod", "go.sum", "go.work", "go.work.sum"):
                    p = Path(dirpath) / name
                    if p.is_file():
                        out["./" + str(p.relative_to(self.work))] = hashlib.md5(p.read_bytes()).hexdigest()
        return out

    def close(self) -> None:
        if not self.cfg.keep:
            remove_tree(self.tmp)


def transcript_block(cmd: str, out: bytes, err: bytes, rc: int) -> bytes:
    parts = [f"\n$ {cmd}\n[exit {rc}]\n".encode()]
    for name, data in (("stdout", out), ("stderr", err)):
        parts.append(f"--- {name}\n".encode())
        if data:
            parts.append(data)
            if not data.endswith(b"\n"):
                parts.append(b"\n[no trailing newline]\n")
    return b"".join(parts)


def edge_transcript(cfg: Config, case: EdgeCase) -> bytes:
    """Re-run a whole case with the real go, formatted exactly like run.sh."""
    s = EdgeScratch(cfg, case)
    try:
        desc = (f"GOTOOLCHAIN=local GOSUMDB=off GOFLAGS={case.goflags} GOPROXY=file://$PROXY "
                "GOMODCACHE=$GOMODCACHE GOPATH=$GOPATH GOENV=off GOTELEMETRY=off")
        for k, v in case.extra_env:
            desc += f" {k}={v}"
        chunks = [f"# case: {case.name}\n# env: {desc}\n".encode(),
                  ("# $PROXY = <case dir>/proxy ; $CASEPROXY = file://$PROXY ; $WORK = fresh copy of "
                   "<case dir> (without proxy/); commands run in $WORK/%s ; $GOMODCACHE starts empty\n"
                   % case.cwd).encode()]
        before = s.module_files()
        for line in case.lines:
            out, err, rc = s.run(line.text, "go")
            chunks.append(transcript_block(line.text, s.sanitize(out), s.sanitize(err), rc))
        after = s.module_files()
        for f in sorted(after):
            if before.get(f) != after[f]:
                what = "modified" if f in before else "created"
                chunks.append(f"\n=== {f[2:]} {what} by the commands above; final content:\n".encode())
                chunks.append((s.work / f).read_bytes())
        return b"".join(chunks)
    finally:
        s.close()


def run_edge_transcript(cfg: Config, case: EdgeCase, ident: str) -> Result:
    result = Result("edge-cases", case.name, "transcript", "transcript", ident)
    expected = (case.dir / "expected.txt").read_bytes()
    actual = edge_transcript(cfg, case)
    if actual != expected:  # expected.txt is exactly `run.sh <case>` output
        result.status = "fail"
        result.diffs["transcript"] = first_difference(expected, actual, False)
    return result


def edge_single_run(cfg: Config, case: EdgeCase, line: EdgeLine, impl: str) -> Outcome:
    """Pristine copy, fresh cache; earlier setup lines with the real go; then the line."""
    s = EdgeScratch(cfg, case)
    try:
        for prior in case.lines[:line.index]:
            if prior.cls is None:
                s.run(prior.text, "go")
        out, err, rc = s.run(line_for_impl(cfg, line, impl), impl)
        return Outcome(s.sanitize(out), s.sanitize(err), rc)
    finally:
        s.close()


def dir_digest(top: Path) -> str:
    h = hashlib.sha256()
    for dirpath, dirs, names in sorted(os.walk(top)):
        dirs.sort()
        for name in sorted(names):
            p = Path(dirpath) / name
            h.update(str(p.relative_to(top)).encode() + b"\0")
            h.update((os.readlink(p).encode() if p.is_symlink() else p.read_bytes()) + b"\0")
    return h.hexdigest()


def recorded_blocks(case: EdgeCase) -> dict[int, bytes]:
    """The block of each command line in the case's expected.txt, by line index."""
    recorded = (case.dir / "expected.txt").read_bytes()
    starts, pos = [], 0
    for line in case.lines:
        at = recorded.find(f"\n$ {line.text}\n[exit ".encode(), pos)
        if at < 0:
            return {}
        starts.append(at)
        pos = at + 1
    tail = recorded.find(b"\n=== ", pos)
    starts.append(tail if tail >= 0 else len(recorded.rstrip(b"\n")) + 1)
    return {i: recorded[starts[i]:starts[i + 1]] for i in range(len(case.lines))}


_cache_lock = threading.Lock()


def edge_expectation(cfg: Config, case: EdgeCase, line: EdgeLine, digest: str) -> dict:
    """Live real-go output for the line on a pristine copy (run twice), cached under cache_dir."""
    setup = [p.text for p in case.lines[:line.index] if p.cls is None]
    key = hashlib.sha256(json.dumps(
        [EDGE_CACHE_VERSION, cfg.go_version, str(cfg.go), digest, case.cwd, case.goflags,
         case.extra_env, setup, line.index, line.text]).encode()).hexdigest()[:24]
    path = cfg.cache_dir / "edge-cases" / case.name / f"{line.index:02d}-{key}.json"
    if path.exists() and not cfg.refresh_cache:
        return json.loads(path.read_text())
    runs = [edge_single_run(cfg, case, line, "go") for _ in range(2)]
    first = runs[0]
    unstable = [n for n in ("stdout", "stderr") if getattr(runs[0], n) != getattr(runs[1], n)]
    block = transcript_block(line.text, first.stdout, first.stderr, first.exit)
    in_transcript = recorded_blocks(case).get(line.index) == block
    entry = {
        "case": case.name, "line": line.index + 1, "command": line.text, "setup": setup,
        "stdout": text(first.stdout), "stderr": text(first.stderr), "exit": first.exit,
        "exit_unstable": runs[0].exit != runs[1].exit, "unstable": unstable,
        "matches_transcript": in_transcript,
    }
    with _cache_lock:
        path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}.{threading.get_ident()}")
    tmp.write_text(json.dumps(entry, indent=1))
    os.replace(tmp, path)
    return entry


def run_edge_single(cfg: Config, case: EdgeCase, line: EdgeLine, ident: str, digest: str) -> Result:
    result = Result("edge-cases", case.name, "single", line.cls or "setup", ident)
    exp = edge_expectation(cfg, case, line, digest)
    expected = Outcome(exp["stdout"].encode("utf-8", "surrogateescape"),
                       exp["stderr"].encode("utf-8", "surrogateescape"), exp["exit"])
    actual = edge_single_run(cfg, case, line, cfg.impl)
    judge(result, expected, actual, set(exp["unstable"]), cfg.impl)
    if not exp["matches_transcript"]:
        result.notes.append("context-dependent: on a pristine copy go prints something else than in "
                            "the recorded transcript (earlier commands rewrote go.mod or filled the cache)")
    if exp["unstable"]:
        result.notes.append(f"live go output not stable across runs: {exp['unstable']} compared as sorted lines")
    return result


def edge_tasks(cfg: Config) -> list[Task]:
    root = cfg.shared / "corpus" / "edge-cases"
    tasks: list[Task] = []
    for case_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        case = load_edge_case(case_dir)
        if cfg.impl == "go":
            ident = f"edge-cases/{case.name}/transcript/all"
            if cfg.wanted(ident, "transcript"):
                tasks.append(lambda c=case, i=ident: [run_edge_transcript(cfg, c, i)])
        digest = None
        for line in case.lines:
            if line.cls is None:
                continue
            ident = f"edge-cases/{case.name}/single/{line.index + 1:02d}:{line.text}"
            if not cfg.wanted(ident, line.cls):
                continue
            if digest is None:
                digest = dir_digest(case_dir)
            tasks.append(lambda c=case, ln=line, i=ident, d=digest: [run_edge_single(cfg, c, ln, i, d)])
    return tasks


# --------------------------------------------------------------------------- main


def summarize(results: list[Result]) -> list[dict]:
    rows: dict[tuple, dict] = {}
    for r in results:
        row = rows.setdefault((r.corpus, r.command, r.mode), {
            "corpus": r.corpus, "command": r.command, "mode": r.mode,
            "passed": 0, "failed": 0, "unsupported": 0})
        row[{"pass": "passed", "fail": "failed", "unsupported": "unsupported"}[r.status]] += 1
    order = {c: i for i, c in enumerate(ALL_CORPORA)}
    return sorted(rows.values(), key=lambda x: (order.get(x["corpus"], 99), x["command"], x["mode"]))


def print_table(rows: list[dict], out) -> None:
    headers = ["corpus", "command", "mode", "passed", "failed", "unsupported"]
    data = [[str(r[h]) for h in headers] for r in rows]
    totals = {}
    for r in rows:
        t = totals.setdefault(r["corpus"], [0, 0, 0])
        t[0] += r["passed"]; t[1] += r["failed"]; t[2] += r["unsupported"]
    for corpus, (p, f, u) in totals.items():
        data.append([corpus, "(all)", "(all)", str(p), str(f), str(u)])
    widths = [max(len(h), *(len(row[i]) for row in data)) for i, h in enumerate(headers)]
    fmt = "  ".join(f"{{:<{w}}}" if i < 3 else f"{{:>{w}}}" for i, w in enumerate(widths))
    print(fmt.format(*headers), file=out)
    print("  ".join("-" * w for w in widths), file=out)
    for row in data:
        print(fmt.format(*row), file=out)


def describe_failure(r: Result) -> str:
    parts = []
    for stream, d in r.diffs.items():
        if stream == "exit":
            parts.append(f"exit {d['actual']} (want {d['expected']})")
        elif stream == "files":
            parts.append("changed files differ")
        else:
            exp = d["expected"][0] if d["expected"] else "<EOF>"
            act = d["actual"][0] if d["actual"] else "<EOF>"
            parts.append(f"{stream} line {d['line']}: want {exp!r} got {act!r}")
    return "; ".join(parts)


SELFTEST_GOMVS = """#!/usr/bin/env bash
# gomvs stand-in for `conformance.py --impl gomvs --gomvs selftest`: the inverse of go-shim.
pre=()
if [ "${1:-}" = -C ]; then pre=(-C "$2"); shift 2; fi
cmd=${1:-}; shift
case "$cmd" in
  list) exec @GO@ "${pre[@]+"${pre[@]}"}" list -m "$@" ;;
  graph) exec @GO@ "${pre[@]+"${pre[@]}"}" mod graph "$@" ;;
  parse)
    case "${1:-}" in
      *.work) exec @GO@ "${pre[@]+"${pre[@]}"}" work edit -json "$@" ;;
      *) exec @GO@ "${pre[@]+"${pre[@]}"}" mod edit -json "$@" ;;
    esac ;;
esac
echo "gomvs: unsupported: $cmd $*" >&2
exit 99
"""


def resolve_go(explicit: str | None) -> tuple[Path, str, str]:
    env = {"PATH": os.environ.get("PATH", SYS_PATH), "GOTOOLCHAIN": "local", "GOENV": "off",
           "HOME": os.environ.get("HOME", "/tmp"), "GOTELEMETRY": "off"}
    cand = explicit or shutil.which("go")
    if not cand:
        sys.exit("conformance: no go on PATH (use --go)")
    goroot = subprocess.run([cand, "env", "GOROOT"], env=env, capture_output=True, text=True,
                            check=True).stdout.strip()
    go = Path(explicit).resolve() if explicit else Path(goroot) / "bin" / "go"
    version = subprocess.run([str(go), "version"], env=env, capture_output=True, text=True,
                             check=True).stdout.strip()
    return go, goroot, version


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--impl", choices=["go", "gomvs"], required=True,
                    help="go: the real go (validates the harness); gomvs: gomvs through scripts/go-shim")
    ap.add_argument("--gomvs", help="path of the gomvs binary (default: $GOMVS, else "
                    "$CARGO_TARGET_DIR/debug/gomvs, else target/debug/gomvs); `selftest` = a "
                    "stand-in that hands every command back to the real go (tests the harness)")
    ap.add_argument("--go", help="the real go binary (default: $(go env GOROOT)/bin/go)")
    ap.add_argument("--corpus", default=",".join(ALL_CORPORA),
                    help="comma-separated corpora (default: all): " + ",".join(ALL_CORPORA))
    ap.add_argument("--filter", help="regex searched in the result id corpus/case/mode/command")
    ap.add_argument("--commands", help="comma-separated command classes, e.g. "
                    "list-m-all,mod-graph,list-m-json-all,list-m-u-all (edge-cases also have "
                    "list-m-other, mod-graph-go, multi, transcript)")
    ap.add_argument("-j", type=int, default=2, help="parallel jobs (default 2)")
    ap.add_argument("--report", help="write a JSON report to this file")
    ap.add_argument("--allow-unsupported", action="store_true",
                    help="do not count unsupported commands as failures")
    ap.add_argument("--cache-dir", default=os.environ.get("GOMVS_CONFORMANCE_CACHE",
                                                          "/tmp/gomvs-conformance-cache"),
                    help="where live-go expectations of edge-case commands are cached")
    ap.add_argument("--refresh-cache", action="store_true", help="recompute cached expectations")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directories")
    ap.add_argument("--max-failures-shown", type=int, default=40)
    args = ap.parse_args(argv)

    corpora = [c.strip() for c in args.corpus.split(",") if c.strip()]
    for c in corpora:
        if c not in ALL_CORPORA:
            ap.error(f"unknown corpus {c!r}")
    go, goroot, go_version = resolve_go(args.go)
    gomvs = None
    selftest_dir = None
    if args.impl == "gomvs" and args.gomvs == "selftest":
        # A stand-in gomvs that hands every command back to the real go: exercises the shim,
        # the gomvs environment and the comparison end to end (everything must pass).
        selftest_dir = make_tempdir()
        args.gomvs = str(selftest_dir / "gomvs")
        Path(args.gomvs).write_text(SELFTEST_GOMVS.replace("@GO@", shlex.quote(str(go))))
        os.chmod(args.gomvs, 0o755)
    if args.impl == "gomvs":
        cand = args.gomvs or os.environ.get("GOMVS")
        if not cand:
            target = Path(os.environ.get("CARGO_TARGET_DIR", REPO_ROOT / "target"))
            cand = str(target / "debug" / "gomvs")
        gomvs = Path(cand).resolve()
        if not os.access(gomvs, os.X_OK):
            sys.exit(f"conformance: gomvs binary not found or not executable: {gomvs}")
    cfg = Config(
        impl=args.impl, go=go, goroot=goroot, go_version=go_version, gomvs=gomvs,
        shared=shared_dir(), cache_dir=Path(args.cache_dir), refresh_cache=args.refresh_cache,
        keep=args.keep,
        command_filter={c.strip() for c in args.commands.split(",")} if args.commands else None,
        filter_re=re.compile(args.filter) if args.filter else None)

    started = time.monotonic()
    tasks: list[Task] = []
    per_corpus_tasks = {}
    for corpus in corpora:
        if corpus == "edge-cases":
            t = edge_tasks(cfg)
        elif corpus == "golang-x":
            t = golang_x_tasks(cfg)
        else:
            t = table_corpus_tasks(cfg, corpus)
        per_corpus_tasks[corpus] = len(t)
        tasks += t
    print(f"conformance: impl={args.impl} ({gomvs or go_version}); {len(tasks)} runs "
          f"({', '.join(f'{c}: {n}' for c, n in per_corpus_tasks.items())}); -j {args.j}",
          file=sys.stderr, flush=True)

    results: list[Result] = []
    shown = 0
    done = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.j)) as pool:
        futures = [pool.submit(t) for t in tasks]
        for fut in concurrent.futures.as_completed(futures):
            try:
                rs = fut.result()
            except Exception as exc:  # a harness bug must not hide the other results
                rs = [Result("harness", "error", "-", "error", f"harness/error/{len(results)}",
                             status="fail", notes=[f"{type(exc).__name__}: {exc}"])]
            for r in rs:
                results.append(r)
                if r.status != "pass" and shown < args.max_failures_shown:
                    shown += 1
                    label = "UNSUPPORTED" if r.status == "unsupported" else "FAIL"
                    print(f"{label} {r.id}: {describe_failure(r) or '; '.join(r.notes)}", flush=True)
            done += 1
            if done % 250 == 0:
                print(f"conformance: {done}/{len(tasks)} runs done ({time.monotonic() - started:.0f}s)",
                      file=sys.stderr, flush=True)
    wall = time.monotonic() - started
    results.sort(key=lambda r: r.id)
    rows = summarize(results)
    n_pass = sum(r.status == "pass" for r in results)
    n_unsup = sum(r.status == "unsupported" for r in results)
    n_fail = sum(r.status == "fail" for r in results) + (0 if args.allow_unsupported else n_unsup)
    print()
    print_table(rows, sys.stdout)
    context = [r.id for r in results if any(n.startswith("context-dependent") for n in r.notes)]
    if context:
        print(f"\nedge-cases: {len(context)} compared command(s) print something else on a pristine "
              "copy than in the recorded transcript (expected: live go on the pristine copy); see the report")
    print(f"\nwall time: {wall:.1f}s; impl={args.impl}; {go_version}")
    if args.report:
        report = {
            "impl": args.impl, "gomvs": str(gomvs) if gomvs else None, "go": str(go),
            "go_version": go_version, "corpora": corpora, "filter": args.filter,
            "commands": args.commands, "jobs": args.j, "wall_seconds": round(wall, 1),
            "totals": {"passed": n_pass, "failed": n_fail, "unsupported": n_unsup},
            "summary": rows, "context_dependent_edge_commands": context,
            "results": [r.to_json() for r in results],
        }
        Path(args.report).write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n")
    if selftest_dir is not None:
        remove_tree(selftest_dir)
    print(f"conformance: {n_pass} passed, {n_fail} failed")
    return 1 if n_fail else 0


if __name__ == "__main__":
    sys.exit(main())
