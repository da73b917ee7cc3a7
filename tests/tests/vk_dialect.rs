//! VK's dialect of TL, in which its engines, KPHP and StatsHouse speak: functions marked with
//! modifiers (`@read`, `@write`, `@any @internal`) or declared with `=>`, numbers that may be absent
//! (`ts:fields_mask.4?#`), 4-byte `float`s, tuples of a length written in the type (`(tuple double 2)`,
//! `%(Tuple # 8)`), vectors of numbers (`%(Vector #)`), and ids assigned by hand, which no
//! rule computes (taken as written with `allow_id_mismatch(*)`). The lines are those of KPHP's
//! `k2-components` test schema, StatsHouse's binlog and checkpoint schemas and its public API,
//! and VK's RPC schema.

use tl_runtime::{Deserialize, Identifiable, Serialize};

mod vk {
    tl_runtime::tl! {
        #[tl(id_rule = "tdlib", allow_id_mismatch(*))]
        r"
memcache.not_found#32c42422 = memcache.Value;
memcache.strvalue#a6bebb1a value:string flags:int = memcache.Value;

fsbinlog.levUpgradeToGms#b75009a0 fields_mask:#
    PayloadOffset:long
    Crc:#
    Ts:# = fsbinlog.LevUpgradeToGms;

sqlite.metainfo#9286affa
    field_mask: #
    offset: long
    control_meta: field_mask.0?string = sqlite.Metainfo;

engine.query {X:Type} query:!X = engine.Query;

statshouse.sample fields_mask:#
  name:      string
  counter:   fields_mask.0?double
  ts:        fields_mask.4?#               // UNIX timestamp UTC
  = statshouse.Sample;

// `=>`: a function, though in the types section (VK's TL code generator's test schemas).
@read memcache.peek#5bc8a2f1 key:string => memcache.Value;

---functions---

// MemCache

@read memcache.get#d33b13ae key:string = memcache.Value;

@write memcache.set#eeeb54c4 key:string flags:int delay:int value:string = Bool;

@any @internal engine.sleep time_ms:int = Bool;
        "
    }
}

use vk::{enums, functions, types};

#[test]
fn ids_assigned_by_hand_are_taken_as_written() {
    // None of these is a CRC of its line: VK's schemas assign them.
    assert_eq!(
        types::fsbinlog::LevUpgradeToGms::CONSTRUCTOR_ID,
        0xb750_09a0
    );
    assert_eq!(types::sqlite::Metainfo::CONSTRUCTOR_ID, 0x9286_affa);
    assert_eq!(functions::memcache::Get::CONSTRUCTOR_ID, 0xd33b_13ae);
    // A line without an id gets the CRC of the line as written, VK's rule as TDLib's:
    // `engine.sleep time_ms:int = Bool`, modifiers left out.
    assert_eq!(functions::engine::Sleep::CONSTRUCTOR_ID, 0x3d3b_cd48);
}

#[test]
fn an_arrow_declares_a_function_among_the_types() {
    use tl_runtime::RemoteCall;
    let call = functions::memcache::Peek { key: "k".into() };
    assert_eq!(functions::memcache::Peek::CONSTRUCTOR_ID, 0x5bc8_a2f1);
    let mut want = 0x5bc8_a2f1u32.to_le_bytes().to_vec();
    want.extend([1, b'k', 0, 0]);
    assert_eq!(call.to_bytes(), want);
    let answer = enums::memcache::Value::from(types::memcache::NotFound);
    assert_eq!(
        functions::memcache::Peek::decode_reply(&answer.to_bytes()),
        Ok(Ok(answer))
    );
}

#[test]
fn a_function_with_modifiers_is_a_function() {
    let call = functions::memcache::Set {
        key: "k".into(),
        flags: 0,
        delay: 0,
        value: "v".into(),
    };
    let mut want = 0xeeeb_54c4u32.to_le_bytes().to_vec();
    want.extend([1, b'k', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, b'v', 0, 0]);
    assert_eq!(call.to_bytes(), want);
    let reply = enums::memcache::Value::Strvalue(types::memcache::Strvalue {
        value: "v".into(),
        flags: 3,
    });
    let decoded =
        <functions::memcache::Get as tl_runtime::RemoteCall>::decode_reply(&reply.to_bytes());
    assert_eq!(decoded, Ok(Ok(reply)));
}

