//! VK's field masks passed to types: a constructor's `{fields_mask:#}` is a number its holder
//! gives it, and its fields under that mask's bits are on the wire where the holder's mask has
//! them. StatsHouse's engine, agent and aggregator protocols and KPHP's RPC headers are written
//! so (`header:(statshouse.commonProxyHeader fields_mask)`, `extra:%(RpcInvokeReqExtra flags)`),
//! and so is a function's answer (`engine.getReadWriteMode fields_mask:# =
//! engine.ReadWriteMode fields_mask;`). The lines are StatsHouse's and KPHP's, with their
//! comments left out (and `statshouse.sourceBucket3`'s vector of metrics, which holds no mask).

use tl_runtime::{
    Deserialize, DeserializeWith, ErrorKind, Limits, Reader, RemoteCall, Serialize, SerializeWith,
    UnknownFlags,
};

mod sh {
    tl_runtime::tl! {
        #[tl(id_rule = "tdlib", allow_id_mismatch(*), decode_functions)]
        r"
engine.mode#b9b7b6c9 {fields_mask:#} read_enabled:fields_mask.0?Bool write_enabled:fields_mask.1?Bool = engine.ReadWriteMode fields_mask;

statshouse.sampleFactor {fields_mask:#} metric:int value:float original_size:fields_mask.0?# = statshouse.SampleFactor fields_mask;
statshouse.ingestionStatus2 env:int metric:int value:float = statshouse.IngestionStatus2;
statshouse.centroidFloat#73fd01e0 value:float count:float = statshouse.CentroidFloat;

statshouse.multiValue#0c803e06 {fields_mask:#}
    counter: fields_mask.0?double
    counter_eq_1: fields_mask.1?true
    value_set: fields_mask.2?true
    value_min: fields_mask.3?double
    value_max: fields_mask.4?double
    value_sum: fields_mask.4?double
    value_sum_square: fields_mask.4?double
    uniques: fields_mask.5?string
    centroids: fields_mask.6?(vector statshouse.centroidFloat)
    implicit_centroid: fields_mask.18?true
    max_host_tag: fields_mask.7?int
    min_host_tag: fields_mask.8?int
    max_counter_host_tag: fields_mask.9?int
    max_host_stag: fields_mask.14?string
    min_host_stag: fields_mask.15?string
    max_counter_host_stag: fields_mask.16?string
    = statshouse.MultiValue fields_mask;

statshouse.topElement#9ffdea42 stag:string fields_mask:# tag:fields_mask.10?int value:(statshouse.multiValue fields_mask) = statshouse.TopElement;

statshouse.sourceBucket3#16c4dd7b
    fields_mask: #
    have_original_size: fields_mask.0?true
    sample_factors: vector<statshouse.sampleFactor<fields_mask>>
    ingestion_status_ok2: vector<statshouse.ingestionStatus2>
  = statshouse.SourceBucket3;

statshouse.getConfigResult#0c803d07 {fields_mask:#}
    addresses: (vector string)
    max_addresses_count: int
    previous_addresses: int
    ts: fields_mask.0?long
= statshouse.GetConfigResult fields_mask;

statshouse.commonProxyHeader#6c803d07 {fields_mask:#}
    ingress_proxy:fields_mask.31?true
    agent_env_staging_0:fields_mask.30?true
    agent_env_staging_1:fields_mask.29?true
    shard_replica:int
    shard_replica_total:int
    agent_ip:4*[int]
    host_name:string
    component_tag:int
    build_arch:int
    owner:fields_mask.28?string
= statshouse.CommonProxyHeader fields_mask;

---functions---

@any engine.getReadWriteMode fields_mask:# = engine.ReadWriteMode fields_mask;

@readwrite statshouse.getConfig2#4285ff57
    fields_mask:#
    header: (statshouse.commonProxyHeader fields_mask)
    cluster:string
    ts: fields_mask.0?true
    newIngressVersion: fields_mask.1?true
     = statshouse.GetConfigResult fields_mask;
        "
    }
}

mod kphp {
    tl_runtime::tl! {
        // `any` with a type that needs a mask (left out) among the others.
        #[tl(id_rule = "tdlib", allow_id_mismatch(*), decode_functions, any)]
        r"
dictionaryField {t:Type} key:string value:t = DictionaryField t;
dictionary#1f4c618f {t:Type} %(Vector %(DictionaryField t)) = Dictionary t;

net.pid ip:int port_pid:int utime:int = net.Pid;

rpcReqResultExtra#c5011709 {flags:#}
    binlog_pos:flags.0?long  binlog_time:flags.1?long
    engine_pid:flags.2?%net.Pid
    request_size:flags.3?int response_size:flags.3?int
    failed_subqueries:flags.4?int
    compression_version:flags.5?int
    stats:flags.6?%(Dictionary string)
    shards_binlog_pos:flags.14?%(Dictionary long)
    epoch_number:flags.27?%long view_number:flags.27?%long
    = RpcReqResultExtra flags;

reqError#b527877d {X:Type} error_code:int error:string = ReqResult X;
reqResultHeader#8cc84ce1 {X:Type} flags:# extra:%(RpcReqResultExtra flags) result:X = ReqResult X;
_ {X:Type} result:X = ReqResult X;

rpcReqResult#63aeda4e {X:Type} query_id:long result:(ReqResult X) = RpcReqResult X;

rpcPong#8430eaa7 ping_id:long = RpcPong;
        "
    }
}

fn words(values: &[u32]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

const BOOL_TRUE: u32 = 0x9972_75b5;
const BOOL_FALSE: u32 = 0xbc79_9737;

#[test]
fn an_answer_has_the_fields_its_request_asks_for() {
    use sh::{enums, functions, types};
    // `engine.getReadWriteMode fields_mask:# = engine.ReadWriteMode fields_mask;`: the answer
    // holds `read_enabled` for bit 0 and `write_enabled` for bit 1 of the request's mask.
    let both = functions::engine::GetReadWriteMode { fields_mask: 3 };
    assert_eq!(both.to_bytes(), words(&[0x61b3_f593, 3]));
    let answer = words(&[0xb9b7_b6c9, BOOL_TRUE, BOOL_FALSE]);
    let mode = enums::engine::ReadWriteMode::Mode(types::engine::Mode {
        read_enabled: Some(true),
        write_enabled: Some(false),
    });
    assert_eq!(both.decode_answer(&answer), Ok(Ok(mode)));
    // Asked for bit 1 alone, the same bytes hold one `Bool` too many.
    let write_only = functions::engine::GetReadWriteMode { fields_mask: 2 };
    let short = words(&[0xb9b7_b6c9, BOOL_TRUE]);
    let mode = types::engine::Mode {
        read_enabled: None,
        write_enabled: Some(true),
    };
    assert_eq!(write_only.decode_answer(&short), Ok(Ok(mode.into())));
    assert!(write_only.decode_answer(&answer).is_err());
    // Without the request nothing says which fields are there: an error that says so.
    let err = functions::engine::GetReadWriteMode::decode_reply(&answer).unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::Invalid { reason } if reason.contains("decode_answer")),
        "{err}"
    );
    // An `rpc_error` is the call's error either way.
    let failed = tl_runtime::RpcError::new(400, "BAD").to_bytes();
    assert!(matches!(both.decode_answer(&failed), Ok(Err(_))));
}

