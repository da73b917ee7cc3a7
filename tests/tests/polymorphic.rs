//! Polymorphic types of the schema (TL-polymorphism): `pair {X:Type} {Y:Type} a:X b:Y = Pair X Y`
//! is the generic `enums::Pair<X, Y>`, used as `Pair int string`. tl-proto's schemas (tycho's
//! overlay protocol) write the type variable without declaring it:
//! `overlay.response.ok value:T = overlay.Response T;`, and compute the id from that text.

use tl_runtime::{Deserialize, Error, Identifiable, RemoteCall, Serialize};

mod schema {
    tl_runtime::tl! {
        #[tl(any, decode_functions)]
        r"
        overlay.response.ok value:T = overlay.Response T;
        overlay.response.err code:int = overlay.Response T;
        pair {X:Type} {Y:Type} a:X b:Y = Pair X Y;
        maybe.none {T:Type} = Maybe T;
        foo flags:# x:(Pair int string) y:(overlay.Response Foo) z:flags.0?(Pair Foo long) = Foo;
        bar p:(pair int Bool) q:(Pair (Pair int int) (Vector string)) m:(Maybe int) = Bar;
        tree {T:Type} value:T children:Vector<(Tree T)> = Tree T;
        ---functions---
        getPair {X:Type} query:!X = Pair int X;
        echo {X:Type} value:X = Pair int X;
        maybeCall {X:Type} flags:# query:flags.0?!X = X;
        getFoo = overlay.Response Foo;
        getTree = Tree string;
        "
    }
}

use schema::{enums, functions, types};