#[test]
fn a_number_that_may_be_absent_is_an_option() {
    // StatsHouse's agents keep a shard number in a mask's top bits: bits no field names
    // survive, beside those the fields set.
    let with = types::statshouse::Sample {
        fields_mask: tl_runtime::UnknownFlags(7 << 24),
        name: "m".into(),
        counter: None,
        ts: Some(1_700_000_000),
    };
    // `fields_mask` has bit 4 for `ts`; then the name, then the number.
    let mut want = (7u32 << 24 | 1 << 4).to_le_bytes().to_vec();
    want.extend([1, b'm', 0, 0]);
    want.extend(1_700_000_000u32.to_le_bytes());
    assert_eq!(with.to_bytes(), want);
    assert_eq!(types::statshouse::Sample::from_bytes(&want), Ok(with));
    let without = types::statshouse::Sample {
        fields_mask: tl_runtime::UnknownFlags(0),
        name: "m".into(),
        counter: Some(1.5),
        ts: None,
    };
    let bytes = without.to_bytes();
    assert_eq!(bytes[..4], 1u32.to_le_bytes());
    assert_eq!(bytes.len(), 4 + 4 + 8);
    assert_eq!(types::statshouse::Sample::from_bytes(&bytes), Ok(without));
}

#[test]
fn modifiers_are_kept_and_left_out_of_the_id() {
    let marked = tl_schema::parser::parse(
        "@any @internal engine.sleep time_ms:int = Bool;",
        0,
        tl_schema::Section::Functions,
    );
    let plain = tl_schema::parser::parse(
        "engine.sleep time_ms:int = Bool;",
        0,
        tl_schema::Section::Functions,
    );
    let (marked, plain) = (&marked.definitions[0], &plain.definitions[0]);
    let names: Vec<&str> = marked.modifiers.iter().map(|m| m.value.as_str()).collect();
    assert_eq!(names, ["any", "internal"]);
    assert!(plain.modifiers.is_empty());
    for rule in [tl_schema::IdRule::Tdlib, tl_schema::IdRule::Telegram] {
        assert_eq!(marked.computed_id(rule), plain.computed_id(rule));
    }
}

