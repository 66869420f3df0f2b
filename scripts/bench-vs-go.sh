#!/usr/bin/env bash
# Whole-process comparison of gomvs with the real go command, with hyperfine:
#   gomvs list all  vs  go list -m all
#   gomvs graph     vs  go mod graph
# on the largest golang-x cases, with a warm module cache (filled once by the
# real go from the corpus' file:// proxy), GOFLAGS=-mod=readonly, the
# environment of the corpus runs (see ../shared/corpus/golang-x/README.md).
#
# usage: scripts/bench-vs-go.sh [--runs N] [--warmup N] [--gomvs PATH] [--export-md FILE] [CASE...]
#   CASE defaults to the three largest cases (gopls@v0.21.0,
#   synthetic-union-pruned@v0.0.0, synthetic-union-unpruned@v0.0.0).
#   --gomvs defaults to a release build ($CARGO_TARGET_DIR or target/)/release/gomvs,
#   built with `cargo build --release -p gomvs-cli` when missing.
# Needs hyperfine (apt-get install -y hyperfine) and go on PATH; CI does not run this.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
runs=30
warmup=5
gomvs=""
export_md=""
cases=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --gomvs) gomvs=$2; shift 2 ;;
    --export-md) export_md=$2; shift 2 ;;
    -h|--help) sed -n 2,15p "$0"; exit 0 ;;
    *) cases+=("$1"); shift ;;
  esac
done
[ ${#cases[@]} -gt 0 ] || cases=(gopls@v0.21.0 synthetic-union-pruned@v0.0.0 synthetic-union-unpruned@v0.0.0)

shared=${GOMVS_SHARED_DIR:-$here/../shared}
corpus=$shared/corpus/golang-x
if [ ! -d "$corpus/proxy" ]; then
  echo "bench-vs-go: golang-x corpus not found at $corpus (set GOMVS_SHARED_DIR)" >&2
  exit 1
fi
proxy=$(cd "$corpus/proxy" && pwd)
command -v hyperfine >/dev/null || { echo "bench-vs-go: hyperfine not found (apt-get install -y hyperfine)" >&2; exit 1; }
command -v go >/dev/null || { echo "bench-vs-go: go not found on PATH" >&2; exit 1; }

if [ -z "$gomvs" ]; then
  target=${CARGO_TARGET_DIR:-$here/target}
  gomvs=$target/release/gomvs
  if [ ! -x "$gomvs" ]; then
    (cd "$here" && cargo build --release -p gomvs-cli)
  fi
fi
gomvs=$(cd "$(dirname "$gomvs")" && pwd)/$(basename "$gomvs")

work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT

echo "# machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "# $(go version); $("$gomvs" --version 2>/dev/null || echo gomvs); $(hyperfine --version)"
echo "# gomvs binary: $gomvs"

for name in "${cases[@]}"; do
  case_dir=$corpus/cases/$name
  [ -d "$case_dir/main" ] || { echo "bench-vs-go: case not found: $case_dir" >&2; exit 1; }
  w=$work/$name
  mkdir -p "$w"
  # The case without expected/ (old gopls cases also need the ../go.mod of the replacement).
  (cd "$case_dir" && tar --exclude=expected --exclude=case.json -cf - .) | (mkdir -p "$w/case" && cd "$w/case" && tar -xf -)
  export PATH HOME=$w/home GOENV=off GOTOOLCHAIN=local GOSUMDB=off GOPROXY=file://$proxy \
    GOWORK=off GO111MODULE=on GONOSUMDB= GONOPROXY= GOPRIVATE= GOINSECURE= \
    GOPATH=$w/gopath GOMODCACHE=$w/modcache GOCACHE=$w/gocache GOTELEMETRY=off \
    CGO_ENABLED=0 LANG=C LC_ALL=C GOFLAGS=-mod=readonly
  cd "$w/case/main"
  # Fill the module cache once with the real go, and check both print the same.
  go list -m all >"$w/go-list.out"
  go mod graph >"$w/go-graph.out"
  "$gomvs" list all >"$w/gomvs-list.out"
  "$gomvs" graph >"$w/gomvs-graph.out"
  cmp -s "$w/go-list.out" "$w/gomvs-list.out" || { echo "bench-vs-go: $name: gomvs list all differs from go list -m all" >&2; exit 1; }
  cmp -s "$w/go-graph.out" "$w/gomvs-graph.out" || { echo "bench-vs-go: $name: gomvs graph differs from go mod graph" >&2; exit 1; }
  echo
  echo "## $name: $(wc -l <"$w/go-list.out") modules, $(wc -l <"$w/go-graph.out") edges"
  md=()
  [ -z "$export_md" ] || md=(--export-markdown "$w/$name.md")
  hyperfine -N --warmup "$warmup" --runs "$runs" "${md[@]}" \
    -n "gomvs list all" "$gomvs list all" \
    -n "go list -m all" "go list -m all" \
    -n "gomvs graph" "$gomvs graph" \
    -n "go mod graph" "go mod graph"
  if [ -n "$export_md" ]; then
    { echo "### $name"; echo; cat "$w/$name.md"; echo; } >>"$export_md"
  fi
  cd "$here"
done
