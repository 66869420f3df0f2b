#!/usr/bin/env bash
# Records the real go's (1.27.x) stderr for module-source and environment
# situations that gomvs reproduces (GOPROXY parsing, fallback between
# proxies, unreadable proxy files, GOFLAGS/GOPATH/GOWORK errors).
#
#   usage: scripts/record-source-behaviour.sh > testdata/sources/behaviour.golden
#
# Each scenario runs `go list -m all` (or the command shown) in a module that
# requires example.com/a v1.0.0, with a fresh module cache and
# GOFLAGS=-mod=mod unless the scenario sets GOFLAGS. Output: `## name`, then
# `exit N`, then the stderr lines; the scratch directory is written as $TMP.
# Resolver-specific network error tails are cut after the URL (`…`).
set -uo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/proxy/example.com/a/@v" "$tmp/bad/example.com/a/@v" "$tmp/main" "$tmp/p q"
printf 'module example.com/a\n\ngo 1.21\n' > "$tmp/proxy/example.com/a/@v/v1.0.0.mod"
printf '{"Version":"v1.0.0","Time":"2020-01-01T00:00:00Z"}\n' > "$tmp/proxy/example.com/a/@v/v1.0.0.info"
printf 'v1.0.0\n' > "$tmp/proxy/example.com/a/@v/list"
printf 'bad\n' > "$tmp/bad/example.com/a/@v/v1.0.0.info"
mkdir "$tmp/bad/example.com/a/@v/v1.0.0.mod"
printf 'module example.com/main\n\ngo 1.21\n\nrequire example.com/a v1.0.0\n' > "$tmp/main/go.mod"
cp "$tmp/main/go.mod" "$tmp/go.mod.orig"
n=0
scenario() {
  local name=$1; shift
  n=$((n+1))
  cp "$tmp/go.mod.orig" "$tmp/main/go.mod"; rm -f "$tmp/main/go.sum"
  local out rc
  out=$(cd "$tmp/main" && env -i PATH="$PATH" HOME="$tmp/home" GOTOOLCHAIN=local GOSUMDB=off GOENV=off \
      GOTELEMETRY=off GOFLAGS=-mod=mod GOPROXY="file://$tmp/proxy" GOMODCACHE="$tmp/mc$n" GOPATH="$tmp/gopath" \
      GOCACHE="${GOCACHE_DIR:-/tmp/gocache-sources}" "$@" 2>&1 >/dev/null)
  rc=$?
  printf '## %s\nexit %d\n' "$name" "$rc"
  [ -n "$out" ] && printf '%s\n' "$out" | sed -e "s#$tmp#\$TMP#g" -e 's#\(Get "[^"]*"\): .*#\1: …#'
}
scenario goproxy-file-colon GOPROXY=file:proxy go list -m all
scenario goproxy-ipv6-unclosed 'GOPROXY=https://[::1' go list -m all
scenario goproxy-space-in-host 'GOPROXY=https://a b/x' go list -m all
scenario goproxy-bad-escape 'GOPROXY=file:///a%zz' go list -m all
scenario goproxy-localhost "GOPROXY=file://localhost$tmp/proxy" go list -m all
scenario goproxy-missing-scheme GOPROXY=foo go list -m all
scenario goproxy-space-in-dir "GOPROXY=file://$tmp/p q/nonexist" go list -m all
scenario bad-info-then-comma "GOPROXY=file://$tmp/bad,file://$tmp/proxy" go list -m all
scenario bad-info-then-pipe "GOPROXY=file://$tmp/bad|file://$tmp/proxy" go list -m all
scenario goprivate-direct "GOPRIVATE=example.com" go list -m all
scenario gonoproxy-other "GONOPROXY=other.example" go list -m all
scenario http-proxy-offline "GOPROXY=http://127.0.0.1:1" go list -m all
scenario goflags-mod-no-value GOFLAGS=-mod go list -m all
scenario goflags-mod-bogus GOFLAGS=-mod=bogus go list -m all
scenario goflags-non-flag GOFLAGS=x go list -m all
scenario goflags-unterminated "GOFLAGS='-mod=mod" go list -m all
scenario goflags-double-dash "GOFLAGS=--mod=mod" go list -m all
scenario goflags-ignored-by-mod-graph GOFLAGS=-mod=bogus go mod graph
scenario gopath-relative GOPATH=rel go list -m all
scenario gopath-tilde 'GOPATH=~/x' go list -m all
scenario gowork-relative GOWORK=ws/go.work go list -m all
scenario gomodcache-relative GOMODCACHE=rel/mc go list -m all
scenario goflags-unknown GOFLAGS=-nosuchflag go list -m all
scenario gomod-in-tempdir "TMPDIR=$tmp/main" go list -m all
scenario gomod-in-gopath "GOPATH=$tmp/main" go list -m all