mod statshouse {
    tl_runtime::tl! {
        #[tl(id_rule = "tdlib", allow_id_mismatch(*), decode_functions, serde)]
        r"
vector#1cb5c415 {t:Type} # [t] = Vector t;
tuple#9770768a {t:Type} {n:#} [t] = Tuple t n;
float#824dab22 ? = Float;    // 4 bytes -- single precision
dictionaryField {t:Type} key:string value:t = DictionaryField t;
dictionary#1f4c618f {t:Type} %(Vector %(DictionaryField t)) = Dictionary t;
true = True;

statshouse.metric#3325d884 fields_mask:#
  name:      string
  tags:      (dictionary string)
  counter:   fields_mask.0?double
  ts:        fields_mask.4?#               // UNIX timestamp UTC
  value:     fields_mask.1?(vector double)
  unique:    fields_mask.2?(vector long)
  histogram: fields_mask.3?(vector (tuple double 2)) // value, count
  // value array is interpreted as histogram with count 1

  = statshouse.Metric;

statshouse.centroidFloat#73fd01e0 value:float count:float = statshouse.CentroidFloat;

net.pid ip:int port_pid:int utime:int = net.Pid;

netUdpPacket.encHeader#251a7bfd
  flags:#
  time:flags.9?int
  packet_ack_set:flags.15?%(Vector #)
  = netUdpPacket.EncHeader;

netUdpPacket.unencHeader#00a8e945
  flags:#
  pid_hash:flags.2?long
  crypto_sha:flags.4?%True            // must always be set
  crypto_random:flags.5?%(Tuple # 8) // must always be set
  = netUdpPacket.UnencHeader;

---functions---

@write statshouse.addMetricsBatch#56580239 fields_mask:# metrics:(vector statshouse.metric) = True;
        "
    }
}

/// `n` little-endian words.
fn words(values: &[u32]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

#[test]
fn a_tuple_is_an_array_with_no_count_on_the_wire() {
    use statshouse::types::net_udp_packet::UnencHeader;
    let header = UnencHeader {
        flags: tl_runtime::UnknownFlags(0),
        pid_hash: None,
        crypto_sha: true,
        crypto_random: Some([1, 2, 3, 4, 5, 6, 7, 8]),
    };
    // The id, the flags (bits 4 and 5), then the eight numbers, one after another.
    let want = words(&[0x00a8_e945, 1 << 4 | 1 << 5, 1, 2, 3, 4, 5, 6, 7, 8]);
    let bytes = statshouse::enums::net_udp_packet::UnencHeader::from(header.clone()).to_bytes();
    assert_eq!(bytes, want);
    assert_eq!(
        statshouse::enums::net_udp_packet::UnencHeader::from_bytes(&want),
        Ok(header.into())
    );
    // Seven numbers where eight are due: an error, not a short array.
    let short = &want[..want.len() - 4];
    assert!(statshouse::enums::net_udp_packet::UnencHeader::from_bytes(short).is_err());
}

#[test]
fn a_vector_of_numbers_is_a_vec_of_u32() {
    use statshouse::types::net_udp_packet::EncHeader;
    let header = EncHeader {
        flags: tl_runtime::UnknownFlags(0),
        time: None,
        packet_ack_set: Some(vec![7, 0xffff_ffff]),
    };
    // `%(Vector #)` is bare: the count, then the numbers, with no vector id.
    let want = words(&[1 << 15, 2, 7, 0xffff_ffff]);
    assert_eq!(header.to_bytes(), want);
    assert_eq!(EncHeader::from_bytes(&want), Ok(header));
}

#[test]
fn statshouse_metrics_encode_as_its_agents_send_them() {
    use statshouse::types;
    let metric = types::statshouse::Metric {
        fields_mask: tl_runtime::UnknownFlags(0),
        name: "api_calls".into(),
        tags: types::Dictionary {
            arg1: vec![types::DictionaryField {
                key: "1".into(),
                value: "production".into(),
            }],
        },
        counter: None,
        ts: Some(1_700_000_000),
        value: None,
        unique: None,
        histogram: Some(vec![[0.5, 3.0], [2.0, 1.0]]),
    };
    let batch = statshouse::functions::statshouse::AddMetricsBatch {
        fields_mask: 0,
        metrics: vec![metric],
    };
    let mut want = words(&[0x5658_0239, 0, 1]);
    want.extend(words(&[1 << 3 | 1 << 4]));
    want.extend(b"\x09api_calls\0\0");
    want.extend(words(&[1]));
    want.extend(b"\x011\0\0\x0aproduction\0");
    want.extend(words(&[1_700_000_000, 2]));
    for x in [0.5f64, 3.0, 2.0, 1.0] {
        want.extend(x.to_le_bytes());
    }
    assert_eq!(batch.to_bytes(), want);
    assert_eq!(
        statshouse::functions::statshouse::AddMetricsBatch::from_bytes(&want),
        Ok(batch)
    );
}

#[test]
fn a_float_is_four_bytes_every_bit_kept() {
    use statshouse::types::statshouse::CentroidFloat;
    let centroid = CentroidFloat {
        value: 1.5,
        count: 2.0,
    };
    let want = [
        words(&[0x73fd_01e0]),
        1.5f32.to_le_bytes().to_vec(),
        2.0f32.to_le_bytes().to_vec(),
    ]
    .concat();
    let boxed = statshouse::enums::statshouse::CentroidFloat::from(centroid);
    assert_eq!(boxed.to_bytes(), want);
    assert_eq!(
        statshouse::enums::statshouse::CentroidFloat::from_bytes(&want),
        Ok(boxed)
    );
    // A NaN's payload and a negative zero survive.
    let odd = CentroidFloat {
        value: f32::from_bits(0x7fc0_1234),
        count: -0.0,
    };
    let back = CentroidFloat::from_bytes(&odd.to_bytes()).unwrap();
    assert_eq!(back.value.to_bits(), 0x7fc0_1234);
    assert_eq!(back.count.to_bits(), (-0.0f32).to_bits());
}

/// A hand-written type checked against a VK line: `float` is `f32`, a tuple an array, `%True`
/// a flag's `bool`; the same bytes as the type `tl!` generates from that line. An id assigned
/// by hand is written again as `id`, as a derive takes any frozen id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
#[tl(
    line = "netUdpPacket.unencHeader#00a8e945 flags:# pid_hash:flags.2?long crypto_sha:flags.4?%True crypto_random:flags.5?%(Tuple # 8) = netUdpPacket.UnencHeader;",
    id = 0x00a8_e945
)]
struct Header {
    flags: tl_runtime::UnknownFlags,
    pid_hash: Option<i64>,
    crypto_sha: bool,
    crypto_random: Option<[u32; 8]>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
#[tl(
    line = "statshouse.centroidFloat#73fd01e0 value:float count:float = statshouse.CentroidFloat;",
    id = 0x73fd_01e0
)]
struct Centroid {
    value: f32,
    count: f32,
}

