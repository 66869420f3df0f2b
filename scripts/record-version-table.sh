#!/usr/bin/env bash
# Records crates/gomvs-modfile/testdata/versions-table.json: what the real go
# (golang.org/x/mod/semver, golang.org/x/mod/module, cmd/go/internal/gover)
# answers for a fixed, seeded set of versions, Go versions, toolchain names
# and module paths. The Rust tests in crates/gomvs-modfile/tests/versions_table.rs
# check every entry.
#
# The oracle imports vendored / internal packages of the go command, so it is
# copied for the run into $GOROOT/src/cmd/go/internal/gomvsoracle_versions and
# removed afterwards. Needs: go, python3.
#
# It also regenerates crates/gomvs-modfile/src/syntax/unicode_tables.rs (Go's
# unicode.IsPrint, unicode.IsSpace and unicode.IsLetter ranges, used by the
# go.mod lexer, %q quoting and file path checks) from the same go.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
goroot=$(go env GOROOT)
dest="$goroot/src/cmd/go/internal/gomvsoracle_versions"
out="$root/crates/gomvs-modfile/testdata/versions-table.json"
tmp=$(mktemp -d)
cleanup() { rm -rf "$dest" "$tmp"; }
trap cleanup EXIT

python3 "$root/scripts/oracle/versions/gen_inputs.py" > "$tmp/input.json"

tables="$root/crates/gomvs-modfile/src/syntax/unicode_tables.rs"
(
  cd "$root"
  env GOTOOLCHAIN=local GOENV=off GOTELEMETRY=off GOFLAGS= \
    GOCACHE="${GOCACHE_ORACLE:-/tmp/gocache-versions}" \
    go run scripts/gen/unicode_tables.go > "$tmp/unicode_tables.rs"
)
mv "$tmp/unicode_tables.rs" "$tables"

mkdir -p "$dest"
cp "$root/scripts/oracle/versions/main.go" "$dest/main.go"

mkdir -p "$tmp/home" "$tmp/gopath" "$tmp/modcache"
(
  cd "$goroot/src/cmd/go"
  env GOFLAGS=-mod=vendor GOTOOLCHAIN=local GOSUMDB=off GOENV=off GOTELEMETRY=off \
    GOPROXY=off GOPATH="$tmp/gopath" GOMODCACHE="$tmp/modcache" HOME="$tmp/home" \
    GOCACHE="${GOCACHE_ORACLE:-/tmp/gocache-versions}" \
    go run ./internal/gomvsoracle_versions < "$tmp/input.json" > "$tmp/table.json"
)

mkdir -p "$(dirname "$out")"
mv "$tmp/table.json" "$out"
echo "wrote $out ($(wc -c < "$out") bytes)"
