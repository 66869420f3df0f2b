#!/usr/bin/env bash
# Whole-process cost of `gomvs diff` (issue 8), with hyperfine, on a git
# history rebuilt from the golang-x corpus: one commit per case (oldest
# first), each commit holding the case's tree without expected/ and
# case.json (the module is in main/: its go.mod and go.sum). Timed, in
# main/ of that repository, with the same environment and a warm module
# cache (filled once by the real go from the corpus' file:// proxy),
# GOFLAGS=-mod=readonly:
#   gomvs diff            gomvs diff HEAD~1 HEAD (the release binary)
#   gomvs list all        one resolution, in the working tree (= HEAD)
#   go: checkout + list x2  what people do today: `git worktree add` of both
#                         revisions into a temporary directory outside the
#                         repository, `go list -m all` in each, `diff` of the
#                         two outputs; one bash process, timed as a whole
#                         (the worktrees are removed by hyperfine's --prepare,
#                         untimed)
#   floor: cat            the physical floor: one `cat` process reading every
#                         file a `gomvs diff HEAD~1 HEAD` run opens (git
#                         refs, objects and config, and every cached .mod),
#                         as recorded by `strace -f -e trace=openat`
#                         (successful opens of regular files, minus the
#                         dynamic loader's: /etc/ld.so.cache, /lib*, /usr/lib*,
#                         /proc, /sys, /dev); without strace, the two sides'
#                         git blobs (`git cat-file --batch`, a second process)
#                         and the cached .mod of every module in both build
#                         lists. The file list is printed.
# Before timing, `gomvs list all` must equal go's on HEAD, and `gomvs diff
# --json` must agree with the diff of the two `go list -m all` outputs: the
# same changed paths, with the same first version and replacement on each
# side (changes go list -m all cannot show, direct <-> indirect and the go
# and toolchain lines, are only required to leave go's lines equal).
#
# usage: scripts/bench-diff-vs-go.sh [--runs N] [--warmup N] [--gomvs PATH] [--export-md FILE] [--keep] [CASE...]
#   CASE...: the history, oldest first, at least two golang-x cases of one
#   module (default: gopls@v0.19.1 gopls@v0.20.0, the consecutive pair with
#   the most changed modules among the last gopls tags that resolve;
#   gopls@v0.22.0 does not, the corpus proxy lacks some of its modules).
#   The diff timed is between the last two (HEAD~1 HEAD).
#   --gomvs defaults to a release build ($CARGO_TARGET_DIR or target/)/release/gomvs,
#   built with `cargo build --release -p gomvs-cli` when missing.
#   --keep keeps the work directory (printed).
# Needs hyperfine (apt-get install -y hyperfine), git, and the real go
# (scripts/ensure-go.sh: the binary $(go env GOROOT)/bin/go, never a wrapper);
# strace is optional (BENCH_DIFF_NO_STRACE=1 takes the fallback floor). CI does not run this.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
runs=20
warmup=3
gomvs=""
export_md=""
keep=0
cases=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --gomvs) gomvs=$2; shift 2 ;;
    --export-md) export_md=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n 2,45p "$0"; exit 0 ;;
    -*) echo "bench-diff-vs-go: unknown option $1" >&2; exit 2 ;;
    *) cases+=("$1"); shift ;;
  esac
