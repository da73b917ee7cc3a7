#!/usr/bin/env bash
# A change to the macro, side by side with a revision: a crate holding the full layer-230 API
# (grammers-tl-types 0.11.0's api.tl) through tl!, checked with each version of tl-macros in
# turn, rounds interleaved; incremental compilation off, as the README recommends for such a
# crate. Prints the median `cargo check` time and peak memory, and the macro's own time
# (TL_MACRO_TIMINGS: its parse, check, model and generate phases, and the whole call including
# the compiler's lexing of the generated text).
#
#   scripts/ab-check.sh REV [rounds]     (default 5 rounds; REV such as HEAD~3 or a commit)
#
# AB_DEBUG=1 also times a debug `cargo build` of each crate every round (a change to the
# runtime's generic code moves what an unoptimized build compiles, not what check does).
# AB_CLEAN=1 also times clean builds, every dependency included (`cargo check`, debug and
# release from an empty target directory): a change to what the macro is built from (its
# dependencies, tl-schema) moves the chain every crate holding a schema waits for.
source "$(dirname "$0")/common.sh"
rev=${1:?usage: scripts/ab-check.sh REV [rounds]}
rounds=${2:-5}

git worktree add -q --detach "$work/before-tree" "$rev"
trap 'git worktree remove --force "$work/before-tree"; rm -rf "$work"' EXIT
for side in before after; do
  tree=$root
  [ "$side" = before ] && tree=$work/before-tree
  printf 'tl_runtime::tl! { #[tl(include = "%s")] }\n' "$grammers/tl/api.tl" |
    scratch_crate "$side" "api-$side" "$tree"
done

for ((r = 0; r < rounds; r++)); do
  for side in before after; do
    cd "$work/$side"
    touch src/lib.rs
    result[$side,check,$r]=$(measure cargo check -q)
    if [ -n "${AB_DEBUG:-}" ]; then
      touch src/lib.rs
      result[$side,debug,$r]=$(measure cargo build -q)
    fi
    if [ -n "${AB_CLEAN:-}" ]; then
      rm -rf target
      result[$side,clean-check,$r]=$(measure cargo check -q)
      rm -rf target
      result[$side,clean-debug,$r]=$(measure cargo build -q)
      rm -rf target
      result[$side,clean-release,$r]=$(measure cargo build -q --release)
    fi
    touch src/lib.rs
    # The macro's laps: "generate" (its own work) and the whole call (with the lexing).
    TL_MACRO_TIMINGS=1 cargo check -vv 2>"$work/laps" >/dev/null || true
    own=$(grep -o 'generate: done at [0-9.]*' "$work/laps" | awk '{print $NF}' | tail -1 || true)
    whole=$(grep -o 'whole expansion): done at [0-9.]*' "$work/laps" | awk '{print $NF}' | tail -1 || true)
    result[$side,macro,$r]="$own $whole"
  done
done
cd "$root"

echo "rev $rev ($(git rev-parse --short "$rev")) against the working tree, $rounds rounds, medians"
echo "| | before | after | ratio |"
echo "|---|---:|---:|---:|"
row() { # label FIELD BUILD scale format
  local b a
  b=$(med before "$2" "$3") a=$(med after "$2" "$3")
  printf "| %s | $5 | $5 | %.2f |\n" "$1" "$(echo "$b / $4" | bc -l)" "$(echo "$a / $4" | bc -l)" "$(echo "$a / $b" | bc -l)"
}
row "cargo check, full API" 1 check 1 "%.2f s"
row "cargo check peak memory" 2 check 1024 "%.0f MiB"
if [ -n "${AB_DEBUG:-}" ]; then
  row "debug build, full API" 1 debug 1 "%.2f s"
  row "debug build peak memory" 2 debug 1024 "%.0f MiB"
fi
if [ -n "${AB_CLEAN:-}" ]; then
  for b in check debug release; do
    row "clean $b, dependencies included" 1 "clean-$b" 1 "%.2f s"
    row "clean $b peak memory" 2 "clean-$b" 1024 "%.0f MiB"
  done
fi
row "macro's own work (parse to generate)" 1 macro 1 "%.0f ms"
row "whole macro call (with the compiler's lexing)" 2 macro 1 "%.0f ms"
