#!/usr/bin/env python3
"""`gomvs verify` against the real `go mod verify`, on module caches the real go filled.

For each fixture the real go fills a fresh GOMODCACHE from a corpus file://
proxy that has .zip files (`go mod download`), and writes go.sum. Then, for
each mutation, a copy of that cache and of the main module is altered (a
tampered .zip, extracted file, .ziphash, cached .mod, go.sum line, ...) and
both `go mod verify` and `gomvs verify` run in the same environment: stdout,
stderr and exit status must be byte-identical, and `gomvs check` (its
gosum verify rule) must reject exactly the same modules with go's lines.
`gomvs verify --json` must
parse and agree on the verdict and the exit status.

    python3 scripts/verify-conformance.py --gomvs target/debug/gomvs [--go GO] [--keep]

The go is `--go`, else `scripts/ensure-go.sh` (go 1.27.3). The corpus is
`$GOMVS_SHARED_DIR/corpus` (default `../shared/corpus`). Last line:
`verify-conformance: N passed, M failed`; exit 1 if M > 0.
"""
import argparse
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus_dir() -> Path:
    shared = Path(os.environ.get("GOMVS_SHARED_DIR", ROOT.parent / "shared"))
    c = shared / "corpus"
    if not c.is_dir():
        sys.exit(f"verify-conformance: the shared corpus is missing at {c} (set GOMVS_SHARED_DIR)")
    return c


QUOTE_GO_MOD = """module example.com/verifyfixture

go 1.21

require (
\tgolang.org/x/text v0.0.0-20170915032832-14c0d48ead0c // indirect
\trsc.io/quote v1.5.2
\trsc.io/sampler v1.3.0 // indirect
)
"""


def fixtures(corpus: Path):
    """(name, proxy dir, function writing the main module into a dir, download args, target module)."""
    def quote_main(d: Path):
        (d / "go.mod").write_text(QUOTE_GO_MOD)

    edge = corpus / "edge-cases" / "61-zip-dir-and-sum"

    def edge_main(d: Path):
        shutil.copytree(edge / "main", d, dirs_exist_ok=True)

    return [
        ("quote", corpus / "cmd-go" / "proxy", quote_main, ["all"], ("rsc.io/quote", "v1.5.2")),
        ("edge61", edge / "proxy", edge_main, ["example.com/a"], ("example.com/a", "v1.0.0")),
    ]


def make_writable(p: Path):
    for dirpath, dirnames, filenames in os.walk(p):
        os.chmod(dirpath, os.stat(dirpath).st_mode | stat.S_IWUSR)


def cache_files(cache: Path, mod):
    path, version = mod  # corpus modules need no case escaping
    dl = cache / "cache" / "download" / path / "@v"
    return {
        "zip": dl / f"{version}.zip",
        "ziphash": dl / f"{version}.ziphash",
        "mod": dl / f"{version}.mod",
        "partial": dl / f"{version}.partial",
        "dir": cache / f"{path}@{version}",
    }


def edit_go_sum(main: Path, key: str, fn):
    gs = main / "go.sum"
    lines = gs.read_text().splitlines(keepends=True)
    out = []
    for line in lines:
        f = line.split()
        if len(f) == 3 and f"{f[0]} {f[1]}" == key:
            line = fn(line, f)
            if line is None:
                continue
        out.append(line)
    gs.write_text("".join(out))


def flip_hash(line, f):
    h = f[2]
    c = "A" if h[3] != "A" else "B"
    return f"{f[0]} {f[1]} {h[:3]}{c}{h[4:]}\n"