/// The CRC32 of a definition's text, as tl-proto computes ids: written out here, so that the
/// generated ids are checked against an independent computation.
fn crc(text: &str) -> u32 {
    // CRC-32/ISO-HDLC, bit by bit.
    let mut crc = !0u32;
    for &b in text.as_bytes() {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn an_undeclared_variable_is_not_in_the_id_and_a_declared_one_is() {
    assert_eq!(
        types::overlay::response::Ok::<i32>::CONSTRUCTOR_ID,
        crc("overlay.response.ok value:T = overlay.Response T")
    );
    assert_eq!(
        types::overlay::response::Err::CONSTRUCTOR_ID,
        crc("overlay.response.err code:int = overlay.Response T")
    );
    assert_eq!(
        types::Pair::<i32, i32>::CONSTRUCTOR_ID,
        crc("pair X:Type Y:Type a:X b:Y = Pair X Y")
    );
}

fn le(id: u32) -> [u8; 4] {
    id.to_le_bytes()
}

#[test]
fn a_boxed_argument_is_written_with_its_id_and_a_bare_one_without() {
    let pair = types::Pair {
        a: 1i32,
        b: "x".to_string(),
    };
    let value: enums::overlay::Response<enums::Pair<i32, String>> = types::overlay::response::Ok {
        value: enums::Pair::from(pair.clone()),
    }
    .into();
    let bytes = value.to_bytes();
    let mut expected = Vec::new();
    expected.extend(le(types::overlay::response::Ok::<()>::CONSTRUCTOR_ID));
    expected.extend(le(types::Pair::<(), ()>::CONSTRUCTOR_ID));
    expected.extend([1, 0, 0, 0, 1, b'x', 0, 0]);
    assert_eq!(bytes, expected);
    assert_eq!(
        enums::overlay::Response::<enums::Pair<i32, String>>::from_bytes(&bytes).unwrap(),
        value
    );

    // The same value with the bare `pair` as the argument: no id before its fields.
    let bare: enums::overlay::Response<types::Pair<i32, String>> =
        types::overlay::response::Ok { value: pair }.into();
    let bytes = bare.to_bytes();
    assert_eq!(
        &bytes[..4],
        le(types::overlay::response::Ok::<()>::CONSTRUCTOR_ID)
    );
    assert_eq!(&bytes[4..], [1, 0, 0, 0, 1, b'x', 0, 0]);
    assert_eq!(
        enums::overlay::Response::<types::Pair<i32, String>>::from_bytes(&bytes).unwrap(),
        bare
    );
}

#[test]
fn a_constructor_that_does_not_use_the_variable_is_not_generic() {
    // `overlay.response.err` has no field of type `T`: its struct has no parameter, and the
    // enum's variant holds it whatever `T` is.
    let err: enums::overlay::Response<enums::Foo> =
        types::overlay::response::Err { code: -7 }.into();
    let bytes = err.to_bytes();
    assert_eq!(
        &bytes[..4],
        le(types::overlay::response::Err::CONSTRUCTOR_ID)
    );
    assert_eq!(&bytes[4..], (-7i32).to_le_bytes());
    assert_eq!(
        enums::overlay::Response::<enums::Foo>::from_bytes(&bytes).unwrap(),
        err
    );
    // `Maybe T` with no constructor using `T` is not generic at all.
    let none = enums::Maybe::from(types::maybe::None);
    assert_eq!(none.to_bytes(), le(types::maybe::None::CONSTRUCTOR_ID));
}

fn sample_foo(depth: usize) -> types::Foo {
    let inner = if depth == 0 {
        None
    } else {
        Some(Box::new(
            types::Pair {
                a: enums::Foo::from(sample_foo(depth - 1)),
                b: -5i64,
            }
            .into(),
        ))
    };
    types::Foo {
        flags: Default::default(),
        x: types::Pair {
            a: 3,
            b: "three".to_string(),
        }
        .into(),
        y: Box::new(types::overlay::response::Err { code: 404 }.into()),
        z: inner,
    }
}

#[test]
fn a_type_that_holds_itself_through_an_argument_round_trips() {
    // `Foo` holds `Pair Foo long` and `overlay.Response Foo`: boxed, so its size is finite.
    let foo = enums::Foo::from(sample_foo(3));
    let bytes = foo.to_bytes();
    assert_eq!(enums::Foo::from_bytes(&bytes).unwrap(), foo);
    // Flag bit 0 says whether `z` is there.
    assert_eq!(bytes[4..8], [1, 0, 0, 0]);
    let leaf = enums::Foo::from(sample_foo(0)).to_bytes();
    assert_eq!(leaf[4..8], [0, 0, 0, 0]);
}

#[test]
fn bare_and_nested_arguments() {
    let bar = types::Bar {
        p: types::Pair { a: 9, b: true },
        q: types::Pair {
            a: types::Pair { a: 1, b: 2 }.into(),
            b: vec!["a".to_string(), "bc".to_string()],
        }
        .into(),
        m: types::maybe::None.into(),
    };
    let bytes = bar.to_bytes();
    // `p` is the bare `pair int Bool`: its fields, no id.
    assert_eq!(&bytes[..4], [9, 0, 0, 0]);
    assert_eq!(&bytes[4..8], le(0x997275b5)); // boolTrue
    assert_eq!(&bytes[8..12], le(types::Pair::<(), ()>::CONSTRUCTOR_ID));
    assert_eq!(types::Bar::from_bytes(&bytes).unwrap(), bar);
}

#[test]
fn a_polymorphic_function_result_is_typed() {
    fn returns<F: RemoteCall<Return = R>, R>(_: &F) {}
    let get = functions::GetPair {
        query: functions::GetFoo,
    };
    returns::<_, enums::Pair<i32, enums::overlay::Response<enums::Foo>>>(&get);
    returns::<_, enums::Tree<String>>(&functions::GetTree);
    returns::<_, enums::overlay::Response<enums::Foo>>(&functions::GetFoo);
    // The wrapped call is written after the wrapper's id.
    let bytes = get.to_bytes();
    assert_eq!(
        &bytes[..4],
        le(functions::GetPair::<functions::GetFoo>::CONSTRUCTOR_ID)
    );
    assert_eq!(&bytes[4..], le(functions::GetFoo::CONSTRUCTOR_ID));
    // A type variable that no `!X` field names is a value's type, returned as it is: `echo`'s
    // `X` is `String` here, not a call whose answer is a string.
    let echo = functions::Echo {
        value: "hi".to_string(),
    };
    returns::<_, enums::Pair<i32, String>>(&echo);
    // A `!X` on a flag is a call too.
    let maybe = functions::MaybeCall {
        flags: Default::default(),
        query: Some(functions::GetFoo),
    };
    returns::<_, enums::overlay::Response<enums::Foo>>(&maybe);
    assert_eq!(&echo.to_bytes()[4..], [2, b'h', b'i', 0]);
    let answer = enums::Pair::from(types::Pair {
        a: 1,
        b: "hi".to_string(),
    });
    assert_eq!(
        functions::Echo::<String>::decode_reply(&answer.to_bytes()),
        Ok(Ok(answer))
    );
}

fn tree(depth: usize) -> enums::Tree<String> {
    types::Tree {
        value: format!("level {depth}"),
        children: if depth == 0 {
            Vec::new()
        } else {
            vec![tree(depth - 1), tree(0)]
        },
    }
    .into()
}

#[test]
fn a_recursive_polymorphic_type_round_trips_and_a_deep_one_is_refused() {
    let t = tree(5);
    let bytes = t.to_bytes();
    assert_eq!(enums::Tree::<String>::from_bytes(&bytes).unwrap(), t);

    // A hostile depth: each level is the id, an empty value, and a vector of one child.
    let id = types::Tree::<()>::CONSTRUCTOR_ID;
    let mut deep = Vec::new();
    for _ in 0..100_000 {
        deep.extend(le(id));
        deep.extend([0, 0, 0, 0]);
        deep.extend(le(0x1cb5c415));
        deep.extend([1, 0, 0, 0]);
    }
    let err: Error = enums::Tree::<String>::from_bytes(&deep).unwrap_err();
    assert!(err.to_string().contains("deep"), "{err}");
}

#[test]
fn any_holds_a_polymorphic_value_with_any_inside() {
    let value: enums::overlay::Response<enums::Foo> = types::overlay::response::Ok {
        value: enums::Foo::from(sample_foo(1)),
    }
    .into();
    let bytes = value.to_bytes();
    let any = schema::Any::from_bytes(&bytes).unwrap();
    let schema::Any::OverlayResponse(response) = &any else {
        panic!("decoded as {any:?}");
    };
    let enums::overlay::Response::Ok(ok) = &**response else {
        panic!("decoded as {response:?}");
    };
    assert!(matches!(ok.value, schema::Any::Foo(_)), "{:?}", ok.value);
    assert_eq!(any.to_bytes(), bytes);
}

#[test]
fn a_wrong_id_in_an_argument_names_the_type() {
    let mut bytes = le(types::overlay::response::Ok::<()>::CONSTRUCTOR_ID).to_vec();
    bytes.extend(le(0xdeadbeef));
    let err = enums::overlay::Response::<enums::Foo>::from_bytes(&bytes).unwrap_err();
    assert!(err.to_string().contains("Foo"), "{err}");
}

/// The same schema through serde, and borrowing from the input.
mod json {
    tl_runtime::tl! {
        #[tl(serde, any)]
        r"
        overlay.response.ok value:T = overlay.Response T;
        overlay.response.err code:int = overlay.Response T;
        pair {X:Type} {Y:Type} a:X b:Y = Pair X Y;
        quad {S:Type} {D:Type} {M:Type} {A:Type} s:S d:D m:M a:A = Quad S D M A;
        "
    }
}

mod borrowed {
    tl_runtime::tl! {
        #[tl(borrowed, any)]
        r"
        overlay.response.ok value:T = overlay.Response T;
        overlay.response.err code:int = overlay.Response T;
        pair {X:Type} {Y:Type} a:X b:Y = Pair X Y;
        data bytes:bytes = Data;
        holder r:(overlay.Response (Pair Data string)) = Holder;
        "
    }
}

#[test]
fn serde_tags_a_polymorphic_value_by_its_constructors() {
    use json::{enums, types};
    let value: enums::overlay::Response<enums::Pair<i32, String>> = types::overlay::response::Ok {
        value: types::Pair {
            a: 5,
            b: "five".to_string(),
        }
        .into(),
    }
    .into();
    let text = serde_json::to_string(&value).unwrap();
    assert_eq!(
        text,
        r#"{"_":"overlay.response.ok","value":{"_":"pair","a":5,"b":"five"}}"#
    );
    let back: enums::overlay::Response<enums::Pair<i32, String>> =
        serde_json::from_str(&text).unwrap();
    assert_eq!(back, value);
    // `Any` reads it too, with `Any` in the parameter (here a boxed `pair`, with `Any` in its
    // own: the numbers and strings are not boxed values, so only the outer layers are taken).
    let boxed: enums::overlay::Response<enums::Pair<String, String>> =
        types::overlay::response::Err { code: 3 }.into();
    let text = serde_json::to_string(&boxed).unwrap();
    let any: json::Any = serde_json::from_str(&text).unwrap();
    assert!(matches!(any, json::Any::OverlayResponse(_)), "{any:?}");
    assert_eq!(serde_json::to_string(&any).unwrap(), text);
}

#[test]
fn serde_impls_take_any_parameter_names() {
    // `S`, `D`, `M` and `A` are also what serde's traits call their methods' parameters; the
    // generated impls name theirs apart.
    use json::{enums, types};
    let value: enums::Quad<i32, String, i64, bool> = types::Quad {
        s: 1,
        d: "d".to_string(),
        m: -3,
        a: true,
    }
    .into();
    let text = serde_json::to_string(&value).unwrap();
    assert_eq!(text, r#"{"_":"quad","s":1,"d":"d","m":-3,"a":true}"#);
    let back: enums::Quad<i32, String, i64, bool> = serde_json::from_str(&text).unwrap();
    assert_eq!(back, value);
}

/// A variable that no field of its constructor holds is in TL's text, not in the Rust type:
/// `(Tag string)` is `enums::Tag`, which holds no string, so a holder of it does not borrow
/// with `borrowed` and can be `Copy`.
mod phantom {
    tl_runtime::tl! {
        #[tl(borrowed, derive(Copy))]
        r"
        tag {T:Type} code:int = Tag T;
        tagged t:(Tag string) u:%(tag (Vector bytes)) = Tagged;
        "
    }
}

#[test]
fn an_argument_no_field_holds_neither_borrows_nor_stops_copy() {
    use phantom::{enums, types};
    // No lifetime to name: `Tagged` owns everything it holds.
    fn tagged(code: i32) -> types::Tagged {
        types::Tagged {
            t: enums::Tag::Tag(types::Tag { code }),
            u: types::Tag { code: code + 1 },
        }
    }
    let value = tagged(7);
    let copy = value;
    assert_eq!(value, copy);
    let bytes = value.to_bytes();
    assert_eq!(&bytes[..4], le(types::Tag::CONSTRUCTOR_ID));
    assert_eq!(&bytes[4..], [7, 0, 0, 0, 8, 0, 0, 0]);
    assert_eq!(types::Tagged::from_bytes(&bytes).unwrap(), value);
}

/// A type that holds itself through a tuple given to a polymorphic type: `Tuple<Node, 2>` holds
/// its two `Node`s inline, so the cycle is broken by a `Box` as any other is.
mod tuple_cycle {
    tl_runtime::tl! {
        r"
        wrap {X:Type} value:X = Wrap X;
        leaf code:int = Node;
        branch inner:(wrap (tuple Node 2)) = Node;
        "
    }
}

#[test]
fn a_cycle_through_a_tuple_argument_is_boxed() {
    use tl_runtime::Tuple;
    use tuple_cycle::{enums, types};
    let leaf = |code| enums::Node::from(types::Leaf { code });
    let branch = |a, b| {
        enums::Node::from(types::Branch {
            inner: types::Wrap {
                value: Tuple([a, b]),
            }
            .into(),
        })
    };
    let tree = branch(leaf(1), branch(leaf(2), leaf(3)));
    let bytes = tree.to_bytes();
    // branch, leaf 1, branch, leaf 2, leaf 3: the tuple's elements boxed, one after the other.
    let ids: Vec<u32> = bytes
        .chunks(4)
        .map(|c| u32::from_le_bytes(c.try_into().unwrap()))
        .collect();
    let (b, l) = (types::Branch::CONSTRUCTOR_ID, types::Leaf::CONSTRUCTOR_ID);
    assert_eq!(ids, [b, l, 1, b, l, 2, l, 3]);
    assert_eq!(enums::Node::from_bytes(&bytes).unwrap(), tree);
}

/// `only(...)` keeps a polymorphic result's constructors and what its argument needs.
mod selected {
    tl_runtime::tl! {
        #[tl(only(getData))]
        r"
        overlay.response.ok value:T = overlay.Response T;
        overlay.response.err code:int = overlay.Response T;
        pair {X:Type} {Y:Type} a:X b:Y = Pair X Y;
        data bytes:bytes = Data;
        unused p:(Pair int int) = Unused;
        ---functions---
        getData = overlay.Response Data;
        "
    }
}

#[test]
fn only_keeps_what_a_polymorphic_result_needs() {
    fn returns<F: RemoteCall<Return = R>, R>(_: &F) {}
    returns::<_, selected::enums::overlay::Response<selected::enums::Data>>(
        &selected::functions::GetData,
    );
    let reply: selected::enums::overlay::Response<selected::enums::Data> =
        selected::types::overlay::response::Ok {
            value: selected::types::Data { bytes: vec![7] }.into(),
        }
        .into();
    assert_eq!(
        selected::functions::GetData::decode_reply(&reply.to_bytes())
            .unwrap()
            .unwrap(),
        reply
    );
}

#[test]
fn a_borrowed_argument_borrows_from_the_input() {
    use borrowed::{enums, types};
    let holder = types::Holder {
        r: types::overlay::response::Ok {
            value: types::Pair {
                a: types::Data { bytes: &[1, 2, 3] }.into(),
                b: "s",
            }
            .into(),
        }
        .into(),
    };
    let bytes = holder.to_bytes();
    let back = types::Holder::from_bytes(&bytes).unwrap();
    assert_eq!(back, holder);
    let enums::overlay::Response::Ok(ok) = &back.r else {
        panic!("{back:?}");
    };
    let enums::Pair::Pair(pair) = &ok.value;
    let enums::Data::Data(data) = &pair.a;
    // The bytes point into the input.
    let range = bytes.as_ptr_range();
    assert!(range.contains(&data.bytes.as_ptr()));
    // `Any` holds `Any` in the parameter, which decodes boxed values only: `Response Data`
    // decodes, `Response (Pair Data string)` stops at the bare `string`.
    let boxed: enums::overlay::Response<enums::Data> = types::overlay::response::Ok {
        value: types::Data { bytes: &[4] }.into(),
    }
    .into();
    let boxed_bytes = boxed.to_bytes();
    let any = borrowed::Any::from_bytes(&boxed_bytes).unwrap();
    assert!(matches!(any, borrowed::Any::OverlayResponse(_)), "{any:?}");
    assert!(borrowed::Any::from_bytes(&holder.r.to_bytes()).is_err());
}

/// A hand-written polymorphic struct, checked against its line by the derive.
mod derived {
    use tl_runtime::{Deserialize, Identifiable, Serialize};

    #[derive(Serialize, Deserialize, Identifiable, Debug, PartialEq, Clone)]
    #[tl(line = "pair {X:Type} {Y:Type} a:X b:Y = Pair X Y;")]
    pub struct Pair<X, Y> {
        pub a: X,
        pub b: Y,
    }
}

#[test]
fn a_derived_polymorphic_struct_is_the_generated_one() {
    let derived = derived::Pair {
        a: -1i64,
        b: vec!["z".to_string()],
    };
    let generated = types::Pair {
        a: -1i64,
        b: vec!["z".to_string()],
    };
    assert_eq!(
        <derived::Pair<i64, Vec<String>> as Identifiable>::CONSTRUCTOR_ID,
        types::Pair::<(), ()>::CONSTRUCTOR_ID
    );
    assert_eq!(derived.to_bytes(), generated.to_bytes());
    assert_eq!(
        derived::Pair::<i64, Vec<String>>::from_bytes(&generated.to_bytes()).unwrap(),
        derived
    );
}

/// Lines of tycho-core 1.0.0's `src/proto.tl` (crates.io) as it writes them, comments left out.
/// It has two slips that tl-proto, which only computes ids from the text, lets through: a
/// function's result names the bare `blockchain.blockFull`, which no constructor is (the type is
/// `blockchain.BlockFull`), and `blockchain.getZerostateProof` returns a type that no
/// constructor builds. Mending the first would change the function's id, so `extern` names the
/// Rust type it means and the text stays; the second is a function with an empty result.
mod tycho {
    tl_runtime::tl! {
        #[tl(extern("blockchain.blockFull" = crate::tycho::enums::blockchain::BlockFull))]
        r"
        ---types---
        overlay.response.ok value:T = overlay.Response T;
        overlay.response.err code:int = overlay.Response T;
        blockchain.blockId
            workchain:int
            shard:long
            seqno:int
            root_hash:int256
            file_hash:int256
            = blockchain.BlockId;
        blockchain.blockFull.found
            block_id:blockchain.blockId
            block:blockchain.blockData
            proof:bytes
            queue_diff:bytes
            = blockchain.BlockFull;
        blockchain.blockData
            data:bytes
            size:int
            chunk_size:int
            = blockchain.BlockData;
        blockchain.blockFull.notFound = blockchain.BlockFull;
        ---functions---
        blockchain.getBlockFull
            block_id:blockchain.blockId
            = overlay.Response blockchain.blockFull;
        blockchain.getZerostateProof = blockchain.GetZerostateProof;
        "
    }
}

#[test]
fn tycho_s_slips_keep_the_ids_tl_proto_gives() {
    use tycho::{enums, functions, types};
    // The ids tl-proto 0.5's derives give these names with tycho-core's `proto.tl` as their
    // scheme, and the CRC32 of the text.
    let get = functions::blockchain::GetBlockFull::CONSTRUCTOR_ID;
    assert_eq!(get, 0x331b_e15f);
    assert_eq!(
        get,
        crc(
            "blockchain.getBlockFull block_id:blockchain.blockId = overlay.Response blockchain.blockFull"
        )
    );
    assert_eq!(
        functions::blockchain::GetZerostateProof::CONSTRUCTOR_ID,
        0xf326_a06b
    );
    assert_eq!(
        types::blockchain::block_full::NotFound::CONSTRUCTOR_ID,
        0xcc09_3d98
    );

    let block_id = types::blockchain::BlockId {
        workchain: -1,
        shard: i64::MIN,
        seqno: 7,
        root_hash: [1; 32],
        file_hash: [2; 32],
    };
    let request = functions::blockchain::GetBlockFull {
        block_id: block_id.clone(),
    };
    let bytes = request.to_bytes();
    assert_eq!(bytes[..4], le(get));
    assert_eq!(bytes.len(), 4 + 4 + 8 + 4 + 32 + 32);

    // The answer is `overlay.Response` of the boxed `blockchain.BlockFull` that `extern` named.
    let mut reply = Vec::new();
    reply.extend(le(types::overlay::response::Ok::<()>::CONSTRUCTOR_ID));
    reply.extend(le(types::blockchain::block_full::NotFound::CONSTRUCTOR_ID));
    let answer: <functions::blockchain::GetBlockFull as RemoteCall>::Return =
        Deserialize::from_bytes(&reply).unwrap();
    assert_eq!(
        answer,
        enums::overlay::Response::Ok(types::overlay::response::Ok {
            value: enums::blockchain::BlockFull::NotFound,
        })
    );

    // No constructor builds `blockchain.GetZerostateProof`: no answer decodes as one.
    let empty = <functions::blockchain::GetZerostateProof as RemoteCall>::Return::from_bytes(&le(
        types::blockchain::block_full::NotFound::CONSTRUCTOR_ID,
    ));
    assert!(empty.is_err(), "{empty:?}");
}

/// The same lines decoded borrowed: the type `extern` names is a borrowed one, named with the
/// input's lifetime, and the types that hold it borrow too.
mod tycho_borrowed {
    tl_runtime::tl! {
        #[tl(borrowed, extern(
            "blockchain.blockFull" = crate::tycho_borrowed::enums::blockchain::BlockFull<'a>
        ))]
        r"
        overlay.response.ok value:T = overlay.Response T;
        overlay.response.err code:int = overlay.Response T;
        blockchain.blockFull.found proof:bytes = blockchain.BlockFull;
        blockchain.blockFull.notFound = blockchain.BlockFull;
        blockchain.answer value:(overlay.Response blockchain.blockFull) = blockchain.Answer;
        "
    }
}