#[test]
fn a_mask_given_to_a_type_is_computed_from_its_fields() {
    use sh::{enums, functions, types};
    let header = types::statshouse::CommonProxyHeader {
        ingress_proxy: true,
        agent_env_staging_0: false,
        agent_env_staging_1: false,
        shard_replica: 2,
        shard_replica_total: 16,
        agent_ip: [0, 0, 0xffff, 0x0a00_0001],
        host_name: "agent-1".into(),
        component_tag: 7,
        build_arch: 1,
        owner: Some("ops".into()),
    };
    let call = functions::statshouse::GetConfig2 {
        fields_mask: UnknownFlags::NONE,
        header: header.clone(),
        cluster: "main".into(),
        ts: true,
        new_ingress_version: false,
    };
    // One word for the request's flags (`ts`, bit 0) and the header's (`ingress_proxy`, bit
    // 31; `owner`, bit 28), as StatsHouse's agents write it.
    let mask = 1 | 1 << 31 | 1 << 28;
    let mut want = words(&[0x4285_ff57, mask, 2, 16, 0, 0, 0xffff, 0x0a00_0001]);
    want.extend(b"\x07agent-1");
    want.extend(words(&[7, 1]));
    want.extend(b"\x03ops");
    want.extend(b"\x04main\0\0\0");
    assert_eq!(call.to_bytes(), want);
    assert_eq!(
        functions::statshouse::GetConfig2::from_bytes(&want),
        Ok(call.clone())
    );
    // The answer's `ts` is under bit 0 of the same mask: the request asked for it.
    let result = types::statshouse::GetConfigResult {
        addresses: vec!["10.0.0.1:13337".into()],
        max_addresses_count: 1,
        previous_addresses: 0,
        ts: Some(1_700_000_000_000),
    };
    let mut answer = Vec::new();
    enums::statshouse::GetConfigResult::from(result.clone()).serialize_with(mask, &mut answer);
    assert_eq!(&answer[..4], &words(&[0x0c80_3d07])[..]);
    assert_eq!(call.decode_answer(&answer), Ok(Ok(result.into())));
    // Bits the request's fields do not know stay as they were decoded.
    let extra = functions::statshouse::GetConfig2 {
        fields_mask: UnknownFlags(1 << 5),
        ..call
    };
    assert_eq!(extra.to_bytes()[4..8], (mask | 1 << 5).to_le_bytes());
    let back = functions::statshouse::GetConfig2::from_bytes(&extra.to_bytes());
    assert_eq!(back.map(|c| c.fields_mask), Ok(UnknownFlags(1 << 5)));
}

