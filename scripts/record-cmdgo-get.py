#!/usr/bin/env python3
"""Records what the real go does for the `go get` commands of the cmd/go
script tests (the corpus' mod_get_* cases: src/cmd/go/testdata/script/
mod_get_*.txt), re-run on each case's captured state.

For every case `mod_get_*` of $GOMVS_SHARED_DIR/corpus/cmd-go (default
../shared beside the repository) and every `go get` line of its script whose
flags are only `-u` / `-u=patch` and whose arguments hold no shell
variables, go runs `go get ARGS` on a fresh copy of the case's work/ with
the corpus environment (cmd.txt, plus case.json env; GOFLAGS unset), a fresh
module cache, and the result is one JSON line:

  {"case", "line", "args", "exit", "stderr", "go.mod", "go.sum"}

Arguments that are not module paths (wildcards, `all`, `tool`, `work`,
local paths, `go@`, `toolchain@`) are left out: gomvs refuses them.
`"package": true` marks a line where go may take some argument as a
package: the corpus proxy has no module at that path, or one of the
module's zips has Go files in its root directory. go then loads the
package's imports, which gomvs does not model.

stderr without go's `go: downloading` lines, absolute paths written $WORK,
$PROXY, $GOMODCACHE; go.mod / go.sum as go left them in the case's cwd
(null when absent). The script's own assertions are not used: the command
runs on the captured state, which the script may have changed before
reaching that line.

  usage: scripts/record-cmdgo-get.py --go GO > testdata/cmdgo-get/goldens.jsonl
"""

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def corpus() -> str:
    shared = os.environ.get("GOMVS_SHARED_DIR", os.path.join(HERE, "..", "shared"))
    d = os.path.join(shared, "corpus", "cmd-go")
    if not os.path.isdir(d):
        sys.exit(f"cmd-go corpus missing at {d} (set GOMVS_SHARED_DIR)")
    return os.path.realpath(d)


def get_lines(script: str):
    """(line number, args) of each `go get` line usable as module-level get."""
    out = []
    for n, line in enumerate(open(script, encoding="utf-8"), 1):
        m = re.match(r"^\s*(?:!\s*)?go get (.*)$", line.rstrip("\n"))
        if not m or "$" in m.group(1) or "'" in m.group(1) or '"' in m.group(1):
            continue
        try:
            words = shlex.split(m.group(1), comments=True)
        except ValueError:
            continue
        flags = [w for w in words if w.startswith("-")]
        if any(f not in ("-u", "-u=patch") for f in flags) or len(words) == len(flags):
            continue
        # module arguments only: no wildcard, meta-pattern, local path or
        # toolchain argument (gomvs refuses those by design)
        patterns = [w.split("@")[0] for w in words if not w.startswith("-")]
        if any("..." in p or p in ("all", "std", "cmd", "tool", "work", "go", "toolchain")
               or p.startswith((".", "/")) for p in patterns):
            continue
        out.append((n, words))
    return out


def escape(path: str) -> str:
    return re.sub(r"[A-Z]", lambda m: "!" + m.group(0).lower(), path)


def has_root_go(proxy: str, path: str) -> bool:
    """Whether go may take `path` as a package: the proxy has no module at
    `path` (a package inside another module, or a local module), or one of
    its zips has a .go file in the module root."""
    d = os.path.join(proxy, escape(path), "@v")
    if not os.path.isdir(d):
        return True
    for f in os.listdir(d):
        if not f.endswith(".zip"):
            continue
        try:
            with zipfile.ZipFile(os.path.join(d, f)) as z:
                for n in z.namelist():
                    at = n.find("@")
                    slash = n.find("/", at) if at >= 0 else -1
                    rel = n[slash + 1:] if slash >= 0 else ""
                    if rel.endswith(".go") and "/" not in rel:
                        return True
        except (zipfile.BadZipFile, OSError):
            continue
    return False


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--go", required=True)
    a = ap.parse_args()
    go = os.path.abspath(a.go)
    cmdgo = corpus()
    proxy = os.path.join(cmdgo, "proxy")
    for name in sorted(os.listdir(os.path.join(cmdgo, "cases"))):
        if not name.startswith("mod_get_"):
            continue
        cdir = os.path.join(cmdgo, "cases", name)
        spec = json.load(open(os.path.join(cdir, "case.json")))
        script = os.path.normpath(os.path.join(cdir, spec["source"]["copy"]))
        for line, args in get_lines(script):
            tmp = tempfile.mkdtemp(prefix="gomvs-cmdgo-get-")
            try:
                work = os.path.join(tmp, "work")
                shutil.copytree(os.path.join(cdir, "work"), work, symlinks=True)
                for d in ("modcache", "gocache", "home", "tmp"):
                    os.makedirs(os.path.join(tmp, d))
                env = {
                    "CGO_ENABLED": "0", "GOARCH": "amd64", "GOOS": "linux", "GOENV": "off",
                    "GOCACHE": os.path.join(tmp, "gocache"), "GOMODCACHE": os.path.join(tmp, "modcache"),
                    "GOPATH": os.path.join(work, "gopath"), "GOPROXY": "file://" + proxy,
                    "GOSUMDB": "off", "GOTOOLCHAIN": "local", "GOTELEMETRY": "off",
                    "HOME": os.path.join(tmp, "home"), "LANG": "C", "LC_ALL": "C",
                    "PATH": os.path.dirname(go) + ":/usr/bin:/bin", "TMPDIR": os.path.join(tmp, "tmp"),
                }
                for k, v in spec.get("env", {}).items():
                    env[k] = v.replace("$WORK", work)
                cwd = os.path.join(work, spec["cwd"])
                p = subprocess.run([go, "get", *args], cwd=cwd, env=env, capture_output=True, timeout=120)

                def norm(b: bytes) -> str:
                    s = b.decode("utf-8", errors="replace")
                    for k, v in ((os.path.join(tmp, "modcache"), "$GOMODCACHE"), (work, "$WORK"), (proxy, "$PROXY")):
                        s = s.replace(k, v)
                    return s

                err = b"".join(l for l in p.stderr.splitlines(keepends=True) if not l.startswith(b"go: downloading "))

                def read(f):
                    path = os.path.join(cwd, f)
                    return open(path, encoding="utf-8", errors="replace").read() if os.path.exists(path) else None

                print(json.dumps({"case": name, "line": line, "args": args,
                                  "package": any(has_root_go(proxy, w.split("@")[0]) for w in args
                                                 if not w.startswith("-")),
                                  "exit": p.returncode,
                                  "stderr": norm(err), "go.mod": read("go.mod"), "go.sum": read("go.sum")}),
                      flush=True)
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