#[test]
fn a_borrowed_type_named_by_extern_borrows_from_the_input() {
    use tycho_borrowed::{enums, types};
    let mut bytes = Vec::new();
    bytes.extend(le(types::overlay::response::Ok::<()>::CONSTRUCTOR_ID));
    bytes.extend(le(types::blockchain::block_full::Found::CONSTRUCTOR_ID));
    bytes.extend([3, b'a', b'b', b'c']);
    let answer = types::blockchain::Answer::from_bytes(&bytes).unwrap();
    let enums::overlay::Response::Ok(ok) = &answer.value else {
        panic!("{answer:?}");
    };
    let enums::blockchain::BlockFull::Found(found) = &ok.value else {
        panic!("{answer:?}");
    };
    // The proof is the input's own bytes, not a copy.
    assert_eq!(found.proof, b"abc");
    assert!(std::ptr::eq(found.proof.as_ptr(), bytes[9..].as_ptr()));
    assert_eq!(answer.to_bytes(), bytes);
}

/// A bare vector as a type's argument, and in a function's result: `tl_runtime::BareVector`,
/// the count and the elements without `Vector`'s id (a `Vec` there would be written boxed).
mod bare_vectors {
    tl_runtime::tl! {
        #[tl(any, serde)]
        r"
        box {T:Type} value:T = Box T;
        left {X:Type} {Y:Type} value:X = Either X Y;
        right {X:Type} {Y:Type} value:Y = Either X Y;
        row id:int = Row;
        user b:(Box (vector int)) rows:(Either int %(Vector %Row)) = User;
        ---functions---
        getRows = Vector<vector<int>>;
        find = Box (vector (vector long));
        "
    }
}

