#!/usr/bin/env bash
# Records, with the real go 1.27.3, what the `gomvs check` fixtures under
# testdata/check/ need from go:
#   * main/go.sum: written by `go list -m -mod=mod all` on a copy, offline,
#     with the fixture's own file:// proxy (go.mod must come back unchanged:
#     the fixture is tidy for `go list -m all`);
#   * go-list-m-all.{stdout,exit}: what `go list -m all` prints (readonly),
#     so crates/gomvs-cli/tests/check.rs can check that the build list the
#     findings are computed on is go's;
#   * go-list-m-u-retracted-json.stdout: `go list -m -u -retracted -json all`
#     (the Retracted and Deprecated fields the retracted/deprecated rules
#     must agree with).
# The examples (examples/incident) get their go.sum from
# scripts/examples/make-gosum.sh the same way.
#
#   usage: scripts/record-check-fixtures.sh [fixture...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
GO=$("$root/scripts/ensure-go.sh")
cd "$root/testdata/check"
fixtures=("$@")
[ ${#fixtures[@]} -gt 0 ] || fixtures=($(for d in */main */go.work; do dirname "$d"; done))
for name in "${fixtures[@]}"; do
  fx="$root/testdata/check/$name"
  tmp=$(mktemp -d)
  run() { # dir args...
    local dir=$1; shift
    (cd "$dir" && env -i PATH="$(dirname "$GO"):/usr/bin:/bin" HOME="$tmp/home" GOTOOLCHAIN=local \
      GOSUMDB=off GOTELEMETRY=off GOENV=off GOWORK="${WORK:-off}" GOPROXY="file://$fx/proxy" \
      GOMODCACHE="$tmp/modcache" GOPATH="$tmp/gopath" GOCACHE="$tmp/gocache" GOFLAGS="${FLAGS:-}" \
      "$GO" "$@")
  }
  if [ -f "$fx/go.work" ]; then
    # A workspace: go needs no go.sum line for `go list -m all` here; record the list only.
    cp -a "$fx/." "$tmp/ws/" 2>/dev/null || { mkdir -p "$tmp/ws"; cp -a "$fx/." "$tmp/ws/"; }
    set +e
    WORK=auto run "$tmp/ws" list -m all > "$fx/go-list-m-all.stdout" 2>"$tmp/stderr"
    echo $? > "$fx/go-list-m-all.exit"
    set -e
    [ -s "$tmp/stderr" ] && { echo "$name: go printed on stderr:" >&2; cat "$tmp/stderr" >&2; }
    chmod -R u+w "$tmp"; rm -rf "$tmp"
    echo "recorded $fx"
    continue
  fi
  cp -a "$fx/main" "$tmp/main"
  rm -f "$tmp/main/go.sum"
  FLAGS=-mod=mod run "$tmp/main" list -m all >/dev/null
  cmp -s "$fx/main/go.mod" "$tmp/main/go.mod" || { echo "$name: go changed go.mod: not tidy" >&2; exit 1; }
  if [ -f "$tmp/main/go.sum" ]; then cp "$tmp/main/go.sum" "$fx/main/go.sum"; else rm -f "$fx/main/go.sum"; fi
  rm -rf "$tmp/modcache"; cp -a "$fx/main/." "$tmp/main/"
  set +e
  run "$tmp/main" list -m all > "$fx/go-list-m-all.stdout" 2>"$tmp/stderr"
  echo $? > "$fx/go-list-m-all.exit"
  run "$tmp/main" list -m -u -retracted -json all > "$fx/go-list-m-u-retracted-json.stdout" 2>>"$tmp/stderr"
  set -e
  [ -s "$tmp/stderr" ] && { echo "$name: go printed on stderr:" >&2; cat "$tmp/stderr" >&2; }
  chmod -R u+w "$tmp"; rm -rf "$tmp"
  echo "recorded $fx"
done
