//! Hostile bytes against the generated API: depth bombs on a small stack, length and count
//! bombs with peak memory under twice the input, errors that name the path of fields, and the
//! lossless property over mutated real payloads.

tl_tests::skipped_without_shared_schemas!();

#[cfg(tl_shared_schemas)]
mod checks {
    use tl_runtime::{Deserialize, ErrorKind, Serialize};
    use tl_tests::payload::{W, messages_slice};
    use tl_tests::real::{api, mtproto};
    use tl_tests::{CountingAlloc, on_small_stack};

    #[global_allocator]
    static ALLOC: CountingAlloc = CountingAlloc;

    #[test]
    fn nested_text_bold_bomb_is_an_error_on_a_small_stack() {
        let mut w = W::default();
        for _ in 0..100_000 {
            w.u32(0x6724abc4); // textBold
        }
        w.u32(0x744694e0).string("x"); // textPlain
        let bytes = w.0;
        let typed = {
            let bytes = bytes.clone();
            on_small_stack(move || api::enums::RichText::from_bytes(&bytes).unwrap_err())
        };
        let any = on_small_stack(move || api::Any::from_bytes(&bytes).unwrap_err());
        for err in [typed, any] {
            assert_eq!(err.kind(), &ErrorKind::DepthLimitExceeded { limit: 100 });
            assert!(
                err.to_string().starts_with("textBold.text.text.text"),
                "{err}"
            );
        }
    }

    /// `invokeAfterMsg` holding itself as its query (`query:!X`), which `Any` decodes as
    /// another `Any`: every level is a frame of `Any`'s decoder, the one function that matches
    /// every id of the schema.
    #[test]
    fn nested_query_bomb_is_an_error_on_a_small_stack() {
        let mut w = W::default();
        for i in 0..100_000 {
            w.u32(0xcb9f372d).i32(i).i32(0); // invokeAfterMsg msg_id:long
        }
        w.u32(0xc4f9186b); // help.getConfig
        let bytes = w.0;
        let err = on_small_stack(move || api::Any::from_bytes(&bytes).unwrap_err());
        assert_eq!(err.kind(), &ErrorKind::DepthLimitExceeded { limit: 100 });
        assert!(
            err.to_string().starts_with("invokeAfterMsg.query.query"),
            "{err}"
        );
    }

    #[test]
    fn nested_vector_bomb_is_an_error_on_a_small_stack() {
        // `tlsBlockScope entries:Vector<TlsBlock>` inside itself, 100,000 times.
        let mut w = W::default();
        for _ in 0..100_000 {
            w.u32(0xe725d44f).vector(1);
        }
        w.u32(0xe725d44f).vector(0);
        let bytes = w.0;
        let err = on_small_stack(move || mtproto::enums::TlsBlock::from_bytes(&bytes).unwrap_err());
        assert_eq!(err.kind(), &ErrorKind::DepthLimitExceeded { limit: 100 });
    }

    /// A slice that claims as many messages as its megabyte could hold, followed by zeros.
    #[test]
    fn count_bomb_peak_memory_is_under_twice_the_input() {
        let mut w = W::default();
        w.u32(0x5f206716).u32(0).i32(0);
        let rest = 1 << 20;
        w.vector((rest / 4) as i32);
        w.0.resize(w.0.len() + rest, 0);
        CountingAlloc::reset();
        let err = api::enums::messages::Messages::from_bytes(&w.0).unwrap_err();
        let peak = CountingAlloc::peak();
        eprintln!(
            "count bomb: {} input bytes, peak {peak} bytes allocated",
            w.0.len()
        );
        assert!(
            matches!(err.kind(), ErrorKind::UnexpectedConstructor { .. }),
            "{err}"
        );
        assert!(
            peak < 2 * w.0.len(),
            "peak {peak} for {} input bytes",
            w.0.len()
        );
    }

    /// A message whose text claims 16 MiB in a 1 MiB input.
    #[test]
    fn length_bomb_peak_memory_is_under_twice_the_input() {
        let mut w = W::default();
        w.u32(0x7600b9d3).u32(0).u32(0).i32(1); // message: flags, flags2, id
        w.u32(0x59511722).i64(1).i32(0); // peer_id, date
        w.0.extend_from_slice(&[0xfe, 0xff, 0xff, 0xff]);
        w.0.resize(w.0.len() + (1 << 20), b'a');
        CountingAlloc::reset();
        let err = api::enums::Message::from_bytes(&w.0).unwrap_err();
        let peak = CountingAlloc::peak();
        eprintln!(
            "length bomb: {} input bytes, peak {peak} bytes allocated",
            w.0.len()
        );
        assert!(
            matches!(err.kind(), ErrorKind::LengthExceedsInput { .. }),
            "{err}"
        );
        assert_eq!(err.to_string().split(':').next(), Some("message.message"));
        assert!(peak < 2 * w.0.len());
    }

    #[test]
    fn errors_name_the_path_of_fields() {
        let good = messages_slice(None);
        assert_eq!(
            api::enums::messages::Messages::from_bytes(&good)
                .unwrap()
                .to_bytes(),
            good
        );
        let bad = messages_slice(Some(17));
        let err = api::enums::messages::Messages::from_bytes(&bad).unwrap_err();
        let text = err.to_string();
        assert!(
            text.starts_with("messages.messagesSlice.messages[17].entities[2].url: invalid UTF-8"),
            "{text}"
        );
        assert!(text.ends_with(&format!("at byte {}", err.offset())));
        assert_eq!(bad[err.offset()], 24, "the offset is the url's length byte");
        // Truncation: the offset and the path still say where.
        let cut = &good[..good.len() / 2];
        let err = api::enums::messages::Messages::from_bytes(cut).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("messages.messagesSlice.messages["),
            "{err}"
        );
    }

    /// The payload's forward and reply headers are boxed variants, which an optimized build
    /// decodes into a box allocated first (`__private::read_any_boxed`); `.ci/run` runs this
    /// file in release as well as in debug, so both ways of boxing decode it.
    #[test]
    fn boxed_variants_decode_and_re_encode() {
        use api::enums::{Message, MessageFwdHeader, MessageReplyHeader, messages::Messages};
        let good = messages_slice(None);
        let value = Messages::from_bytes(&good).unwrap();
        assert_eq!(value.to_bytes(), good);
        let Messages::Slice(slice) = &value else {
            panic!("the payload is a messagesSlice");
        };
        let (mut forwarded, mut replies) = (0, 0);
        for message in &slice.messages {
            let Message::Message(m) = message else {
                panic!("every message of the payload is a message");
            };
            if let Some(MessageFwdHeader::MessageFwdHeader(header)) = &m.fwd_from {
                let header: &Box<_> = header;
                assert_eq!(header.date, 1_690_000_000);
                forwarded += 1;
            }
            if let Some(MessageReplyHeader::MessageReplyHeader(header)) = &m.reply_to {
                let header: &Box<_> = header;
                assert_eq!(header.reply_to_msg_id, Some(m.id - 1));
                replies += 1;
            }
        }
        assert_eq!((forwarded, replies), (34, 25));
    }

    #[test]
    fn truncation_at_every_offset_is_an_error() {
        let good = messages_slice(None);
        for cut in (0..good.len()).step_by(7) {
            let err = api::enums::messages::Messages::from_bytes(&good[..cut]).unwrap_err();
            assert!(err.offset() <= cut);
        }
    }
}
