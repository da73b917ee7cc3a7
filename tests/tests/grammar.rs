//! The argument forms of the TL grammar (core.telegram.org/mtproto/TL-combinators) that real
//! schemas seldom write: anonymous fields (`coupleInt {t:Type} int t = CoupleInt t;`, from the
//! TL-polymorphism page), `_:type`, `(a b:type)` for several fields of one type, and
//! `{X Y:Type}` for several type variables. An anonymous field is called `arg` and its place
//! among the fields, from 1.
//!
//! TL-formal's statements about a type are read too: `New T;`, `Final T;` and `Empty T;`, whose
//! type has no constructors (an enum without variants, which nothing decodes as).
//!
//! The ids below are the ones TDLib's own TL parser (`td/generate/tl-parser`, built and run as
//! `tlc -E`) prints for these lines: an independent computation of the text each id is the CRC
//! of (an anonymous field is its type alone, `_:int` keeps its `_:`, a group is its fields one
//! by one).

use tl_runtime::{Deserialize, Identifiable, Serialize};

mod schema {
    tl_runtime::tl! {
        #[tl(id_rule = "tdlib", any, decode_functions)]
        r"
        int ? = Int;
        long ? = Long;
        string ? = String;
        vector {t:Type} # [ t ] = Vector t;
        coupleInt {t:Type} int t = CoupleInt t;
        coupleStr {t:Type} string t = CoupleStr t;
        intHash {alpha:Type} vector<coupleInt<alpha>> = IntHash<alpha>;
        strHash {alpha:Type} (vector (coupleStr alpha)) = StrHash alpha;
        intSortedHash {alpha:Type} intHash<alpha> = IntSortedHash<alpha>;
        strSortedHash {alpha:Type} (strHash alpha) = StrSortedHash alpha;
        point (x y:int) = Point;
        pointz (x y z:int) label:string = Point;
        skip _:int _:long value:string = Skip;
        pair {X Y:Type} a:X b:Y = Pair X Y;
        anon int long string = Anon;
        named arg2:int long = Named;
        Final Point;
        Empty Nothing;
        maybe flags:# value:flags.0?Nothing = Maybe;
        ---functions---
        getPoint (x y:int) = Point;
        getNothing = Nothing;
        "
    }
}

use schema::{enums, functions, types};

#[test]
fn ids_are_the_ones_tdlibs_parser_computes() {
    assert_eq!(types::CoupleInt::<()>::CONSTRUCTOR_ID, 0x2c9411c2);
    assert_eq!(types::CoupleStr::<()>::CONSTRUCTOR_ID, 0xdd57a97a);
    assert_eq!(types::IntHash::<()>::CONSTRUCTOR_ID, 0x658a29e1);
    assert_eq!(types::StrHash::<()>::CONSTRUCTOR_ID, 0x24d1761f);
    assert_eq!(types::IntSortedHash::<()>::CONSTRUCTOR_ID, 0xf5736f5e);
    assert_eq!(types::StrSortedHash::<()>::CONSTRUCTOR_ID, 0x386a14fb);
    assert_eq!(types::Point::CONSTRUCTOR_ID, 0xe3fe70f4);
    assert_eq!(types::Pointz::CONSTRUCTOR_ID, 0x58db4410);
    assert_eq!(types::Skip::CONSTRUCTOR_ID, 0xc30ee98e);
    assert_eq!(types::Pair::<(), ()>::CONSTRUCTOR_ID, 0x0f3c47ab);
    assert_eq!(types::Anon::CONSTRUCTOR_ID, 0xd8aeff86);
    assert_eq!(functions::GetPoint::CONSTRUCTOR_ID, 0xbfe8c772);
}

