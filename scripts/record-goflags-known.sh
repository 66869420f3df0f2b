#!/usr/bin/env bash
# Records the flag names that GOFLAGS may contain (`base.InitGOFLAGS`
# rejects a name no go subcommand defines: `go: parsing $GOFLAGS: unknown
# flag -x`). Candidates are the identifier-like string literals of
# $GOROOT/src/cmd/go (non-test files); each is kept iff the real go accepts
# `GOFLAGS=-name go version`.
#
#   usage: scripts/record-goflags-known.sh > crates/gomvs-graph/src/env/goflags_known.txt
set -euo pipefail
src="$(go env GOROOT)/src/cmd/go"
echo "# Flag names accepted in GOFLAGS by $(go env GOVERSION) (scripts/record-goflags-known.sh)"
find "$src" -name '*.go' ! -name '*_test.go' -print0 |
  xargs -0 grep -hoE '"[A-Za-z][A-Za-z0-9_.-]{0,40}"' | tr -d '"' | sort -u |
  while IFS= read -r name; do
    if env -i PATH="$PATH" HOME="${TMPDIR:-/tmp}" GOENV=off GOTOOLCHAIN=local GOFLAGS="-$name" go version >/dev/null 2>&1; then
      echo "$name"
    fi
  done
