#!/usr/bin/env bash
# Creates the go.sum of an example's main module with the real go
# (`go list -m -mod=mod all` on a copy, offline, the example's file:// proxy),
# and checks go left go.mod unchanged (the example must be tidy for
# `go list -m all` in the default -mod=readonly mode).
#
#   usage: scripts/examples/make-gosum.sh examples/<name>
# Goldens of what go prints are recorded by scripts/record-example-goldens.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
GO=$("$root/scripts/ensure-go.sh")
ex=$(cd "${1:?usage: make-gosum.sh examples/<name>}" && pwd)
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
cp -a "$ex/main" "$tmp/main"
rm -f "$tmp/main/go.sum"
(cd "$tmp/main" && env -i PATH="$(dirname "$GO"):/usr/bin:/bin" HOME="$tmp/home" GOTOOLCHAIN=local \
  GOSUMDB=off GOTELEMETRY=off GOENV=off GOWORK=off GOPROXY="file://$ex/proxy" \
  GOMODCACHE="$tmp/modcache" GOPATH="$tmp/gopath" GOCACHE="$tmp/gocache" GOFLAGS=-mod=mod \
  "$GO" list -m all >/dev/null)
cmp -s "$ex/main/go.mod" "$tmp/main/go.mod" || { echo "go changed go.mod: the example is not tidy" >&2; exit 1; }
cp "$tmp/main/go.sum" "$ex/main/go.sum"
echo "wrote $ex/main/go.sum"
