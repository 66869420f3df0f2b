#!/usr/bin/env python3
"""Records how the real go routes module paths, for `gomvs doctor`'s table
test (crates/gomvs-graph/tests/doctor_routes.rs): for each case (a module
path and some of GOPROXY, GOPRIVATE, GONOPROXY, GOINSECURE, GOVCS), runs
`go mod download -x -json PATH@v1.0.0` offline (this machine has no network:
every fetch fails at once, after go has shown what it tried) with a fresh
module cache, and keeps what go tried:

* `proxy`: the file:// proxy was read (its error names the proxy URL);
* `meta`: the `?go-get=1` pages it asked (`# get URL` lines, in order);
* `vcs`: the VCS and the repository URLs it probed (`# git3 URL`, or the
  `git/hg/svn ... ls-remote/identify/info URL` commands, in order);
* `govcs`: GOVCS refused the VCS (go's error says so).

Writes testdata/doctor/routes.json (one object per case).
usage: scripts/record-doctor-routes.py [GO]
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GO = sys.argv[1] if len(sys.argv) > 1 else subprocess.run(
    [os.path.join(ROOT, "scripts/ensure-go.sh")], capture_output=True, text=True, check=True
).stdout.strip()

PATHS = [
    "github.com/a/b", "github.com/a/b/v2/sub", "bitbucket.org/u/r", "git.apache.org/x.git",
    "git.openstack.org/o/r", "hub.jazz.net/git/user/r", "chiselapp.com/user/u/repository/r",
    "example.com/x/y", "git.corp.internal/team/lib", "example.com/r.git/sub",
    "example.com/r.hg", "example.com/r.svn/x", "example.com/r.fossil",
]
ENVS = [
    {},
    {"GOINSECURE": "example.com,git.corp.internal,github.com"},
    {"GOPRIVATE": "example.com,git.corp.internal,chiselapp.com"},
    {"GOVCS": "github.com:off,example.com:hg|svn"},
    {"GOPROXY": "file:///nonexistent-proxy", "GONOPROXY": "git.corp.internal,github.com/a"},
    {"GOPROXY": "file:///nonexistent-proxy,direct"},
]


def observe(text: str) -> dict:
    if "GOVCS disallows" in text:
        return {"kind": "govcs"}
    meta = re.findall(r"^# get (\S+?)(?::)?$", text, re.M)
    if meta:
        return {"kind": "meta", "urls": list(dict.fromkeys(meta))}
    m = re.search(r"# git3 (\S+)", text)
    if m:
        return {"kind": "vcs", "vcs": "git", "urls": [m.group(1)]}
    probes = re.findall(r"(?:^|; )(git|hg|svn|fossil) (?:ls-remote|identify|info|clone)\s+(?:-\S*\s+)*(\S+://\S+)", text, re.M)
    if probes:
        return {"kind": "vcs", "vcs": probes[0][0], "urls": list(dict.fromkeys(u for _, u in probes))}
    if "file:///nonexistent-proxy" in text:
        return {"kind": "proxy"}
    return {"kind": "other", "text": text[-300:]}


def main() -> int:
    out = []
    tmp = tempfile.mkdtemp(prefix="gomvs-routes-")
    try:
        main_dir = os.path.join(tmp, "m")
        os.makedirs(main_dir)
        with open(os.path.join(main_dir, "go.mod"), "w") as f:
            f.write("module example.net/m\n\ngo 1.21\n")
        for env_extra in ENVS:
            for path in PATHS:
                cache = os.path.join(tmp, "modcache")
                env = {
                    "PATH": "/usr/bin:/bin", "HOME": tmp, "GOTOOLCHAIN": "local", "GOENV": "off",
                    "GOSUMDB": "off", "GOPROXY": "direct", "GOMODCACHE": cache,
                    "GOPATH": os.path.join(tmp, "gopath"), "GOCACHE": os.path.join(tmp, "gocache"),
                }
                env.update(env_extra)
                p = subprocess.run([GO, "mod", "download", "-x", "-json", path + "@v1.0.0"],
                                   cwd=main_dir, env=env, capture_output=True, text=True, timeout=120)
                subprocess.run(["chmod", "-R", "u+w", cache], capture_output=True)
                shutil.rmtree(cache, ignore_errors=True)
                out.append({"path": path, "env": env_extra, "go": observe(p.stdout + p.stderr)})
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    dst = os.path.join(ROOT, "testdata/doctor/routes.json")
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    with open(dst, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    kinds = {}
    for c in out:
        kinds[c["go"]["kind"]] = kinds.get(c["go"]["kind"], 0) + 1
    print(f"{len(out)} cases: {kinds}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
