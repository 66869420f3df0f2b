#!/usr/bin/env bash
# Page load and click times of `gomvs explore` in headless Chromium
# (docs/explore.md): the largest golang-x cases of the shared corpus and a
# synthetic universe of N modules (benches/universe.rs, pruned shape: the
# main module requires every module, 10 requirements per go.mod).
# Medians of RUNS runs (default 7), printed by the ignored test
# `measure_load_and_click` of crates/gomvs-cli/tests/explore_browser.rs.
#
# usage: scripts/explore-measure.sh [N=2000]   (RUNS=7, GOMVS_SHARED_DIR)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2000}
shared="${GOMVS_SHARED_DIR:-$PWD/../shared}"
gx="$shared/corpus/golang-x"
[ -d "$gx/cases" ] || { echo "error: golang-x corpus missing at $gx (set GOMVS_SHARED_DIR)" >&2; exit 1; }
cargo build --quiet --release -p gomvs-benches --example universe_dump
out=$(target/release/examples/universe_dump "$n" pruned)
main=$(sed -n 's/^main=//p' <<<"$out")
proxy=$(sed -n 's/^proxy=//p' <<<"$out")
trap 'rm -rf "$main" "$proxy"' EXIT
cases="golang-x/synthetic-union-pruned|$gx/cases/synthetic-union-pruned@v0.0.0/main|$gx/proxy|-mod=mod"
cases+=";golang-x/gopls@v0.21.1|$gx/cases/gopls@v0.21.1/main|$gx/proxy|-mod=mod"
cases+=";universe-$n-pruned|$main|$proxy|-mod=readonly"
cases+=";universe-$n-pruned.no-pruned-flag|$main|$proxy|-mod=readonly|--no-pruned"
GOMVS_EXPLORE_MEASURE="$cases" GOMVS_EXPLORE_RUNS="${RUNS:-7}" \
  cargo test --quiet --release -p gomvs-cli --test explore_browser -- --ignored --nocapture measure_load_and_click 2>&1 |
  grep -E '^(golang-x|universe)|screenshot|panicked|error'
