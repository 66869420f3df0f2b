#!/usr/bin/env bash
# Records what the real go 1.27.3 prints for the examples in examples/:
# `go list -m all`, `go list -m -json all` and `go mod graph`, each on a fresh
# copy with an empty module cache and the example's own file:// proxy.
# Output: testdata/examples/<example>/<cmd>.{stdout,stderr,exit}, with the
# copy's path replaced by $EXAMPLE and the module cache by $GOMODCACHE.
# crates/gomvs-cli/tests/examples.rs runs gomvs the same way and compares.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
GO=$("$root/scripts/ensure-go.sh")
# example name : directory (inside the example) the commands run in
examples=("pruning:main" "replace-chain:main" "workspace:api")
[ -d "$root/examples/incident-replace" ] && examples+=("incident-replace:main")
[ -d "$root/examples/exclude-prune-chain" ] && examples+=("exclude-prune-chain:main")
[ -d "$root/examples/incident" ] && examples+=("incident:main")
for spec in "${examples[@]}"; do
  name=${spec%%:*}; cwd=${spec#*:}
  out="$root/testdata/examples/$name"
  rm -rf "$out"; mkdir -p "$out"
  for cmd in "list -m all" "list -m -json all" "mod graph"; do
    key=$(echo "$cmd" | tr ' ' '-' | sed 's/--/-/g')
    tmp=$(mktemp -d)
    cp -r "$root/examples/$name" "$tmp/example"
    rm -rf "$tmp/example/proxy"
    set +e
    (cd "$tmp/example/$cwd" && env -i PATH="$(dirname "$GO"):/usr/bin:/bin" HOME="$tmp/home" \
        GOTOOLCHAIN=local GOSUMDB=off GOENV=off GOTELEMETRY=off GOFLAGS= \
        GOPROXY="file://$root/examples/$name/proxy" GOMODCACHE="$tmp/modcache" GOPATH="$tmp/gopath" \
        GOCACHE="$tmp/gocache" "$GO" $cmd >"$tmp/stdout" 2>"$tmp/stderr")
    echo $? > "$out/$key.exit"
    set -e
    for s in stdout stderr; do
      sed -e "s#$tmp/modcache#\$GOMODCACHE#g" -e "s#$tmp/example#\$EXAMPLE#g" \
          -e "s#$root/examples/$name/proxy#\$PROXY#g" "$tmp/$s" > "$out/$key.$s"
    done
    chmod -R u+w "$tmp"; rm -rf "$tmp"
  done
  echo "recorded $out"
done
