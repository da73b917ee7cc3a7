//! Helpers shared by the integration tests: the path to the shared real schemas, and an
//! allocator that records the largest allocation a thread makes.
#![deny(missing_docs)]

pub mod generate;
pub mod payload;

/// The written ids of the shared schemas that are deliberately not the CRC of their line, by
/// schema. `tl-schema` knows them all (`tl_schema::id::FROZEN`); the tests still pass these to
/// `allow_id_mismatch`, which keeps that path exercised, and `schema_real.rs` holds each list to
/// exactly what its schema writes.
pub mod frozen {
    /// `api.tl`: TDLib's header block.
    pub const API: &[&str] = &[
        "ipPortSecret",
        "accessPointRule",
        "help.configSimple",
        "inputPeerPhotoFileLocationLegacy",
        "inputStickerSetThumbLegacy",
        "invokeWithBusinessConnectionPrefix",
        "invokeWithGooglePlayIntegrityPrefix",
        "invokeWithApnsSecretPrefix",
        "invokeWithReCaptchaPrefix",
    ];
    /// `mtproto.tl`.
    pub const MTPROTO: &[&str] = &["ipPortSecret", "accessPointRule", "help.configSimple"];
    /// `ton_api.tl`: ids TON keeps although the line changed (SOURCES.md).
    pub const TON: &[&str] = &[
        "tonNode.capabilities",
        "db.block.info",
        "collatorNode.pong",
        "consensus.broadcastExtraLegacy",
    ];
    /// `lite_api.tl`.
    pub const LITE: &[&str] = &[
        "liteServer.transactionId",
        "liteServer.signatureSet.ordinary",
        "liteServer.getValidatorStats",
    ];
    /// `secret_api.tl`: old-layer constructors carry the id of the un-suffixed name.
    pub const SECRET: &[&str] = &[
        "decryptedMessage8",
        "decryptedMessageService8",
        "decryptedMessageMediaPhoto8",
        "decryptedMessageMediaVideo8",
        "decryptedMessageMediaDocument8",
        "decryptedMessageMediaAudio8",
        "decryptedMessage23",
        "decryptedMessageMediaVideo23",
        "documentAttributeSticker23",
        "documentAttributeVideo23",
        "documentAttributeAudio23",
        "documentAttributeAudio45",
        "decryptedMessage46",
        "decryptedMessageMediaDocument46",
        "decryptedMessageMediaDocument",
    ];
}

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::path::PathBuf;

/// `../shared/schemas` beside the checkout, where the real schemas live; `None` (and a message
/// saying the test skipped) where it is absent, as on a user's fresh clone. With
/// `TL_REQUIRE_SHARED` set (as `.ci/run` sets it), a missing folder fails the test instead, so
/// that a run without the data cannot pass.
pub fn shared_schemas(test: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/schemas");
    if dir.join("api.tl").is_file() {
        Some(dir)
    } else {
        skip(&format!("{test}: {} is absent", dir.display()));
        None
    }
}

/// Says that a test skipped because its data is absent, or fails it when `TL_REQUIRE_SHARED`
/// is set.
pub fn skip(why: &str) {
    assert!(
        std::env::var_os("TL_REQUIRE_SHARED").is_none(),
        "TL_REQUIRE_SHARED is set, but this test would skip: {why}"
    );
    eprintln!("skipped {why}");
}

/// An oracle's shared library for a test that loads it: `env` (a path) if set, else `found`
/// (where its install script puts it). Without either the test skips, saying `why`, or fails
/// when the variable `require` is set (as `.ci/run` sets it).
pub fn oracle_library(
    env: &str,
    require: &str,
    found: Option<PathBuf>,
    why: &str,
) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(env) {
        return Some(PathBuf::from(path));
    }
    if found.is_none() {
        assert!(
            std::env::var_os(require).is_none(),
            "{require} is set, but {why}"
        );
        eprintln!("skipped {why}");
    }
    found
}

/// A test, compiled only where `../shared/schemas` is absent, that says the binary's real-schema
/// tests were skipped (and fails with `TL_REQUIRE_SHARED` set).
#[macro_export]
macro_rules! skipped_without_shared_schemas {
    () => {
        #[cfg(not(tl_shared_schemas))]
        #[test]
        fn skipped() {
            $crate::skip("the real-schema tests: ../shared/schemas is absent");
        }
    };
}

/// The bytes of a hex dump as published documentation writes one: spaces and line breaks
/// between the digits, and `--` comments to the end of a line, are left out.
pub fn hex(text: &str) -> Vec<u8> {
    let digits: String = text
        .lines()
        .map(|l| l.split("--").next().unwrap_or(""))
        .flat_map(|l| l.chars().filter(|c| !c.is_whitespace()))
        .collect();
    assert!(
        digits.len().is_multiple_of(2),
        "an odd number of hex digits"
    );
    (0..digits.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&digits[i..i + 2], 16).expect("hex digits"))
        .collect()
}

/// Runs `f` on a thread with a 256 KiB stack, where unbounded recursion would overflow.
pub fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(f)
        .expect("spawn a thread")
        .join()
        .expect("the thread returns")
}