def mutations(mod):
    path, version = mod

    def rewrite_zip(files, main):
        src = files["zip"]
        entries = []
        with zipfile.ZipFile(src) as z:
            for info in z.infolist():
                entries.append((info.filename, z.read(info)))
        with zipfile.ZipFile(src, "w") as z:
            for i, (name, data) in enumerate(entries):
                z.writestr(name, data + (b"// tampered\n" if i == len(entries) - 1 else b""))

    def first_file(d: Path) -> Path:
        return sorted(p for p in d.rglob("*") if p.is_file())[0]

    return {
        "pristine": lambda files, main: None,
        "zip-contents-changed": rewrite_zip,
        "zip-corrupt": lambda files, main: files["zip"].write_bytes(b"not a zip\n"),
        "dir-file-changed": lambda files, main: first_file(files["dir"]).open("a").write("// x\n"),
        "dir-file-added": lambda files, main: (files["dir"] / "extra.txt").write_text("x\n"),
        "dir-file-removed": lambda files, main: first_file(files["dir"]).unlink(),
        "ziphash-tampered": lambda files, main: files["ziphash"].write_text(
            "h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="),
        "ziphash-deleted": lambda files, main: files["ziphash"].unlink(),
        "zip-deleted-dir-only": lambda files, main: files["zip"].unlink(),
        "dir-deleted-zip-only": lambda files, main: shutil.rmtree(files["dir"]),
        "zip-and-ziphash-deleted": lambda files, main: (files["zip"].unlink(), files["ziphash"].unlink()),
        "partial-marker": lambda files, main: files["partial"].write_text(""),
        "nothing-but-mod": lambda files, main: (files["zip"].unlink(), files["ziphash"].unlink(),
                                                shutil.rmtree(files["dir"])),
        "cached-mod-tampered": lambda files, main: files["mod"].open("a").write("// tampered\n"),
        "go-sum-wrong-go-mod-line": lambda files, main: edit_go_sum(main, f"{path} {version}/go.mod", flip_hash),
        "go-sum-wrong-zip-line": lambda files, main: edit_go_sum(main, f"{path} {version}", flip_hash),
        "go-sum-missing-go-mod-line": lambda files, main: edit_go_sum(main, f"{path} {version}/go.mod", lambda l, f: None),
        "go-sum-missing-zip-line": lambda files, main: edit_go_sum(main, f"{path} {version}", lambda l, f: None),
        "go-sum-missing-and-mod-tampered": lambda files, main: (
            edit_go_sum(main, f"{path} {version}/go.mod", lambda l, f: None),
            files["mod"].open("a").write("// tampered\n")),
        "go-sum-deleted": lambda files, main: (main / "go.sum").unlink(),
        "tampered-zip-and-dir": lambda files, main: (rewrite_zip(files, main),
                                                     (files["dir"] / "extra.txt").write_text("x\n")),
    }


def run(cmd, cwd, env):
    p = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True)
    return p.stdout, p.stderr, p.returncode


