#!/usr/bin/env bash
# How much of building a schema crate is its types and how much is the code tl! generates for
# them. Times four crates alone (their dependencies built first, incremental compilation off),
# `cargo check` and a debug build, side by side:
#   - grammers: grammers-tl-types 0.11.0's source with the code its build script generates
#     (default features), as a local crate;
#   - tl full: what tl! generates for the same layer-230 api.tl;
#   - tl types + derives: the same without any impl block: the types and their three derives,
#     which is the least that any crate offering these types with grammers' derives compiles;
#   - tl types: without the derives either.
# Prints a Markdown table with ratios against grammers.
#
#   scripts/build-floor.sh [rounds]      (default 3; each round times every crate in turn)
source "$(dirname "$0")/common.sh"
rounds=${1:-3}

# tl!'s expansion of the schema (written by the macro with TL_MACRO_DUMP), three ways: full.rs,
# derives.rs (without impls) and bare.rs (without derives either).
mkdir -p "$work/dump/src" "$work/dumped"
printf 'tl_runtime::tl! { #[tl(include = "%s")] }\n' "$grammers/tl/api.tl" > "$work/dump/src/lib.rs"
printf '[package]\nname = "dump"\nversion = "0.0.0"\nedition = "2024"\n[dependencies]\ntl-runtime = { path = "%s/tl-runtime" }\n' "$root" > "$work/dump/Cargo.toml"
cat > "$work/Cargo.toml" <<'TOML'
[workspace]
resolver = "3"
members = ["dump"]
TOML
cp Cargo.lock "$work/"
(cd "$work" && TL_MACRO_DUMP="$work/dumped" cargo check -q -p dump)
cargo run -q -p tl-tests --example floor_variants -- "$work/dumped/dump-0.rs" "$work"
rm -r "$work/dump" "$work/dumped" "$work/Cargo.toml" "$work/target"
crates=(grammers full derives bare)
for v in full derives bare; do
  mkdir -p "$work/$v/src"
  mv "$work/$v.rs" "$work/$v/src/body.rs"
  printf '#![allow(missing_docs)]\nuse ::tl_runtime::__private as __tl;\ninclude!("body.rs");\n' > "$work/$v/src/lib.rs"
  printf '[package]\nname = "%s"\nversion = "0.0.0"\nedition = "2024"\n[dependencies]\ntl-runtime = { path = "%s/tl-runtime", default-features = false, features = ["std"] }\n' "$v" "$root" > "$work/$v/Cargo.toml"
done

# grammers' build script writes its code into OUT_DIR: build it once as a dependency, then make
# a local crate of its source and that code, so that it is timed like the others.
mkdir -p "$work/dep/src" "$work/grammers/src"
echo > "$work/dep/src/lib.rs"
printf '[package]\nname = "dep"\nversion = "0.0.0"\nedition = "2024"\n[dependencies]\ngrammers-tl-types = "=0.11.0"\n' > "$work/dep/Cargo.toml"
cat > "$work/Cargo.toml" <<'TOML'
[workspace]
resolver = "3"
members = ["dep", "grammers", "full", "derives", "bare"]
[profile.dev]
incremental = false
TOML
cp Cargo.lock "$work/"
cp "$grammers"/src/*.rs "$work/grammers/src/"
cat > "$work/grammers/Cargo.toml" <<'TOML'
[package]
name = "grammers"
version = "0.0.0"
edition = "2024"
[features]
default = ["impl-debug", "impl-from-enum", "impl-from-type", "tl-api"]
impl-debug = []
impl-from-enum = []
impl-from-type = []
tl-api = []
tl-mtproto = []
deserializable-functions = []
impl-serde = []
TOML
cd "$work"
cargo check -q -p dep
cp target/debug/build/grammers-tl-types-*/out/*.rs grammers/src/
sed -i 's|include!(concat!(env!("OUT_DIR"), "/\(generated_[a-z]*\.rs\)"));|include!("\1");|' grammers/src/generated.rs
for mode in check build; do cargo $mode -q -p grammers -p full -p derives -p bare; done

for ((r = 0; r < rounds; r++)); do
  for mode in check build; do
    for c in "${crates[@]}"; do
      touch "$c/src/lib.rs"
      result[$c,$mode,$r]=$(measure cargo $mode -q -p "$c")
    done
  done
done

echo "| crate alone | check | ratio | check peak memory | ratio | debug build | ratio |"
echo "|---|---:|---:|---:|---:|---:|---:|"
declare -A label=([grammers]="grammers" [full]="tl full" [derives]="tl types + derives" [bare]="tl types")
g=$(med grammers 1 check) gm=$(med grammers 2 check) gb=$(med grammers 1 build)
for c in "${crates[@]}"; do
  t=$(med "$c" 1 check) m=$(med "$c" 2 check) b=$(med "$c" 1 build)
  printf '| %s | %.1f s | %.2f | %.0f MiB | %.2f | %.1f s | %.2f |\n' "${label[$c]}" "$t" "$(echo "$t / $g" | bc -l)" \
    "$(echo "$m / 1024" | bc -l)" "$(echo "$m / $gm" | bc -l)" "$b" "$(echo "$b / $gb" | bc -l)"
done
