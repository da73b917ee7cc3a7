#!/usr/bin/env bash
# The schema inline in the user's crate: `cargo check` after editing another line of that crate.
# Four crates, each with a function `answer` beside the schema: the full layer-230 API through
# tl! (grammers' api.tl), the same with only(...) of 20 functions, grammers-tl-types 0.11.0 as a
# dependency, and grammers-tl-types' own source as the edited crate (its build script writes its
# generated code, so this is what any Rust of the whole API costs inline; the build script gets a
# rerun-if-changed line, else Cargo would rerun it on every edit). Each is checked once (incremental compilation on, the default for a user's own
# crate), then for each round `answer`'s line is edited and the crate checked again, crates
# interleaved. Prints the median time and peak memory of the re-check.
#
#   scripts/edit-check.sh [rounds]      (default 5)
source "$(dirname "$0")/common.sh"
rounds=${1:-5}
api=$grammers/tl/api.tl
only='only("messages.sendMessage", "messages.getHistory", "messages.getDialogs", "messages.readHistory", "messages.deleteMessages", "messages.editMessage", "messages.forwardMessages", "users.getUsers", "users.getFullUser", "contacts.resolveUsername", "channels.getMessages", "channels.getParticipants", "updates.getState", "updates.getDifference", "help.getConfig", "auth.sendCode", "auth.signIn", "upload.getFile", "photos.getUserPhotos", "account.updateStatus")'
crates="inline inline-only20 grammers grammers-inline"
for c in $crates; do
  if [ $c = grammers-inline ]; then
    cp -r "$grammers" "$work/$c"
    chmod -R u+w "$work/$c"
    sed -i 's/^fn main() -> std::io::Result<()> {/&\n    println!("cargo:rerun-if-changed=tl");/' "$work/$c/build.rs"
    grep -q 'rerun-if-changed=tl' "$work/$c/build.rs"
    printf '[workspace]\n' >> "$work/$c/Cargo.toml"
    echo 'pub fn answer() -> u32 { 0 }' >> "$work/$c/src/lib.rs"
    (cd "$work/$c" && cargo check -q)
    continue
  fi
  mkdir -p "$work/$c/src"
  if [ $c = grammers ]; then
    dep='grammers-tl-types = "=0.11.0"'
    echo 'pub use grammers_tl_types::*;' > "$work/$c/src/lib.rs"
  else
    dep="tl-runtime = { path = \"$root/tl-runtime\" }"
    opts="include = \"$api\""
    [ $c = inline-only20 ] && opts="$opts, $only"
    printf 'tl_runtime::tl! { #[tl(%s)] }\n' "$opts" > "$work/$c/src/lib.rs"
    cp "$root/Cargo.lock" "$work/$c/"
  fi
  echo 'pub fn answer() -> u32 { 0 }' >> "$work/$c/src/lib.rs"
  printf '[package]\nname = "edit-%s"\nversion = "0.0.0"\nedition = "2024"\n[dependencies]\n%s\n[workspace]\n' "$c" "$dep" > "$work/$c/Cargo.toml"
  (cd "$work/$c" && cargo check -q)
done
for ((r = 0; r < rounds; r++)); do
  for c in $crates; do
    cd "$work/$c"
    sed -i "s/pub fn answer() -> u32 { [0-9]* }/pub fn answer() -> u32 { $((r + 1)) }/" src/lib.rs
    result[$c,edit,$r]=$(measure cargo check -q)
  done
done
cd "$root"
echo "cargo check after editing another line of the crate, $rounds rounds, medians"
echo "| crate | time | peak memory |"
echo "|---|---:|---:|"
for c in $crates; do
  label="full API inline (tl!)"
  [ $c = inline-only20 ] && label="tl! with only(...) of 20 functions"
  [ $c = grammers ] && label="grammers-tl-types 0.11.0 as a dependency"
  [ $c = grammers-inline ] && label="grammers-tl-types 0.11.0's own code as the edited crate"
  printf '| %s | %.2f s | %.0f MiB |\n' "$label" "$(med $c 1 edit)" "$(echo "$(med $c 2 edit) / 1024" | bc -l)"
done
