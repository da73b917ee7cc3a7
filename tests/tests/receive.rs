//! The receive path of a client: MTProto envelopes around API values, a constructor of a newer
//! layer kept where its length is known, `gzip_packed` under a size limit, names for ids.

use proptest::prelude::*;
use tl_runtime::mtproto::{self, Body, GzipPacked, Message, MsgContainer, MsgsAck, RpcResult};
use tl_runtime::{Deserialize, Identifiable, MaybeUnknown, Object, RpcError, Serialize, Unknown};
use tl_tests::CountingAlloc;

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

tl_tests::skipped_without_shared_schemas!();

/// An id no schema of ours has.
const NEWER_LAYER_ID: u32 = 0x5eed_1e55;

#[cfg(tl_shared_schemas)]
mod api {
    use super::*;
    use tl_schema::Section;
    use tl_tests::generate::{Gen, Presence, load};
    use tl_tests::real::api;

    /// The boxed bytes of a valid value of the definition `name`, all its flags set.
    fn value_bytes(name: &str) -> Vec<u8> {
        let schema = load("api.tl", tl_tests::frozen::API).expect("api.tl");
        let def = schema
            .definitions
            .iter()
            .find(|d| d.name.value == name && d.section == Section::Types)
            .expect("the definition");
        Gen::new(&schema, 3, tl_schema::IdRule::Telegram).boxed(def, Presence::All)
    }

    fn message(msg_id: i64, body: &impl Serialize) -> Message {
        Message {
            msg_id,
            seqno: (msg_id as i32) * 2 + 1,
            body: Object::new(body),
        }
    }

    /// A `msg_container` of an `rpc_result` holding a `gzip_packed` `messages.messagesSlice`, an
    /// `rpc_result` holding an `rpc_error`, an update of a newer layer, and a `msgs_ack`: all of
    /// it decodes (the unknown update kept) and re-encodes byte for byte.
    #[test]
    fn a_container_of_results_an_error_an_unknown_update_and_an_ack() {
        let slice = value_bytes("messages.messagesSlice");
        let mut update = NEWER_LAYER_ID.to_le_bytes().to_vec();
        update.extend([1, 0, 0, 0, 7, 0, 0, 0, b'n', b'e', b'w', 0]);
        let container = MsgContainer {
            messages: vec![
                message(
                    1,
                    &RpcResult {
                        req_msg_id: 100,
                        result: Object::new(&GzipPacked::pack(&Object(slice.clone()))),
                    },
                ),
                message(
                    2,
                    &RpcResult {
                        req_msg_id: 101,
                        result: Object::new(&RpcError::new(420, "FLOOD_WAIT_42")),
                    },
                ),
                message(3, &Object(update.clone())),
                message(
                    4,
                    &MsgsAck {
                        msg_ids: vec![5, 6],
                    },
                ),
            ],
        };
        let bytes = container.to_bytes();

        let Body::Container(received) = Body::from_bytes(&bytes).unwrap() else {
            panic!("a container");
        };
        assert_eq!(
            received.to_bytes(),
            bytes,
            "the container re-encodes exactly"
        );
        let mut seen = 0;
        for m in &received.messages {
            match Body::from_bytes(&m.body.0).unwrap() {
                Body::RpcResult(r) if r.req_msg_id == 100 => {
                    let answer = r
                        .decode::<api::functions::messages::GetHistory>(mtproto::GZIP_LIMIT)
                        .unwrap()
                        .expect("not an error");
                    assert_eq!(
                        answer.to_bytes(),
                        slice,
                        "the inflated slice re-encodes exactly"
                    );
                    seen += 1;
                }
                Body::RpcResult(r) => {
                    let error: RpcError = r
                        .decode::<api::functions::messages::GetHistory>(mtproto::GZIP_LIMIT)
                        .unwrap()
                        .expect_err("an rpc_error")
                        .into();
                    assert!(error.is("FLOOD_WAIT"));
                    assert_eq!(error.value(), Some(42));
                    seen += 1;
                }
                Body::Other(object) => {
                    let kept = object
                        .decode::<MaybeUnknown<api::enums::Updates>>()
                        .unwrap();
                    let MaybeUnknown::Unknown(unknown) = &kept else {
                        panic!("a newer layer's update is kept, not decoded: {kept:?}");
                    };
                    assert_eq!(unknown.id, NEWER_LAYER_ID);
                    assert_eq!(kept.to_bytes(), update, "kept byte for byte");
                    // Strictly, it is an error that says what keeps it.
                    let strict = object.decode::<api::enums::Updates>().unwrap_err();
                    assert!(strict.to_string().contains("MaybeUnknown"), "{strict}");
                    seen += 1;
                }
                Body::Ack(ack) => {
                    assert_eq!(ack.msg_ids, [5, 6]);
                    seen += 1;
                }
                other => panic!("unexpected body {other:?}"),
            }
        }
        assert_eq!(seen, 4);
    }

