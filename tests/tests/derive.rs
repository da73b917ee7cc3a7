//! The derives on flag fields, groups, aliases, generics, `with`, `skip`, `rename`, lines
//! written from the fields (`id = 0x…` alone), and `tl!`'s `extern(...)` calling a derived
//! type: each hand-written type byte-identical to the `tl!`-generated one on the value
//! generator's bytes, both ways.

use tl_runtime::{Deserialize, Identifiable, Serialize, UnknownFlags};
use tl_schema::{Section, Source};
use tl_tests::generate::for_each_encoding;

/// The schema both sides implement: `tl!` generates it, the `hand` module writes it.
macro_rules! schema {
    ($($line:literal)*) => {
        const SCHEMA: &str = concat!($($line, "\n"),*);
        mod generated {
            tl_runtime::tl! { #[tl(any)] $($line)* }
        }
    };
}

schema! {
    "peer id:long = Peer;"
    "message flags:# out:flags.1?true mentioned:flags.4?true id:int from_id:flags.8?Peer message:string entities:flags.7?Vector<MessageEntity> media_unread:flags.4?true reply_to:flags.3?int = Message;"
    "messageEntityBold#bd610bc9 offset:int length:int = MessageEntity;"
    "messageEntityUrl offset:int length:int url:string = MessageEntity;"
    "geo flags:# lat:flags.0?double long:flags.0?double radius:flags.0?int name:string flags2:# pinned:flags2.3?true = Geo;"
    "box inner:Message items:vector<peer> = Box;"
    "---functions---"
    "messages.send flags:# silent:flags.5?true peer:Peer text:string reply:flags.0?int = Message;"
}

mod hand {
    use tl_runtime::{Deserialize, Identifiable, Serialize, UnknownFlags};

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
    #[tl(line = "peer id:long = Peer;")]
    pub struct PeerCtor {
        pub id: i64,
    }

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub enum Peer {
        Peer(PeerCtor),
    }

    /// A `?true` that shares its bit with another (`media_unread` with `mentioned`) is not a
    /// field; `flag = "..."` states a field's bit, checked.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
    #[tl(
        line = "message flags:# out:flags.1?true mentioned:flags.4?true id:int from_id:flags.8?Peer message:string entities:flags.7?Vector<MessageEntity> media_unread:flags.4?true reply_to:flags.3?int = Message;"
    )]
    pub struct MessageCtor {
        pub flags: UnknownFlags,
        #[tl(flag = "flags.1")]
        pub out: bool,
        pub mentioned: bool,
        pub id: i32,
        #[tl(flag = "flags.8")]
        pub from_id: Option<Box<Peer>>,
        pub message: String,
        pub entities: Option<Vec<MessageEntity>>,
        /// Renamed: the TL field `reply_to`.
        #[tl(rename = "reply_to")]
        pub reply_to_msg_id: Option<i32>,
        /// Not on the wire.
        #[tl(skip)]
        pub seen_locally: bool,
    }

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub enum Message {
        Message(MessageCtor),
    }

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub enum MessageEntity {
        #[tl(line = "messageEntityBold#bd610bc9 offset:int length:int = MessageEntity;")]
        Bold { offset: i32, length: i32 },
        #[tl(line = "messageEntityUrl offset:int length:int url:string = MessageEntity;")]
        Url(i32, i32, String),
    }

    /// Three valued fields on one bit are one `Option` of a tuple; two `#` words.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
    #[tl(
        line = "geo flags:# lat:flags.0?double long:flags.0?double radius:flags.0?int name:string flags2:# pinned:flags2.3?true = Geo;"
    )]
    pub struct GeoCtor {
        pub flags: UnknownFlags,
        pub lat_and_long_and_radius: Option<(f64, f64, i32)>,
        #[tl(with = "upper")]
        pub name: String,
        pub flags2: UnknownFlags,
        pub pinned: bool,
    }

    /// `with`: a module in place of the type's own impls. This one encodes the string as
    /// `string` does, so that the type stays byte-identical to the generated one.
    pub mod upper {
        use tl_runtime::{Deserialize, Error, Reader, Serialize};
        pub fn serialize(v: &String, buf: &mut Vec<u8>) {
            v.serialize(buf);
        }
        pub fn deserialize(r: &mut Reader<'_>) -> Result<String, Error> {
            String::deserialize(r)
        }
    }

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub enum Geo {
        Geo(GeoCtor),
    }

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
    #[tl(line = "box inner:Message items:vector<peer> = Box;")]
    pub struct BoxCtor {
        pub inner: Message,
        pub items: Vec<PeerCtor>,
    }

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub enum BoxType {
        Box(BoxCtor),
    }

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
    #[tl(
        boxed,
        line = "messages.send flags:# silent:flags.5?true peer:Peer text:string reply:flags.0?int = Message;"
    )]
    pub struct Send {
        pub flags: UnknownFlags,
        pub silent: bool,
        pub peer: Peer,
        pub text: String,
        pub reply: Option<i32>,
    }
}

