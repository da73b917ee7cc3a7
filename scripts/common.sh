# What the build-timing scripts share. Source it first thing: it enters the repository's root
# (`root`), makes a scratch folder (`work`, removed on exit), finds the source of
# grammers-tl-types 0.11.0 in Cargo's registry (`grammers`, fetched if missing), and declares
# `result` (`result[CRATE,BUILD,ROUND]="SECONDS PEAK_KIB"`). Set `rounds` before calling `med`.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
work=$(mktemp -d)
# TL_KEEP_WORK=1 keeps the scratch folder (its path goes to standard error), to look inside.
if [ -n "${TL_KEEP_WORK:-}" ]; then echo "scratch folder: $work" >&2; else trap 'rm -rf "$work"' EXIT; fi
declare -A result

# registry_src NAME-VERSION: where Cargo unpacked that crate from the registry (empty if not).
registry_src() { ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/"$1" 2>/dev/null | head -1; }
find_grammers() { registry_src grammers-tl-types-0.11.0; }
grammers=$(find_grammers || true)
if [ -z "$grammers" ]; then
  cargo fetch --manifest-path peers/Cargo.toml >/dev/null
  grammers=$(find_grammers)
fi

# seconds and peak KiB of a command, as "S KIB"
measure() {
  /usr/bin/time -o "$work/time" -f "%e %M" "$@" >/dev/null 2>&1
  tail -1 "$work/time"
}

# bench_instructions BINARY CONTENDER: instructions per call of one contender of the bench binary
# (its `--profile`), counted by callgrind: the difference between runs of 300 and 100 calls, over
# 200 calls, so that the set-up (building the payload, the first decodes) cancels out.
bench_instructions() {
  local calls n=()
  for calls in 300 100; do
    n+=("$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$1" --profile "$2" "$calls" 2>&1 |
      awk '/Collected/ {print $4}')")
  done
  echo $(((n[0] - n[1]) / 200))
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# med CRATE FIELD BUILD: the median over the rounds of the seconds (FIELD 1) or peak KiB (2).
med() { for ((r = 0; r < rounds; r++)); do echo "${result[$1,$3,$r]}" | cut -d' ' -f"$2"; done | median; }

# scratch_crate SIDE PACKAGE TREE [FEATURES [DEPENDENCY]]: the crate $work/SIDE named PACKAGE, its
# src/lib.rs read from standard input, depending on TREE's tl-runtime (with FEATURES, a list such
# as '"derive"') and on DEPENDENCY (a line of `[dependencies]`, such as 'serde = "1"'),
# incremental compilation off, with TREE's Cargo.lock; checked once, so that the measured rounds
# build only the crate.
scratch_crate() {
  local side=$1 package=$2 tree=$3 features=${4:+, features = [$4]}
  mkdir -p "$work/$side/src"
  cat > "$work/$side/src/lib.rs"
  printf '[package]\nname = "%s"\nversion = "0.0.0"\nedition = "2024"\n[dependencies]\ntl-runtime = { path = "%s/tl-runtime"%s }\n%s\n[workspace]\n[profile.dev]\nincremental = false\n' \
    "$package" "$tree" "$features" "${5:-}" > "$work/$side/Cargo.toml"
  cp "$tree/Cargo.lock" "$work/$side/"
  (cd "$work/$side" && cargo check -q)
}

# as_registry TREE: makes every crate under $work take its crates.io dependencies from a
# directory source in $work/vendor, which holds TREE's tl-schema, tl-macros and tl-runtime as
# `cargo package` ships them, grammers-tl-types 0.11.0, and every crate those need (the versions
# of TREE's Cargo.lock). Prints the version to depend on (`tl-runtime = "=VERSION"`). Cargo builds
# a crate from such a source as it builds one from the registry, without incremental compilation
# and with its lints capped; a path dependency it builds incrementally, which made the chain of
# crates that must be built before a crate holding a schema can start (tl-schema, tl-macros)
# take 2.9 s instead of 1.7 s in a clean check (BENCHMARKS.md, thirty-second measurement).
as_registry() {
  local tree=$1 crate
  (cd "$tree" && cargo package -q --no-verify --allow-dirty -p tl-schema -p tl-macros -p tl-runtime \
    --target-dir "$work/package") >&2
  mkdir -p "$work/vendoring/src"
  : > "$work/vendoring/src/lib.rs"
  printf '[package]\nname = "vendoring"\nversion = "0.0.0"\nedition = "2024"\n[dependencies]\ntl-runtime = { path = "%s/tl-runtime" }\ngrammers-tl-types = "=0.11.0"\n[workspace]\n' \
    "$tree" > "$work/vendoring/Cargo.toml"
  cp "$tree/Cargo.lock" "$work/vendoring/"
  (cd "$work/vendoring" && cargo vendor -q --versioned-dirs "$work/vendor" >/dev/null)
  for crate in "$work"/package/package/*.crate; do
    tar -xzf "$crate" -C "$work/vendor"
    echo '{"files":{},"package":null}' > "$work/vendor/$(basename "$crate" .crate)/.cargo-checksum.json"
  done
  mkdir -p "$work/.cargo"
  printf '[source.crates-io]\nreplace-with = "as-registry"\n[source.as-registry]\ndirectory = "%s/vendor"\n' \
    "$work" > "$work/.cargo/config.toml"
  crate=$(ls "$work"/package/package/tl-runtime-*.crate)
  crate=$(basename "$crate" .crate)
  echo "${crate#tl-runtime-}"
}

# option_cost LABEL OPTIONS FEATURES: Telegram's whole layer-228 API (../shared/schemas/api.tl)
# through tl! in two crates, one plain and one with the extra tl! OPTIONS (and tl-runtime
# FEATURES, a list such as '"serde"'), checked in turn for $rounds rounds, interleaved,
# incremental compilation off; prints the median `cargo check` time and peak memory of each,
# and the macro's whole call (TL_MACRO_TIMINGS), as a table headed LABEL.
option_cost() {
  local label=$1 extra=$2 features=$3 shared options side r whole
  shared=$(cd "$root/../shared" && pwd)
  local allow='allow_id_mismatch(ipPortSecret, accessPointRule, "help.configSimple", inputPeerPhotoFileLocationLegacy, inputStickerSetThumbLegacy, invokeWithBusinessConnectionPrefix, invokeWithGooglePlayIntegrityPrefix, invokeWithApnsSecretPrefix, invokeWithReCaptchaPrefix)'
  for side in without with; do
    options="include = \"$shared/schemas/api.tl\", $allow"
    if [ "$side" = with ]; then
      options="$options, ${extra//\$shared/$shared}"
      printf 'tl_runtime::tl! { #[tl(%s)] }\n' "$options" | scratch_crate "$side" "api-$side" "$root" "$features"
    else
      printf 'tl_runtime::tl! { #[tl(%s)] }\n' "$options" | scratch_crate "$side" "api-$side" "$root"
    fi
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
  echo "$label, $rounds rounds, medians"
  echo "| | without | with | ratio |"
  echo "|---|---:|---:|---:|"
  option_row "cargo check, full API" 1 check 1 "%.2f s"
  option_row "cargo check peak memory" 2 check 1024 "%.0f MiB"
  option_row "whole macro call (with the compiler's lexing)" 1 macro 1 "%.0f ms"
}

option_row() { # label FIELD BUILD scale format
  local b a
  b=$(med without "$2" "$3") a=$(med with "$2" "$3")
  printf "| %s | $5 | $5 | %.2f |\n" "$1" "$(echo "$b / $4" | bc -l)" "$(echo "$a / $4" | bc -l)" "$(echo "$a / $b" | bc -l)"
}
