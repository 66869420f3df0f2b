#!/usr/bin/env bash
# Runs the real go command on an example of examples/ and records what it prints.
#
#   usage: scripts/examples/run-go.sh examples/<name> [--write]
#
# An example is <name>/app (the main module) and <name>/proxy (a file://
# GOPROXY directory). The app is copied to a fresh directory; go runs offline
# (GOPROXY=file://<proxy>, GOFLAGS=-mod=readonly, empty module cache).
# Prints `go list -m all` and `go mod graph`; with --write, stores them as
# <name>/expected/{list-m-all,mod-graph}.txt (the goldens the tests compare
# gomvs against), first creating <name>/app/go.sum with go if it is missing,
# and fails if go wanted to change go.mod or go.sum.
set -euo pipefail
ex=$(cd "${1:?usage: run-go.sh examples/<name> [--write]}" && pwd)
write=${2:-}
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
cp -a "$ex/app" "$tmp/app"
run() {
  (cd "$tmp/app" && env -i PATH="$PATH" HOME="$tmp/home" GOTOOLCHAIN=local GOSUMDB=off GOTELEMETRY=off \
    GOENV=off GOWORK=off GOPROXY="file://$ex/proxy" GOMODCACHE="$tmp/modcache" GOPATH="$tmp/gopath" \
    GOCACHE="$tmp/gocache" GOFLAGS=-mod=readonly go "$@")
}
if [ ! -f "$tmp/app/go.sum" ] && [ "$write" = --write ]; then
  # First run: let go write go.sum (-mod=mod), keep it, and check go.mod is unchanged.
  run list -mod=mod -m all >/dev/null
  cp "$tmp/app/go.sum" "$ex/app/go.sum"
fi
list=$(run list -m all)
graph=$(run mod graph)
printf '$ go list -m all\n%s\n$ go mod graph\n%s\n' "$list" "$graph"
if ! cmp -s "$ex/app/go.mod" "$tmp/app/go.mod"; then echo "go changed go.mod" >&2; exit 1; fi
if [ "$write" = --write ]; then
  mkdir -p "$ex/expected"
  printf '%s\n' "$list" > "$ex/expected/list-m-all.txt"
  printf '%s\n' "$graph" > "$ex/expected/mod-graph.txt"
fi
