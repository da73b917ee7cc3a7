#!/usr/bin/env bash
# A change to the codecs (tl-runtime's, or the code `tl!` generates), side by side with a
# revision: the bench binary (`peers/bench.rs`) built at REV and from the working tree, run in
# turn, `--quick` each time, PAIRS times (default 6). Prints the medians of each side's rows and
# their ratio, after / before.
#
#   scripts/ab-bench.sh REV [pairs]     (about 4 minutes to build REV's bench, 2 a pair to run)
#
# grammers' rows are the same code in both binaries. Their ratio is what a rebuild alone moves:
# code placement. On 2026-12-06 it was 0.97, with not a line of grammers' code changed. So a
# change moves our figures only where it moves our own medians by more than grammers' move. The
# bench's own ratio against grammers mixes both and is no A/B between two binaries
# (BENCHMARKS.md, thirty-third measurement).
#
# AB_INSTRUCTIONS=1 also counts each side's instructions per call (callgrind, `bench_instructions`
# in common.sh, as scripts/instructions.sh counts them): those do not depend on the machine's load
# or on placement.
source "$(dirname "$0")/common.sh"
rev=${1:?usage: scripts/ab-bench.sh REV [pairs]}
pairs=${2:-6}
sha=$(git -C "$root" rev-parse --short "$rev") # now: HEAD may move while this runs

git worktree add -q --detach "$work/before-tree" "$sha"
trap 'git worktree remove --force "$work/before-tree"; rm -rf "$work"' EXIT
# REV in a target folder of its own, so that its build leaves the working tree's alone; the
# working tree in its usual one (nothing to build if its bench is up to date).
(cd "$work/before-tree" && CARGO_TARGET_DIR="$work/target" cargo build -q --release -p tl-peers --bin bench)
cp "$work/target/release/bench" "$work/bench-before"
rm -rf "$work/target"
target=${CARGO_TARGET_DIR:-$root/target}
cargo build -q --release -p tl-peers --bin bench
cp "$target/release/bench" "$work/bench-after"

rows=("encode: tl" "encode: grammers" "decode: tl" "decode: tl borrowed" "decode: grammers")
for ((p = 0; p < pairs; p++)); do
  for side in before after; do
    "$work/bench-$side" --quick >"$work/out"
    for name in "${rows[@]}"; do
      # `| decode: tl | 24.63 µs | 40.8 |`: the median, in µs.
      value=$(awk -F' [|] ' -v n="$name" '$1 == "| " n { split($2, v, " "); print v[1] }' "$work/out")
      echo "$value" >>"$work/$side.$name"
    done
  done
done

echo "rev $rev ($sha) against the working tree: $pairs runs of \`bench --quick\` a side, in turn; medians"
echo "| row | before | after | after / before |"
echo "|---|---:|---:|---:|"
for name in "${rows[@]}"; do
  b=$(median <"$work/before.$name") a=$(median <"$work/after.$name")
  printf '| %s | %s µs | %s µs | %.3f |\n' "$name" "$b" "$a" "$(echo "$a / $b" | bc -l)"
done

if [ -n "${AB_INSTRUCTIONS:-}" ]; then
  declare -A n
  echo
  echo "| instructions per call | before | after | after / before |"
  echo "|---|---:|---:|---:|"
  for c in encode decode borrowed grammers-encode grammers-decode; do
    for side in before after; do
      n[$side]=$(bench_instructions "$work/bench-$side" "$c")
    done
    printf '| %s | %s | %s | %.3f |\n' "$c" "${n[before]}" "${n[after]}" "$(echo "${n[after]} / ${n[before]}" | bc -l)"
  done
fi