    /// A known value of the wrong type is named in the error; ids and names map both ways.
    #[test]
    fn ids_have_names_in_errors_and_both_ways() {
        let slice = value_bytes("messages.messagesSlice");
        let err = api::enums::Updates::from_bytes(&slice).unwrap_err();
        let id = api::types::messages::MessagesSlice::CONSTRUCTOR_ID;
        assert_eq!(
            err.to_string(),
            format!("expected Updates, found messages.messagesSlice#{id:08x} at byte 0")
        );
        assert_eq!(api::name_for_id(id), Some("messages.messagesSlice"));
        assert_eq!(api::id_for_name("messages.messagesSlice"), Some(id));
        assert_eq!(
            api::name_for_id(api::functions::messages::GetHistory::CONSTRUCTOR_ID),
            Some("messages.getHistory")
        );
        assert_eq!(api::name_for_id(NEWER_LAYER_ID), None);
        assert_eq!(api::id_for_name("noSuchConstructor"), None);
        assert_eq!(api::LAYER, 228);
        // A dump for the log of what did not decode names the ids it finds.
        let dump = tl_runtime::dump(&slice, err.offset(), api::name_for_id, 32);
        assert!(
            dump.contains("0: #") && dump.contains("messages.messagesSlice"),
            "{dump}"
        );
    }

    /// An unknown constructor inside a known one cannot be skipped: the error names the id,
    /// the path and the offset.
    #[test]
    fn an_unknown_constructor_inside_a_fixed_structure_stays_an_error() {
        let mut slice = value_bytes("messages.messagesSlice");
        // `messages.messagesSlice flags:# … search_flood:flags.3?SearchPostsFlood
        // messages:Vector<Message> …`: the first vector is `messages`, and its first element's id
        // follows the vector's id and count.
        let vector = slice
            .windows(4)
            .position(|w| w == 0x1cb5_c415u32.to_le_bytes())
            .expect("the messages vector");
        assert!(
            slice[vector + 4..vector + 8] != [0; 4],
            "the generator fills vectors"
        );
        let at = vector + 8;
        slice[at..at + 4].copy_from_slice(&NEWER_LAYER_ID.to_le_bytes());
        let err = MaybeUnknown::<api::enums::messages::Messages>::from_bytes(&slice).unwrap_err();
        assert_eq!(err.offset(), at);
        let text = err.to_string();
        assert!(
            text.starts_with("messages.messagesSlice.messages[0]"),
            "{text}"
        );
        assert!(text.contains(&format!("{NEWER_LAYER_ID:#010x}")), "{text}");
    }
}

