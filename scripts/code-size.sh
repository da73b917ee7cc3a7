#!/usr/bin/env bash
# Size of the release code for the full layer-230 API: `.text` of a binary that decodes and
# re-encodes a value of any boxed type or function of grammers-tl-types' api.tl, read from
# standard input (so every decoder and encoder is referenced), in three crates:
#   - tl!: the schema inline with the option `any` (which decodes functions too), `Any::from_bytes`
#     then `to_bytes`;
#   - grammers-tl-types 0.11.0 (feature `deserializable-functions`, so functions decode as ours
#     do): a match on the constructor id, written by a build script (grammers has no by-id
#     decoder), that decodes the boxed enum of the id's type, or the function, then `to_bytes`;
#     generic functions (`invokeWithLayer` and the like) are left out on this side, as grammers
#     needs a concrete query type for them;
#   - an empty program that reads standard input and writes it back: what std costs either way.
# Release profile as Cargo's default. Prints a Markdown table.
#
#   scripts/code-size.sh
source "$(dirname "$0")/common.sh"
api=$grammers/tl/api.tl

mkdir -p "$work/size-tl/src" "$work/size-grammers/src" "$work/size-empty/src"
cp "$api" "$work/size-tl/api.tl"
cp "$root/Cargo.lock" "$work/size-tl/"
cat > "$work/size-tl/Cargo.toml" <<TOML
[package]
name = "size-tl"
version = "0.0.0"
edition = "2024"
[dependencies]
tl-runtime = { path = "$root/tl-runtime" }
[workspace]
TOML
cat > "$work/size-tl/src/main.rs" <<'RS'
use std::io::{Read, Write};
use tl_runtime::{Deserialize, Serialize};

tl_runtime::tl! {
    #[tl(include = "api.tl", any)]
}

fn main() {
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes).unwrap();
    match Any::from_bytes(&bytes) {
        Ok(value) => std::io::stdout().write_all(&value.to_bytes()).unwrap(),
        Err(e) => eprintln!("{e}"),
    }
}
RS

cat > "$work/size-grammers/Cargo.toml" <<TOML
[package]
name = "size-grammers"
version = "0.0.0"
edition = "2024"
[dependencies]
grammers-tl-types = { version = "=0.11.0", features = ["deserializable-functions"] }
[build-dependencies]
tl-schema = { path = "$root/tl-schema" }
[workspace]
TOML
cat > "$work/size-grammers/build.rs" <<RS
#[path = "$root/peers/grammers_names.rs"]
mod grammers_names;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

fn main() {
    let text = std::fs::read_to_string("$api").unwrap();
    let sources = [tl_schema::Source::file("api.tl", &text)];
    let (schema, diagnostics) = tl_schema::check(&sources, &tl_schema::Config::default());
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let mut seen = BTreeSet::new();
    let mut types: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut arms = String::new();
    for def in schema.definitions.iter().filter(|d| !d.builtin) {
        let id = def.id(tl_schema::IdRule::Telegram);
        if !seen.insert(id) {
            continue;
        }
        if def.is_function() {
            if def.type_params.is_empty() {
                let path = grammers_names::grammers_path("functions", &def.name.value);
                let _ = writeln!(arms, "{id:#010x} => rt::<{path}>(&bytes[4..]),");
            }
        } else {
            types.entry(def.result.name.clone()).or_default().push(id);
        }
    }
    for (name, ids) in types {
        let ids: Vec<String> = ids.iter().map(|id| format!("{id:#010x}")).collect();
        let path = grammers_names::grammers_path("enums", &name);
        let _ = writeln!(arms, "{} => rt::<{path}>(bytes),", ids.join(" | "));
    }
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").unwrap());
    std::fs::write(
        out.join("dispatch.rs"),
        format!("fn dispatch(bytes: &[u8]) -> Result<Vec<u8>, String> {{ match u32::from_le_bytes(bytes[..4].try_into().unwrap()) {{ {arms} _ => Err(\"unknown id\".into()) }} }}"),
    )
    .unwrap();
}
RS
cat > "$work/size-grammers/src/main.rs" <<'RS'
use grammers_tl_types::{Deserializable, Serializable};
use std::io::{Read, Write};

fn rt<T: Deserializable + Serializable>(bytes: &[u8]) -> Result<Vec<u8>, String> {
    T::from_bytes(bytes).map(|v| v.to_bytes()).map_err(|e| e.to_string())
}

include!(concat!(env!("OUT_DIR"), "/dispatch.rs"));

fn main() {
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes).unwrap();
    if bytes.len() < 4 {
        return;
    }
    match dispatch(&bytes) {
        Ok(out) => std::io::stdout().write_all(&out).unwrap(),
        Err(e) => eprintln!("{e}"),
    }
}
RS

printf '[package]\nname = "size-empty"\nversion = "0.0.0"\nedition = "2024"\n[workspace]\n' > "$work/size-empty/Cargo.toml"
cat > "$work/size-empty/src/main.rs" <<'RS'
use std::io::{Read, Write};

fn main() {
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes).unwrap();
    std::io::stdout().write_all(&bytes).unwrap();
}
RS

text() { size -A "$work/$1/target/release/$1" | awk '$1 == ".text" {print $2}'; }
for c in size-tl size-grammers size-empty; do
  (cd "$work/$c" && cargo build -q --release)
  result[$c,text,0]=$(text $c)
done
# The binaries work: the same constructor (`inputPeerSelf`, id 0x7da07ec9) comes back from each.
for c in size-tl size-grammers size-empty; do
  got=$(printf '\xc9\x7e\xa0\x7d' | "$work/$c/target/release/$c" | od -An -tx1 | tr -d ' \n')
  [ "$got" = c97ea07d ] || { echo "$c did not round-trip inputPeerSelf: '$got'" >&2; exit 1; }
done
t=${result[size-tl,text,0]} g=${result[size-grammers,text,0]} e=${result[size-empty,text,0]}
echo "Release .text of a binary that decodes and re-encodes any type or function of the layer-230 API"
echo "| | tl! | grammers-tl-types 0.11.0 | ratio |"
echo "|---|---:|---:|---:|"
printf '| .text | %.0f KiB | %.0f KiB | %.2f |\n' "$(echo "$t / 1024" | bc -l)" "$(echo "$g / 1024" | bc -l)" "$(echo "$t / $g" | bc -l)"
printf '| .text less the empty program'"'"'s (%.0f KiB) | %.0f KiB | %.0f KiB | %.2f |\n' "$(echo "$e / 1024" | bc -l)" "$(echo "($t - $e) / 1024" | bc -l)" "$(echo "($g - $e) / 1024" | bc -l)" "$(echo "($t - $e) / ($g - $e)" | bc -l)"
