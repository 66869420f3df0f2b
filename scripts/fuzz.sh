#!/usr/bin/env bash
# Runs one cargo-fuzz target for a while, seeded from the shared corpus.
#
#   usage: scripts/fuzz.sh TARGET SECONDS
#   targets: parse_gomod parse_gomod_lax lax_summary_equiv parse_gowork parse_gosum versions load_universe doctor_env
#   env:   GOMVS_SHARED_DIR (default <repo>/../shared)
#          FUZZ_WORK (default /tmp/gomvs-fuzz): seeds, the growing corpus, artifacts
#          CARGO_TARGET_DIR (default /tmp/gomvs-fuzz/target)
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`); on a stable toolchain
# RUSTC_BOOTSTRAP=1 lets it use its nightly flags. Nothing is written into the
# repository: seeds are rebuilt under $FUZZ_WORK/seeds/TARGET on every run
# (never commit corpus data); crashes land in $FUZZ_WORK/artifacts/TARGET.
# Builds with debug assertions (overflow checks) and without a sanitizer (the
# code is safe Rust).
set -euo pipefail
target=${1:?usage: fuzz.sh TARGET SECONDS}
secs=${2:?usage: fuzz.sh TARGET SECONDS}
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${GOMVS_SHARED_DIR:-$root/../shared}
corpus="$shared/corpus"
[ -d "$corpus" ] || { echo "missing shared corpus: $corpus" >&2; exit 1; }
work=${FUZZ_WORK:-/tmp/gomvs-fuzz}
seeds="$work/seeds/$target"; live="$work/corpus/$target"; artifacts="$work/artifacts/$target"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$work/target}
rm -rf "$seeds"; mkdir -p "$seeds" "$live" "$artifacts"

copy_named() { # copy files matching find predicate into seeds, named by a counter
  local i=0
  while IFS= read -r -d '' f; do
    i=$((i + 1)); cp "$f" "$seeds/$1-$i"
  done < <(find "$corpus" -type f "${@:2}" -print0 | sort -z)
}
case "$target" in
  parse_gomod|parse_gomod_lax|lax_summary_equiv)
    copy_named mod \( -name go.mod -o -name '*.mod' \) ;;
  parse_gowork)
    copy_named work -name go.work
    copy_named mod -name go.mod -path '*edge-cases*' ;;
  parse_gosum)
    copy_named sum \( -name go.sum -o -name go.work.sum \) ;;
  versions)
    # Version lists of the proxies, three consecutive versions per seed,
    # separated by NUL (the target's input format); plus go lines.
    i=0
    while IFS= read -r -d '' f; do
      mapfile -t vs < "$f"
      for ((k = 0; k + 2 < ${#vs[@]}; k += 3)); do
        i=$((i + 1)); printf '%s\0%s\0%s' "${vs[k]}" "${vs[k+1]}" "${vs[k+2]}" > "$seeds/list-$i"
      done
    done < <(find "$corpus" -type f -path '*/@v/list' -print0 | sort -z)
    for v in 1.21 1.21rc1 1.21.0 1.22.0 go1.21.3 1.9 1.10beta1 v1.0.0+incompatible \
             v0.0.0-20191109021931-daa7c04131f5 v1.2.4-0.20191109021931-daa7c04131f5 \
             gopkg.in/yaml.v2 example.com/m/v2 v2.0.0-pre.1+build; do
      i=$((i + 1)); printf '%s\0%s' "$v" "$v" > "$seeds/v-$i"
    done ;;
  load_universe)
    # Each case of the edge-cases and cmd-go corpora with a main go.mod and a
    # proxy, in the target's input format (fuzz/fuzz_targets/load_universe.rs).
    python3 - "$corpus" "$seeds" <<'PY'
import os, re, sys
corpus, seeds = sys.argv[1], sys.argv[2]
unescape = lambda p: re.sub(r"!([a-z])", lambda m: m.group(1).upper(), p)
n = 0
for kind in ("edge-cases", "cmd-go"):
    root = os.path.join(corpus, kind)
    for dirpath, dirs, files in sorted(os.walk(root)):
        dirs.sort()
        if os.path.basename(dirpath) != "main" or "go.mod" not in files:
            continue
        case = os.path.dirname(dirpath)
        proxy = os.path.join(case, "proxy")
        text = open(os.path.join(dirpath, "go.mod"), errors="replace").read()
        if "go.sum" in files:
            text += "\n=== go.sum\n" + open(os.path.join(dirpath, "go.sum"), errors="replace").read()
        size = 0
        for pd, _, pf in sorted(os.walk(proxy)):
            for f in sorted(pf):
                if f.endswith(".mod") and pd.endswith("/@v"):
                    mod = unescape(os.path.relpath(os.path.dirname(pd), proxy))
                    body = open(os.path.join(pd, f), errors="replace").read()
                    size += len(body)
                    if size > 12000:
                        break
                    text += f"\n=== {mod} {unescape(f[:-4])}\n" + body
        n += 1
        open(os.path.join(seeds, f"case-{n}"), "w").write(text[:16384])
PY
    ;;
  doctor_env)
    # GOPROXY / GONOPROXY / GOSUMDB / GOINSECURE / GOVCS / module path,
    # NUL-separated: settings from go's documentation and module paths of
    # the corpus' go.mod files.
    i=0
    while IFS= read -r p; do
      i=$((i + 1))
      printf '%s\0%s\0%s\0%s\0%s\0%s' "https://proxy.golang.org,direct" "*.corp.example,$p" \
        "sum.golang.org" "" "public:git|hg,private:all" "$p" > "$seeds/env-$i"
      i=$((i + 1))
      printf '%s\0%s\0%s\0%s\0%s\0%s' "file:///p|https://x.example,off" "" \
        "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ay0YjIFlYB5dJtu0 https://s.example" \
        "$p" "github.com:off" "$p.git/sub" > "$seeds/env-$i"
    done < <(find "$corpus" -name go.mod -path '*edge-cases*' -exec sed -n 's/^module //p' {} + | sort -u | head -200)
    ;;
  *) echo "unknown target $target" >&2; exit 2 ;;
esac
echo "seeds: $(ls "$seeds" | wc -l) files in $seeds"

cd "$root/fuzz"
RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none --debug-assertions "$target" "$live" "$seeds" -- \
  -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$artifacts/" -print_final_stats=1