#[test]
fn values_sharing_a_mask_write_their_absent_fields_as_zero() {
    use sh::types::statshouse::{IngestionStatus2, SampleFactor, SourceBucket3};
    // `sample_factors: vector<statshouse.sampleFactor<fields_mask>>` shares the bucket's mask,
    // whose bit 0 is also the bucket's `have_original_size`: every factor has its
    // `original_size` on the wire, a missing one as 0.
    let bucket = SourceBucket3 {
        fields_mask: UnknownFlags::NONE,
        have_original_size: false,
        sample_factors: vec![
            SampleFactor {
                metric: 5,
                value: 2.0,
                original_size: Some(40),
            },
            SampleFactor {
                metric: 6,
                value: 4.0,
                original_size: None,
            },
        ],
        ingestion_status_ok2: vec![IngestionStatus2 {
            env: 0,
            metric: 5,
            value: 1.5,
        }],
    };
    let mut want = words(&[1, 2]);
    want.extend(words(&[5, 2.0f32.to_bits(), 40]));
    want.extend(words(&[6, 4.0f32.to_bits(), 0]));
    want.extend(words(&[1, 0, 5, 1.5f32.to_bits()]));
    assert_eq!(bucket.to_bytes(), want);
    // Decoded, each factor has what the mask says it has, and the bit is the bucket's flag.
    let back = SourceBucket3::from_bytes(&want).unwrap();
    assert!(back.have_original_size);
    assert_eq!(back.sample_factors[1].original_size, Some(0));
    assert_eq!(back.to_bytes(), want);
    // Without any original size, the bit is clear and no factor writes one.
    let mut plain = bucket.clone();
    plain.sample_factors[0].original_size = None;
    let bytes = plain.to_bytes();
    assert_eq!(bytes[..4], 0u32.to_le_bytes());
    assert_eq!(SourceBucket3::from_bytes(&bytes), Ok(plain));
}

