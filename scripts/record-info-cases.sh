#!/usr/bin/env bash
# Records how the real go (1.27.x) reads the .info files listed in
# testdata/sources/info-cases.txt (one JSON-string-encoded file per line):
# case N is served as example.com/cNN v1.0.0 by a file:// proxy, and
# `go list -m -e -json all` reports its Time or its error.
#
#   usage: scripts/record-info-cases.sh > testdata/sources/info-cases.golden
#
# Output, one line per case: `cNN<TAB>time<TAB>T`, `cNN<TAB>error<TAB>E` or
# `cNN<TAB>none`; the proxy directory is written as $PROXY. The run is done
# twice (TZ=UTC and TZ=America/New_York) and must agree (Go parses offsets
# into the local zone when they match it; the printed form must not change).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cases="$here/testdata/sources/info-cases.txt"
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
python3 - "$cases" "$tmp" <<'PY'
import json, os, sys
cases, tmp = sys.argv[1], sys.argv[2]
lines = [l for l in open(cases, encoding="utf-8").read().split("\n") if l and not l.startswith("#")]
os.makedirs(f"{tmp}/main")
req = []
for i, l in enumerate(lines, 1):
    name = f"c{i:02d}"
    d = f"{tmp}/proxy/example.com/{name}/@v"
    os.makedirs(d)
    open(f"{d}/list", "w").write("v1.0.0\n")
    open(f"{d}/v1.0.0.mod", "w").write(f"module example.com/{name}\n\ngo 1.21\n")
    open(f"{d}/v1.0.0.info", "wb").write(json.loads(l).encode("utf-8"))
    req.append(f"\texample.com/{name} v1.0.0\n")
open(f"{tmp}/main/go.mod", "w").write("module example.com/main\n\ngo 1.21\n\nrequire (\n" + "".join(req) + ")\n")
PY
run() {
  rm -rf "$tmp/mc" "$tmp/gp" "$tmp/home"; mkdir -p "$tmp/mc" "$tmp/gp" "$tmp/home"
  cp "$tmp/main/go.mod" "$tmp/main/go.mod.orig"
  (cd "$tmp/main" && env -i PATH="$PATH" HOME="$tmp/home" TZ="$1" GOTOOLCHAIN=local GOSUMDB=off GOENV=off \
     GOTELEMETRY=off GOFLAGS=-mod=mod GOPROXY="file://$tmp/proxy" GOMODCACHE="$tmp/mc" GOPATH="$tmp/gp" \
     GOCACHE="${GOCACHE_DIR:-/tmp/gocache-sources}" go list -m -e -json all) > "$tmp/out.json" 2> "$tmp/err.txt" || true
  cp "$tmp/main/go.mod.orig" "$tmp/main/go.mod"; rm -f "$tmp/main/go.sum"
  python3 - "$tmp" <<'PY'
import json, sys
tmp = sys.argv[1]
text = open(f"{tmp}/out.json", encoding="utf-8").read()
dec = json.JSONDecoder()
i = 0
rows = {}
while True:
    while i < len(text) and text[i].isspace():
        i += 1
    if i >= len(text):
        break
    obj, i = dec.raw_decode(text, i)
    p = obj["Path"]
    if not p.startswith("example.com/c"):
        continue
    name = p[len("example.com/"):]
    if "Error" in obj:
        rows[name] = "error\t" + obj["Error"]["Err"].replace(f"{tmp}/proxy", "$PROXY")
    elif "Time" in obj:
        rows[name] = "time\t" + obj["Time"]
    else:
        rows[name] = "none"
for name in sorted(rows):
    print(f"{name}\t{rows[name]}")
err = open(f"{tmp}/err.txt", encoding="utf-8").read()
if err:
    for line in err.replace(f"{tmp}/proxy", "$PROXY").splitlines():
        print(f"stderr\t{line}")
PY
}
run UTC > "$tmp/utc.txt"
run America/New_York > "$tmp/ny.txt"
if ! cmp -s "$tmp/utc.txt" "$tmp/ny.txt"; then
  echo "record-info-cases: output depends on TZ:" >&2
  diff "$tmp/utc.txt" "$tmp/ny.txt" >&2 || true
  exit 1
fi
cat "$tmp/utc.txt"
