//! Any bytes, decoded as any boxed type or function of Telegram's `api.tl` (layer 228): never a
//! panic, and whatever decodes re-encodes to exactly the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tl_runtime::{Deserialize, Serialize};

mod api {
    tl_runtime::tl! {
        #[tl(
            include = "../../shared/schemas/api.tl",
            any,
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

fuzz_target!(|data: &[u8]| {
    if let Ok(value) = api::Any::from_bytes(data) {
        assert_eq!(value.to_bytes(), data);
        assert_eq!(value.serialized_len(), data.len());
    }
});