/// Decodes `bytes` through the hand-written type of `def` and returns its encoding.
fn through_hand(def: &tl_schema::Definition, bytes: &[u8]) -> Vec<u8> {
    fn via<T: Serialize + tl_runtime::DeserializeOwned + PartialEq + std::fmt::Debug>(
        bytes: &[u8],
    ) -> Vec<u8> {
        let v = T::from_bytes(bytes).unwrap();
        let out = v.to_bytes();
        assert_eq!(v.serialized_len(), out.len());
        assert_eq!(T::from_bytes(&out).unwrap(), v);
        out
    }
    match (def.section, def.result.name.as_str()) {
        (Section::Functions, _) => via::<hand::Send>(bytes),
        (_, "Peer") => via::<hand::Peer>(bytes),
        (_, "Message") => via::<hand::Message>(bytes),
        (_, "MessageEntity") => via::<hand::MessageEntity>(bytes),
        (_, "Geo") => via::<hand::Geo>(bytes),
        (_, "Box") => via::<hand::BoxType>(bytes),
        (_, other) => panic!("no hand-written type for {other}"),
    }
}

#[test]
fn flags_groups_and_enum_forms_are_byte_identical_to_generated() {
    let sources = [Source::literal(SCHEMA)];
    let (schema, diagnostics) = tl_schema::check(&sources, &tl_schema::Config::default());
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let checked = for_each_encoding(
        &schema,
        5,
        schema.id_rule,
        |_| false,
        |def, presence, bytes| {
            let generated = generated::Any::from_bytes(bytes).unwrap();
            let hand = through_hand(def, bytes);
            assert_eq!(hand, bytes, "{} ({presence:?})", def.name.value);
            assert_eq!(generated::Any::from_bytes(&hand).unwrap(), generated);
        },
    );
    assert_eq!(checked, 7);
}

#[test]
fn skipped_fields_decode_to_their_default_and_ids_come_from_the_line() {
    let m = hand::MessageCtor {
        flags: UnknownFlags::default(),
        out: true,
        mentioned: false,
        id: 7,
        from_id: None,
        message: "hi".into(),
        entities: Some(vec![hand::MessageEntity::Url(1, 2, "u".into())]),
        reply_to_msg_id: Some(3),
        seen_locally: true,
    };
    let back = hand::MessageCtor::from_bytes(&m.to_bytes()).unwrap();
    assert!(!back.seen_locally, "a skipped field is not on the wire");
    assert_eq!(
        back,
        hand::MessageCtor {
            seen_locally: false,
            ..m
        }
    );
    // Ids not written in the line are its CRC, as `tl!` computes them.
    assert_eq!(
        hand::MessageCtor::CONSTRUCTOR_ID,
        generated::types::Message::CONSTRUCTOR_ID
    );
    assert_eq!(
        hand::Send::CONSTRUCTOR_ID,
        generated::functions::messages::Send::CONSTRUCTOR_ID
    );
    assert_eq!(
        hand::PeerCtor::CONSTRUCTOR_ID,
        generated::types::Peer::CONSTRUCTOR_ID
    );
}

/// A line written from the fields: `id = 0x…` alone, each Rust type's TL type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
#[tl(id = 0x11223344)]
pub struct Written {
    pub a: i32,
    pub b: Vec<String>,
    pub c: bool,
    pub d: [u8; 16],
}

