#!/usr/bin/env bash
# Records how the real go (1.27.x) answers version queries and the -u /
# -retracted / -versions additions of `go list -m` on the fixture in
# testdata/query (a file:// proxy; the main module `main` with an exclude,
# and `replaced`, whose replace directives add versions to query results).
#
#   usage: scripts/record-query-goldens.sh > testdata/query/goldens.jsonl
#
# One JSON object per command: {"main": DIR, "args": [...], "rows": [...]} where args are
# the `go list -m -e -json` flags and arguments, and each row keeps the fields
# the query tests compare (Path, Version, Query, Update.Version, Retracted,
# Deprecated, Versions, the same of Replace, Error.Err with the proxy directory written as $PROXY).
# Every command runs on a fresh copy of the main module and an empty cache.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
fixture="$here/testdata/query"
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
commands=()
while IFS= read -r q; do
  [ -n "$q" ] && commands+=("main $q")
done < "$fixture/queries.txt"
for c in "-u all" "-retracted all" "-versions example.com/a" "-retracted -versions example.com/a" \
  "-versions example.com/inc" "-u example.com/a example.com/inc example.com/legacy" \
  "-retracted example.com/a@v1.1.0" "-u -retracted example.com/a@v1.1.0" "-retracted example.com/a@latest"; do
  commands+=("main $c")
done
for c in "all" "-u all" "-retracted all" "-versions example.com/a" "example.com/a@latest" "example.com/a@v1.5.0" \
  "example.com/a@upgrade" "example.com/ghost@latest" "-versions example.com/ghost" "-u -retracted example.com/legacy"; do
  commands+=("replaced $c")
done
for entry in "${commands[@]}"; do
  main=${entry%% *}; cmd=${entry#* }
  rm -rf "$tmp/main" "$tmp/local" "$tmp/mc" "$tmp/gp" "$tmp/home"
  mkdir -p "$tmp/mc" "$tmp/gp" "$tmp/home"
  cp -r "$fixture/$main" "$tmp/main"
  cp -r "$fixture/local" "$tmp/local"
  # shellcheck disable=SC2086
  (cd "$tmp/main" && env -i PATH="$PATH" HOME="$tmp/home" GOTOOLCHAIN=local GOSUMDB=off GOENV=off \
     GOTELEMETRY=off GOFLAGS=-mod=mod GOPROXY="file://$fixture/proxy" GOMODCACHE="$tmp/mc" GOPATH="$tmp/gp" \
     GOCACHE="${GOCACHE_DIR:-/tmp/gocache-query}" go list -m -e -json $cmd) > "$tmp/out.json" 2> "$tmp/err.txt" || true
  chmod -R u+w "$tmp/mc"
  python3 - "$tmp/out.json" "$fixture/proxy" "$cmd" "$main" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
proxy, cmd, main = sys.argv[2], sys.argv[3], sys.argv[4]
dec = json.JSONDecoder()
i, rows = 0, []
while True:
    while i < len(text) and text[i].isspace():
        i += 1
    if i >= len(text):
        break
    obj, i = dec.raw_decode(text, i)
    def keep(o):
        r = {k: o[k] for k in ("Path", "Version", "Query", "Retracted", "Deprecated", "Versions") if k in o}
        if "Update" in o:
            r["Update"] = o["Update"]["Version"]
        if "Error" in o:
            r["Error"] = o["Error"]["Err"].replace(proxy, "$PROXY")
        return r
    row = keep(obj)
    if "Replace" in obj:
        row["Replace"] = keep(obj["Replace"])
    rows.append(row)
print(json.dumps({"main": main, "args": cmd.split(), "rows": rows}, sort_keys=True))
PY
done
