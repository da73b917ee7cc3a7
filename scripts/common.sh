# What the build-timing scripts share. Source it first thing: it enters the repository's root
# (`root`), makes a scratch folder (`work`, removed on exit), finds the source of
# grammers-tl-types 0.11.0 in Cargo's registry (`grammers`, fetched if missing), and declares
# `result` (`result[CRATE,BUILD,ROUND]="SECONDS PEAK_KIB"`). Set `rounds` before calling `med`.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
declare -A result

find_grammers() { ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/grammers-tl-types-0.11.0 2>/dev/null | head -1; }
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

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# med CRATE FIELD BUILD: the median over the rounds of the seconds (FIELD 1) or peak KiB (2).
med() { for ((r = 0; r < rounds; r++)); do echo "${result[$1,$3,$r]}" | cut -d' ' -f"$2"; done | median; }

# scratch_crate SIDE PACKAGE TREE [FEATURES]: the crate $work/SIDE named PACKAGE, its src/lib.rs
# read from standard input, depending on TREE's tl-runtime (with FEATURES, a list such as
# '"derive"'), incremental compilation off, with TREE's Cargo.lock; checked once, so that the
# measured rounds build only the crate.
scratch_crate() {
  local side=$1 package=$2 tree=$3 features=${4:+, features = [$4]}
  mkdir -p "$work/$side/src"
  cat > "$work/$side/src/lib.rs"
  printf '[package]\nname = "%s"\nversion = "0.0.0"\nedition = "2024"\n[dependencies]\ntl-runtime = { path = "%s/tl-runtime"%s }\n[workspace]\n[profile.dev]\nincremental = false\n' \
    "$package" "$tree" "$features" > "$work/$side/Cargo.toml"
  cp "$tree/Cargo.lock" "$work/$side/"
  (cd "$work/$side" && cargo check -q)
}
