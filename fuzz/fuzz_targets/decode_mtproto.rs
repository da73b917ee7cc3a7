//! Any bytes, decoded as any type or function of `mtproto.tl`: never a panic, and whatever
//! decodes re-encodes to exactly the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tl_runtime::{Deserialize, Serialize};

mod mtproto {
    tl_runtime::tl! {
        #[tl(
            include = "../../shared/schemas/mtproto.tl",
            any,
            allow_id_mismatch(ipPortSecret, accessPointRule, "help.configSimple")
        )]
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(value) = mtproto::Any::from_bytes(data) {
        assert_eq!(value.to_bytes(), data);
    }
});