/// Gzip bombs: a stream that says it inflates to 1 GiB is refused before inflating; one that
/// hides it (its trailer zeroed) is stopped at the limit, having held no more than the limit
/// and a constant.
/// A container message's `bytes` is its body's length: two bodies stay apart, and a negative
/// length, or one beyond the input, is an error at the first message's body.
#[test]
fn a_container_messages_length_is_checked() {
    let container = MsgContainer {
        messages: vec![
            Message {
                msg_id: 1,
                seqno: 1,
                body: Object::new(&MsgsAck { msg_ids: vec![5] }),
            },
            Message {
                msg_id: 2,
                seqno: 3,
                body: Object::new(&MsgsAck { msg_ids: vec![] }),
            },
        ],
    };
    let bytes = container.to_bytes();
    assert_eq!(MsgContainer::from_bytes(&bytes).unwrap(), container);
    // The first message's length, after the id, the count, its msg_id and seqno.
    let at = 4 + 4 + 8 + 4;
    for (len, what) in [(-4i32, "negative"), (10_000, "")] {
        let mut bad = bytes.clone();
        bad[at..at + 4].copy_from_slice(&len.to_le_bytes());
        let error = MsgContainer::from_bytes(&bad).unwrap_err().to_string();
        assert!(
            error.contains("messages[0].body") && error.contains(what),
            "{error}"
        );
    }
}

#[test]
fn gzip_bombs_are_refused_within_the_limit() {
    use std::io::Write as _;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..1024 {
        encoder.write_all(&zeros).unwrap();
    }
    let bomb = GzipPacked {
        packed_data: encoder.finish().unwrap(),
    };
    eprintln!("a 1 GiB bomb is {} bytes of gzip", bomb.packed_data.len());
    let limit = 1 << 20;
    CountingAlloc::reset();
    let err = bomb.inflate(limit).unwrap_err();
    assert!(err.to_string().contains("size limit"), "{err}");
    assert!(
        CountingAlloc::peak() < 64 * 1024,
        "refused before inflating"
    );

    let mut hidden = bomb.clone();
    let n = hidden.packed_data.len();
    hidden.packed_data[n - 4..].fill(0);
    CountingAlloc::reset();
    let err = hidden.inflate(limit).unwrap_err();
    let peak = CountingAlloc::peak();
    eprintln!("stopped at the limit of {limit} bytes, peak {peak} bytes");
    assert!(err.to_string().contains("size limit"), "{err}");
    assert!(
        peak <= limit + 256 * 1024,
        "peak {peak} for a limit of {limit}"
    );

    // Deflate cannot shrink more than about 1032:1, so 1 KiB inflates to about 1 MiB at most:
    // a 1 KiB piece of the bomb, with a trailer claiming 1 GiB, is refused unread, and without
    // one it ends in an error within the limit too.
    let mut claim = bomb.packed_data[..1024].to_vec();
    claim.extend((1u32 << 30).to_le_bytes());
    CountingAlloc::reset();
    assert!(GzipPacked { packed_data: claim }.inflate(limit).is_err());
    assert!(CountingAlloc::peak() < 64 * 1024);
    let mut cut = bomb.packed_data[..1024].to_vec();
    cut.extend([0; 4]);
    CountingAlloc::reset();
    assert!(GzipPacked { packed_data: cut }.inflate(limit).is_err());
    assert!(CountingAlloc::peak() <= limit + 256 * 1024);

    // Within the limit, it inflates.
    let small = GzipPacked::pack(&MsgsAck {
        msg_ids: vec![1, 2, 3],
    });
    assert_eq!(
        MsgsAck::from_bytes(&small.inflate(limit).unwrap())
            .unwrap()
            .msg_ids,
        [1, 2, 3]
    );
    assert!(
        GzipPacked {
            packed_data: vec![1, 2, 3]
        }
        .inflate(limit)
        .is_err()
    );
}

/// What a container entry holds in the property test: a known envelope or a newer layer's
/// constructor.
#[derive(Clone, Debug)]
enum Entry {
    Ack(Vec<i64>),
    Result(i64, Vec<i64>),
    Unknown(u32, Vec<u8>),
}

fn entry() -> impl Strategy<Value = Entry> {
    let known = [
        MsgContainer::CONSTRUCTOR_ID,
        RpcResult::CONSTRUCTOR_ID,
        GzipPacked::CONSTRUCTOR_ID,
        MsgsAck::CONSTRUCTOR_ID,
        0x1cb5_c415,
    ];
    prop_oneof![
        prop::collection::vec(any::<i64>(), 0..8).prop_map(Entry::Ack),
        (any::<i64>(), prop::collection::vec(any::<i64>(), 0..8))
            .prop_map(|(id, v)| Entry::Result(id, v)),
        (
            any::<u32>().prop_filter("unknown", move |id| !known.contains(id)),
            prop::collection::vec(any::<u8>(), 0..64)
        )
            .prop_map(|(id, b)| Entry::Unknown(id, b)),
    ]
}

