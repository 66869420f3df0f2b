#!/usr/bin/env bash
# Whole-process comparison of gomvs with the go command on a synthetic
# universe (benches/universe.rs): `gomvs list all` vs `go list -m all` and
# `gomvs graph` vs `go mod graph`, warm module cache (go downloads first,
# then both run with GOPROXY=off against that cache), -mod=readonly.
#
# usage: scripts/bench-scale-vs-go.sh <modules> <pruned|unpruned> [hyperfine args...]
#
# Generating a universe writes 2 files per module version (10k modules:
# 200k files) and go then copies what it reads into its cache, so expect
# minutes at 10k on a slow file system.

set -euo pipefail
modules=${1:?usage: $0 <modules> <pruned|unpruned> [hyperfine args...]}
mode=${2:?usage: $0 <modules> <pruned|unpruned> [hyperfine args...]}
shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
go=$("$root/scripts/ensure-go.sh")
target=${CARGO_TARGET_DIR:-$root/target}
cargo build --quiet --release -p gomvs-cli --bin gomvs
cargo build --quiet --release -p gomvs-benches --example universe_dump
out=$("$target/release/examples/universe_dump" "$modules" "$mode")
main=$(sed -n 's/^main=//p' <<<"$out")
proxy=$(sed -n 's/^proxy=//p' <<<"$out")
work=$(mktemp -d)
# KEEP=1 keeps the universe and the module cache (their paths are printed).
if [ "${KEEP:-}" = 1 ]; then
  echo "kept: main=$main proxy=$proxy work=$work"
else
  trap 'rm -rf "$main" "$proxy" "$work"' EXIT
fi

export GOTOOLCHAIN=local GOSUMDB=off GOENV=off GOTELEMETRY=off GOWORK=off GOFLAGS=-mod=readonly \
  GOMODCACHE="$work/modcache" GOPATH="$work/gopath" GOCACHE="$work/gocache" HOME="$work"
cd "$main"
# Fill the module cache the way go does (only what the load reads).
GOPROXY="file://$proxy" "$go" list -m all >"$work/go-list.txt"
export GOPROXY=off
"$target/release/gomvs" list all >"$work/gomvs-list.txt"
cmp "$work/go-list.txt" "$work/gomvs-list.txt"
"$go" mod graph >"$work/go-graph.txt"
"$target/release/gomvs" graph >"$work/gomvs-graph.txt"
cmp "$work/go-graph.txt" "$work/gomvs-graph.txt"
echo "outputs identical: $(wc -l <"$work/go-list.txt") modules, $(wc -l <"$work/go-graph.txt") edges"
hyperfine --style basic -N "$@" \
  -n "gomvs list all" "$target/release/gomvs list all" \
  -n "go list -m all" "$go list -m all" \
  -n "gomvs graph" "$target/release/gomvs graph" \
  -n "go mod graph" "$go mod graph"
