//! Repetitions counted by a `#` field, TL-combinators' `n*[ … ]`, as TL's own schema of `.tlo`
//! files writes them (core.telegram.org/mtproto/TL-tl, pasted below as that page prints it,
//! with its fragment of `common.tl`): `types_num:# types:types_num*[tls.Type]` is a `Vec` field
//! `types`; on the wire, `types_num` is its length and the elements follow with no count of
//! their own. The ids are the ones Telegram's TL parser defines for these constructors
//! (`tl-tl.h`; the page itself gives `tls.schema_v2`'s, 0x3a2f9be2, the magic number of `.tlo`
//! files).

use tl_runtime::{Deserialize, ErrorKind, Identifiable, Serialize};

mod tl {
    tl_runtime::tl! {
        r"
/////
//
// Common Types (source file common.tl, only necessary definitions included)
//
/////

// Built-in types
int ? = Int;
long ? = Long;
double ? = Double;
string ? = String;

// Boolean emulation
boolFalse = Bool;
boolTrue = Bool;

// Vector
vector {t:Type} # [t] = Vector t;
tuple {t:Type} {n:#} [t] = Tuple t n;
vectorTotal {t:Type} total_count:int vector:%(Vector t) = VectorTotal t;

Empty False;
true = True;

/////
//
// Serialized binary TL-schema in TL format, source file tl.tl
//
/////
tls.schema_v2 version:int date:int types_num:# types:types_num*[tls.Type] 

    constructor_num:# constructors:constructor_num*[tls.Combinator] 
    functions_num:# functions:functions_num*[tls.Combinator] = tls.Schema;
tls.type name:int id:string constructors_num:int flags:int arity:int params_type:long = tls.Type;

tls.combinator name:int id:string type_name:int left:tls.CombinatorLeft right:tls.CombinatorRight = tls.Combinator;
tls.combinatorLeftBuiltin = tls.CombinatorLeft;
tls.combinatorLeft args_num:# args:args_num*[tls.Arg] = tls.CombinatorLeft;
tls.combinatorRight value:tls.TypeExpr = tls.CombinatorRight;

tls.arg id:string flags:# var_num:flags.1?int exist_var_num:flags.2?int exist_var_bit:flags.2?int type:tls.TypeExpr = tls.Arg;

tls.exprType _:tls.TypeExpr = tls.Expr;

tls.exprNat _:tls.NatExpr = tls.Expr;
tls.natConst value:int = tls.NatExpr;

tls.natVar dif:int var_num:int = tls.NatExpr;
tls.typeVar var_num:int flags:int = tls.TypeExpr;

tls.array multiplicity:tls.NatExpr args_num:# args:args_num*[tls.Arg] = tls.TypeExpr;
tls.typeExpr name:int flags:int children_num:# children:children_num*[tls.Expr] = tls.TypeExpr;
        "
    }
}

/// Anonymous repetitions, elements that are bare constructors or boxed vectors, and the same
/// schema borrowing its strings from the input.
mod forms {
    tl_runtime::tl! {
        #[tl(borrowed)]
        r"
        point x:int y:int = Point;
        shape n:# points:n*[ point ] = Shape;
        lists n:# n*[ long ] m:# tags:m*[ Vector<string> ] = Lists;
        "
    }
}

/// Repetitions written without a count, each counted by the last `#` field before it, named or
/// not, as TL's grammar reads them: the `replace` lines are from VK's TL code generator's test
/// schema (`goldmaster.tl`).
mod omitted {
    tl_runtime::tl! {
        r"
        replace2 n:# a:[int] = Replace2;
        replace6 # a:[int] = Replace6;
        replace17 # x:[int] a:int # y:[int] = Replace17;
        dictionaryAnyField {k:Type} {v:Type} key:k value:v = DictionaryAnyField k v;
        dictionaryAny#1f4c6190 {k:Type} {v:Type} # [(dictionaryAnyField k v)] = DictionaryAny k v;
        two n:# xs:[ string ] m:# ys:[ long ] = Two;
        "
    }
}

/// A function whose type variable only a repetition's elements use.
mod generic {
    tl_runtime::tl! {
        #[tl(decode_functions)]
        r"
        point x:int y:int = Point;
        ---functions---
        many {X:Type} n:# xs:n*[ X ] = Vector X;
        "
    }
}

/// `only(...)` follows a repetition to its elements' type; `serde` gives it as a JSON array.
mod selected {
    tl_runtime::tl! {
        #[tl(only("shape"), serde)]
        r"
        point x:int y:int = Point;
        shape n:# points:n*[ point ] = Shape;
        unused a:int = Unused;
        "
    }
}

/// A derive against a line whose repetition has no count written, after an anonymous `#`.
#[derive(Debug, PartialEq, tl_runtime::Serialize, tl_runtime::Deserialize)]
#[tl(line = "leftOmitted # args:[ int ] = LeftOmitted;")]
struct LeftOmitted {
    args: Vec<i32>,
}

/// A derive checked against a line with a repetition: the struct has the `Vec`, not the count.
#[derive(Debug, PartialEq, tl_runtime::Serialize, tl_runtime::Deserialize)]
#[tl(line = "tls.combinatorLeft args_num:# args:args_num*[ int ] = tls.CombinatorLeft;")]
struct Left {
    args: Vec<i32>,
}

use tl::{enums, types};

/// The 32-bit little-endian words of `words`.
fn bytes(words: &[u32]) -> Vec<u8> {
    words.iter().flat_map(|w| w.to_le_bytes()).collect()
}

#[test]
fn ids_are_the_ones_telegrams_parser_defines() {
    use types::tls::*;
    let ids = [
        (SchemaV2::CONSTRUCTOR_ID, 0x3a2f_9be2),
        (Type::CONSTRUCTOR_ID, 0x12eb_4386),
        (Combinator::CONSTRUCTOR_ID, 0x5c0a_1ed5),
        (CombinatorLeftBuiltin::CONSTRUCTOR_ID, 0xcd21_1f63),
        (CombinatorLeft::CONSTRUCTOR_ID, 0x4c12_c6d9),
        (CombinatorRight::CONSTRUCTOR_ID, 0x2c06_4372),
        (Arg::CONSTRUCTOR_ID, 0x29df_e61b),
        (ExprType::CONSTRUCTOR_ID, 0xecc9_da78),
        (ExprNat::CONSTRUCTOR_ID, 0xdcb4_9bd8),
        (NatConst::CONSTRUCTOR_ID, 0x8ce9_40b1),
        (NatVar::CONSTRUCTOR_ID, 0x4e8a_14f0),
        (TypeVar::CONSTRUCTOR_ID, 0x0142_ceae),
        (Array::CONSTRUCTOR_ID, 0xd9fb_20de),
        (TypeExpr::CONSTRUCTOR_ID, 0xc186_3d08),
    ];
    for (i, (got, known)) in ids.into_iter().enumerate() {
        assert_eq!(got, known, "constructor {i}");
    }
}

/// The start of the page's own `tl.tlo`: the header, then the first type (`#`, whose name is
/// 0x70659eff), word for word; the count is this value's, one type.
fn nat_type() -> enums::tls::Type {
    enums::tls::Type::Type(types::tls::Type {
        name: 0x7065_9eff_u32 as i32,
        id: "#".into(),
        constructors_num: 0,
        flags: 0,
        arity: 0,
        params_type: 0,
    })
}

#[test]
fn a_schema_is_its_counts_and_its_elements() {
    // `vector {t:Type} # [ t ] = Vector t` as a combinator: builtin left, `Vector t` right.
    let vector = enums::tls::Combinator::Combinator(types::tls::Combinator {
        name: 0x1cb5_c415_u32 as i32,
        id: "vector".into(),
        type_name: 0x2207_6cba,
        left: enums::tls::CombinatorLeft::Builtin,
        right: enums::tls::CombinatorRight::CombinatorRight(types::tls::CombinatorRight {
            value: enums::tls::TypeExpr::TypeExpr(types::tls::TypeExpr {
                name: 0x2207_6cba,
                flags: 0,
                children: vec![enums::tls::Expr::Type(types::tls::ExprType {
                    arg1: enums::tls::TypeExpr::TypeVar(types::tls::TypeVar {
                        var_num: 0,
                        flags: 2,
                    }),
                })],
            }),
        }),
    });
    let schema = enums::tls::Schema::V2(Box::new(types::tls::SchemaV2 {
        version: 0,
        date: 0x5408_6827,
        types: vec![nat_type()],
        constructors: vec![vector],
        functions: Vec::new(),
    }));
    let encoded = schema.to_bytes();
    let expected = bytes(&[
        0x3a2f_9be2,
        0,
        0x5408_6827,
        1, // types_num
        0x12eb_4386,
        0x7065_9eff,
        0x0000_2301, // "#": its length, the byte, two of padding
        0,
        0,
        0,
        0,
        0, // params_type:long
        1, // constructor_num
        0x5c0a_1ed5,
        0x1cb5_c415,
        u32::from_le_bytes(*b"\x06vec"),
        u32::from_le_bytes(*b"tor\0"),
        0x2207_6cba,
        0xcd21_1f63, // left: combinatorLeftBuiltin
        0x2c06_4372, // right: combinatorRight
        0xc186_3d08,
        0x2207_6cba,
        0,
        1, // children_num
        0xecc9_da78,
        0x0142_ceae,
        0,
        2,
        0, // functions_num
    ]);
    assert_eq!(encoded, expected);
    assert_eq!(enums::tls::Schema::from_bytes(&encoded).unwrap(), schema);
}

#[test]
fn a_count_the_input_cannot_hold_is_an_error_before_any_allocation() {
    // 0x7fffffff types announced, none there.
    let input = bytes(&[0x3a2f_9be2, 0, 0, 0x7fff_ffff]);
    let err = enums::tls::Schema::from_bytes(&input).unwrap_err();
    assert!(
        matches!(
            err.kind(),
            ErrorKind::CountExceedsInput {
                count: 0x7fff_ffff,
                ..
            }
        ),
        "{err}"
    );
    // The largest `#` there is, on a 32-bit count.
    let input = bytes(&[0x3a2f_9be2, 0, 0, u32::MAX, 0, 0]);
    assert!(enums::tls::Schema::from_bytes(&input).is_err());
}

#[test]
fn a_short_repetition_names_its_field_and_element() {
    // Two types announced, one there.
    let mut input = bytes(&[0x3a2f_9be2, 0, 0, 2]);
    let mut one = Vec::new();
    nat_type().serialize(&mut one);
    input.extend_from_slice(&one);
    input.extend_from_slice(&one[..8]);
    let err = enums::tls::Schema::from_bytes(&input).unwrap_err();
    let text = err.to_string();
    // The second element ends after its id and `name`.
    assert!(
        text.starts_with("tls.schema_v2.types[1].id: unexpected end of input"),
        "{text}"
    );
}

#[test]
fn nested_expressions_stop_at_the_depth_limit() {
    // typeExpr → children → exprType → typeExpr → …, as deep as the input goes: an error, not
    // a stack overflow.
    let mut words = Vec::new();
    for _ in 0..100_000 {
        words.extend_from_slice(&[0xc186_3d08, 0, 0, 1, 0xecc9_da78]);
    }
    let input = bytes(&words);
    assert!(enums::tls::TypeExpr::from_bytes(&input).is_err());
}

#[test]
fn anonymous_and_nested_elements_round_trip_borrowed() {
    use forms::{enums, types};
    let shape = enums::Shape::Shape(types::Shape {
        points: vec![types::Point { x: 1, y: 2 }, types::Point { x: -1, y: 7 }],
    });
    let encoded = shape.to_bytes();
    let id = types::Shape::CONSTRUCTOR_ID;
    assert_eq!(encoded, bytes(&[id, 2, 1, 2, u32::MAX, 7]));
    assert_eq!(enums::Shape::from_bytes(&encoded).unwrap(), shape);

    let lists = enums::Lists::Lists(types::Lists {
        arg2: vec![5, -6],
        tags: vec![vec!["a"], vec![]],
    });
    let encoded = lists.to_bytes();
    let vector = 0x1cb5_c415;
    let mut expected = bytes(&[
        types::Lists::CONSTRUCTOR_ID,
        2,
        5,
        0,
        u32::MAX - 5,
        u32::MAX,
    ]);
    expected.extend_from_slice(&bytes(&[2, vector, 1]));
    expected.extend_from_slice(&[1, b'a', 0, 0]);
    expected.extend_from_slice(&bytes(&[vector, 0]));
    assert_eq!(encoded, expected);
    assert_eq!(enums::Lists::from_bytes(&encoded).unwrap(), lists);
}

#[test]
fn a_repetition_without_a_count_is_counted_by_the_last_nat_before_it() {
    use omitted::types::{Replace2, Two};
    // VK's generated Go for `replace2` has `TLTag` 0xe2d4ebee, and writes `n`, then `n` ints.
    assert_eq!(Replace2::CONSTRUCTOR_ID, 0xe2d4_ebee);
    let value = Replace2 { a: vec![1, -2, 3] };
    let encoded = value.to_bytes();
    assert_eq!(encoded, bytes(&[3, 1, u32::MAX - 1, 3]));
    assert_eq!(Replace2::from_bytes(&encoded).unwrap(), value);
    // Each repetition takes the `#` declared last before it.
    let two = Two {
        xs: vec!["a".into()],
        ys: vec![7, 8],
    };
    let mut expected = bytes(&[1]);
    expected.extend_from_slice(&[1, b'a', 0, 0]);
    expected.extend_from_slice(&bytes(&[2, 7, 0, 8, 0]));
    assert_eq!(two.to_bytes(), expected);
    assert_eq!(Two::from_bytes(&expected).unwrap(), two);
    // An anonymous `#` counts as well: VK's Go reads `replace17` as a count and ints, an int,
    // a count and ints (`TLTag` 0xf46f9b9b; `replace6`'s 0xabd49d06).
    use omitted::types::{Replace6, Replace17};
    assert_eq!(Replace6::CONSTRUCTOR_ID, 0xabd4_9d06);
    assert_eq!(Replace17::CONSTRUCTOR_ID, 0xf46f_9b9b);
    let six = Replace6 { a: vec![4] };
    assert_eq!(six.to_bytes(), bytes(&[1, 4]));
    let seventeen = Replace17 {
        x: vec![1, 2],
        a: 9,
        y: vec![],
    };
    let encoded = seventeen.to_bytes();
    assert_eq!(encoded, bytes(&[2, 1, 2, 9, 0]));
    assert_eq!(Replace17::from_bytes(&encoded).unwrap(), seventeen);
    // VK's `dictionaryAny`, a polymorphic type whose only field is such a repetition: its
    // count, then each key and value, bare.
    use omitted::types::{DictionaryAny, DictionaryAnyField};
    let dictionary = DictionaryAny::<i32, i64> {
        arg2: vec![
            DictionaryAnyField { key: 1, value: -1 },
            DictionaryAnyField { key: 2, value: 3 },
        ],
    };
    let encoded = dictionary.to_bytes();
    assert_eq!(encoded, bytes(&[2, 1, u32::MAX, u32::MAX, 2, 3, 0]));
    assert_eq!(DictionaryAny::from_bytes(&encoded).unwrap(), dictionary);
}

#[test]
fn only_keeps_the_elements_type_and_a_derive_matches_the_line() {
    let shape = selected::types::Shape {
        points: vec![selected::types::Point { x: 3, y: 4 }],
    };
    assert_eq!(shape.to_bytes(), bytes(&[1, 3, 4]));
    let json = serde_json::to_value(&shape).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"_": "shape", "points": [{"_": "point", "x": 3, "y": 4}]})
    );
    assert_eq!(
        serde_json::from_value::<selected::types::Shape>(json).unwrap(),
        shape
    );

    let left = Left {
        args: vec![7, 8, 9],
    };
    let encoded = left.to_bytes();
    assert_eq!(encoded, bytes(&[3, 7, 8, 9]));
    assert_eq!(Left::from_bytes(&encoded).unwrap(), left);
    let omitted = LeftOmitted { args: vec![5] };
    assert_eq!(omitted.to_bytes(), bytes(&[1, 5]));
    assert_eq!(LeftOmitted::from_bytes(&bytes(&[1, 5])).unwrap(), omitted);
}

