#!/usr/bin/env bash
# Time, CPU and peak memory of `gomvs list all` / `gomvs graph` in-process on
# synthetic universes (benches/universe.rs) of each size, as a markdown
# table (benches/examples/resolve_scale.rs does the measuring).
#
# usage: scripts/bench-scale.sh [sizes (default "1000 10000 100000")] [runs (default 1)]
# The first run of a process is what a `gomvs` invocation pays (fresh
# memory); with runs > 1 the table shows the minimum.
#
# BENCH_SCALE_INSTR_MAX=N (default 0: none) adds the instruction count of
# the run (callgrind, one thread: `serial`, so the count is deterministic)
# for universes of at most N modules; a 10k run takes minutes under valgrind.
set -euo pipefail
instr_max=${BENCH_SCALE_INSTR_MAX:-0}
sizes=${1:-"1000 10000 100000"}
runs=${2:-1}
root=$(cd "$(dirname "$0")/.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
cargo build --quiet --release -p gomvs-benches --example resolve_scale
echo "| universe | command | run time (min) | CPU time | load peak | output lines | instructions |"
echo "|---|---|---:|---:|---:|---:|---:|"
for n in $sizes; do
  for mode in pruned unpruned; do
    for cmd in list graph; do
      line=$("$target/release/examples/resolve_scale" "$n" "$mode" "$cmd" "runs=$runs")
      t=$(sed -E 's/.* min ([0-9.]+) ms, min CPU.*/\1/' <<<"$line")
      cpu=$(sed -E 's/.*min CPU ([0-9.]+) s.*/\1/' <<<"$line")
      peak=$(sed -E 's/.*load peak ([0-9]+) MiB.*/\1/' <<<"$line")
      lines=$(sed -E 's/.*output ([0-9]+) lines.*/\1/' <<<"$line")
      instr=""
      if [ "$n" -le "$instr_max" ]; then
        out=$(mktemp)
        valgrind --tool=callgrind --callgrind-out-file="$out" \
          --toggle-collect='resolve_scale::main::{{closure}}' \
          "$target/release/examples/resolve_scale" "$n" "$mode" "$cmd" serial >/dev/null 2>&1
        instr=$(callgrind_annotate "$out" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); printf "%.1fM", $1 / 1e6}')
        rm -f "$out"
      fi
      printf '| %s %s | %s | %.2f s | %s s | %s MiB | %s | %s |\n' "$n" "$mode" "$cmd" "$(echo "$t / 1000" | bc -l)" "$cpu" "$peak" "$lines" "$instr"
    done
  done
done