proptest! {
    /// Any container of known and unknown entries decodes, each entry as its envelope or kept
    /// as unknown, and re-encodes losslessly, as a whole and entry by entry.
    #[test]
    fn any_container_of_known_and_unknown_entries_is_lossless(
        entries in prop::collection::vec(entry(), 0..12),
        seqno in any::<i32>(),
    ) {
        let messages: Vec<Message> = entries
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let body = match e {
                    Entry::Ack(ids) => MsgsAck { msg_ids: ids.clone() }.to_bytes(),
                    Entry::Result(req, v) => RpcResult {
                        req_msg_id: *req,
                        result: Object::new(v),
                    }
                    .to_bytes(),
                    Entry::Unknown(id, b) => Unknown { id: *id, bytes: b.clone() }.to_bytes(),
                };
                Message { msg_id: i as i64, seqno, body: Object(body) }
            })
            .collect();
        let bytes = MsgContainer { messages }.to_bytes();
        let Body::Container(c) = Body::from_bytes(&bytes).unwrap() else {
            panic!("a container");
        };
        prop_assert_eq!(c.to_bytes(), bytes.clone());
        prop_assert_eq!(c.messages.len(), entries.len());
        for (m, e) in c.messages.iter().zip(&entries) {
            let body = Body::from_bytes(&m.body.0).unwrap();
            prop_assert_eq!(body.to_bytes(), m.body.0.clone());
            match (e, body) {
                (Entry::Ack(ids), Body::Ack(ack)) => prop_assert_eq!(&ack.msg_ids, ids),
                (Entry::Result(req, v), Body::RpcResult(r)) => {
                    prop_assert_eq!(r.req_msg_id, *req);
                    prop_assert_eq!(&r.result.decode::<Vec<i64>>().unwrap(), v);
                }
                (Entry::Unknown(id, b), Body::Other(object)) => {
                    let kept = object.decode::<MaybeUnknown<MsgsAck>>().unwrap();
                    let MaybeUnknown::Unknown(u) = &kept else {
                        panic!("unknown entries are kept");
                    };
                    prop_assert_eq!(u.id, *id);
                    prop_assert_eq!(&u.bytes, b);
                    prop_assert_eq!(kept.to_bytes(), m.body.0.clone());
                }
                (e, body) => panic!("{e:?} decoded as {body:?}"),
            }
        }
    }
}

proptest! {
    /// Any bytes: a body decodes or is an error, never a panic; what decodes re-encodes to the
    /// same bytes, and so does every container entry and every `MaybeUnknown`.
    #[test]
    fn any_bytes_as_a_body_decode_losslessly_or_fail(
        head in prop::sample::select(vec![
            MsgContainer::CONSTRUCTOR_ID,
            RpcResult::CONSTRUCTOR_ID,
            GzipPacked::CONSTRUCTOR_ID,
            MsgsAck::CONSTRUCTOR_ID,
            NEWER_LAYER_ID,
        ]),
        rest in prop::collection::vec(any::<u8>(), 0..96),
    ) {
        let mut bytes = head.to_le_bytes().to_vec();
        bytes.extend(&rest);
        if let Ok(body) = Body::from_bytes(&bytes) {
            prop_assert_eq!(body.to_bytes(), bytes.clone());
            if let Body::Container(c) = body {
                for m in &c.messages {
                    if let Ok(inner) = MaybeUnknown::<MsgsAck>::from_bytes(&m.body.0) {
                        prop_assert_eq!(inner.to_bytes(), m.body.0.clone());
                    }
                }
            }
        }
        if let Ok(kept) = MaybeUnknown::<MsgsAck>::from_bytes(&bytes) {
            prop_assert_eq!(kept.to_bytes(), bytes);
        }
    }
}
