#!/usr/bin/env bash
# What the `derive` feature costs a user's build: two crates depending on tl-runtime, one with
# default features and one with `features = ["derive"]`, each holding the same small `tl!`
# schema (mtproto.tl from ../shared), the second also one derived type. Each round builds both
# from nothing (`cargo clean`, then `cargo check`: every dependency and the crate), rounds
# interleaved, incremental compilation off. Prints the median time and peak memory of each and
# how many crates each compiles.
#
#   scripts/derive-check.sh [rounds]     (default 3 rounds)
source "$(dirname "$0")/common.sh"
rounds=${1:-3}
shared=$(cd "$root/../shared" && pwd)

for side in without with; do
  features=''
  [ "$side" = with ] && features='"derive"'
  {
    printf 'tl_runtime::tl! { #[tl(include = "%s/schemas/mtproto.tl", allow_id_mismatch(ipPortSecret, accessPointRule, "help.configSimple"))] }\n' "$shared"
    if [ "$side" = with ]; then
      printf '#[derive(tl_runtime::Serialize, tl_runtime::Deserialize)]\n#[tl(line = "pong#347773c5 msg_id:long ping_id:long = Pong;")]\npub struct HandPong { pub msg_id: i64, pub ping_id: i64 }\n'
    fi
  } | scratch_crate "$side" "deps-$side" "$root" "$features"
  (cd "$work/$side" && cargo tree -e normal,build --prefix none | sed "s/ (\*)//" | grep -v "^deps-" | sort -u > "$work/$side.tree")
done

for ((r = 0; r < rounds; r++)); do
  for side in without with; do
    cd "$work/$side"
    cargo clean -q
    result[$side,clean,$r]=$(measure cargo check -q)
  done
done
cd "$root"

echo "a crate holding mtproto.tl through tl!, built from nothing (cargo clean; cargo check), $rounds rounds, medians"
echo "| | default features | with \`derive\` | ratio |"
echo "|---|---:|---:|---:|"
b=$(med without 1 clean) a=$(med with 1 clean)
printf "| cargo check from nothing | %.2f s | %.2f s | %.2f |\n" "$b" "$a" "$(echo "$a / $b" | bc -l)"
b=$(med without 2 clean) a=$(med with 2 clean)
printf "| peak memory | %.0f MiB | %.0f MiB | %.2f |\n" "$(echo "$b / 1024" | bc -l)" "$(echo "$a / 1024" | bc -l)" "$(echo "$a / $b" | bc -l)"
printf "| crates compiled | %d | %d | |\n" "$(wc -l < "$work/without.tree")" "$(wc -l < "$work/with.tree")"
echo
echo "crates only the derive build compiles:"
comm -13 "$work/without.tree" "$work/with.tree" | sed 's/^/  /'
echo "syn's features: without: $(cd "$work/without" && cargo tree -e features -i syn 2>/dev/null | grep -o 'syn feature "[a-z-]*"' | sort -u | tr '\n' ' ')"
echo "syn's features: with:    $(cd "$work/with" && cargo tree -e features -i syn 2>/dev/null | grep -o 'syn feature "[a-z-]*"' | sort -u | tr '\n' ' ')"
