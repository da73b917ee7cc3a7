//! Any bytes, decoded as any type or function of TON's `ton_api.tl` and `lite_api.tl` (TDLib's id
//! rule: nested bare vectors, `True`, `Function`, 18 fields on one flag bit): never a panic, and
//! whatever decodes re-encodes to exactly the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tl_runtime::{Deserialize, Serialize};

mod ton {
    tl_runtime::tl! {
        #[tl(
            include = "../../shared/schemas/ton_api.tl",
            id_rule = "tdlib",
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

mod lite {
    tl_runtime::tl! {
        #[tl(
            include = "../../shared/schemas/lite_api.tl",
            id_rule = "tdlib",
            any,
            allow_id_mismatch(
                "liteServer.transactionId",
                "liteServer.signatureSet.ordinary",
                "liteServer.getValidatorStats",
            )
        )]
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(value) = ton::Any::from_bytes(data) {
        assert_eq!(value.to_bytes(), data);
        assert_eq!(value.serialized_len(), data.len());
    }
    if let Ok(value) = lite::Any::from_bytes(data) {
        assert_eq!(value.to_bytes(), data);
    }
});