done
[ ${#cases[@]} -gt 0 ] || cases=(gopls@v0.19.1 gopls@v0.20.0)
[ ${#cases[@]} -ge 2 ] || { echo "bench-diff-vs-go: name at least two cases (oldest first)" >&2; exit 2; }

shared=${GOMVS_SHARED_DIR:-$here/../shared}
corpus=$shared/corpus/golang-x
if [ ! -d "$corpus/proxy" ]; then
  echo "bench-diff-vs-go: golang-x corpus not found at $corpus (set GOMVS_SHARED_DIR)" >&2
  exit 1
fi
proxy=$(cd "$corpus/proxy" && pwd)
command -v hyperfine >/dev/null || { echo "bench-diff-vs-go: hyperfine not found (apt-get install -y hyperfine)" >&2; exit 1; }
command -v git >/dev/null || { echo "bench-diff-vs-go: git not found" >&2; exit 1; }
command -v python3 >/dev/null || { echo "bench-diff-vs-go: python3 not found (checks and medians)" >&2; exit 1; }
go=$("$here/scripts/ensure-go.sh")
[ -x "$go" ] || { echo "bench-diff-vs-go: no go binary at $go" >&2; exit 1; }

if [ -z "$gomvs" ]; then
  target=${CARGO_TARGET_DIR:-$here/target}
  gomvs=$target/release/gomvs
  if [ ! -x "$gomvs" ]; then
    (cd "$here" && cargo build --release -p gomvs-cli)
  fi
fi
gomvs=$(cd "$(dirname "$gomvs")" && pwd)/$(basename "$gomvs")
"$gomvs" diff --help >/dev/null 2>&1 || { echo "bench-diff-vs-go: $gomvs has no diff command (rebuild: cargo build --release -p gomvs-cli)" >&2; exit 1; }

work=$(mktemp -d)
if [ "$keep" = 1 ]; then
  echo "# work directory (kept): $work"
else
  trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
fi

export PATH HOME=$work/home GOENV=off GOTOOLCHAIN=local GOSUMDB=off GOPROXY=file://$proxy \
  GOWORK=off GO111MODULE=on GONOSUMDB= GONOPROXY= GOPRIVATE= GOINSECURE= \
  GOPATH=$work/gopath GOMODCACHE=$work/modcache GOCACHE=$work/gocache GOTELEMETRY=off \
  CGO_ENABLED=0 LANG=C LC_ALL=C GOFLAGS=-mod=readonly \
  GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null \
  GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@gomvs.invalid \
  GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@gomvs.invalid
mkdir -p "$HOME"

echo "# machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $("$go" version) ($go); $("$gomvs" --version 2>/dev/null || echo gomvs); $(hyperfine --version); $(git --version)"
echo "# gomvs binary: $gomvs"

# The history: one commit per case.
repo=$work/repo
git init -q -b main "$repo"
for name in "${cases[@]}"; do
  case_dir=$corpus/cases/$name
  [ -d "$case_dir/main" ] || { echo "bench-diff-vs-go: case not found: $case_dir" >&2; exit 1; }
  git -C "$repo" rm -rq --ignore-unmatch .
  (cd "$case_dir" && tar --exclude=expected --exclude=case.json -cf - .) | (cd "$repo" && tar -xf -)
  git -C "$repo" add -A
  git -C "$repo" commit -q --allow-empty -m "$name"
done
main=$repo/main
base_name=${cases[${#cases[@]}-2]}
head_name=${cases[${#cases[@]}-1]}

# The real go on both revisions, each checked out outside the repository
# (this also fills the module cache), then removed.
check=$work/check
mkdir -p "$check"
for side in base head; do
  rev=HEAD; [ $side = base ] && rev=HEAD~1
  git -C "$repo" worktree add -q --detach "$check/$side" "$rev"
  (cd "$check/$side/main" && "$go" list -m all) >"$work/go-$side.out"
  git -C "$repo" worktree remove --force "$check/$side"
done
git -C "$repo" worktree prune

cd "$main"
"$gomvs" list all >"$work/gomvs-list.out"
cmp -s "$work/go-head.out" "$work/gomvs-list.out" || { echo "bench-diff-vs-go: gomvs list all differs from go list -m all on $head_name" >&2; diff "$work/go-head.out" "$work/gomvs-list.out" >&2 || true; exit 1; }
rc=0
"$gomvs" diff --json HEAD~1 HEAD >"$work/gomvs-diff.json" || rc=$?
[ $rc = 0 ] || { echo "bench-diff-vs-go: gomvs diff --json HEAD~1 HEAD exited $rc" >&2; exit 1; }
python3 - "$work/go-base.out" "$work/go-head.out" "$work/gomvs-diff.json" <<'EOF'
import json, sys

def entries(path):
    """path -> (first version, replacement) as go list -m all prints them."""
    out = {}
    for line in open(path):
        f = line.split()
        if not f:
            continue
        if "=>" in f:
            i = f.index("=>")
            left, right = f[:i], f[i + 1:]
        else:
            left, right = f, None
        version = left[1] if len(left) > 1 else ""
        used = " ".join(right) if right else None
        out[left[0]] = (version, used)
    return out

def used(m):
    if m is None:
        return None
    return m["path"] + (" " + m["version"] if m["version"] else "")

base, head = entries(sys.argv[1]), entries(sys.argv[2])
want = {}
for p in sorted(set(base) | set(head)):
    b, h = base.get(p), head.get(p)
    if b != h:
        want[p] = (b[0] if b else None, h[0] if h else None, b[1] if b else None, h[1] if h else None)
doc = json.load(open(sys.argv[3]))
assert doc["schema"] == "gomvs.diff", doc["schema"]
got = {}
errors = []
invisible = {"indirect-to-direct", "direct-to-indirect", "go-version", "toolchain-version"}
for c in doc["data"]["changes"]:
    p = c["path"]
    if p in ("go", "toolchain"):
        continue
    row = (c["before"], c["after"], used(c["before_used"]), used(c["after_used"]))
    if set(c["kinds"]) <= invisible:
        if p in want:
            errors.append(f"{p}: go's lines differ {want[p]} but gomvs says only {c['kinds']}")
        continue
    got[p] = row
for p in sorted(set(want) | set(got)):
    if want.get(p) != got.get(p):
        errors.append(f"{p}: go list -m all: {want.get(p)}, gomvs diff: {got.get(p)}")
if errors:
    print("bench-diff-vs-go: gomvs diff --json disagrees with the diff of the two go list -m all outputs:", file=sys.stderr)
    for e in errors:
        print("  " + e, file=sys.stderr)
    sys.exit(1)
print(f"# check: gomvs diff --json agrees with diff of go list -m all: {len(want)} changed paths "
      f"({len(doc['data']['changes'])} changes in all)")
EOF

# The floor: the files a gomvs diff run reads.
floor_files=$work/floor-files.txt
if [ -z "${BENCH_DIFF_NO_STRACE:-}" ] && command -v strace >/dev/null; then
  floor_how="strace -f -e trace=openat of one gomvs diff HEAD~1 HEAD"
  strace -f -qq -e trace=openat -o "$work/strace.txt" "$gomvs" diff HEAD~1 HEAD >/dev/null
  # Successful opens, not of directories, minus the dynamic loader's files.
  grep -v -e '= -1 ' -e 'O_DIRECTORY' "$work/strace.txt" \
    | sed -n 's/.*openat([^,]*, "\([^"]*\)".*/\1/p' \
    | grep -v -E '^(/etc/ld\.so\.cache|/lib|/usr/lib|/proc/|/sys/|/dev/)' \
    | while read -r f; do
        case "$f" in /*) ;; *) f=$main/$f ;; esac
        if [ -f "$f" ]; then echo "$f"; fi
      done | awk '!seen[$0]++' >"$floor_files"
  floor_cmd="cat $(tr '\n' ' ' <"$floor_files")"
else
  floor_how="derived: git cat-file --batch of the four blobs + cat of the cached .mod of both build lists"
  esc() { sed 's/[A-Z]/!\L&/g'; }
  cat "$work/go-base.out" "$work/go-head.out" | awk 'NF>=2 && $2 !~ /^=>/ {print $1" "$2} $3=="=>" && NF==5 {print $4" "$5}' \
    | sort -u | while read -r p v; do
        f=$GOMODCACHE/cache/download/$(printf %s "$p" | esc)/@v/$v.mod
        if [ -f "$f" ]; then echo "$f"; fi
      done >"$floor_files"
  printf '%s\n' HEAD~1:main/go.mod HEAD~1:main/go.sum HEAD:main/go.mod HEAD:main/go.sum >"$work/blobs.txt"
  printf 'git -C %q cat-file --batch <%q >/dev/null\ncat %s >/dev/null\n' "$repo" "$work/blobs.txt" \
    "$(tr '\n' ' ' <"$floor_files")" >"$work/floor.sh"
  floor_cmd="bash $work/floor.sh"
fi
echo "# floor ($floor_how): $(wc -l <"$floor_files") files, $(cat $(cat "$floor_files") | wc -c) bytes:"
sed "s|^$work/|  \$work/|" "$floor_files"

# What people do today, as one bash process; --prepare removes the previous
# run's worktrees (untimed).
cat >"$work/go-twice.sh" <<EOF
set -e
d=\$(mktemp -d -p $(printf %q "$work/co"))
git -C $(printf %q "$repo") worktree add -q --detach "\$d/base" HEAD~1
git -C $(printf %q "$repo") worktree add -q --detach "\$d/head" HEAD
(cd "\$d/base/main" && $(printf %q "$go") list -m all) >"\$d/base.out"
(cd "\$d/head/main" && $(printf %q "$go") list -m all) >"\$d/head.out"
diff "\$d/base.out" "\$d/head.out" >"\$d/diff.out" || [ \$? -eq 1 ]
EOF
cat >"$work/go-twice-prepare.sh" <<EOF
rm -rf $(printf %q "$work/co") && mkdir -p $(printf %q "$work/co") && git -C $(printf %q "$repo") worktree prune
EOF
bash "$work/go-twice-prepare.sh"
bash "$work/go-twice.sh"

echo
echo "## $base_name -> $head_name: $(wc -l <"$work/go-base.out") -> $(wc -l <"$work/go-head.out") modules, $(diff "$work/go-base.out" "$work/go-head.out" | grep -c '^[<>]') go list -m all lines differ"
md=()
[ -z "$export_md" ] || md=(--export-markdown "$work/result.md")
hyperfine -N --warmup "$warmup" --runs "$runs" "${md[@]}" --export-json "$work/result.json" \
  --prepare true --prepare true --prepare "bash $work/go-twice-prepare.sh" --prepare true \
  -n "gomvs diff HEAD~1 HEAD" "$gomvs diff HEAD~1 HEAD" \
  -n "gomvs list all" "$gomvs list all" \
  -n "go: checkout both + go list -m all x2 + diff" "bash $work/go-twice.sh" \
  -n "floor: cat of the files gomvs diff reads" "$floor_cmd"

python3 - "$work/result.json" <<'EOF' | tee "$work/medians.md"
import json, sys
res = json.load(open(sys.argv[1]))["results"]
r = {x["command"]: x["median"] for x in res}
cpu = {x["command"]: x["user"] + x["system"] for x in res}
names = list(r)
d, l, g, f = (r[n] for n in names)
dc, lc, gc, fc = (cpu[n] for n in names)
print()
print("| command | median wall [ms] | mean CPU user+sys [ms] |")
print("|---|---:|---:|")
for n in names:
    print(f"| `{n}` | {r[n] * 1000:.2f} | {cpu[n] * 1000:.2f} |")
print()
print(f"- gomvs diff / one gomvs list all: {d / l:.2f}x wall, {dc / lc:.2f}x CPU")
print(f"- go checkout both + go list -m all x2 + diff / gomvs diff: {g / d:.1f}x wall, {gc / dc:.1f}x CPU")
print(f"- gomvs diff / floor: {d / f:.1f}x wall, {dc / fc:.1f}x CPU")
EOF
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "$export_md" ]; then
  { echo "### $base_name -> $head_name"; echo; echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"; echo; cat "$work/result.md"; cat "$work/medians.md"; echo; } >>"$export_md"
fi
cd "$here"
