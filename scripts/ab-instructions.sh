#!/usr/bin/env bash
# A change to the macro, side by side with a revision, in instructions rather than seconds: the
# instructions rustc executes (valgrind's callgrind; the same on every run, whatever else the
# machine is doing) to `cargo check` a crate holding tl! of grammers' layer-230 api.tl cut to
# `only(...)` of 20 functions (about a fifth of the API; the whole would take ten minutes a
# side under valgrind), with each version of tl-macros. The wall-clock A/B (`ab-check.sh`) moves
# ±5–10 % between runs on this shared machine; this tells a change of 1 % from noise. It counts
# rustc's work with the macro's (the macro runs inside rustc).
#
#   scripts/ab-instructions.sh REV [check|build|release|chain]    (needs valgrind: apt-get install valgrind)
#
# `build` counts a debug `cargo build` instead (code generation too: what a change to the
# runtime's generic helpers moves, as each is compiled once per type that instantiates it);
# `release` a `cargo build --release` (LLVM's optimization: what `#[inline]` on generated code
# or a change to the codecs' shape moves). Callgrind runs rustc's threads one at a time, so the
# count is the work of all codegen units, not the wall clock of a parallel build. `chain` counts
# instead the builds of tl-schema and tl-macros in a clean `cargo check` (what every crate holding a
# schema waits for: unoptimized, as Cargo builds a proc macro, and not incrementally, as it builds
# a registry dependency: the scratch crate's profile has `incremental = false`).
source "$(dirname "$0")/common.sh"
rev=${1:?usage: scripts/ab-instructions.sh REV [check|build|release|chain]}
mode=${2:-check}
sha=$(git -C "$root" rev-parse --short "$rev") # now: HEAD may move while this runs
case $mode in
  check) cmd=(check) ;;
  build) cmd=(build) ;;
  release) cmd=(build --release) ;;
  chain) cmd=(check) ;;
  *) echo "usage: scripts/ab-instructions.sh REV [check|build|release|chain]" >&2; exit 2 ;;
esac
crates="tl_schema tl_macros"
only=$(grep -o "^only='.*'" "$root/scripts/edit-check.sh" | sed "s/^only='//; s/'$//")

git worktree add -q --detach "$work/before-tree" "$sha"
trap 'git worktree remove --force "$work/before-tree"; rm -rf "$work"' EXIT
# Cargo runs every rustc through the wrapper; only the measured crates' go under valgrind, each
# logging to $TL_CG_LOG.CRATE.
cat > "$work/wrap" <<'SH'
#!/usr/bin/env bash
for crate in $TL_CG_CRATES; do
  case " $* " in
    *" --crate-name $crate "*) exec valgrind --tool=callgrind --callgrind-out-file=/dev/null --log-file="$TL_CG_LOG.$crate" "$@" ;;
  esac
done
exec "$@"
SH
chmod +x "$work/wrap"
for side in before after; do
  tree=$root
  [ "$side" = before ] && tree=$work/before-tree
  printf 'tl_runtime::tl! { #[tl(include = "%s", %s)] }\n' "$grammers/tl/api.tl" "$only" |
    scratch_crate "$side" "api-$side" "$tree"
  cd "$work/$side"
  if [ "$mode" = chain ]; then
    rm -rf target
    measured=$crates
  else
    touch src/lib.rs
    [ "$mode" != check ] && cargo "${cmd[@]}" -q # the dependencies, outside valgrind
    touch src/lib.rs
    measured=api_$side
  fi
  TL_CG_CRATES=$measured TL_CG_LOG="$work/$side.log" RUSTC_WRAPPER="$work/wrap" cargo "${cmd[@]}" -q
  for crate in $measured; do
    result[$side,$crate]=$(awk '/Collected/ {n += $4} END {printf "%.0f\n", n}' "$work/$side.log.$crate")
  done
  cd "$root"
done
row() { # label before after
  printf '| %s | %s | %s | %.3f |\n' "$1" "$2" "$3" "$(echo "$3 / $2" | bc -l)"
}
if [ "$mode" = chain ]; then
  echo "rev $rev ($sha) against the working tree: instructions of rustc building the macro's crates in a clean cargo check"
  echo "| | before | after | ratio |"
  echo "|---|---:|---:|---:|"
  b=0 a=0
  for crate in $crates; do
    row "$crate" "${result[before,$crate]}" "${result[after,$crate]}"
    b=$((b + result[before,$crate])) a=$((a + result[after,$crate]))
  done
  row "both" "$b" "$a"
else
  echo "rev $rev ($sha) against the working tree: instructions of rustc (cargo ${cmd[*]}) on tl! with only(...) of 20 functions"
  echo "| | before | after | ratio |"
  echo "|---|---:|---:|---:|"
  row instructions "${result[before,api_before]}" "${result[after,api_after]}"
fi
