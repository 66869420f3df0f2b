#!/usr/bin/env bash
# Builds, under OUTDIR (default: a new temporary directory), two small git
# repositories whose histories show what `gomvs diff` is for:
#   incident/  commit 1: a service requiring github.com/acme/billing v1.2.0,
#              which needs github.com/shared/auth v1.8.3;
#              commit 2: "Pin auth during the token migration" adds
#              `replace github.com/shared/auth => github.com/shared/auth v1.5.0`.
#   chain/     commit 1: requires example.com/chain/a v1.0.0;
#              commit 2: raises a to v1.1.0, which upgrades b and c and adds d.
# Each state's go.mod is in states/<repo>/<n>/ with the go.sum the real go
# wrote for it (scripts/record-diff-examples.sh). Prints OUTDIR.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$(mktemp -d)}
mkdir -p "$out"
export GIT_AUTHOR_NAME=gomvs GIT_AUTHOR_EMAIL=gomvs@example.invalid
export GIT_COMMITTER_NAME=gomvs GIT_COMMITTER_EMAIL=gomvs@example.invalid
export GIT_AUTHOR_DATE=2026-01-01T00:00:00Z GIT_COMMITTER_DATE=2026-01-01T00:00:00Z
messages_incident=("Service with billing v1.2.0" "Pin auth during the token migration")
messages_chain=("Shop requires chain/a v1.0.0" "Raise chain/a to v1.1.0")
for repo in incident chain; do
  dir="$out/$repo"
  rm -rf "$dir"; mkdir -p "$dir"
  git -C "$dir" init -q -b main
  n=0
  for state in "$here/states/$repo"/*; do
    cp "$state/go.mod" "$state/go.sum" "$dir/"
    git -C "$dir" add go.mod go.sum
    var="messages_${repo}[$n]"
    git -C "$dir" commit -q -m "${!var}"
    n=$((n + 1))
  done
done
echo "$out"
