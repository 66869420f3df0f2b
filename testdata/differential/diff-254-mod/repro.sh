#!/usr/bin/env bash
# Re-run this diff-mode case.
#   ./repro.sh            the real go: `go list -m all` on copies of base/ and head/
#   ./repro.sh GOMVS      gomvs as in case.json: `diff --dirs base/work/main head/work/main
#                         --json` in ., or `diff HEAD~1 [HEAD] --json` in git/main (the
#                         repository whose commits are base/work and head/work)
set -u
here=$(cd "$(dirname "$0")" && pwd)
goflags=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["goflags"])' "$here/case.json")
t=$(mktemp -d)
mkdir -p "$t/gopath" "$t/home/.config/go/telemetry" "$t/gocache" "$t/modcache"
echo off > "$t/home/.config/go/telemetry/mode"
envs=(PATH="$(dirname "$(command -v go)"):/usr/bin:/bin" HOME="$t/home" GOPATH="$t/gopath"
      GOMODCACHE="$t/modcache" GOCACHE="$t/gocache" GOTOOLCHAIN=local GOSUMDB=off GOENV=off
      GOTELEMETRY=off GONOSUMDB= GOPRIVATE= GONOPROXY= GOINSECURE= LANG=C
      GOPROXY="file://$here/proxy" GOFLAGS="$goflags")
if [ $# -eq 0 ]; then
  for s in base head; do
    cp -a "$here/$s" "$t/$s"
    echo "--- $s: go list -m all (GOFLAGS=$goflags)"
    (cd "$t/$s/work/main" && env -i "${envs[@]}" go list -m all; echo "--- exit $?")
  done
else
  bin=$1; case $bin in */*) bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin");; esac
  cwd=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["cwd"])' "$here/case.json")
  args=$(python3 -c 'import json,sys; print(" ".join(json.load(open(sys.argv[1]))["gomvs"][1:]))' "$here/case.json")
  (cd "$here/$cwd" && env -i "${envs[@]}" "$bin" $args; echo "--- exit $?")
fi
chmod -R u+w "$t"; rm -rf "$t"
