#!/usr/bin/env bash
# Records the goldens of testdata/parse/<name>/ from the real go:
# expected.stdout, expected.stderr and expected.exit of
# `go mod edit -json go.mod` (or `go work edit -json go.work`), run offline on
# a copy of the fixture in a temporary directory.
#
# Usage: scripts/record-parse-goldens.sh [NAME...]   (default: every fixture)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
fixtures="$repo/testdata/parse"
envdir=$(mktemp -d)
trap 'chmod -R u+w "$envdir" 2>/dev/null; rm -rf "$envdir"' EXIT

export GOTOOLCHAIN=local GOSUMDB=off GOENV=off GOTELEMETRY=off GOPROXY=off GOFLAGS= GOWORK=
export GOMODCACHE="$envdir/modcache" GOPATH="$envdir/gopath" HOME="$envdir/home"
export GOCACHE="${GOCACHE:-/tmp/gocache-parser}"

if [ $# -eq 0 ]; then
	set -- $(cd "$fixtures" && ls)
fi
go version
for name in "$@"; do
	dir="$fixtures/$name"
	work="$envdir/work-$name"
	mkdir -p "$work"
	if [ -f "$dir/go.work" ]; then
		file=go.work kind=work
	elif [ -f "$dir/go.mod" ]; then
		file=go.mod kind=mod
	else
		echo "record-parse-goldens: $dir has no go.mod or go.work" >&2
		exit 1
	fi
	cp "$dir/$file" "$work/$file"
	status=0
	(cd "$work" && go "$kind" edit -json "$file") >"$dir/expected.stdout" 2>"$dir/expected.stderr" || status=$?
	echo "$status" >"$dir/expected.exit"
	echo "$name: exit $status"
done