#[test]
fn a_holders_flags_and_its_values_share_one_word() {
    use sh::types::statshouse::{CentroidFloat, MultiValue, TopElement};
    // `statshouse.topElement … fields_mask:# tag:fields_mask.10?int
    // value:(statshouse.multiValue fields_mask)`: bit 10 is the element's own, the others the
    // value's.
    let value = MultiValue {
        counter: Some(3.0),
        counter_eq_1: false,
        value_set: true,
        value_min: None,
        value_max_and_value_sum_and_value_sum_square: Some((9.0, 12.0, 90.0)),
        uniques: None,
        centroids: Some(vec![CentroidFloat {
            value: 0.5,
            count: 2.0,
        }]),
        implicit_centroid: false,
        max_host_tag: Some(77),
        min_host_tag: None,
        max_counter_host_tag: None,
        max_host_stag: None,
        min_host_stag: None,
        max_counter_host_stag: None,
    };
    let top = TopElement {
        stag: "k".into(),
        fields_mask: UnknownFlags::NONE,
        tag: Some(42),
        value: value.clone(),
    };
    let mask = 1 | 1 << 2 | 1 << 4 | 1 << 6 | 1 << 7 | 1 << 10;
    assert_eq!(value.mask_bits(), mask & !(1 << 10));
    let mut want = b"\x01k\0\0".to_vec();
    want.extend(words(&[mask, 42]));
    for x in [3.0f64, 9.0, 12.0, 90.0] {
        want.extend(x.to_le_bytes());
    }
    want.extend(words(&[1, 0.5f32.to_bits(), 2.0f32.to_bits(), 77]));
    assert_eq!(top.to_bytes(), want);
    assert_eq!(TopElement::from_bytes(&want), Ok(top));
    // The value alone, under a mask that asks for more than it holds: zeros where it has
    // nothing, nothing where the mask has no bit.
    let mut bytes = Vec::new();
    value.serialize_with(1 << 3 | 1 << 5 | 1 << 7, &mut bytes);
    let mut want = 0f64.to_le_bytes().to_vec();
    want.extend(words(&[0, 77]));
    assert_eq!(bytes, want);
    let mut r = Reader::new(&bytes);
    let back = MultiValue::deserialize_with(&mut r, 1 << 3 | 1 << 5 | 1 << 7).unwrap();
    assert_eq!(back.value_min, Some(0.0));
    assert_eq!(back.uniques.as_deref(), Some(""));
    assert_eq!(back.counter, None);
}

#[test]
fn kphp_result_headers_carry_their_extra_by_the_flags() {
    use kphp::{enums, types};
    let extra = types::RpcReqResultExtra {
        binlog_pos: Some(1 << 40),
        binlog_time: None,
        engine_pid: Some(types::net::Pid {
            ip: 0x7f00_0001,
            port_pid: 11211,
            utime: 1_700_000_000,
        }),
        request_size_and_response_size: None,
        failed_subqueries: None,
        compression_version: None,
        stats: Some(types::Dictionary {
            arg1: vec![types::DictionaryField {
                key: "qps".into(),
                value: "10".into(),
            }],
        }),
        shards_binlog_pos: None,
        epoch_number_and_view_number: Some((3, 4)),
    };
    let header = enums::ReqResult::from(types::ReqResultHeader {
        flags: UnknownFlags::NONE,
        extra: extra.clone(),
        result: tl_runtime::True,
    });
    let flags = 1 | 1 << 2 | 1 << 6 | 1 << 27;
    let mut want = words(&[
        0x8cc8_4ce1,
        flags,
        0,
        1 << 8,
        0x7f00_0001,
        11211,
        1_700_000_000,
        1,
    ]);
    want.extend(b"\x03qps\x0210\0");
    want.extend(words(&[3, 0, 4, 0, 0x3fed_d339]));
    assert_eq!(header.to_bytes(), want);
    assert_eq!(enums::ReqResult::from_bytes(&want), Ok(header));
    // `Any` decodes the types after the one it leaves out, each in its own variant, boxed or
    // not as that variant is (a generic `ReqResult` boxed, `RpcPong` not).
    let pong = enums::RpcPong::from(types::RpcPong { ping_id: 7 });
    let any = kphp::Any::from_bytes(&pong.to_bytes());
    assert!(
        matches!(&any, Ok(kphp::Any::RpcPong(p)) if *p == pong),
        "{any:?}"
    );
    // The zero of each type under the flags, where a mask has its bit and the value is none:
    // `%net.Pid` is three numbers, `%(Dictionary string)` an empty bare vector.
    let mut bytes = Vec::new();
    types::RpcReqResultExtra {
        engine_pid: None,
        stats: None,
        ..extra
    }
    .serialize_with(1 << 2 | 1 << 6, &mut bytes);
    assert_eq!(bytes, words(&[0, 0, 0, 0]));
}

