//! Generated code for the full `api.tl` (layer 228): the seed's `Updates` constructors with
//! their flags against bytes assembled by hand, shared flag bits, unknown flag bits, generic
//! functions, and the size of the generated enums.

tl_tests::skipped_without_shared_schemas!();

#[cfg(tl_shared_schemas)]
mod checks {
    use tl_runtime::{
        Deserialize, DeserializeOwned, Identifiable, RemoteCall, Serialize, UnknownFlags,
    };
    use tl_tests::real::api::{Any, enums, functions, types};

    /// Hand-assembled TL bytes.
    #[derive(Default)]
    struct Bytes(Vec<u8>);

    impl Bytes {
        fn u32(mut self, v: u32) -> Self {
            self.0.extend_from_slice(&v.to_le_bytes());
            self
        }
        fn i32(self, v: i32) -> Self {
            self.u32(v as u32)
        }
        fn i64(mut self, v: i64) -> Self {
            self.0.extend_from_slice(&v.to_le_bytes());
            self
        }
        fn string(mut self, s: &str) -> Self {
            assert!(s.len() < 254);
            self.0.push(s.len() as u8);
            self.0.extend_from_slice(s.as_bytes());
            while !self.0.len().is_multiple_of(4) {
                self.0.push(0);
            }
            self
        }
    }

    fn round_trip<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(
        value: &T,
        expected: &[u8],
    ) {
        assert_eq!(value.to_bytes(), expected);
        assert_eq!(value.serialized_len(), expected.len());
        assert_eq!(&T::from_bytes(expected).unwrap(), value);
    }

    fn bold(offset: i32, length: i32) -> enums::MessageEntity {
        types::MessageEntityBold { offset, length }.into()
    }

    /// `new` takes the fields TL always sends, in order, and leaves out the optional ones;
    /// struct update syntax sets those a call needs.
    #[test]
    fn new_leaves_out_what_tl_makes_optional() {
        let peer = enums::InputPeer::Empty;
        let plain = functions::messages::SendMessage::new(peer.clone(), "hi".into(), 7);
        assert_eq!(plain.flags, UnknownFlags::NONE);
        assert!(!plain.silent && plain.reply_to.is_none() && plain.entities.is_none());
        let expected = Bytes::default()
            .u32(0xfef48f62)
            .u32(0)
            .u32(0x7f3b18ea)
            .string("hi")
            .i64(7);
        assert_eq!(plain.to_bytes(), expected.0);

        let call = functions::messages::SendMessage {
            silent: true,
            reply_to: Some(types::InputReplyToMessage::new(3).into()),
            entities: Some(vec![bold(0, 2)]),
            ..functions::messages::SendMessage::new(peer, "hi".into(), 7)
        };
        let expected = Bytes::default()
            .u32(0xfef48f62)
            .u32(1 << 5 | 1 | 1 << 3)
            .u32(0x7f3b18ea)
            .u32(0x3bd4b7c2)
            .u32(0)
            .i32(3)
            .string("hi")
            .i64(7)
            .u32(0x1cb5c415)
            .u32(1)
            .u32(0xbd610bc9)
            .i32(0)
            .i32(2);
        assert_eq!(call.to_bytes(), expected.0);

        // A constructor of optional fields only is `Default`: none present, no bit set.
        let settings = types::CodeSettings {
            allow_flashcall: true,
            ..Default::default()
        };
        assert_eq!(settings.to_bytes(), Bytes::default().u32(1).0);
        let boxed = enums::CodeSettings::from(settings);
        assert_eq!(boxed.to_bytes(), Bytes::default().u32(0xad253d78).u32(1).0);
    }