#[test]
fn a_bare_vector_may_be_a_type_argument_and_an_answer() {
    use bare_vectors::{enums, functions, types};
    use tl_runtime::{BareVector, RemoteCall};
    let user = types::User {
        b: types::Box {
            value: BareVector(vec![7, 8]),
        }
        .into(),
        rows: types::Right {
            value: BareVector(vec![types::Row { id: 5 }]),
        }
        .into(),
    };
    let bytes = user.to_bytes();
    let want = [
        le(types::Box::<()>::CONSTRUCTOR_ID).to_vec(),
        // `vector int`: the count and the numbers, no `Vector` id.
        [2, 0, 0, 0, 7, 0, 0, 0, 8, 0, 0, 0].to_vec(),
        le(types::Right::<()>::CONSTRUCTOR_ID).to_vec(),
        // `%(Vector %Row)`: the count and each row's fields, no id at all.
        [1, 0, 0, 0, 5, 0, 0, 0].to_vec(),
    ]
    .concat();
    assert_eq!(bytes, want);
    assert_eq!(types::User::from_bytes(&bytes), Ok(user.clone()));
    // A count the input cannot hold is refused before anything is allocated.
    let mut lying = want.clone();
    lying[4] = 0xff;
    assert!(types::User::from_bytes(&lying).is_err());

    // A boxed vector of bare ones as a call's answer.
    let answer = [
        le(0x1cb5_c415).to_vec(),
        [2, 0, 0, 0].to_vec(),
        [1, 0, 0, 0, 9, 0, 0, 0].to_vec(),
        [0, 0, 0, 0].to_vec(),
    ]
    .concat();
    let rows = functions::GetRows::decode_reply(&answer).unwrap().unwrap();
    assert_eq!(rows, vec![BareVector(vec![9]), BareVector(vec![])]);
    assert_eq!(rows.to_bytes(), answer);
    let found: <functions::Find as RemoteCall>::Return = types::Box {
        value: BareVector(vec![BareVector(vec![-1i64])]),
    }
    .into();
    let bytes = found.to_bytes();
    assert_eq!(bytes.len(), 4 + 4 + 4 + 8);
    assert_eq!(functions::Find::decode_reply(&bytes), Ok(Ok(found.clone())));

    // In JSON, an array.
    let text = serde_json::to_string(&user).unwrap();
    assert!(text.contains(r#""value":[7,8]"#), "{text}");
    assert_eq!(serde_json::from_str::<types::User>(&text).unwrap(), user);
    let _: enums::User = user.into();
}
