#!/usr/bin/env bash
# Renders the pictures of docs/ from the examples: runs gomvs (why, tree,
# replaces, graph) with --format dot on each example of examples/ and turns
# the output into PNG with Graphviz `dot` (which also checks the DOT is valid).
#
#   usage: scripts/examples/render-docs.sh [path to gomvs]   (default: target/debug/gomvs)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
gomvs=${1:-${CARGO_TARGET_DIR:-$root/target}/debug/gomvs}
out="$root/docs/images"
mkdir -p "$out"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for ex in "$root"/examples/*/; do
  name=$(basename "$ex")
  run() {
    local cwd="$ex/main"
    [ -d "$cwd" ] || cwd="$ex/$(sed -n 's#^[[:space:]]*\./\([^[:space:]]*\).*#\1#p' "$ex/go.work" | head -1)"
    (cd "$cwd" && env -i PATH="$PATH" HOME="$tmp/home" GOTOOLCHAIN=local GOSUMDB=off GOENV=off \
      GOPROXY="file://$ex/proxy" GOMODCACHE="$tmp/modcache" GOPATH="$tmp/gopath" \
      GOFLAGS= "$gomvs" "$@")
  }
  first=$(run list all | awk '$2 != "" {print $1; exit}')
  # The module the pictures focus on: <example>/focus if present, else the
  # first replaced module, else the first dependency.
  if [ -f "$ex/focus" ]; then focus=$(head -1 "$ex/focus"); else
    focus=$(run list all | awk 'NR>1 && /=>/ {print $1; exit}'); fi
  focus=${focus:-$first}
  run why --format dot "$focus" > "$tmp/why.dot"
  run tree --format dot > "$tmp/tree.dot"
  run tree --format dot --invert "$focus" > "$tmp/tree-invert.dot"
  run replaces --format dot > "$tmp/replaces.dot"
  run graph --format dot > "$tmp/graph.dot"
  for k in why tree tree-invert replaces graph; do
    dot -Tpng -Gdpi=96 "$tmp/$k.dot" -o "$out/$name-$k.png"
    echo "$out/$name-$k.png"
  done
done