/// A generic type: `{X:Type}`, `!X`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
#[tl(
    boxed,
    line = "invokeWithLayer#da9b0d0d {X:Type} layer:int query:!X = X;"
)]
pub struct InvokeWithLayer<X> {
    pub layer: i32,
    pub query: X,
}

#[test]
fn written_lines_and_generics_encode_as_their_tl_types() {
    let w = Written {
        a: -1,
        b: vec!["x".into()],
        c: true,
        d: [9; 16],
    };
    let bytes = w.to_bytes();
    let mut expected = (-1i32).to_le_bytes().to_vec();
    expected.extend(0x1cb5_c415u32.to_le_bytes());
    expected.extend(1u32.to_le_bytes());
    expected.extend([1, b'x', 0, 0]);
    expected.extend(0x9972_75b5u32.to_le_bytes());
    expected.extend([9; 16]);
    assert_eq!(bytes, expected);
    assert_eq!(Written::from_bytes(&bytes).unwrap(), w);
    assert_eq!(Written::CONSTRUCTOR_ID, 0x1122_3344);

    let call = InvokeWithLayer {
        layer: 228,
        query: hand::Send {
            flags: UnknownFlags::default(),
            silent: true,
            peer: hand::Peer::Peer(hand::PeerCtor { id: 5 }),
            text: "t".into(),
            reply: None,
        },
    };
    let bytes = call.to_bytes();
    assert_eq!(&bytes[..4], &0xda9b_0d0du32.to_le_bytes());
    assert_eq!(
        InvokeWithLayer::<hand::Send>::from_bytes(&bytes).unwrap(),
        call
    );
}

/// `tl!`'s `extern(...)`: the schema uses `FutureSalts`, which it does not define (Pyrogram's
/// `sys_msgs.tl`), and a derived type supplies it; TON's custom builtin `bigBytes ? = BigBytes;`
/// likewise.
pub mod salts {
    use tl_runtime::{Deserialize, Serialize};

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[tl(line = "future_salt#0949d9dc valid_since:int valid_until:int salt:long = FutureSalt;")]
    pub struct FutureSalt {
        pub valid_since: i32,
        pub valid_until: i32,
        pub salt: i64,
    }

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub enum FutureSalts {
        #[tl(
            line = "future_salts#ae500895 req_msg_id:long now:int salts:vector<future_salt> = FutureSalts;"
        )]
        FutureSalts {
            req_msg_id: i64,
            now: i32,
            salts: Vec<FutureSalt>,
        },
    }

    /// TON's `bigBytes`: bytes with a 4-byte length, hand-written.
    #[derive(Debug, Clone, PartialEq)]
    pub struct BigBytes(pub Vec<u8>);

    impl Serialize for BigBytes {
        fn serialize(&self, buf: &mut Vec<u8>) {
            buf.extend((self.0.len() as u32).to_le_bytes());
            buf.extend(&self.0);
        }
        fn serialized_len(&self) -> usize {
            4 + self.0.len()
        }
    }

    impl<'a> Deserialize<'a> for BigBytes {
        const MIN_SERIALIZED_LEN: usize = 4;
        fn deserialize(r: &mut tl_runtime::Reader<'a>) -> Result<Self, tl_runtime::Error> {
            let n = r.read_u32()? as usize;
            Ok(BigBytes(r.read_raw(n)?.to_vec()))
        }
    }
}

mod with_extern {
    tl_runtime::tl! {
        #[tl(extern(FutureSalts = crate::salts::FutureSalts, BigBytes = crate::salts::BigBytes))]
        "bigBytes ? = BigBytes;"
        "saltsAnswer salts:FutureSalts blob:bigBytes = SaltsAnswer;"
        "---functions---"
        "get_future_salts#b921bd04 num:int = FutureSalts;"
    }
}

