//! `tl!` through a renamed dependency (`telegram_tl` is `tl-runtime`): the generated code names
//! the runtime through the macro's `$crate`, never as `tl_runtime`.

telegram_tl::tl! {
    #[tl(decode_functions)]
    "dataJSON#7d748d04 data:string = DataJSON;"
    r"
    inputPhoneCall#1e36fded id:long access_hash:long = InputPhoneCall;
    ---functions---
    invokeWithLayer#da9b0d0d {X:Type} layer:int query:!X = X;
    phone.getCallConfig#55451fa9 = DataJSON;
    "
}

#[cfg(test)]
mod tests {
    use telegram_tl::{Deserialize, RemoteCall, Serialize};

    #[test]
    fn renamed_runtime_round_trips() {
        let call = super::functions::InvokeWithLayer {
            layer: 228,
            query: super::functions::phone::GetCallConfig,
        };
        let bytes = call.to_bytes();
        assert_eq!(&bytes[..4], &0xda9b0d0du32.to_le_bytes());
        assert_eq!(&bytes[8..], &0x55451fa9u32.to_le_bytes());
        assert_eq!(
            super::functions::InvokeWithLayer::<super::functions::phone::GetCallConfig>::from_bytes(
                &bytes
            )
            .unwrap(),
            call
        );
        // The generic function returns what its inner call returns.
        fn returns<C: RemoteCall<Return = super::enums::DataJson>>(_: &C) {}
        returns(&call);
    }
}

/// A derive through the renamed runtime: `crate = "..."` names it, as serde's `crate` does.
#[derive(Debug, PartialEq, telegram_tl::Serialize, telegram_tl::Deserialize)]
#[tl(
    crate = "::telegram_tl",
    line = "inputPhoneCall#1e36fded id:long access_hash:long = InputPhoneCall;"
)]
pub struct HandInputPhoneCall {
    /// The call's id.
    pub id: i64,
    /// Its access hash.
    pub access_hash: i64,
}

#[cfg(test)]
mod derive_tests {
    use telegram_tl::{Deserialize, Serialize};

    #[test]
    fn derived_through_renamed_runtime_matches_generated() {
        let hand = super::HandInputPhoneCall {
            id: 1,
            access_hash: 2,
        };
        let generated = super::types::InputPhoneCall {
            id: 1,
            access_hash: 2,
        };
        assert_eq!(hand.to_bytes(), generated.to_bytes());
        assert_eq!(
            super::HandInputPhoneCall::from_bytes(&generated.to_bytes()).unwrap(),
            hand
        );
    }
}
