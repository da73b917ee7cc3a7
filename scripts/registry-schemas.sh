#!/usr/bin/env bash
# The TL schemas that other projects ship in their registry packages, each checked with
# `tl check` and compiled through `tl!` as it is: Pyrogram's and its forks kurigram's,
# hydrogram's, pyrofork's, pyrotgfork's, electrogram's and pyroblack's, pytoniq-core's three TON
# schemas (PyPI), GramJS's, its fork teleproto's and telegram-mtproto's layer 66 (npm),
# tdlib-rs's three versions of `td_api.tl`, grammers-tl-types 0.4.0's, everscale-network's,
# six of tycho's, the four of TDLib 1.6.2's source (tdlib-sys), layer-tl-types' two, tonutils'
# three TON schemas, ferogram-tl-types' two, and the `td_api.tl` of tdlib-types and of tdlib
# (crates.io): 42 in all. Prints a table:
# definitions, `tl check`'s verdict, and whether `cargo check` of a crate holding the schema
# through `tl!` passed, with its time.
#
# Every schema gets `any` (or OPTIONS, written as in `#[tl(...)]`) and nothing else, but for
# what three of tycho's need, as their users would write it: tycho-consensus's uses
# tycho-network's types, so that file comes first; the
# types they use and do not define, `extern` names: tycho-core's `blockchain.blockFull` and
# tycho-consensus's four such names (slips for the boxed types, which tl-proto, computing only
# ids, lets through; mending the text would change the ids), and tycho-block-util's custom
# builtin `bigBytes`.
#
# Not run by `.ci/run`: it downloads the packages and checks some 11,000 definitions
# (a few minutes). Run it after a change to the grammar, the checks or the generated code.
#
# With `borrowed`, the two extern types that hold bytes (tycho-core's `blockchain.BlockFull`,
# tycho-consensus's `journal.PointStoredData`) are named with `<'a>`, as they borrow in that
# mode; with `serde`, tl-runtime's `serde` feature is on and `bigBytes`' Rust type implements
# serde's traits (the `extern` docs ask that of an extern type).
#
#   scripts/registry-schemas.sh [OPTIONS]   (needs pip, npm and node, and the registries)
#   scripts/registry-schemas.sh 'borrowed'
#   scripts/registry-schemas.sh 'any, serde'
source "$(dirname "$0")/common.sh"
options=${1:-any}
# `<'a>` on an extern type that borrows, when the options borrow.
case $options in *borrowed*) borrows="<'a>" ;; *) borrows= ;; esac
case $options in *serde*) features='"serde"' serde='serde = "1"' ;; *) features= serde= ;; esac

schemas=$work/schemas
mkdir -p "$schemas" "$work/pypi" "$work/npm"

# PyPI: Pyrogram's source distribution carries its compiler's schemas.
pip download -q --no-deps --no-binary :all: Pyrogram==2.0.106 -d "$work/pypi"
tar xzf "$work"/pypi/Pyrogram-2.0.106.tar.gz -C "$work/pypi"
for f in main_api sys_msgs auth_key; do
  cp "$work/pypi/Pyrogram-2.0.106/compiler/api/source/$f.tl" "$schemas/pyrogram_$f.tl"
done

pip download -q --no-deps --no-binary :all: kurigram==2.2.26 -d "$work/pypi"
tar xzf "$work"/pypi/kurigram-2.2.26.tar.gz -C "$work/pypi"
cp "$work/pypi/kurigram-2.2.26/compiler/api/source/main_api.tl" "$schemas/kurigram_main_api.tl"
# Pyrogram's other forks, each at its own layer (their `sys_msgs` and `auth_key` are Pyrogram's).
for p in hydrogram==0.2.0 pyrofork==2.3.69 pyrotgfork==2.2.24.1 electrogram==0.3.230 pyroblack==3.0.8; do
  pip download -q --no-deps --no-binary :all: "$p" -d "$work/pypi"
  tar xzf "$work/pypi/${p%%==*}-${p##*==}.tar.gz" -C "$work/pypi"
  cp "$work/pypi/${p%%==*}-${p##*==}/compiler/api/source/main_api.tl" "$schemas/${p%%==*}_main_api.tl"
done
# pytoniq-core's TON schemas.
pip download -q --no-deps --no-binary :all: pytoniq-core==0.2.1 -d "$work/pypi"
tar xzf "$work/pypi/pytoniq_core-0.2.1.tar.gz" -C "$work/pypi"
for f in ton_api lite_api tonlib_api; do
  cp "$work/pypi/pytoniq_core-0.2.1/pytoniq_core/tl/schemas/$f.tl" "$schemas/pytoniq-core_$f.tl"
done

