//! Any bytes, decoded as any boxed type or function of Telegram's `api.tl` (layer 228), owned
//! and borrowed (`#[tl(borrowed)]`): never a panic, both modes accept exactly the same inputs,
//! and whatever decodes re-encodes to exactly the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tl_runtime::{Deserialize, Serialize};

/// `tl!` over api.tl with its frozen ids allowed, and any extra options.
macro_rules! api {
    ($($option:ident),*) => {
        tl_runtime::tl! {
            #[tl(
                include = "../../shared/schemas/api.tl",
                any,
                $($option,)*
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
    };
}

mod api {
    api!();
}

mod api_borrowed {
    api!(borrowed);
}

fuzz_target!(|data: &[u8]| {
    let owned = api::Any::from_bytes(data);
    let borrowed = api_borrowed::Any::from_bytes(data);
    assert_eq!(
        owned.is_ok(),
        borrowed.is_ok(),
        "owned and borrowed disagree"
    );
    if let (Ok(owned), Ok(borrowed)) = (owned, borrowed) {
        assert_eq!(owned.to_bytes(), data);
        assert_eq!(owned.serialized_len(), data.len());
        assert_eq!(borrowed.to_bytes(), data);
    }
});