#[test]
fn extern_types_of_a_schema_call_the_derived_impls() {
    use tl_runtime::RemoteCall;
    let answer = with_extern::types::SaltsAnswer {
        salts: salts::FutureSalts::FutureSalts {
            req_msg_id: 1,
            now: 2,
            salts: vec![salts::FutureSalt {
                valid_since: 3,
                valid_until: 4,
                salt: 5,
            }],
        },
        blob: salts::BigBytes(vec![1, 2, 3]),
    };
    let bytes = answer.to_bytes();
    let mut expected = 0xae50_0895u32.to_le_bytes().to_vec();
    expected.extend(1i64.to_le_bytes());
    expected.extend(2i32.to_le_bytes());
    expected.extend(1u32.to_le_bytes());
    expected.extend(3i32.to_le_bytes());
    expected.extend(4i32.to_le_bytes());
    expected.extend(5i64.to_le_bytes());
    expected.extend(3u32.to_le_bytes());
    expected.extend([1, 2, 3]);
    assert_eq!(bytes, expected);
    assert_eq!(
        with_extern::types::SaltsAnswer::from_bytes(&bytes).unwrap(),
        answer
    );
    // A function returning the extern type decodes its answer through the derived impl.
    let reply = salts::FutureSalts::FutureSalts {
        req_msg_id: 9,
        now: 8,
        salts: Vec::new(),
    };
    let back = with_extern::functions::GetFutureSalts::decode_reply(&reply.to_bytes()).unwrap();
    assert_eq!(back.unwrap(), reply);
}

/// A derived type that holds itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Tree {
    #[tl(line = "node children:Vector<Tree> = Tree;")]
    Node { children: Vec<Tree> },
    #[tl(line = "leaf value:int = Tree;")]
    Leaf(i32),
}

/// Derived types decode as strictly as generated ones: a 100,000-level nesting is an error at
/// the depth limit (not a stack overflow), every cut of a valid encoding is an error, and so is
/// an unknown constructor id.
#[test]
fn derived_decoding_survives_hostile_input() {
    let node_id = &Tree::Node { children: vec![] }.to_bytes()[..4];
    let mut deep = Vec::new();
    for _ in 0..100_000 {
        deep.extend(node_id);
        deep.extend(0x1cb5_c415u32.to_le_bytes());
        deep.extend(1u32.to_le_bytes());
    }
    deep.extend(&Tree::Leaf(1).to_bytes());
    let err = Tree::from_bytes(&deep).unwrap_err();
    assert!(err.to_string().contains("deep"), "{err}");

    let value = Tree::Node {
        children: vec![
            Tree::Leaf(1),
            Tree::Node {
                children: vec![Tree::Leaf(2), Tree::Leaf(3)],
            },
        ],
    };
    let bytes = value.to_bytes();
    assert_eq!(Tree::from_bytes(&bytes).unwrap(), value);
    for cut in 0..bytes.len() {
        assert!(Tree::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
    }
    let mut unknown = bytes.clone();
    unknown[0] ^= 0xff;
    assert!(Tree::from_bytes(&unknown).is_err());
    // A count far beyond the input allocates nothing large: it is refused.
    let mut huge = node_id.to_vec();
    huge.extend(0x1cb5_c415u32.to_le_bytes());
    huge.extend(u32::MAX.to_le_bytes());
    assert!(Tree::from_bytes(&huge).is_err());
}

/// A line with anonymous fields (TL-polymorphism's `coupleInt {t:Type} int t`): a struct names
/// them as `tl!` does, `arg` and their place; a tuple struct holds them in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
#[tl(line = "couple int _:string label:string = Couple;", id_rule = "tdlib")]
pub struct Couple {
    pub arg1: i32,
    pub arg2: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
#[tl(line = "couple int _:string label:string = Couple;", id_rule = "tdlib")]
pub struct CoupleTuple(pub i32, pub String, pub String);

#[test]
fn anonymous_fields_are_derived_by_place() {
    let named = Couple {
        arg1: 3,
        arg2: "a".into(),
        label: "b".into(),
    };
    let tuple = CoupleTuple(3, "a".into(), "b".into());
    let bytes = named.to_bytes();
    assert_eq!(bytes, tuple.to_bytes());
    assert_eq!(bytes[..4], 3i32.to_le_bytes());
    assert_eq!(Couple::from_bytes(&bytes).unwrap(), named);
    assert_eq!(CoupleTuple::from_bytes(&bytes).unwrap(), tuple);
    // TDLib's parser (`tlc -E`) prints `couple#454b8d6e int _:string label:string = Couple`.
    assert_eq!(Couple::CONSTRUCTOR_ID, 0x454b8d6e);
    assert_eq!(CoupleTuple::CONSTRUCTOR_ID, 0x454b8d6e);
}
