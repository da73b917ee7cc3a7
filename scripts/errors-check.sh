#!/usr/bin/env bash
# What error types cost: two crates holding Telegram's whole layer-228 API (../shared/schemas/
# api.tl) through tl!, one plain and one with every function's error type from Telegram's
# published list (`errors = "../shared/errors/raw-errors.json"`, feature `errors-json`), checked
# in turn, rounds interleaved, incremental compilation off. Prints the median `cargo check` time
# and peak memory of each, and the macro's whole call (TL_MACRO_TIMINGS).
#
#   scripts/errors-check.sh [rounds]     (default 5 rounds)
source "$(dirname "$0")/common.sh"
rounds=${1:-5}
shared=$(cd "$root/../shared" && pwd)
allow='allow_id_mismatch(ipPortSecret, accessPointRule, "help.configSimple", inputPeerPhotoFileLocationLegacy, inputStickerSetThumbLegacy, invokeWithBusinessConnectionPrefix, invokeWithGooglePlayIntegrityPrefix, invokeWithApnsSecretPrefix, invokeWithReCaptchaPrefix)'

for side in without with; do
  options="include = \"$shared/schemas/api.tl\", $allow"
  features=''
  if [ "$side" = with ]; then
    options="$options, errors = \"$shared/errors/raw-errors.json\""
    features='"errors-json"'
  fi
  printf 'tl_runtime::tl! { #[tl(%s)] }\n' "$options" | scratch_crate "$side" "api-$side" "$root" "$features"
done

for ((r = 0; r < rounds; r++)); do
  for side in without with; do
    cd "$work/$side"
    touch src/lib.rs
    result[$side,check,$r]=$(measure cargo check -q)
    touch src/lib.rs
    TL_MACRO_TIMINGS=1 cargo check -vv 2>"$work/laps" >/dev/null || true
    whole=$(grep -o 'whole expansion): done at [0-9.]*' "$work/laps" | awk '{print $NF}' | tail -1 || true)
    result[$side,macro,$r]="$whole 0"
  done
done
cd "$root"

echo "layer-228 api.tl without and with raw-errors.json, $rounds rounds, medians"
echo "| | without error types | with | ratio |"
echo "|---|---:|---:|---:|"
row() { # label FIELD BUILD scale format
  local b a
  b=$(med without "$2" "$3") a=$(med with "$2" "$3")
  printf "| %s | $5 | $5 | %.2f |\n" "$1" "$(echo "$b / $4" | bc -l)" "$(echo "$a / $4" | bc -l)" "$(echo "$a / $b" | bc -l)"
}
row "cargo check, full API" 1 check 1 "%.2f s"
row "cargo check peak memory" 2 check 1024 "%.0f MiB"
row "whole macro call (with the compiler's lexing)" 1 macro 1 "%.0f ms"