    #[test]
    fn update_short_message_with_flags() {
        let value: enums::Updates = types::UpdateShortMessage {
            flags: UnknownFlags::NONE,
            out: true,
            mentioned: false,
            media_unread: false,
            silent: true,
            id: 17,
            user_id: 1_000_001,
            message: "hello".into(),
            pts: 5,
            pts_count: 1,
            date: 1_700_000_000,
            fwd_from: None,
            via_bot_id: Some(42),
            reply_to: None,
            entities: Some(vec![bold(0, 5)]),
            ttl_period: Some(86_400),
        }
        .into();
        let flags = 1 << 1 | 1 << 13 | 1 << 11 | 1 << 7 | 1 << 25;
        let expected = Bytes::default()
            .u32(0x313bc7f8)
            .u32(flags)
            .i32(17)
            .i64(1_000_001)
            .string("hello")
            .i32(5)
            .i32(1)
            .i32(1_700_000_000)
            .i64(42)
            .u32(0x1cb5c415)
            .i32(1)
            .u32(0xbd610bc9)
            .i32(0)
            .i32(5)
            .i32(86_400);
        round_trip(&value, &expected.0);
    }

    #[test]
    fn update_short_chat_message_without_flags() {
        let value: enums::Updates = types::UpdateShortChatMessage {
            flags: UnknownFlags::NONE,
            out: false,
            mentioned: false,
            media_unread: false,
            silent: false,
            id: 1,
            from_id: 2,
            chat_id: 3,
            message: String::new(),
            pts: 4,
            pts_count: 5,
            date: 6,
            fwd_from: None,
            via_bot_id: None,
            reply_to: None,
            entities: None,
            ttl_period: None,
        }
        .into();
        let expected = Bytes::default()
            .u32(0x4d6deea5)
            .u32(0)
            .i32(1)
            .i64(2)
            .i64(3)
            .string("")
            .i32(4)
            .i32(5)
            .i32(6);
        round_trip(&value, &expected.0);
    }

    #[test]
    fn updates_and_updates_combined() {
        let update: enums::Update = types::UpdateNewMessage {
            message: types::MessageEmpty {
                flags: UnknownFlags::NONE,
                id: 9,
                peer_id: None,
            }
            .into(),
            pts: 1,
            pts_count: 1,
        }
        .into();
        let users = vec![enums::User::from(types::UserEmpty { id: 7 })];
        let chats = vec![enums::Chat::from(types::ChatEmpty { id: 8 })];
        let updates: enums::Updates = types::Updates {
            updates: vec![update.clone()],
            users: users.clone(),
            chats: chats.clone(),
            date: 10,
            seq: 11,
        }
        .into();
        let body = Bytes::default()
            .u32(0x1cb5c415)
            .i32(1)
            .u32(0x1f2b0afd)
            .u32(0x90a6ca84) // messageEmpty flags:# id:int peer_id:flags.0?Peer
            .u32(0)
            .i32(9)
            .i32(1)
            .i32(1)
            .u32(0x1cb5c415)
            .i32(1)
            .u32(0xd3bc4b7a)
            .i64(7)
            .u32(0x1cb5c415)
            .i32(1)
            .u32(0x29562865)
            .i64(8)
            .i32(10);
        let mut expected = 0x74ae4240u32.to_le_bytes().to_vec();
        expected.extend_from_slice(&body.0);
        expected.extend_from_slice(&11i32.to_le_bytes());
        round_trip(&updates, &expected);

        let combined: enums::Updates = types::UpdatesCombined {
            updates: vec![update],
            users,
            chats,
            date: 10,
            seq_start: 11,
            seq: 12,
        }
        .into();
        let mut expected = 0x725b04c3u32.to_le_bytes().to_vec();
        expected.extend_from_slice(&body.0);
        expected.extend_from_slice(&11i32.to_le_bytes());
        expected.extend_from_slice(&12i32.to_le_bytes());
        round_trip(&combined, &expected);
    }

    #[test]
    fn update_short_sent_message_with_media() {
        let value: enums::Updates = types::UpdateShortSentMessage {
            flags: UnknownFlags::NONE,
            out: true,
            id: 3,
            pts: 4,
            pts_count: 1,
            date: 5,
            media: Some(enums::MessageMedia::Empty),
            entities: None,
            ttl_period: None,
        }
        .into();
        let expected = Bytes::default()
            .u32(0x9015e101)
            .u32(1 << 1 | 1 << 9)
            .i32(3)
            .i32(4)
            .i32(1)
            .i32(5)
            .u32(0x3ded6320);
        round_trip(&value, &expected.0);
    }