def check_agrees(gomvs, root: Path, env, want):
    """`gomvs check` (its gosum verify rule, on the same engine) must reject
    exactly what go mod verify rejects: one GMV0203 finding `go mod verify:
    LINE` per line go prints, none when go verifies all, and a failed load
    (exit 3) when go stops before verifying (a go.sum mismatch of a go.mod)."""
    policy = root / "verify-only.toml"
    policy.write_text('[retracted]\nlevel = "off"\n[deprecated]\nlevel = "off"\n'
                      '[gosum]\nmissing = "off"\nstale = "off"\nverify = "error"\nunverifiable = "off"\n')
    out, err, rc = run([gomvs, "check", "--json", "--config", str(policy)], root / "main", env)
    go_lines = [l for l in want[1].decode().splitlines() if l]
    verified = want[0] == b"all modules verified\n"
    if not verified and want[2] != 0 and not want[0] and any(
            "SECURITY ERROR" in l or "checksum mismatch" in l for l in go_lines):
        return [] if rc == 3 else [f"  check: go stops before verifying; check exit {rc}, want 3"]
    try:
        doc = json.loads(out)
    except ValueError:
        return [f"  check: no JSON (exit {rc}): {err.decode()[:300]}"]
    got = sorted(f["message"][len("go mod verify: "):] for f in doc["data"]["findings"]
                 if f["code"] == "GMV0203" and f["message"].startswith("go mod verify: "))
    expect = [] if verified else sorted(go_lines)
    if got != expect:
        return [f"  check: GMV0203 {got!r}\n  go mod verify: {expect!r}"]
    # go.sum lines that differ from the cache are findings too (a check go
    # mod verify does not make), so exit 1 may come without go's lines.
    if rc not in (0, 1) or (expect and rc != 1):
        return [f"  check: exit {rc} with {len(got)} go mod verify findings"]
    return []


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gomvs", default=os.environ.get("GOMVS", str(ROOT / "target" / "debug" / "gomvs")))
    ap.add_argument("--go")
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args()
    go = args.go or subprocess.run([str(ROOT / "scripts" / "ensure-go.sh")], capture_output=True,
                                   text=True, check=True).stdout.strip()
    gomvs = str(Path(args.gomvs).resolve())
    corpus = corpus_dir()
    work = Path(tempfile.mkdtemp(prefix="gomvs-verify-"))
    passed = failed = 0
    try:
        for name, proxy, write_main, dl_args, mod in fixtures(corpus):
            base = work / name / "base"
            (base / "main").mkdir(parents=True)
            write_main(base / "main")
            def env_for(root: Path):
                env = {
                    "PATH": "/usr/bin:/bin", "HOME": str(root / "home"), "GOTOOLCHAIN": "local",
                    "GOSUMDB": "off", "GOPROXY": f"file://{proxy}", "GOMODCACHE": str(root / "modcache"),
                    "GOPATH": str(root / "gopath"), "GOCACHE": str(root / "gocache"), "GOFLAGS": "-mod=mod",
                    "GOENV": "off", "GOTELEMETRY": "off", "NO_HINTS": "1",
                }
                return env
            out, err, rc = run([go, "mod", "download", *dl_args], base / "main", env_for(base))
            if rc != 0:
                sys.exit(f"verify-conformance: {name}: go mod download failed:\n{err.decode()}")
            make_writable(base / "modcache")
            cases = [(m, fn, []) for m, fn in mutations(mod).items()]
            cases.append(("extra-argument", lambda files, main: None, ["extra"]))
            for mname, mutate, extra in cases:
                root = work / name / mname
                shutil.copytree(base, root, symlinks=True)
                make_writable(root / "modcache")
                mutate(cache_files(root / "modcache", mod), root / "main")
                env = env_for(root)
                want = run([go, "mod", "verify", *extra], root / "main", env)
                got = run([gomvs, "verify", *extra], root / "main", env)
                jout, jerr, jrc = run([gomvs, "verify", "--json", *extra], root / "main", env)
                problems = []
                for label, a, b in zip(("stdout", "stderr", "exit"), want, got):
                    if a != b:
                        problems.append(f"  {label}: go={a!r}\n  {label}: gomvs={b!r}")
                if jrc != want[2]:
                    problems.append(f"  --json exit {jrc} != go {want[2]}")
                if want[0] == b"all modules verified\n" or (want[2] != 0 and b"verified" not in want[0] and jout):
                    try:
                        if jout:
                            doc = json.loads(jout)
                            if doc.get("schema") != "gomvs.verify":
                                problems.append("  --json: wrong schema")
                            elif doc["data"]["all_verified"] != (want[0] == b"all modules verified\n"):
                                problems.append("  --json: all_verified disagrees with go")
                    except (ValueError, KeyError) as e:
                        problems.append(f"  --json: {e}")
                if not extra:
                    problems.extend(check_agrees(gomvs, root, env, want))
                verdict = "ok" if want[2] == 0 else f"exit {want[2]}"
                if problems:
                    failed += 1
                    print(f"FAIL {name}/{mname} ({verdict})")
                    print("\n".join(problems))
                else:
                    passed += 1
                    print(f"ok   {name}/{mname} ({verdict})")
                if not args.keep:
                    make_writable(root)
                    shutil.rmtree(root)
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            make_writable(work)
            shutil.rmtree(work, ignore_errors=True)
    print(f"verify-conformance: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
