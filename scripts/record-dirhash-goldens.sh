#!/usr/bin/env bash
# Writes small hand-made zip files to testdata/dirhash/ (with python3's zipfile:
# stored and deflated entries, directory entries, duplicate names, unsorted and
# non-ASCII names, a newline in a name, an empty archive) and records the real
# dirhash.HashZip of each in testdata/dirhash/expected.txt, via
# scripts/oracle/hashzip run inside $GOROOT/src/cmd/go (vendored x/mod).
#
#   usage: scripts/record-dirhash-goldens.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/testdata/dirhash"
rm -rf "$out"; mkdir -p "$out"
python3 - "$out" <<'PY'
import sys, zipfile, warnings
warnings.simplefilter("ignore")
out = sys.argv[1]
def mk(name, entries, method=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(f"{out}/{name}.zip", "w", method) as z:
        for n, data in entries:
            info = zipfile.ZipInfo(n, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = method
            z.writestr(info, data)
mk("basic", [("example.com/a@v1.0.0/go.mod", b"module example.com/a\n"),
             ("example.com/a@v1.0.0/a.go", b"package a\n")])
mk("stored-unsorted", [("m@v1/z", b"z"), ("m@v1/B", b"B"), ("m@v1/a", b""), ("m@v1/_", b"x" * 100000)],
   zipfile.ZIP_STORED)
mk("directory-entries", [("m@v1/", b""), ("m@v1/sub/", b""), ("m@v1/sub/f", b"f\n")])
mk("duplicate-names", [("m@v1/f", b"first"), ("m@v1/g", b"g"), ("m@v1/f", b"second")])
mk("non-ascii-names", [("m@v1/\u00e9t\u00e9", b"summer"), ("m@v1/\u65e5\u672c", b"japan"), ("m@v1/e", b"e")])
mk("newline-in-name", [("m@v1/a\nb", b"x")])
mk("empty", [])
PY
goroot=$(go env GOROOT)
dest="$goroot/src/cmd/go/internal/gomvsoracle_hashzip"
trap 'rm -rf "$dest"' EXIT
rm -rf "$dest"; mkdir -p "$dest"
cp "$root/scripts/oracle/hashzip/main.go" "$dest/"
(cd "$goroot/src/cmd/go" && GOTOOLCHAIN=local GOFLAGS=-mod=vendor GOENV=off GOTELEMETRY=off \
  GOCACHE=${GOCACHE:-/tmp/gocache-hashzip} go run ./internal/gomvsoracle_hashzip "$out"/*.zip) > "$out/expected.txt"
cat "$out/expected.txt"