    /// `video_channel:flags.0?int video_quality:flags.0?int` share a bit: one
    /// `Option<(i32, i32)>`, so one cannot be set without the other.
    #[test]
    fn fields_sharing_a_bit_are_one_option() {
        let call: enums::InputGroupCall = types::InputGroupCall {
            id: 1,
            access_hash: 2,
        }
        .into();
        let stream = |video: Option<(i32, i32)>| types::InputGroupCallStream {
            flags: UnknownFlags::NONE,
            call: call.clone(),
            time_ms: 3,
            scale: 4,
            video_channel_and_video_quality: video,
        };
        let head = Bytes::default().u32(0xd8aa840f).i64(1).i64(2).i64(3).i32(4);
        let mut with = 1u32.to_le_bytes().to_vec();
        with.extend_from_slice(&head.0);
        with.extend_from_slice(&5i32.to_le_bytes());
        with.extend_from_slice(&6i32.to_le_bytes());
        round_trip(&stream(Some((5, 6))), &with);
        let mut without = 0u32.to_le_bytes().to_vec();
        without.extend_from_slice(&head.0);
        round_trip(&stream(None), &without);
    }

    /// `setup_password_required:flags.1?true otherwise_relogin_days:flags.1?int`: the `?true`
    /// field is a method reading the other, so the two cannot disagree.
    #[test]
    fn true_flag_sharing_a_bit_is_a_method() {
        let auth = |days: Option<i32>| types::auth::Authorization {
            flags: UnknownFlags::NONE,
            otherwise_relogin_days: days,
            tmp_sessions: None,
            future_auth_token: None,
            user: types::UserEmpty { id: 1 }.into(),
        };
        assert!(auth(Some(30)).setup_password_required());
        assert!(!auth(None).setup_password_required());
        let bytes = auth(Some(30)).to_bytes();
        assert_eq!(&bytes[..4], &(1u32 << 1).to_le_bytes());
        assert_eq!(&bytes[4..8], &30i32.to_le_bytes());
    }

    #[test]
    fn unknown_flag_bits_survive_a_round_trip() {
        // `updateShortSentMessage` with bit 30 set, which layer 228 does not define.
        let bytes = Bytes::default()
            .u32(0x9015e101)
            .u32(1 << 1 | 1 << 30)
            .i32(3)
            .i32(4)
            .i32(1)
            .i32(5)
            .0;
        let value = enums::Updates::from_bytes(&bytes).unwrap();
        let enums::Updates::UpdateShortSentMessage(sent) = &value else {
            panic!("{value:?}")
        };
        assert!(sent.out);
        assert_eq!(sent.flags, UnknownFlags(1 << 30));
        assert_eq!(value.to_bytes(), bytes);
        // Known bits are computed from the fields, never taken from `flags`.
        let mut forged = sent.clone();
        forged.flags = UnknownFlags(1 << 9 | 1 << 30);
        assert_eq!(enums::Updates::from(*forged).to_bytes(), bytes);
    }

    #[test]
    fn generic_functions_return_what_they_wrap() {
        fn returns<C: RemoteCall<Return = R>, R>(_: &C) {}
        let call = functions::InvokeWithLayer {
            layer: 228,
            query: functions::help::GetConfig,
        };
        returns::<_, enums::Config>(&call);
        assert_eq!(
            functions::InvokeWithLayer::<functions::help::GetConfig>::CONSTRUCTOR_ID,
            0xda9b0d0d
        );
        let bytes = call.to_bytes();
        assert_eq!(
            bytes,
            Bytes::default().u32(0xda9b0d0d).i32(228).u32(0xc4f9186b).0
        );
        // `Any` decodes the whole wrapped call.
        let any = Any::from_bytes(&bytes).unwrap();
        assert_eq!(any.to_bytes(), bytes);
        let Any::InvokeWithLayer(inner) = any else {
            panic!()
        };
        assert!(matches!(inner.query, Any::HelpGetConfig(_)));
    }

