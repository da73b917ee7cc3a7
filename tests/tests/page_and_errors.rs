//! The documentation page of `phone.discardCall` (`../shared/pages/phone.discardCall.txt`),
//! included verbatim next to the whole `api.tl`, and every function's error type from
//! Telegram's published list (`../shared/errors/raw-errors.json`): see `tl_tests::real::api`.

tl_tests::skipped_without_shared_schemas!();

#[cfg(tl_shared_schemas)]
mod checks {
    use std::marker::PhantomData;
    use tl_runtime::{RemoteCall, RpcError, Serialize};
    use tl_tests::real::api::{enums, errors, functions};

    fn same_type<T>(_: PhantomData<T>, _: PhantomData<T>) {}

    /// The page's three errors, and nothing else but the fallback: an exhaustive match without
    /// a wildcard stops compiling if a variant is added or missing.
    fn listed(e: &errors::phone::DiscardCall) -> Option<&'static str> {
        use errors::phone::DiscardCall as E;
        match e {
            E::CallAlreadyAccepted => Some("CALL_ALREADY_ACCEPTED"),
            E::CallOccupyFailed => Some("CALL_OCCUPY_FAILED"),
            E::CallPeerInvalid => Some("CALL_PEER_INVALID"),
            E::Other(_) => None,
        }
    }

    #[test]
    fn the_page_gives_discard_call_its_error_type() {
        same_type(
            PhantomData::<<functions::phone::DiscardCall as RemoteCall>::Error>,
            PhantomData::<errors::phone::DiscardCall>,
        );
        for (code, name) in [
            (400, "CALL_ALREADY_ACCEPTED"),
            (500, "CALL_OCCUPY_FAILED"),
            (400, "CALL_PEER_INVALID"),
        ] {
            let typed = errors::phone::DiscardCall::from(RpcError::new(code, name));
            assert_eq!(listed(&typed), Some(name));
            assert_eq!(
                (typed.code(), typed.name(), typed.value()),
                (code, name, None)
            );
            assert_eq!(typed.to_string(), format!("{code} {name}"));
            assert_eq!(RpcError::from(typed), RpcError::new(code, name));
        }
        // Not on the page, or a listed name with another code: the fallback, as sent.
        for e in [
            RpcError::new(420, "FLOOD_WAIT_42"),
            RpcError::new(500, "CALL_PEER_INVALID"),
        ] {
            let typed = errors::phone::DiscardCall::from(e.clone());
            assert_eq!(typed, errors::phone::DiscardCall::Other(e.clone()));
            assert_eq!(typed.to_string(), e.to_string());
            assert_eq!(RpcError::from(typed), e);
        }
    }

    #[test]
    fn decode_reply_gives_the_result_or_the_typed_error() {
        type Call = functions::phone::DiscardCall;
        let ok = enums::Updates::TooLong.to_bytes();
        assert_eq!(Call::decode_reply(&ok), Ok(Ok(enums::Updates::TooLong)));
        let failed = RpcError::new(400, "CALL_PEER_INVALID").to_bytes();
        assert_eq!(
            Call::decode_reply(&failed),
            Ok(Err(errors::phone::DiscardCall::CallPeerInvalid))
        );
        // Neither: a decode error, never a panic.
        assert!(Call::decode_reply(&failed[..6]).is_err());
        assert!(Call::decode_reply(&[1, 2, 3, 4]).is_err());
    }

    #[test]
    fn numbered_errors_keep_their_number_in_a_named_field() {
        use errors::messages::SendMessage as E;
        let e = E::from(RpcError::new(420, "SLOWMODE_WAIT_30"));
        assert!(matches!(e, E::SlowmodeWait { seconds: 30 }), "{e:?}");
        assert_eq!(e.to_string(), "420 SLOWMODE_WAIT_30");
        assert_eq!(RpcError::from(e), RpcError::new(420, "SLOWMODE_WAIT_30"));

        let e = errors::account::DeleteAccount::from(RpcError::new(420, "2FA_CONFIRM_WAIT_3600"));
        assert!(
            matches!(
                e,
                errors::account::DeleteAccount::TwoFaConfirmWait { seconds: 3600 }
            ),
            "{e:?}"
        );
        let e = errors::messages::InitHistoryImport::from(RpcError::new(
            406,
            "PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_5MIN",
        ));
        assert!(
            matches!(
                e,
                errors::messages::InitHistoryImport::PreviousChatImportActiveWaitMin { minutes: 5 }
            ),
            "{e:?}"
        );
        let e = errors::account::UpdatePasswordSettings::from(RpcError::new(
            400,
            "EMAIL_UNCONFIRMED_6",
        ));
        assert!(
            matches!(
                e,
                errors::account::UpdatePasswordSettings::EmailUnconfirmedN { code_length: 6 }
            ),
            "{e:?}"
        );
        assert_eq!(e.value(), Some(6));
    }

    /// `channels.editCreator` is in the list but not in layer 228: ignored, as are the list's
    /// errors for methods that `only(...)` leaves out.
    #[test]
    fn functions_without_listed_errors_fail_with_rpc_error() {
        same_type(
            PhantomData::<<functions::updates::GetState as RemoteCall>::Error>,
            PhantomData::<RpcError>,
        );
        // A generic wrapper fails as its inner call does.
        same_type(
            PhantomData::<
                <functions::InvokeWithLayer<functions::phone::DiscardCall> as RemoteCall>::Error,
            >,
            PhantomData::<errors::phone::DiscardCall>,
        );
    }
}
