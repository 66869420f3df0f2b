#!/usr/bin/env bash
# Time, CPU and peak memory of `gomvs list all` / `gomvs graph` in-process on
# synthetic universes (benches/universe.rs) of each size, as a markdown
# table (benches/examples/resolve_scale.rs does the measuring).
#
# usage: scripts/bench-scale.sh [sizes (default "1000 10000 100000")] [runs (default 1)]
# The first run of a process is what a `gomvs` invocation pays (fresh
# memory); with runs > 1 the table shows the minimum.
set -euo pipefail
sizes=${1:-"1000 10000 100000"}
runs=${2:-1}
root=$(cd "$(dirname "$0")/.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
cargo build --quiet --release -p gomvs-benches --example resolve_scale
echo "| universe | command | run time (min) | CPU time | load peak | output lines |"
echo "|---|---|---:|---:|---:|---:|"
for n in $sizes; do
  for mode in pruned unpruned; do
    for cmd in list graph; do
      line=$("$target/release/examples/resolve_scale" "$n" "$mode" "$cmd" "runs=$runs")
      t=$(sed -E 's/.* min ([0-9.]+) ms, min CPU.*/\1/' <<<"$line")
      cpu=$(sed -E 's/.*min CPU ([0-9.]+) s.*/\1/' <<<"$line")
      peak=$(sed -E 's/.*load peak ([0-9]+) MiB.*/\1/' <<<"$line")
      lines=$(sed -E 's/.*output ([0-9]+) lines.*/\1/' <<<"$line")
      printf '| %s %s | %s | %.2f s | %s s | %s MiB | %s |\n' "$n" "$mode" "$cmd" "$(echo "$t / 1000" | bc -l)" "$cpu" "$peak" "$lines"
    done
  done
done