# npm: GramJS (the package `telegram`) keeps its schemas as JavaScript strings.
(cd "$work/npm" && npm pack -s telegram@2.26.22 >/dev/null && tar xzf telegram-2.26.22.tgz)
node -e '
  const fs = require("fs"), [dir, out] = process.argv.slice(1);
  fs.writeFileSync(out + "/gramjs_api.tl", require(dir + "/tl/apiTl.js"));
  fs.writeFileSync(out + "/gramjs_schema.tl", require(dir + "/tl/schemaTl.js"));
' "$work/npm/package" "$schemas"
# teleproto, a fork of GramJS, at its own layer.
(cd "$work/npm" && npm pack -s teleproto@214.1.7 >/dev/null && mkdir -p teleproto &&
  tar xzf teleproto-214.1.7.tgz -C teleproto)
node -e '
  const fs = require("fs"), [dir, out] = process.argv.slice(1);
  fs.writeFileSync(out + "/teleproto_api.tl", require(dir + "/tl/apiTl.js"));
  fs.writeFileSync(out + "/teleproto_schema.tl", require(dir + "/tl/schemaTl.js"));
' "$work/npm/teleproto/package" "$schemas"
(cd "$work/npm" && npm pack -s telegram-mtproto@3.2.11 >/dev/null && mkdir -p mtproto &&
  tar xzf telegram-mtproto-3.2.11.tgz -C mtproto)
cp "$work/npm/mtproto/package/schema/tl66.tl" "$schemas/telegram-mtproto_tl66.tl"

# crates.io: fetched into Cargo's registry by a scratch crate that depends on them.
mkdir -p "$work/fetch/src"
touch "$work/fetch/src/lib.rs"
cat > "$work/fetch/Cargo.toml" <<'TOML'
[package]
name = "fetch"
version = "0.0.0"
edition = "2021"
[dependencies]
tdlib-rs = { version = "=1.4.0", default-features = false }
grammers-tl-types = "=0.4.0"
everscale-network = "=0.5.5"
[workspace]
TOML
cargo fetch -q --manifest-path "$work/fetch/Cargo.toml"
for f in api api_1.8.19 api_1.8.29; do cp "$(registry_src tdlib-rs-1.4.0)/tl/$f.tl" "$schemas/tdlib-rs_$f.tl"; done
cp "$(registry_src grammers-tl-types-0.4.0)/tl/api.tl" "$schemas/grammers-0.4.0_api.tl"
cp "$(registry_src grammers-tl-types-0.4.0)/tl/mtproto.tl" "$schemas/grammers-0.4.0_mtproto.tl"
cp "$(registry_src everscale-network-0.5.5)/src/scheme.tl" "$schemas/everscale-network_scheme.tl"
# tycho's crates, as crates.io serves them: as dependencies they would fetch a large tree.
for c in tycho-core tycho-network tycho-block-util tycho-collator tycho-slasher tycho-consensus; do
  curl -sfL "https://static.crates.io/crates/$c/$c-1.0.0.crate" | tar xz -C "$work"
  cp "$work/$c-1.0.0/src/proto.tl" "$schemas/${c}_proto.tl"
done
# TDLib 1.6.2's own schemas, in tdlib-sys 0.2.0's copy of its source, layer-tl-types' Telegram
# ones and tonutils' TON ones.
curl -sfL https://static.crates.io/crates/tdlib-sys/tdlib-sys-0.2.0.crate | tar xz -C "$work"
for f in telegram_api mtproto_api secret_api td_api; do
  cp "$work/tdlib-sys-0.2.0/td/td/generate/scheme/$f.tl" "$schemas/tdlib-1.6.2_$f.tl"
done
curl -sfL https://static.crates.io/crates/layer-tl-types/layer-tl-types-0.5.0.crate | tar xz -C "$work"
for f in api mtproto; do cp "$work/layer-tl-types-0.5.0/tl/$f.tl" "$schemas/layer-tl-types_$f.tl"; done
curl -sfL https://static.crates.io/crates/tonutils/tonutils-1.1.0.crate | tar xz -C "$work"
for f in ton_api lite_api tonlib_api; do
  cp "$work/tonutils-1.1.0/src/tl/schemas/$f.tl" "$schemas/tonutils_$f.tl"
done
# ferogram-tl-types' Telegram schemas, and the `td_api.tl` that tdlib-types and tdlib (the crate) ship.
curl -sfL https://static.crates.io/crates/ferogram-tl-types/ferogram-tl-types-0.6.6.crate | tar xz -C "$work"
for f in api mtproto; do cp "$work/ferogram-tl-types-0.6.6/tl/$f.tl" "$schemas/ferogram-tl-types_$f.tl"; done
curl -sfL https://static.crates.io/crates/tdlib-types/tdlib-types-0.1.0.crate | tar xz -C "$work"
cp "$work/tdlib-types-0.1.0/td_api.tl" "$schemas/tdlib-types_td_api.tl"
curl -sfL https://static.crates.io/crates/tdlib/tdlib-0.10.0.crate | tar xz -C "$work"
cp "$work/tdlib-0.10.0/tl/api.tl" "$schemas/tdlib-0.10.0_td_api.tl"

