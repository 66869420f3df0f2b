#!/usr/bin/env bash
# Whole-process run time of `gomvs check` beside `gomvs list all` (the graph
# load it shares) and the go binary's nearest commands (`go list -m all`;
# `go list -m -u -retracted all`, which reads what the retracted/deprecated
# rules read), on golang-x cases with a warm module cache filled once by the
# real go from the corpus' file:// proxy. Prints hyperfine's table per case.
#
# usage: scripts/bench-check-vs-go.sh [--runs N] [--warmup N] [--export-md FILE] [CASE...]
#   CASE defaults to synthetic-union-pruned@v0.0.0 and gopls@v0.21.0.
# Needs hyperfine; CI does not run this.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
runs=20 warmup=3 export_md="" cases=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --export-md) export_md=$2; shift 2 ;;
    -h|--help) sed -n 2,10p "$0"; exit 0 ;;
    *) cases+=("$1"); shift ;;
  esac
done
[ ${#cases[@]} -gt 0 ] || cases=(synthetic-union-pruned@v0.0.0 gopls@v0.21.0)
shared=${GOMVS_SHARED_DIR:-$here/../shared}
corpus=$shared/corpus/golang-x
[ -d "$corpus/proxy" ] || { echo "bench-check-vs-go: golang-x corpus not found at $corpus (set GOMVS_SHARED_DIR)" >&2; exit 1; }
proxy=$(cd "$corpus/proxy" && pwd -P)
go=$("$here/scripts/ensure-go.sh")
(cd "$here" && cargo build --quiet --release -p gomvs-cli)
gomvs=${CARGO_TARGET_DIR:-$here/target}/release/gomvs
work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
echo "# $(date -u '+%F %H:%M UTC'), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); $("$go" version)"
for name in "${cases[@]}"; do
  w=$work/$name
  mkdir -p "$w/case"
  (cd "$corpus/cases/$name" && tar --exclude=expected --exclude=case.json -cf - .) | (cd "$w/case" && tar -xf -)
  export HOME=$w/home GOENV=off GOTOOLCHAIN=local GOSUMDB=off GOPROXY=file://$proxy GOWORK=off \
    GOPATH=$w/gopath GOMODCACHE=$w/modcache GOCACHE=$w/gocache GOTELEMETRY=off GOFLAGS=-mod=readonly \
    LANG=C LC_ALL=C
  cd "$w/case/main"
  printf '[replace]\nforbid = true\n' >"$w/gomvs.toml"
  printf '[replace]\nforbid = true\n[retracted]\nlevel = "off"\n[deprecated]\nlevel = "off"\n' >"$w/gomvs-noretract.toml"
  "$go" list -m -u -retracted all >/dev/null
  "$go" list -m all >"$w/go.out"
  "$gomvs" list all >"$w/gomvs.out"
  cmp -s "$w/go.out" "$w/gomvs.out" || { echo "bench-check-vs-go: $name: gomvs list all differs from go" >&2; exit 1; }
  "$gomvs" check --config "$w/gomvs.toml" >/dev/null || true
  "$gomvs" check --config "$w/gomvs-noretract.toml" >/dev/null || true
  echo; echo "## $name: $(wc -l <"$w/go.out") modules"
  md=(); [ -z "$export_md" ] || md=(--export-markdown "$w/out.md")
  hyperfine -N -i --style basic --warmup "$warmup" --runs "$runs" "${md[@]}" \
    -n "gomvs list all" "$gomvs list all" \
    -n "gomvs check (defaults + replace.forbid)" "$gomvs check --config $w/gomvs.toml" \
    -n "gomvs check (retracted/deprecated off)" "$gomvs check --config $w/gomvs-noretract.toml" \
    -n "go list -m all" "$go list -m all" \
    -n "go list -m -u -retracted all" "$go list -m -u -retracted all"
  [ -z "$export_md" ] || { echo "### $name"; echo; cat "$w/out.md"; echo; } >>"$export_md"
  cd "$here"
done
