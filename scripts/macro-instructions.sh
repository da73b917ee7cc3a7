#!/usr/bin/env bash
# The macro's own work in instructions: what one expansion of grammers' layer-230 api.tl costs
# tl-macros, built unoptimized as Cargo builds it for a user's `cargo check` (valgrind's
# callgrind; the same on every run, whatever else the machine is doing). The harness is the
# test `measure_expansion` (tl-macros/src/snapshots.rs, compiled only with `--cfg tl_measure`,
# in a target folder of its own so the usual builds are not redone); a run of one expansion is
# subtracted from a run of two, leaving one expansion without the test binary's start. The
# compiler's lexing of the output is not in it (`ab-check.sh` times the whole call).
#
#   scripts/macro-instructions.sh [REV]    (needs valgrind: apt-get install valgrind)
#
# TL_MEASURE_SCHEMA=FILE counts that schema instead, and TL_MEASURE_OPTIONS its options as
# written after the include in `#[tl(...)]`, with their comma: StatsHouse's schemas with
# TL_MEASURE_OPTIONS=', id_rule = "tdlib", allow_id_mismatch(*), any'.
#
# With REV, that revision is counted too, side by side (the harness is added to it if it is
# older than the harness).
source "$(dirname "$0")/common.sh"
schema=${TL_MEASURE_SCHEMA:-$grammers/tl/api.tl}
host=$(rustc -vV | sed -n 's/^host: //p')
runner=CARGO_TARGET_$(echo "$host" | tr 'a-z-' 'A-Z_')_RUNNER

# count TREE: the instructions of one expansion with TREE's tl-macros
count() {
  local tree=$1 r one two
  for r in 1 2; do
    (cd "$tree" && env "$runner=valgrind --tool=callgrind --callgrind-out-file=/dev/null --log-file=$work/cg-$r" \
      TL_MEASURE_SCHEMA="$schema" TL_MEASURE_ROUNDS=$r RUSTFLAGS="--cfg tl_measure" \
      CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$work/target}" \
      cargo test -q -p tl-macros --lib measure_expansion >/dev/null 2>&1)
  done
  one=$(grep -o 'Collected : [0-9]*' "$work/cg-1" | awk '{print $3}')
  two=$(grep -o 'Collected : [0-9]*' "$work/cg-2" | awk '{print $3}')
  echo $((two - one))
}

after=$(count "$root")
if [ -n "${1:-}" ]; then
  sha=$(git rev-parse --short "$1")
  git worktree add -q --detach "$work/before-tree" "$sha"
  trap 'git worktree remove --force "$work/before-tree"; rm -rf "$work"' EXIT
  harness=$work/before-tree/tl-macros/src/snapshots.rs
  if ! grep -q 'fn measure_expansion' "$harness"; then
    sed -n '/^\/\/\/ The harness of `scripts\/macro-instructions.sh`/,$p' "$root/tl-macros/src/snapshots.rs" >> "$harness"
  elif ! grep -q 'cfg(tl_measure)' "$harness"; then
    # From 7cbc6ac until the cfg came, the harness was an ignored test: the same, with the cfg.
    sed -i 's/^#\[ignore = "a measurement harness.*$/#[cfg(tl_measure)]/' "$harness"
  fi
  # Before TL_MEASURE_OPTIONS, the harness took the include alone.
  if ! grep -q 'TL_MEASURE_OPTIONS' "$harness"; then
    sed -i 's|format!("#\[tl(include = {path:?})\]")|format!("#[tl(include = {path:?}{})]", std::env::var("TL_MEASURE_OPTIONS").unwrap_or_default())|' "$harness"
  fi
  before=$(CARGO_TARGET_DIR=$work/before-target count "$work/before-tree")
  printf '%s (%s): %s instructions per expansion\n' "$1" "$sha" "$before"
  printf 'working tree: %s instructions per expansion (%.3f)\n' "$after" "$(echo "$after / $before" | bc -l)"
else
  printf 'working tree: %s instructions per expansion\n' "$after"
fi