    /// A generated enum fits in a cache line (variants of more than 56 bytes are boxed), except
    /// a listed type's main shape (`message`, `user`), which is inline and makes its enum as
    /// large as itself plus the tag. `Any` holds each boxed type inline (functions are boxed),
    /// so it is as large as the largest plus its tag.
    #[test]
    fn enums_are_small_but_for_main_shapes() {
        use std::mem::size_of;
        let any = size_of::<Any>();
        eprintln!("size_of::<Any>() = {any}");
        for (name, size) in [
            ("Update", size_of::<enums::Update>()),
            ("MessageMedia", size_of::<enums::MessageMedia>()),
            ("Chat", size_of::<enums::Chat>()),
            ("Peer", size_of::<enums::Peer>()),
        ] {
            eprintln!("size_of::<enums::{name}>() = {size}");
            assert!(size <= 64, "enums::{name} is {size} bytes");
        }
        for (name, size, main) in [
            (
                "Message",
                size_of::<enums::Message>(),
                size_of::<types::Message>(),
            ),
            ("User", size_of::<enums::User>(), size_of::<types::User>()),
        ] {
            eprintln!("size_of::<enums::{name}>() = {size}, of its main shape {main}");
            assert!(size <= main + 8, "enums::{name} is {size} bytes");
        }
        // `message`'s optional fields hold no other main shape inline.
        assert!(size_of::<types::Message>() <= 640);
        assert!(any <= 64 + 8, "Any is {any} bytes");
    }
}

/// Shared and unknown flag bits, as properties: whatever the fields and whatever unknown bits a
/// newer layer set, the word written has exactly the bits of the present fields plus the
/// unknown ones, and decoding gives back the same value.
#[cfg(tl_shared_schemas)]
mod flag_props {
    use proptest::prelude::*;
    use tl_runtime::{Deserialize, Serialize, UnknownFlags};
    use tl_tests::real::api::{enums, types};

    proptest! {
        #[test]
        fn shared_and_unknown_bits(
            video: Option<(i32, i32)>,
            days: Option<i32>,
            sessions: Option<i32>,
            token: Option<Vec<u8>>,
            unknown: u32,
        ) {
            // inputGroupCallStream: video_channel and video_quality share bit 0.
            let stream = types::InputGroupCallStream {
                flags: UnknownFlags(unknown),
                call: types::InputGroupCall { id: 1, access_hash: 2 }.into(),
                time_ms: 3,
                scale: 4,
                video_channel_and_video_quality: video,
            };
            let bytes = stream.to_bytes();
            let word = u32::from_le_bytes(bytes[..4].try_into().unwrap());
            prop_assert_eq!(word, unknown & !1 | u32::from(video.is_some()));
            let back = types::InputGroupCallStream::from_bytes(&bytes).unwrap();
            prop_assert_eq!(back.video_channel_and_video_quality, video);
            prop_assert_eq!(back.to_bytes(), bytes);

            // auth.authorization: setup_password_required shares bit 1 with otherwise_relogin_days.
            let auth: enums::auth::Authorization = types::auth::Authorization {
                flags: UnknownFlags(unknown),
                otherwise_relogin_days: days,
                tmp_sessions: sessions,
                future_auth_token: token.clone(),
                user: types::UserEmpty { id: 1 }.into(),
            }
            .into();
            let bytes = auth.to_bytes();
            let word = u32::from_le_bytes(bytes[4..8].try_into().unwrap());
            let known = u32::from(sessions.is_some())
                | u32::from(days.is_some()) << 1
                | u32::from(token.is_some()) << 2;
            prop_assert_eq!(word, unknown & !0b111 | known);
            let back = enums::auth::Authorization::from_bytes(&bytes).unwrap();
            prop_assert_eq!(back.to_bytes(), bytes);
            let enums::auth::Authorization::Authorization(inner) = back else { panic!() };
            prop_assert_eq!(inner.setup_password_required(), days.is_some());
            prop_assert_eq!(inner.flags, UnknownFlags(unknown & !0b111));
        }
    }
}