# needs FILE N: what schema N (in FILE) needs besides itself: `tl check`'s options and the
# files read before it (first line), `tl!`'s `extern(...)` entries (second line) and the files
# it includes before it (third line, as `include = "…", ` each).
needs() {
  local module="crate::schema_$2::enums"
  case $(basename "$1") in
    tycho-core_proto.tl)
      echo "--extern blockchain.blockFull"
      echo "\"blockchain.blockFull\" = $module::blockchain::BlockFull$borrows" ;;
    tycho-block-util_proto.tl)
      echo "--extern BigBytes"
      echo "BigBytes = crate::BigBytes" ;;
    tycho-consensus_proto.tl)
      local network="$schemas/tycho-network_proto.tl" name names=() entries=()
      for name in consensus.AnchorLink consensus.PointRole consensus.link.Through journal.PointStoredData; do
        local last=${name##*.}
        local bare="${name%.*}.$(printf %s "${last:0:1}" | tr '[:upper:]' '[:lower:]')${last:1}"
        names+=("--extern $bare")
        local lifetime=
        [ "$name" = journal.PointStoredData ] && lifetime=$borrows
        entries+=("\"$bare\" = $module::$(echo "${name%.*}" | sed 's/\./::/g')::${name##*.}$lifetime")
      done
      echo "${names[*]} $network"
      (IFS=,; echo "${entries[*]}")
      echo "include = \"$network\", " ;;
    *) printf '\n\n\n' ;;
  esac
}

cargo build -q --release -p tl-cli
# One crate, one module per schema behind a `cfg` of its own, checked once per schema (and
# once by scratch_crate with none, which builds tl-runtime and tl-macros).
n=0
{
  cat <<'RUST'
#![allow(unexpected_cfgs)]
/// tycho's `bigBytes`: bytes after a 4-byte length.
#[derive(Debug, Clone, PartialEq)]
pub struct BigBytes(pub Vec<u8>);
impl tl_runtime::Serialize for BigBytes {
    fn serialize(&self, buf: &mut Vec<u8>) {
        buf.extend((self.0.len() as u32).to_le_bytes());
        buf.extend(&self.0);
    }
}
impl<'a> tl_runtime::Deserialize<'a> for BigBytes {
    fn deserialize(r: &mut tl_runtime::Reader<'a>) -> Result<Self, tl_runtime::Error> {
        let n = r.read_u32()? as usize;
        Ok(BigBytes(r.read_raw(n)?.to_vec()))
    }
}
RUST
  [ -n "$serde" ] && cat <<'RUST'
impl serde::Serialize for BigBytes {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(&self.0)
    }
}
impl<'de> serde::Deserialize<'de> for BigBytes {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        <Vec<u8> as serde::Deserialize>::deserialize(d).map(BigBytes)
    }
}
RUST
  for f in "$schemas"/*.tl; do
    named=$(needs "$f" "$n" | sed -n 2p)
    printf '#[cfg(schema_%d)]\npub mod schema_%d {\n    tl_runtime::tl! {\n        #[tl(%sinclude = "%s", %s%s)]\n    }\n}\n' \
      "$n" "$n" "$(needs "$f" "$n" | sed -n 3p)" "$f" "$options" "${named:+, extern($named)}"
    n=$((n + 1))
  done
} | scratch_crate crate registry-schemas "$root" "$features" "$serde"

echo "| schema | definitions | \`tl check\` | \`tl!\`, \`cargo check\` |"
echo "|---|---:|---|---|"
failed=0
n=0
for f in "$schemas"/*.tl; do
  name=$(basename "$f")
  # shellcheck disable=SC2046 # the options are words
  verdict=$(target/release/tl check $(needs "$f" "$n" | sed -n 1p) "$f" 2>&1 | tail -1) || true
  defs=$(echo "$verdict" | grep -oE '[0-9]+ definitions' | cut -d' ' -f1)
  start=$(date +%s.%N)
  # `cargo rustc` passes the cfg to this crate alone: its dependencies stay built.
  if cargo rustc -q --profile check --lib --manifest-path "$work/crate/Cargo.toml" -- --cfg "schema_$n" >"$work/out" 2>&1; then
    built="ok, $(echo "$(date +%s.%N) - $start" | bc | xargs printf '%.1f') s"
  else
    built="**failed**: $(grep -m1 '^error' "$work/out")"
    failed=1
  fi
  case $verdict in ok:*) checked=ok ;; *) checked="**$verdict**"; failed=1 ;; esac
  echo "| $name | $defs | $checked | $built |"
  n=$((n + 1))
done
exit $failed
