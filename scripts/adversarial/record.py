#!/usr/bin/env python3
"""Records the real go's answers on the adversarial cases of gen.py.

Each case is copied (go may write go.mod/go.sum) and every command of its
cmds.json is run fully offline with a fresh module cache inside the copy
($CASE/.modcache). The case directory is replaced by `$CASE` in the output;
stdout and stderr are kept as SHA-256 digests (plus stderr's first 300
characters, for people), with the exit status.

usage: record.py --go GO --out testdata/adversarial/go-answers.json
"""
import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def run_case(go, src, name, scratch):
    dst = os.path.join(scratch, name)
    shutil.copytree(src, dst, symlinks=True)
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.path.join(dst, ".home"),
        "GOTOOLCHAIN": "local",
        "GOSUMDB": "off",
        "GOENV": "off",
        "GOPROXY": "file://" + os.path.join(dst, "proxy"),
        "GOMODCACHE": os.path.join(dst, ".modcache"),
        "GOPATH": os.path.join(dst, ".gopath"),
        "GOCACHE": os.path.join(dst, ".gocache"),
        "GOFLAGS": "-mod=mod",
    }
    answers = []
    with open(os.path.join(src, "cmds.json")) as f:
        cmds = json.load(f)
    for cmd in cmds:
        # go rewrites go.mod/go.sum: every command starts from the original.
        for f_ in ("go.mod", "go.sum"):
            s, d = os.path.join(src, "app", f_), os.path.join(dst, "app", f_)
            if os.path.lexists(d) and not os.path.isdir(d):
                os.remove(d)
            if os.path.lexists(s) and not os.path.isdir(s):
                shutil.copyfile(s, d)
        try:
            p = subprocess.run([go] + cmd, cwd=os.path.join(dst, "app"), env=env,
                               stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
            out, err, code = p.stdout, p.stderr, p.returncode
        except subprocess.TimeoutExpired:
            out, err, code = b"", b"timeout", -1
        norm = lambda b: b.replace(dst.encode(), b"$CASE")
        out, err = norm(out), norm(err)
        answers.append({
            "cmd": cmd,
            "exit": code,
            "stdout_sha256": hashlib.sha256(out).hexdigest(),
            "stdout_lines": out.count(b"\n"),
            "stderr_sha256": hashlib.sha256(err).hexdigest(),
            "stderr_head": err[:300].decode("utf-8", "backslashreplace"),
        })
    subprocess.run(["chmod", "-R", "u+w", dst], check=False)
    shutil.rmtree(dst, ignore_errors=True)
    return answers


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--go", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cases_dir = os.path.join(tmp, "cases")
        subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), cases_dir], check=True)
        with open(os.path.join(cases_dir, "cases.json")) as f:
            cases = json.load(f)
        scratch = os.path.join(tmp, "run")
        os.makedirs(scratch)
        version = subprocess.run([a.go, "version"], capture_output=True, text=True).stdout.strip()
        result = {"go": version, "cases": {}}
        for name in cases:
            result["cases"][name] = run_case(a.go, os.path.join(cases_dir, name), name, scratch)
            print(name, [x["exit"] for x in result["cases"][name]], file=sys.stderr)
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, "w") as f:
        json.dump(result, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
