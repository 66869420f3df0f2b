#!/usr/bin/env bash
# Records, with the real go 1.27.3, the go.sum of every state of the
# examples/diff repositories (each state's go.mod is written by hand; go
# writes its go.sum with -mod=mod) and what `go list -m -json all` prints for
# each state in the default readonly mode:
#   examples/diff/states/<repo>/<n>/go.sum
#   testdata/diff-examples/<repo>/<n>/list-m-json-all.{stdout,stderr,exit}
# crates/gomvs-cli/tests/diff.rs builds the git repositories with
# examples/diff/make-repos.sh and checks `gomvs diff` against these outputs.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
GO=$("$root/scripts/ensure-go.sh")
proxy_of() {
  case "$1" in
    incident) echo "$root/examples/incident-replace/proxy" ;;
    *) echo "$root/examples/diff/proxy" ;;
  esac
}
for state in "$root"/examples/diff/states/*/*; do
  repo=$(basename "$(dirname "$state")"); n=$(basename "$state")
  proxy=$(proxy_of "$repo")
  tmp=$(mktemp -d)
  cp -r "$state" "$tmp/m"; rm -f "$tmp/m/go.sum"
  run() {
    (cd "$tmp/m" && env -i PATH="$(dirname "$GO"):/usr/bin:/bin" HOME="$tmp/home" \
      GOTOOLCHAIN=local GOSUMDB=off GOENV=off GOTELEMETRY=off GOFLAGS="$1" \
      GOPROXY="file://$proxy" GOMODCACHE="$tmp/modcache" GOPATH="$tmp/gopath" \
      GOCACHE="$tmp/gocache" "$GO" list -m -json all >"$tmp/stdout" 2>"$tmp/stderr")
  }
  run -mod=mod
  if ! cmp -s "$state/go.mod" "$tmp/m/go.mod"; then
    echo "error: go rewrote $state/go.mod; make it tidy first:" >&2
    diff "$state/go.mod" "$tmp/m/go.mod" >&2 || true
    exit 1
  fi
  cp "$tmp/m/go.sum" "$state/go.sum"
  out="$root/testdata/diff-examples/$repo/$n"
  mkdir -p "$out"
  set +e; run ""; echo $? > "$out/list-m-json-all.exit"; set -e
  for s in stdout stderr; do
    sed -e "s#$tmp/modcache#\$GOMODCACHE#g" -e "s#$tmp/m#\$MODULE#g" -e "s#$proxy#\$PROXY#g" \
      "$tmp/$s" > "$out/list-m-json-all.$s"
  done
  chmod -R u+w "$tmp"; rm -rf "$tmp"
  echo "recorded $repo/$n"
done
