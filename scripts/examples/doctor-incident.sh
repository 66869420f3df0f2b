#!/usr/bin/env bash
# Builds the deploy incident of docs/doctor.md under DIR (default
# /tmp/gomvs-doctor-incident) and runs `gomvs doctor` on it: a service whose
# deploy failed in `go mod download`. The module cache is filled by the real
# go from a file:// proxy for one module only; the deploy then runs with the
# default GOPROXY (proxy.golang.org,direct) and GOSUMDB, and a private module
# path that GOPRIVATE does not cover; go.mod was edited by hand (util bumped
# to v1.2.0) without updating go.sum.
#   usage: scripts/examples/doctor-incident.sh [DIR] [GOMVS]
set -euo pipefail
dir=${1:-/tmp/gomvs-doctor-incident}
gomvs=${2:-target/release/gomvs}
root=$(cd "$(dirname "$0")/../.." && pwd)
GO=$("$root/scripts/ensure-go.sh")
rm -rf "$dir" && mkdir -p "$dir"
p="$dir/proxy"
mod() { # path version [require lines]
  local esc; esc=$(echo "$1" | sed 's/\([A-Z]\)/!\L\1/g')
  mkdir -p "$p/$esc/@v"
  printf 'module %s\n\ngo 1.21\n%s' "$1" "${3:-}" > "$p/$esc/@v/$2.mod"
  printf '{"Version":"%s","Time":"2026-01-02T03:04:05Z"}\n' "$2" > "$p/$esc/@v/$2.info"
  echo "$2" >> "$p/$esc/@v/list"
  (cd "$(mktemp -d)" && mkdir -p "$1@$2" && cp "$p/$esc/@v/$2.mod" "$1@$2/go.mod" \
    && printf 'package x\n' > "$1@$2/x.go" && python3 -c "import zipfile,os,sys
z=zipfile.ZipFile(sys.argv[1],'w')
for d,_,fs in os.walk(sys.argv[2]):
  for f in fs: z.write(os.path.join(d,f))" "$p/$esc/@v/$2.zip" "$1@$2")
}
mod github.com/shared/auth v1.8.3
mod git.corp.internal/payments/ledger v0.3.0 $'\nrequire github.com/shared/auth v1.8.3\n'
mod example.com/util v1.1.0
mod example.com/util v1.2.0
m="$dir/service"; mkdir -p "$m"
cat > "$m/go.mod" <<'MOD'
module example.com/service

go 1.23

require (
	example.com/util v1.1.0
	git.corp.internal/payments/ledger v0.3.0
	github.com/shared/auth v1.8.3
)
MOD
cat > "$m/main.go" <<'GO'
package main

import (
	_ "example.com/util"
	_ "git.corp.internal/payments/ledger"
	_ "github.com/shared/auth"
)

func main() {}
GO
env=(GOTOOLCHAIN=local GOSUMDB=off GOENV=off GOPROXY="file://$p" GOMODCACHE="$dir/modcache"
     GOPATH="$dir/gopath" GOCACHE="$dir/gocache" GOFLAGS=-mod=mod)
# go.sum as go writes it; then the module cache holds auth only.
(cd "$m" && env "${env[@]}" "$GO" mod download && env "${env[@]}" "$GO" mod download -json github.com/shared/auth example.com/util git.corp.internal/payments/ledger >/dev/null)
chmod -R u+w "$dir/modcache"
rm -rf "$dir/modcache/cache/download/example.com" "$dir/modcache/cache/download/git.corp.internal" \
       "$dir/modcache/example.com" "$dir/modcache/git.corp.internal"
# the hand edit: util bumped in go.mod, go.sum not updated
sed -i 's/example.com\/util v1.1.0/example.com\/util v1.2.0/' "$m/go.mod"
grep -v 'example.com/util v1.2.0' "$m/go.sum" > "$m/go.sum.new" && mv "$m/go.sum.new" "$m/go.sum"
echo "# the deploy's environment: default GOPROXY and GOSUMDB, no GOPRIVATE"
cd "$m" && env -u GOPROXY -u GOSUMDB -u GOPRIVATE -u GONOSUMDB -u GONOPROXY GOENV=off \
  GOMODCACHE="$dir/modcache" "$root/$gomvs" doctor --color never "${@:3}" || true
