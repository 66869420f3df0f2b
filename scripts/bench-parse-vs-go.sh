#!/usr/bin/env bash
# Parse throughput: gomvs_modfile::parse_lax (criterion bench benches/benches/parse.rs)
# versus golang.org/x/mod/modfile.ParseLax (scripts/oracle/parsebench) on the
# same files: every go.mod / *.mod under the shared corpus. Both sides report the
# best and median wall time of a pass and the mean CPU time per pass (the fair
# number on a loaded machine); criterion's estimate follows.
#
#   usage: scripts/bench-parse-vs-go.sh [go-seconds]     (from anywhere)
#   env:   GOMVS_SHARED_DIR (default <repo>/../shared), CARGO_TARGET_DIR
#
# The Go program imports the vendored x/mod, so it is copied for the run into
# $GOROOT/src/cmd/go/internal/gomvsoracle_parsebench and run from cmd/go with
# -mod=vendor, then removed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${GOMVS_SHARED_DIR:-$root/../shared}
corpus=$(cd "$shared/corpus" 2>/dev/null && pwd) || { echo "missing shared corpus: $shared/corpus" >&2; exit 1; }
secs=${1:-10}

goroot=$(go env GOROOT)
dest="$goroot/src/cmd/go/internal/gomvsoracle_parsebench"
trap 'rm -rf "$dest"' EXIT
rm -rf "$dest"; mkdir -p "$dest"
cp "$root/scripts/oracle/parsebench/main.go" "$dest/"
echo "== Go: golang.org/x/mod/modfile.ParseLax"
(cd "$goroot/src/cmd/go" && GOTOOLCHAIN=local GOFLAGS=-mod=vendor GOENV=off GOTELEMETRY=off \
  GOCACHE=${GOCACHE:-/tmp/gocache-parsebench} go run ./internal/gomvsoracle_parsebench -seconds "$secs" "$corpus")
rm -rf "$dest"

cd "$root"
echo "== Rust: gomvs_modfile::parse_lax (same timing method: benches/examples/parse_cpu.rs)"
GOMVS_SHARED_DIR="$shared" cargo run -q --release -p gomvs-benches --example parse_cpu -- "$secs"

echo "== Rust: gomvs_modfile::parse_lax (criterion)"
GOMVS_SHARED_DIR="$shared" cargo bench -p gomvs-benches --bench parse -- --noplot 2>&1 |
  grep -E 'files|bytes|time:|thrpt:|^parse'