mod shapes {
    tl_runtime::tl! {
        #[tl(id_rule = "tdlib", any, serde)]
        r"
e1 {f:#} a:f.0?int b:f.1?string c:f.2?true = E f;
e2 {f:#} = E f;
outer {m:#} inner:(E m) many:(vector (e1 m)) x:m.5?long = Outer m;
holder flags:# o:(Outer flags) fixed:(E 3) y:flags.4?int = Holder;
self_ {f:#} me:(self_ f) = Self_ f;
list flags:# xs:(vector (e1 flags)) = List;
---functions---
getConst = E 5;
getOuter flags:# o:(Outer flags) only:flags.9?true = Outer flags;
        "
    }
}

#[test]
fn a_mask_passes_on_and_may_be_a_number() {
    use shapes::{enums, functions, types};
    let e = |a, b: Option<&str>, c| types::E1 {
        a,
        b: b.map(Into::into),
        c,
    };
    // `outer {m:#}` passes its own mask on to `inner` and `many`; `holder` gives its flags, and
    // `fixed:(E 3)` the number 3, whatever the value holds.
    let holder = types::Holder {
        flags: UnknownFlags::NONE,
        o: types::Outer {
            inner: enums::E::from(e(Some(1), None, false)),
            many: vec![e(None, Some("x"), false), e(None, None, true)],
            x: Some(9),
        }
        .into(),
        fixed: enums::E::E2,
        y: None,
    };
    let flags: u32 = 1 | 2 | 4 | 1 << 5;
    let bytes = holder.to_bytes();
    assert_eq!(bytes[..4], flags.to_le_bytes());
    let back = types::Holder::from_bytes(&bytes).unwrap();
    // What the mask asked for and the values lacked comes back as zeros.
    let enums::Outer::Outer(outer) = &back.o;
    assert_eq!(outer.many[1].a, Some(0));
    assert_eq!(outer.many[1].b.as_deref(), Some(""));
    assert!(outer.many[0].c && outer.many[1].c);
    assert_eq!(back.to_bytes(), bytes);
    // A function's answer with a number for its mask.
    let answer = enums::E::from(e(Some(4), Some("q"), true));
    let mut wire = Vec::new();
    answer.serialize_with(5, &mut wire);
    let want = enums::E::from(e(Some(4), None, true));
    assert_eq!(functions::GetConst.decode_answer(&wire), Ok(Ok(want)));
    // `Any` leaves out the types that need a mask, and decodes the rest.
    let call = functions::GetOuter {
        flags: UnknownFlags::NONE,
        o: back.o.clone(),
        only: true,
    };
    let any = shapes::Any::from_bytes(&call.to_bytes()).unwrap();
    // (`inner`'s bits are not always shown by an `E`, whose `e2` has none: they come back as
    // the call's unknown bits, and the call encodes as it was.)
    assert!(matches!(&any, shapes::Any::GetOuter(c) if c.o == call.o && c.only));
    assert_eq!(any.to_bytes(), call.to_bytes());
    // JSON holds what the fields hold, with no mask to give.
    let json = serde_json::to_value(&back).unwrap();
    assert_eq!(serde_json::from_value::<types::Holder>(json).unwrap(), back);
}

#[test]
fn a_type_holding_itself_under_a_mask_stops_at_the_depth_limit() {
    use shapes::types::Self_;
    // `self_ {f:#} me:(self_ f)` holds itself with no end: any input runs out, or the depth
    // limit stops it first, with an error and no overflow.
    let bytes = vec![0u8; 4096];
    let mut r = Reader::new(&bytes);
    assert!(Self_::deserialize_with(&mut r, 0).is_err());
}

#[test]
fn bits_no_value_shows_are_kept_as_decoded() {
    use shapes::types::List;
    // Bit 1 (`e1`'s `b`) set over an empty vector: no element shows it, so it is kept with the
    // unknown bits, and the bytes encode again as they were.
    let bytes = words(&[1 << 1, 0]);
    let list = List::from_bytes(&bytes).unwrap();
    assert_eq!(list.flags, UnknownFlags(1 << 1));
    assert_eq!(list.to_bytes(), bytes);
    // With an element, the element's fields show the bits.
    let mut bytes = words(&[1 << 1, 1]);
    bytes.extend(b"\x02hi\0");
    let list = List::from_bytes(&bytes).unwrap();
    assert_eq!(list.xs[0].b.as_deref(), Some("hi"));
    assert_eq!(list.to_bytes(), bytes);
}

#[test]
fn elements_of_no_bytes_are_bounded_by_a_limit_not_by_the_input() {
    use shapes::types::{E1, List};
    // Under a mask with none of its bits an `e1` takes no bytes: three of them follow their
    // count with no byte left, and are three elements all the same.
    let bytes = words(&[0, 3]);
    let list = List::from_bytes(&bytes).unwrap();
    let none = E1 {
        a: None,
        b: None,
        c: false,
    };
    assert_eq!(list.xs, vec![none; 3]);
    assert_eq!(list.to_bytes(), bytes);
    // As many as the limit allows, and not one more.
    let limits = Limits::default().with_max_empty_elements(3);
    assert_eq!(List::from_bytes_with_limits(&bytes, limits), Ok(list));
    let limits = limits.with_max_empty_elements(2);
    let err = List::from_bytes_with_limits(&bytes, limits).unwrap_err();
    assert_eq!(
        err.kind(),
        &ErrorKind::TooManyEmptyElements { count: 3, limit: 2 }
    );
    assert_eq!(err.offset(), 4);
    // The default limit: 65,536 such elements, where the largest count would ask for 2^31.
    let at_limit = List::from_bytes(&words(&[0, 1 << 16])).unwrap();
    assert_eq!(at_limit.xs.len(), 1 << 16);
    let err = List::from_bytes(&words(&[0, (1 << 16) + 1])).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("list.xs: vector count 65537 of elements that may be empty exceeds"),
        "{err}"
    );
    let err = List::from_bytes(&words(&[0, i32::MAX as u32])).unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::TooManyEmptyElements { .. }),
        "{err}"
    );
    // Elements that do take bytes read them: with bit 0 each is an `int`, and the second is
    // not there.
    let err = List::from_bytes(&words(&[1, 3, 7])).unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::UnexpectedEof { .. }),
        "{err}"
    );
    assert!(err.to_string().starts_with("list.xs[1]"), "{err}");
}

