#!/usr/bin/env bash
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