#[test]
fn anonymous_fields_are_named_by_their_place() {
    let anon = types::Anon {
        arg1: 7,
        arg2: -1,
        arg3: "s".to_string(),
    };
    // A struct is its bare form: its fields, without the id.
    let bytes = anon.to_bytes();
    let mut expected = 7i32.to_le_bytes().to_vec();
    expected.extend((-1i64).to_le_bytes());
    expected.extend([1, b's', 0, 0]);
    assert_eq!(bytes, expected);
    assert_eq!(types::Anon::from_bytes(&bytes).unwrap(), anon);

    // `_:int` is anonymous too: its place names it.
    let skip = types::Skip {
        arg1: 1,
        arg2: 2,
        value: String::new(),
    };
    assert_eq!(types::Skip::from_bytes(&skip.to_bytes()).unwrap(), skip);

    // A field written `arg2` keeps its name; the anonymous one beside it is `arg2_2`.
    let named = types::Named { arg2: 5, arg2_2: 6 };
    assert_eq!(types::Named::from_bytes(&named.to_bytes()).unwrap(), named);
}

#[test]
fn a_group_is_its_fields_one_by_one() {
    let point = types::Point { x: 1, y: 2 };
    assert_eq!(
        enums::Point::from(point.clone()).to_bytes()[4..],
        [1, 0, 0, 0, 2, 0, 0, 0]
    );
    let z = types::Pointz {
        x: 1,
        y: 2,
        z: 3,
        label: "p".into(),
    };
    let boxed = enums::Point::from(z);
    assert_eq!(enums::Point::from_bytes(&boxed.to_bytes()).unwrap(), boxed);
    let call = functions::GetPoint { x: -1, y: 0 };
    assert_eq!(call.to_bytes()[4..8], (-1i32).to_le_bytes());
}

#[test]
fn the_polymorphism_pages_hashes_round_trip() {
    // `intHash {alpha:Type} vector<coupleInt<alpha>>`: a bare vector of bare couples.
    let hash = types::IntHash {
        arg1: vec![
            types::CoupleInt {
                arg1: 1,
                arg2: "one".to_string(),
            },
            types::CoupleInt {
                arg1: 2,
                arg2: "two".to_string(),
            },
        ],
    };
    let bytes = hash.to_bytes();
    // The bare vector's count (no vector id), then each couple without an id.
    assert_eq!(bytes[0..4], 2u32.to_le_bytes());
    assert_eq!(bytes[4..8], 1i32.to_le_bytes());
    assert_eq!(bytes[8..12], [3, b'o', b'n', b'e']);
    assert_eq!(types::IntHash::from_bytes(&bytes).unwrap(), hash);

    let sorted = enums::StrSortedHash::from(types::StrSortedHash {
        arg1: types::StrHash {
            arg1: vec![types::CoupleStr {
                arg1: "k".to_string(),
                arg2: 35i64,
            }],
        },
    });
    assert_eq!(
        enums::StrSortedHash::from_bytes(&sorted.to_bytes()).unwrap(),
        sorted
    );
}

#[test]
fn several_type_variables_in_one_brace() {
    let pair = enums::Pair::from(types::Pair {
        a: 1i32,
        b: "b".to_string(),
    });
    assert_eq!(
        enums::Pair::<i32, String>::from_bytes(&pair.to_bytes()).unwrap(),
        pair
    );
}

#[test]
fn an_empty_type_decodes_as_nothing() {
    // No value of `enums::Nothing` exists: a match on one needs no arm.
    fn _uninhabited(n: enums::Nothing) -> ! {
        match n {}
    }
    let absent = types::Maybe {
        flags: Default::default(),
        value: None,
    };
    let bytes = absent.to_bytes();
    assert_eq!(bytes, [0, 0, 0, 0]);
    assert_eq!(types::Maybe::from_bytes(&bytes).unwrap(), absent);
    // With its bit set, the value would be a `Nothing`: whatever follows is an error.
    let mut present = 1u32.to_le_bytes().to_vec();
    present.extend(0x2c9411c2u32.to_le_bytes());
    assert!(types::Maybe::from_bytes(&present).is_err());
    // And so is any answer to a function that returns one.
    type Answer = <functions::GetNothing as tl_runtime::RemoteCall>::Return;
    assert!(Answer::from_bytes(&present[4..]).is_err());
}