#[test]
fn derived_types_read_vk_lines_as_tl_does() {
    let hand = Header {
        flags: tl_runtime::UnknownFlags(1 << 30),
        pid_hash: Some(-5),
        crypto_sha: true,
        crypto_random: Some([9; 8]),
    };
    let generated = statshouse::types::net_udp_packet::UnencHeader {
        flags: tl_runtime::UnknownFlags(1 << 30),
        pid_hash: Some(-5),
        crypto_sha: true,
        crypto_random: Some([9; 8]),
    };
    assert_eq!(hand.to_bytes(), generated.to_bytes());
    assert_eq!(Header::from_bytes(&generated.to_bytes()), Ok(hand));
    let centroid = Centroid {
        value: 0.25,
        count: 4.0,
    };
    let generated = statshouse::types::statshouse::CentroidFloat {
        value: 0.25,
        count: 4.0,
    };
    assert_eq!(Centroid::CONSTRUCTOR_ID, 0x73fd_01e0);
    assert_eq!(centroid.to_bytes(), generated.to_bytes());
    assert_eq!(Centroid::from_bytes(&generated.to_bytes()), Ok(centroid));
}

#[test]
fn json_holds_floats_tuples_and_numbers() {
    use statshouse::types;
    let centroid = types::statshouse::CentroidFloat {
        value: 0.5,
        count: 3.0,
    };
    let text = serde_json::to_string(&centroid).unwrap();
    assert_eq!(
        text,
        r#"{"_":"statshouse.centroidFloat","value":0.5,"count":3.0}"#
    );
    assert_eq!(
        serde_json::from_str::<types::statshouse::CentroidFloat>(&text).unwrap(),
        centroid
    );
    let header = types::net_udp_packet::UnencHeader {
        flags: tl_runtime::UnknownFlags(0),
        pid_hash: None,
        crypto_sha: true,
        crypto_random: Some([1, 2, 3, 4, 5, 6, 7, 0xffff_ffff]),
    };
    let text = serde_json::to_string(&header).unwrap();
    assert!(
        text.contains(r#""crypto_random":[1,2,3,4,5,6,7,4294967295]"#),
        "{text}"
    );
    let back: types::net_udp_packet::UnencHeader = serde_json::from_str(&text).unwrap();
    assert_eq!(back, header);
    // Seven numbers where the tuple holds eight.
    let short = text.replace(",4294967295]", "]");
    assert!(serde_json::from_str::<types::net_udp_packet::UnencHeader>(&short).is_err());
}

mod generic {
    tl_runtime::tl! {
        #[tl(id_rule = "tdlib", any, decode_functions)]
        "pairOf {X:Type} ends:(tuple X 2) = PairOf X;"
        "segment p:(PairOf int) q:(pairOf long) = Segment;"
        "---functions---"
        "getEnds {X:Type} query:!X ends:(tuple int 2) = X;"
    }
}

#[test]
fn a_tuple_of_a_type_variable_uses_it() {
    // `[X; 2]` makes `X` a parameter of the Rust type, as `Vec<X>` does.
    let segment = generic::types::Segment {
        p: generic::enums::PairOf::PairOf(generic::types::PairOf { ends: [1, -1] }),
        q: generic::types::PairOf { ends: [7, 8] },
    };
    let want = [
        words(&[generic::types::Segment::CONSTRUCTOR_ID]),
        words(&[generic::types::PairOf::<i32>::CONSTRUCTOR_ID, 1, u32::MAX]),
        7i64.to_le_bytes().to_vec(),
        8i64.to_le_bytes().to_vec(),
    ]
    .concat();
    let boxed = generic::enums::Segment::from(segment);
    assert_eq!(boxed.to_bytes(), want);
    assert_eq!(generic::enums::Segment::from_bytes(&want), Ok(boxed));
}

#[test]
fn a_constructor_may_hold_a_call_as_its_bytes() {
    // StatsHouse's `engine.query {X:Type} query:!X = engine.Query;` holds any call: its value is
    // the call's bytes, id first, an `Object` that takes the rest of the input.
    let call = functions::engine::Sleep { time_ms: 5 };
    let query = enums::engine::Query::from(types::engine::Query {
        query: tl_runtime::Object::new(&call),
    });
    let mut want = types::engine::Query::CONSTRUCTOR_ID.to_le_bytes().to_vec();
    want.extend(call.to_bytes());
    assert_eq!(query.to_bytes(), want);
    let back = enums::engine::Query::from_bytes(&want).unwrap();
    assert_eq!(back, query);
    let enums::engine::Query::Query(held) = back;
    assert_eq!(held.query.constructor_id(), Some(0x3d3b_cd48));
}

/// KPHP's crypto component (`runtime-light/stdlib/crypto/crypto_schema.tl`): `encrypt` answers
/// `Maybe` of a bare tuple of two strings, the data and the tag, written `Maybe tuple string 2`
/// (arguments nested by arity), which KPHP's C++ reads as `tl::Maybe<tl::tuple<tl::string,
/// 2>>`: `resultTrue`, then the two strings, no count.
mod crypto {
    tl_runtime::tl! {
        #[tl(id_rule = "tdlib", allow_id_mismatch(*), any, serde)]
        r"
---types---
resultFalse#27930a7b {t:Type} = Maybe t;
resultTrue#3f9c8ef8 {t:Type} result:t = Maybe t;
vector#1cb5c415 {t:Type} # [t] = Vector t;
tuple#9770768a {t:Type} {n:#} [t] = Tuple t n;
pair {X:Type} {Y:Type} a:X b:Y = Pair X Y;

cipherAlgorithmAes128gcm#ee7e4261 = CipherAlgorithm;
cipherAlgorithmAes256gcm#c2f9eb95 = CipherAlgorithm;

blockPaddingPkcs7#699ec5de = BlockPadding;
noPadding#ffc3d2f3 = BlockPadding;

---functions---
encrypt#6d4ee36a
    algorithm : CipherAlgorithm
    padding   : BlockPadding
    key       : string
    iv        : string
    tag_size  : long
    aad       : string
    data      : string
    = Maybe tuple string 2;  // encrypted data + tag (only for gcm algorithm)

getSpans#11111111 n:int = Vector (tuple int 2);
getPairs#22222222 = Pair (tuple (tuple int 2) 2) (Maybe %(tuple long 1));
        "
    }
}

/// The wire form of TL's `string` of `s` (shorter than 254 bytes).
fn tl_string(s: &[u8]) -> Vec<u8> {
    let mut out = vec![u8::try_from(s.len()).unwrap()];
    out.extend_from_slice(s);
    out.resize(out.len().next_multiple_of(4), 0);
    out
}

#[test]
fn a_tuple_may_be_a_type_argument_and_an_answer() {
    use crypto::{enums, functions};
    use tl_runtime::{RemoteCall, Tuple};
    // The answer to `encrypt`: `resultTrue`, then the two strings one after another.
    let bytes = [
        words(&[0x3f9c_8ef8]),
        tl_string(b"cipher"),
        tl_string(b"tag"),
    ]
    .concat();
    let call = functions::Encrypt {
        algorithm: crypto::types::CipherAlgorithmAes256gcm.into(),
        padding: crypto::types::NoPadding.into(),
        key: "k".into(),
        iv: "i".into(),
        tag_size: 16,
        aad: String::new(),
        data: "d".into(),
    };
    // The request as KPHP's `tl::Encrypt::store` writes it: the magic, each enum's magic, the
    // strings and the 8-byte `tag_size`.
    let request = [
        words(&[0x6d4e_e36a, 0xc2f9_eb95, 0xffc3_d2f3]),
        tl_string(b"k"),
        tl_string(b"i"),
        16i64.to_le_bytes().to_vec(),
        tl_string(b""),
        tl_string(b"d"),
    ]
    .concat();
    assert_eq!(call.to_bytes(), request);
    let answer: <functions::Encrypt as RemoteCall>::Return =
        call.decode_answer(&bytes).unwrap().unwrap();
    let want: enums::Maybe<Tuple<String, 2>> = crypto::types::ResultTrue {
        result: Tuple(["cipher".to_string(), "tag".to_string()]),
    }
    .into();
    assert_eq!(answer, want);
    assert_eq!(want.to_bytes(), bytes);
    // One string where two are due: an error, not a short tuple.
    let short = [words(&[0x3f9c_8ef8]), tl_string(b"cipher")].concat();
    assert!(call.decode_answer(&short).is_err());
    // A count the input cannot hold is refused before anything is read.
    assert!(<Tuple<i64, 1000>>::from_bytes(&[0; 16]).is_err());

    // A vector of tuples as an answer: the vector's id and count, then two numbers each.
    let spans = functions::GetSpans { n: 2 };
    let bytes = words(&[0x1cb5_c415, 2, 1, 2, 3, 4]);
    let answer = spans.decode_answer(&bytes).unwrap().unwrap();
    assert_eq!(answer, vec![Tuple([1, 2]), Tuple([3, 4])]);
    assert_eq!(answer.to_bytes(), bytes);

    // Tuples of tuples as arguments, and a `%` tuple inside another type's argument.
    let pairs = functions::GetPairs {};
    let bytes = [
        words(&[
            crypto::types::Pair::<(), ()>::CONSTRUCTOR_ID,
            1,
            2,
            3,
            4,
            0x3f9c_8ef8,
        ]),
        (-5i64).to_le_bytes().to_vec(),
    ]
    .concat();
    let answer = pairs.decode_answer(&bytes).unwrap().unwrap();
    let enums::Pair::Pair(pair) = &answer;
    assert_eq!(pair.a, Tuple([Tuple([1, 2]), Tuple([3, 4])]));
    assert_eq!(answer.to_bytes(), bytes);
}

#[test]
fn a_tuple_argument_is_a_json_array() {
    use tl_runtime::Tuple;
    let value: crypto::enums::Maybe<Tuple<String, 2>> = crypto::types::ResultTrue {
        result: Tuple(["cipher".to_string(), "tag".to_string()]),
    }
    .into();
    let text = serde_json::to_string(&value).unwrap();
    assert_eq!(text, r#"{"_":"resultTrue","result":["cipher","tag"]}"#);
    assert_eq!(
        serde_json::from_str::<crypto::enums::Maybe<Tuple<String, 2>>>(&text).unwrap(),
        value
    );
    let short = r#"{"_":"resultTrue","result":["cipher"]}"#;
    assert!(serde_json::from_str::<crypto::enums::Maybe<Tuple<String, 2>>>(short).is_err());
}

/// VK's counted lists: a tuple whose length is a `#` field before it, boxed (`(Tuple int n)`,
/// `tuple`'s id #9770768a before the elements) or bare. The first line is from VK's TL code
/// generator's test schema, whose generated Go has the id below (`TLTag`, 0x45366605: the TDLib
/// rule's CRC of the line as written) and writes `n`, the id, then `n` numbers.
mod counted {
    tl_runtime::tl! {
        #[tl(id_rule = "tdlib", serde)]
        r"
nonOptNat n:# xs:(Tuple int n) = NonOptNat;
bareLists n:# m:# xs:%(Tuple long n) names:(tuple string m) = BareLists;
        "
    }
}

#[test]
fn a_tuple_counted_by_a_field_is_a_vec() {
    use counted::{enums, types};
    assert_eq!(types::NonOptNat::CONSTRUCTOR_ID, 0x4536_6605);
    let value = types::NonOptNat { xs: vec![5, -1] };
    let bytes = enums::NonOptNat::from(value.clone()).to_bytes();
    assert_eq!(bytes, words(&[0x4536_6605, 2, 0x9770_768a, 5, u32::MAX]));
    assert_eq!(enums::NonOptNat::from_bytes(&bytes), Ok(value.into()));
    // Another id where `tuple`'s is due, and a count the input cannot hold.
    assert!(enums::NonOptNat::from_bytes(&words(&[0x4536_6605, 2, 0x1cb5_c415, 5, 6])).is_err());
    assert!(enums::NonOptNat::from_bytes(&words(&[0x4536_6605, 9, 0x9770_768a, 5, 6])).is_err());

    // Bare: the elements alone, each list counted by its own `#` field.
    let lists = types::BareLists {
        xs: vec![7],
        names: vec!["a".into(), "b".into()],
    };
    let bytes = lists.to_bytes();
    let want = [
        words(&[1, 2]),
        7i64.to_le_bytes().to_vec(),
        vec![1, b'a', 0, 0, 1, b'b', 0, 0],
    ]
    .concat();
    assert_eq!(bytes, want);
    assert_eq!(types::BareLists::from_bytes(&bytes), Ok(lists.clone()));
    let text = serde_json::to_string(&lists).unwrap();
    assert_eq!(text, r#"{"_":"bareLists","xs":[7],"names":["a","b"]}"#);
}
