#!/usr/bin/env bash
# Schemas named to collide with what generated code is made of (`tests/named_schema.rs`:
# keywords, the prelude's and runtime's names, generated modules and methods, names without
# letters), seeds FROM to TO (not included), each with its own `tl!` options, compiled by
# `cargo check` in one crate: what `tl!` refuses is left out (its errors are listed at the end),
# and anything rustc then rejects is a bug of `tl!`, printed in full; the exit status is 1.
#
# Not run by `.ci/run`, which compiles `named_schema::SEEDS` (`tests/tests/named_schemas.rs`);
# 1,000 seeds take about a minute.
#
#   scripts/names-sweep.sh [FROM [TO]]   (default 0 1000; needs python3)
source "$(dirname "$0")/common.sh"
from=${1:-0} to=${2:-1000}
crate=$work/names
mkdir -p "$crate/src"
touch "$crate/skip"
echo 'include!(concat!(env!("OUT_DIR"), "/mods.rs"));' > "$crate/src/lib.rs"
cat > "$crate/build.rs" <<RUST
#[path = "$root/tests/named_schema.rs"]
mod named_schema;

fn main() {
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").unwrap());
    let skip = std::fs::read_to_string("skip").unwrap();
    let skip: Vec<u64> = skip.split_whitespace().map(|s| s.parse().unwrap()).collect();
    let mut mods = String::new();
    for seed in ($from..$to).filter(|s| !skip.contains(s)) {
        std::fs::write(out.join(format!("named_{seed}.tl")), named_schema::schema(seed)).unwrap();
        let options = named_schema::options(seed);
        let comma = if options.is_empty() { "" } else { ", " };
        mods.push_str(&format!(
            "#[allow(warnings)] pub mod s{seed} {{ tl_runtime::tl! {{ #[tl({options}{comma}include = \"\${{OUT_DIR}}/named_{seed}.tl\")] }} }}\n"
        ));
    }
    std::fs::write(out.join("mods.rs"), mods).unwrap();
    println!("cargo::rerun-if-changed=skip");
}
RUST
cat > "$crate/Cargo.toml" <<TOML
[package]
name = "names"
version = "0.0.0"
edition = "2024"
[dependencies]
tl-runtime = { path = "$root/tl-runtime", features = ["serde"] }
serde = "1"
[build-dependencies]
rand = "0.9"
[workspace]
[profile.dev]
incremental = false
TOML
cp Cargo.lock "$crate/"

# Compiles, moves the seeds that tl! refuses to `skip`, and again, until nothing is refused.
while :; do
  (cd "$crate" && cargo check --message-format=json -q 2>/dev/null) > "$work/messages" || true
  verdict=$(python3 - "$work/messages" "$crate/skip" "$from" "$to" <<'PY'
import json, re, sys
messages, skip, start, end = sys.argv[1:]
# The seeds in the order of the modules that build.rs wrote, a line each.
skipped = {int(s) for s in open(skip).read().split()}
seeds = [s for s in range(int(start), int(end)) if s not in skipped]
refused, rejected = {}, []
for line in open(messages):
    m = json.loads(line)
    if m.get("reason") != "compiler-message" or m["message"]["level"] != "error":
        continue
    m = m["message"]
    found = re.search(r"named_(\d+)\.tl: ", m["message"])
    spans = m["spans"]
    if found:
        refused[int(found.group(1))] = m["message"]
    elif m["code"] is None and spans and spans[0]["expansion"] is None and spans[0]["file_name"].endswith("mods.rs"):
        refused[seeds[spans[0]["line_start"] - 1]] = m["message"]
    else:
        rejected.append(m["rendered"])
with open(skip, "a") as f:
    for seed, message in refused.items():
        f.write(f"{seed}\n")
        print(f"refused {seed}: {message.splitlines()[0][:160]}", file=sys.stderr)
if rejected:
    print("\n".join(rejected), file=sys.stderr)
    print("rejected")
elif refused:
    print("again")
else:
    print("done")
PY
  )
  [ "$verdict" = again ] || break
done
refused=$(wc -l < "$crate/skip")
echo "seeds $from to $to: $((to - from - refused)) compiled, $refused refused by tl!"
if [ "$verdict" = rejected ]; then
  echo "rustc rejected what tl! accepted (above)" >&2
  exit 1
fi