#[test]
fn a_functions_type_variable_may_be_a_repetitions_elements() {
    use tl_runtime::{Deserialize, Identifiable, RemoteCall, Serialize};
    let call = generic::functions::Many {
        xs: vec![generic::enums::Point::from(generic::types::Point {
            x: 1,
            y: 2,
        })],
    };
    let point = generic::types::Point::CONSTRUCTOR_ID;
    assert_eq!(
        call.to_bytes(),
        bytes(&[
            generic::functions::Many::<()>::CONSTRUCTOR_ID,
            1,
            point,
            1,
            2
        ])
    );
    assert_eq!(
        generic::functions::Many::from_bytes(&call.to_bytes()).unwrap(),
        call
    );
    // `X` is a type of values, not a call (no `!X` field): its answer is a vector of `X`.
    let answer = bytes(&[0x1cb5_c415, 2, 7, 0, 8, 0]);
    assert_eq!(
        generic::functions::Many::<i64>::decode_reply(&answer),
        Ok(Ok(vec![7i64, 8]))
    );
    // And it fails with `RpcError`, not with an inner call's error.
    let failed = tl_runtime::RpcError::new(400, "X_INVALID").to_bytes();
    let answer = generic::functions::Many::<i64>::decode_reply(&failed).unwrap();
    assert_eq!(answer.unwrap_err().code(), 400);
}
