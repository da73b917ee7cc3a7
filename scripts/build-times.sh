#!/usr/bin/env bash
# Times clean builds of two crates side by side: one holding grammers-tl-types' layer-230
# api.tl through `tl!`, and one depending on grammers-tl-types 0.11.0 (default features).
# For each: `cargo check`, debug and release builds from an empty target directory (all
# dependencies included), the crate's own rebuild, and the peak memory of the build (GNU time's
# maximum resident set size, the largest rustc). Prints a Markdown table. Both take their
# dependencies as a user does, as registry crates (`as_registry` in common.sh: this tree's
# crates packaged), so neither side's are built incrementally.
#
# Also timed: the tl! crate with the profile setting the README recommends for a crate that holds
# a schema (`incremental = false` for that package: it is rebuilt whole whenever it changes, so
# incremental compilation only adds its bookkeeping; grammers-tl-types, a registry crate, is
# never built incrementally), and a crate generating only 20 functions (`only`).
#
# Then two more tables: `cargo check` after editing another line of a crate holding the schema
# inline (scripts/edit-check.sh, the same rounds), and the size of the release code for the whole
# API (scripts/code-size.sh, `.text` of a binary that decodes and re-encodes any type or function).
#
#   scripts/build-times.sh [rounds]      (default 1 round; rounds alternate the two crates)
source "$(dirname "$0")/common.sh"
rounds=${1:-1}
api=$grammers/tl/api.tl

# Both sides take their dependencies as crates.io ships them, from one directory source: this
# tree's crates packaged, grammers-tl-types from the registry.
version=$(as_registry "$root")
mkdir -p "$work/with-tl/src" "$work/with-grammers/src" "$work/with-tl-only20/src" "$work/with-tl-nonincr/src"
cp "$api" "$work/with-tl/api.tl"
cat > "$work/with-tl/Cargo.toml" <<TOML
[package]
name = "with-tl"
version = "0.0.0"
edition = "2024"
[dependencies]
tl-runtime = "=$version"
[workspace]
TOML
cat > "$work/with-tl/src/lib.rs" <<'RS'
tl_runtime::tl! {
    #[tl(include = "api.tl")]
}
RS
# The same crate with the recommended profile.
cp "$api" "$work/with-tl-nonincr/api.tl"
cp "$work/with-tl/src/lib.rs" "$work/with-tl-nonincr/src/lib.rs"
sed 's/name = "with-tl"/name = "with-tl-nonincr"/' "$work/with-tl/Cargo.toml" > "$work/with-tl-nonincr/Cargo.toml"
cat >> "$work/with-tl-nonincr/Cargo.toml" <<'TOML'
[profile.dev.package.with-tl-nonincr]
incremental = false
TOML
# The same schema, but only 20 common functions and what they need (`only`).
cp "$api" "$work/with-tl-only20/api.tl"
sed 's/name = "with-tl"/name = "with-tl-only20"/' "$work/with-tl/Cargo.toml" > "$work/with-tl-only20/Cargo.toml"
cat > "$work/with-tl-only20/src/lib.rs" <<'RS'
tl_runtime::tl! {
    #[tl(
        include = "api.tl",
        only(
            "messages.sendMessage", "messages.getHistory", "messages.getDialogs",
            "messages.readHistory", "messages.deleteMessages", "messages.editMessage",
            "messages.forwardMessages", "users.getUsers", "users.getFullUser",
            "contacts.resolveUsername", "channels.getMessages", "channels.getParticipants",
            "updates.getState", "updates.getDifference", "help.getConfig", "auth.sendCode",
            "auth.signIn", "upload.getFile", "photos.getUserPhotos", "account.updateStatus",
        )
    )]
}
RS
cat > "$work/with-grammers/Cargo.toml" <<'TOML'
[package]
name = "with-grammers"
version = "0.0.0"
edition = "2024"
[dependencies]
grammers-tl-types = "=0.11.0"
[workspace]
TOML
echo 'pub use grammers_tl_types::*;' > "$work/with-grammers/src/lib.rs"

# Resolve first (each crate's Cargo.lock, from the directory source), so that only builds are timed.
for c in with-tl with-grammers with-tl-only20 with-tl-nonincr; do (cd "$work/$c" && cargo fetch -q); done

for ((r = 0; r < rounds; r++)); do
  for c in with-tl with-grammers with-tl-only20 with-tl-nonincr; do
    cd "$work/$c"
    for mode in check debug release; do
      rm -rf target
      case $mode in
        check) result[$c,$mode,$r]=$(measure cargo check -q) ;;
        debug) result[$c,$mode,$r]=$(measure cargo build -q) ;;
        release) result[$c,$mode,$r]=$(measure cargo build -q --release) ;;
      esac
    done
    # The crate holding the schema alone, dependencies already built (debug).
    if [ $c = with-grammers ]; then cargo clean -q -p grammers-tl-types; else touch src/lib.rs; fi
    result[$c,own,$r]=$(measure cargo build -q)
  done
done

echo "| build | tl! (layer 230) | grammers-tl-types 0.11.0 | ratio | tl!, \`incremental = false\` | ratio | tl! with \`only\` (20 functions) |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for mode in check debug release own; do
  t=$(med with-tl 1 $mode) tm=$(med with-tl 2 $mode)
  g=$(med with-grammers 1 $mode) gm=$(med with-grammers 2 $mode)
  n=$(med with-tl-nonincr 1 $mode) nm=$(med with-tl-nonincr 2 $mode)
  o=$(med with-tl-only20 1 $mode) om=$(med with-tl-only20 2 $mode)
  label=$mode
  [ $mode = own ] && label="the schema crate alone (debug)"
  printf '| %s: time | %.1f s | %.1f s | %.2f | %.1f s | %.2f | %.1f s |\n' "$label" "$t" "$g" "$(echo "$t / $g" | bc -l)" "$n" "$(echo "$n / $g" | bc -l)" "$o"
  printf '| %s: peak memory | %.0f MiB | %.0f MiB | %.2f | %.0f MiB | %.2f | %.0f MiB |\n' "$label" "$(echo "$tm / 1024" | bc -l)" "$(echo "$gm / 1024" | bc -l)" "$(echo "$tm / $gm" | bc -l)" "$(echo "$nm / 1024" | bc -l)" "$(echo "$nm / $gm" | bc -l)" "$(echo "$om / 1024" | bc -l)"
done
cd "$root"
echo
scripts/edit-check.sh "$rounds"
echo
scripts/code-size.sh