#[test]
fn kphp_answers_without_a_header_are_the_result_alone() {
    use kphp::{enums, types};
    // `_ {X:Type} result:X = ReqResult X;` has no id on the wire: an answer without a header
    // is the result itself, right after the query id (KPHP names it `rpcResponseOk`).
    let pong = enums::RpcPong::from(types::RpcPong { ping_id: 7 });
    let answer = enums::RpcReqResult::from(types::RpcReqResult {
        query_id: 42,
        result: enums::ReqResult::from(types::ReqResultUntagged {
            result: pong.clone(),
        }),
    });
    let mut want = words(&[0x63ae_da4e, 42, 0, 0x8430_eaa7, 7, 0]);
    assert_eq!(answer.to_bytes(), want);
    assert_eq!(enums::RpcReqResult::from_bytes(&want), Ok(answer));
    // The other constructors keep their ids, and are told from the result by them.
    let error = enums::RpcReqResult::<enums::RpcPong>::from(types::RpcReqResult {
        query_id: 42,
        result: enums::ReqResult::from(types::ReqError {
            error_code: -3000,
            error: "timeout".into(),
        }),
    });
    want.truncate(12);
    want.extend(words(&[0xb527_877d, -3000i32 as u32]));
    want.extend(b"\x07timeout");
    assert_eq!(error.to_bytes(), want);
    assert_eq!(enums::RpcReqResult::from_bytes(&want), Ok(error));
    // A result of another type where none of the ids is: the untagged read fails on it.
    let mut wrong = words(&[0x63ae_da4e, 42, 0]);
    wrong.extend(words(&[0x1234_5678, 7, 0]));
    assert!(enums::RpcReqResult::<enums::RpcPong>::from_bytes(&wrong).is_err());
}

/// `Any` leaves out the types that take a field mask, so with `borrowed` it has a lifetime only
/// when something it holds borrows: here the masked `M` does, `Pong` and `ping` do not.
mod masked_borrowed {
    tl_runtime::tl! {
        #[tl(any, borrowed)]
        r"
        m {fm:#} name:fm.0?string = M fm;
        pong id:long = Pong;
        ---functions---
        ping id:long = Pong;
        "
    }
}

#[test]
fn any_has_no_lifetime_for_a_masked_type_it_leaves_out() {
    use masked_borrowed::{Any, types};
    use tl_runtime::Identifiable;
    // No lifetime to name: `Any` borrows nothing.
    fn decode(bytes: &[u8]) -> Any {
        Any::from_bytes(bytes).unwrap()
    }
    let pong = types::Pong { id: 7 };
    let mut bytes = types::Pong::CONSTRUCTOR_ID.to_le_bytes().to_vec();
    bytes.extend(7i64.to_le_bytes());
    assert!(matches!(decode(&bytes), Any::Pong(p) if p == pong.into()));
    // The masked type itself still borrows its string.
    let m = types::M { name: Some("x") };
    let _: &str = m.name.unwrap();
}
