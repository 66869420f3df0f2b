#!/usr/bin/env bash
# Records how the real go command reacts to hand-made go.sum files, as goldens
# for crates/gomvs-modfile/tests/gosum_golden.rs.
#
#   usage: scripts/record-gosum-goldens.sh      (from the repository root)
#
# Each case is testdata/gosum/<case>/go.sum (written by this script). The main
# module is edge case 41's (requires example.com/a v1.0.0) with its proxy; the
# command is `go list -m all` in -mod=readonly mode, which must read go.sum and
# check the go.mod hash of example.com/a@v1.0.0. The transcript is stored as
# go.exitcode / go.stdout / go.stderr, with the work directory written $WORK.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${GOMVS_SHARED_DIR:-$root/../shared}
case41="$shared/corpus/edge-cases/41-readonly-needs-go-sum"
[ -d "$case41" ] || { echo "missing shared corpus: $case41" >&2; exit 1; }
out="$root/testdata/gosum"
good='h1:QI9QbTK4wbh/zn2ky1WhEOIGrjbru9NrqO5Ou3nlNaA='   # a@v1.0.0 .mod hash as go recorded it in E41
bad='h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='
legacy='h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY='
nbsp=$'\xc2\xa0'

write() { mkdir -p "$out/$1"; printf '%b' "$2" > "$out/$1/go.sum"; }
rm -rf "$out"
write ok-basic            "example.com/a v1.0.0/go.mod $good\n"
write ok-crlf-blank-lines "\n  \r\n\texample.com/a   v1.0.0/go.mod\t$good\r\n\n"
write ok-no-final-newline "example.com/a v1.0.0/go.mod $good"
write ok-nbsp-separator   "example.com/a${nbsp}v1.0.0/go.mod $good\n"
write ok-match-before-mismatch "example.com/a v1.0.0/go.mod $good\nexample.com/a v1.0.0/go.mod $bad\n"
write ok-unknown-algorithm-then-match "example.com/a v1.0.0/go.mod h2:xyz\nexample.com/a v1.0.0/go.mod $good\n"
write fields-1            "example.com/a\n"
write fields-2            "example.com/a v1.0.0/go.mod\n"
write fields-4-line-3     "example.com/a v1.0.0/go.mod $good\n\nx y z w\n"
write fields-2-after-cr   "example.com/a v1.0.0/go.mod $good\r\nb\rc\n"
write fields-1-last-line  "example.com/a v1.0.0/go.mod $good\nlonely"
write mismatch            "example.com/a v1.0.0/go.mod $bad\n"
write mismatch-before-match "example.com/a v1.0.0/go.mod $bad\nexample.com/a v1.0.0/go.mod $good\n"
write missing-legacy-hash-dropped "example.com/a v1.0.0/go.mod $legacy\n"
write missing-unknown-algorithm "example.com/a v1.0.0/go.mod h2:xyz\n"
write missing-zip-only    "example.com/a v1.0.0 $good\n"
write malformed-after-legacy "example.com/a v1.0.0/go.mod $legacy\nbad\n"

gobin=$(dirname "$(command -v go)")
for dir in "$out"/*/; do
  name=$(basename "$dir")
  tmp=$(mktemp -d)
  mkdir -p "$tmp/work" "$tmp/home" "$tmp/gopath" "$tmp/modcache"
  cp "$case41/main/go.mod" "$tmp/work/go.mod"
  cp "$dir/go.sum" "$tmp/work/go.sum"
  set +e
  (cd "$tmp/work" && env -i PATH="$gobin:/usr/bin:/bin" HOME="$tmp/home" GOTOOLCHAIN=local GOSUMDB=off \
     GOTELEMETRY=off GOENV=off GOFLAGS=-mod=readonly GOPROXY="file://$case41/proxy" \
     GOMODCACHE="$tmp/modcache" GOPATH="$tmp/gopath" GOCACHE=/tmp/gocache-sums \
     go list -m all >"$dir/go.stdout" 2>"$dir/go.stderr")
  echo $? > "$dir/go.exitcode"
  set -e
  sed -i "s#$tmp/work#\$WORK#g" "$dir/go.stdout" "$dir/go.stderr"
  chmod -R u+w "$tmp"; rm -rf "$tmp"
  printf '%-36s exit %s\n' "$name" "$(cat "$dir/go.exitcode")"
done