thread_local! {
    static LARGEST: Cell<usize> = const { Cell::new(0) };
    static TOTAL: Cell<usize> = const { Cell::new(0) };
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

/// A global allocator that records, per thread, the largest single allocation and the total
/// bytes requested. Install it with `#[global_allocator]` in a test binary.
#[derive(Debug)]
pub struct CountingAlloc;

impl CountingAlloc {
    /// Resets this thread's counters.
    pub fn reset() {
        LARGEST.with(|c| c.set(0));
        TOTAL.with(|c| c.set(0));
        LIVE.with(|c| c.set(0));
        PEAK.with(|c| c.set(0));
    }

    /// The most bytes this thread held allocated at once since the last reset (counting only
    /// what it allocated since then).
    pub fn peak() -> usize {
        PEAK.with(Cell::get).max(0).unsigned_abs()
    }

    /// (largest single allocation, total bytes requested) on this thread since the last reset.
    pub fn read() -> (usize, usize) {
        (LARGEST.with(Cell::get), TOTAL.with(Cell::get))
    }

    fn record(size: usize) {
        // `try_with`: the thread-local may already be gone while a thread exits.
        let _ = LARGEST.try_with(|c| c.set(c.get().max(size)));
        let _ = TOTAL.try_with(|c| c.set(c.get() + size));
        Self::live(size.cast_signed());
    }

    fn live(delta: isize) {
        let _ = LIVE.try_with(|live| {
            live.set(live.get() + delta);
            let _ = PEAK.try_with(|peak| peak.set(peak.get().max(live.get())));
        });
    }
}

// SAFETY: every method forwards to `System` unchanged; the counters only observe.
unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        Self::record(layout.size());
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        Self::live(-layout.size().cast_signed());
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        Self::live(-layout.size().cast_signed());
        Self::record(new_size);
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// The real schemas of `../shared/schemas`, compiled through `tl!` once for every test that
/// uses them.
#[cfg(tl_shared_schemas)]
pub mod real {
    /// Telegram's API, layer 228 (TDLib's `telegram_api.tl`), with every function's error type
    /// from Telegram's published list, and the documentation page of `phone.discardCall`
    /// pasted next to it (its lines repeat the schema's); serde in the TL-name form.
    pub mod api {
        tl_runtime::tl! {
            #[tl(
                include = "../../shared/schemas/api.tl",
                include = "../../shared/pages/phone.discardCall.txt",
                errors = "../../shared/errors/raw-errors.json",
                any,
                serde,
                // TDLib's copy has no `// LAYER` line (SOURCES.md).
                layer = 228,
                allow_id_mismatch(
                    ipPortSecret,
                    accessPointRule,
                    "help.configSimple",
                    inputPeerPhotoFileLocationLegacy,
                    inputStickerSetThumbLegacy,
                    invokeWithBusinessConnectionPrefix,
                    invokeWithGooglePlayIntegrityPrefix,
                    invokeWithApnsSecretPrefix,
                    invokeWithReCaptchaPrefix,
                )
            )]
        }
    }

    /// The MTProto service schema (tdesktop's `mtproto.tl`).
    pub mod mtproto {
        tl_runtime::tl! {
            #[tl(
                include = "../../shared/schemas/mtproto.tl",
                any,
                allow_id_mismatch(ipPortSecret, accessPointRule, "help.configSimple")
            )]
        }
    }

    /// Secret chats, layer 144 (TDLib's `secret_api.tl`): old-layer constructors carry the id of
    /// their un-suffixed name.
    pub mod secret {
        tl_runtime::tl! {
            #[tl(
                include = "../../shared/schemas/secret_api.tl",
                any,
                allow_id_mismatch(
                    decryptedMessage8,
                    decryptedMessageService8,
                    decryptedMessageMediaPhoto8,
                    decryptedMessageMediaVideo8,
                    decryptedMessageMediaDocument8,
                    decryptedMessageMediaAudio8,
                    decryptedMessage23,
                    decryptedMessageMediaVideo23,
                    documentAttributeSticker23,
                    documentAttributeVideo23,
                    documentAttributeAudio23,
                    documentAttributeAudio45,
                    decryptedMessage46,
                    decryptedMessageMediaDocument46,
                    decryptedMessageMediaDocument,
                )
            )]
        }
    }

    /// Group-call end-to-end encryption (TDLib's `e2e_api.tl`).
    pub mod e2e {
        tl_runtime::tl! {
            #[tl(include = "../../shared/schemas/e2e_api.tl", any)]
        }
    }

    /// TDLib's client API (`td_api.tl`, TDLib 1.8.61): no written ids, nested bare vectors;
    /// serde in TDLib's JSON form.
    pub mod td {
        tl_runtime::tl! {
            #[tl(
                include = "../../shared/schemas/td_api.tl",
                id_rule = "tdlib",
                any,
                serde = "tdlib"
            )]
        }
    }

    /// TON's node protocols (`ton_api.tl`): 18 fields on one flag bit, `= True` results. No
    /// `id_rule`: the macro finds TDLib's from the text (4 written ids of 659), as TON's and
    /// TDLib's parser computes them.
    pub mod ton {
        tl_runtime::tl! {
            #[tl(
                include = "../../shared/schemas/ton_api.tl",
                any,
                allow_id_mismatch(
                    "tonNode.capabilities",
                    "db.block.info",
                    "collatorNode.pong",
                    "consensus.broadcastExtraLegacy",
                )
            )]
        }
    }

    /// TON's lite server protocol (`lite_api.tl`), its id rule found from the text as `ton`'s.
    pub mod lite {
        tl_runtime::tl! {
            #[tl(
                include = "../../shared/schemas/lite_api.tl",
                any,
                allow_id_mismatch(
                    "liteServer.transactionId",
                    "liteServer.signatureSet.ordinary",
                    "liteServer.getValidatorStats",
                )
            )]
        }
    }

    /// TON's tonlib (`tonlib_api.tl`): `function:Function`; serde in the JSON form of
    /// `libtonlibjson`, which is TDLib's (tests/tests/tonlibjson.rs).
    pub mod tonlib {
        tl_runtime::tl! {
            #[tl(
                include = "../../shared/schemas/tonlib_api.tl",
                id_rule = "tdlib",
                any,
                serde = "tdlib"
            )]
        }
    }
}
