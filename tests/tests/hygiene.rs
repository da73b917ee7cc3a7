//! `tl!` output is hygienic: it compiles under `#![no_implicit_prelude]` and beside user items
//! named like prelude items with every warning denied. (The renamed-dependency case is the
//! `tl-renamed-test` crate: one crate cannot depend on another under two names.)

/// A schema that exercises every kind of generated item: flags, shared bits, vectors, a generic
/// function, namespaces, keywords and TL types named like Rust's prelude; with serde impls.
macro_rules! schema {
    ($tl:path) => {
        $tl! {
            #[tl(decode_functions, serde)]
            r"
            result value:int = Result;
            option flags:# a:flags.0?true b:flags.0?string c:flags.1?int d:flags.1?long = Option;
            vec items:Vector<Result> raw:vector<int> bytes:bytes = Vec;
            ok self:int type:Option = Ok;
            ns.box inner:Vec = ns.Box;
            ---functions---
            invokeWithLayer#da9b0d0d {X:Type} layer:int query:!X = X;
            ns.get keys:Vector<long> = Vector<ns.Box>;
            ns.find flags:# self:int type:flags.0?Option = Vector<ns.Box>;
            "
        }
    };
}

#[no_implicit_prelude]
mod no_prelude {
    schema!(::tl_runtime::tl);
}

#[deny(warnings, missing_docs)]
#[allow(dead_code)]
mod shadowed {
    //! User items named like the prelude items generated code uses.
    struct Result;
    struct Option;
    struct Vec;
    struct String;
    struct Box;
    struct Some;
    struct None;
    struct Ok;
    struct Err;
    struct Default;
    trait Clone {}
    trait Debug {}
    trait PartialEq {}
    trait From {}
    schema!(tl_runtime::tl);
}

#[test]
fn both_generate_the_same_bytes() {
    use tl_runtime::{Deserialize, Serialize};
    let value = no_prelude::enums::Option::Option(no_prelude::types::Option {
        flags: tl_runtime::UnknownFlags::NONE,
        b: ::std::option::Option::Some("x".into()),
        c_and_d: ::std::option::Option::Some((1, 2)),
    });
    let bytes = value.to_bytes();
    assert_eq!(
        shadowed::enums::Option::from_bytes(&bytes)
            .unwrap()
            .to_bytes(),
        bytes
    );
    let call = shadowed::functions::InvokeWithLayer {
        layer: 228,
        query: shadowed::functions::ns::Get { keys: vec![1, 2] },
    };
    let back = shadowed::functions::InvokeWithLayer::<shadowed::functions::ns::Get>::from_bytes(
        &call.to_bytes(),
    )
    .unwrap();
    assert_eq!(back, call);
    // The serde impls agree too, keywords and all (`self`, `type` as TL names).
    let json = serde_json::to_string(&value).unwrap();
    assert_eq!(
        json, r#"{"_":"option","b":"x","c":1,"d":2}"#,
        "the TL-name JSON of {value:?}"
    );
    let back: shadowed::enums::Option = serde_json::from_str(&json).unwrap();
    assert_eq!(back.to_bytes(), bytes);
    let ok = no_prelude::types::Ok {
        self_: 1,
        r#type: no_prelude::enums::Option::Option(no_prelude::types::Option {
            flags: tl_runtime::UnknownFlags::NONE,
            b: ::std::option::Option::None,
            c_and_d: ::std::option::Option::None,
        }),
    };
    assert_eq!(
        serde_json::to_string(&ok).unwrap(),
        r#"{"_":"ok","self":1,"type":{"_":"option"}}"#
    );
    // `Default` and `new`, keywords as parameters too.
    assert_eq!(ok.r#type, no_prelude::types::Option::default().into());
    let find = no_prelude::functions::ns::Find::new(7);
    assert_eq!(
        find,
        no_prelude::functions::ns::Find {
            flags: tl_runtime::UnknownFlags::NONE,
            self_: 7,
            r#type: None,
        }
    );
    assert_eq!(
        shadowed::functions::ns::Find::new(7).to_bytes(),
        find.to_bytes()
    );
}

/// Names without a letter: a type's name starts with a capital and a module's with a small
/// letter, but a constructor `__` beside a namespace `__` would make a struct and a module of one
/// name. The struct takes its id, as two constructors of one name do.
mod letterless {
    tl_runtime::tl! {
        "a = A;"
        "__ x:int = A;"
        "__.b = A;"
        "---functions---"
        "__.f = A;"
        "__ = A;"
    }
}

#[test]
fn a_name_without_letters_beside_its_namespace_takes_its_id() {
    use tl_runtime::{Deserialize, Identifiable, Serialize};
    let value = letterless::enums::A::from(letterless::types::__f60baa12 { x: 7 });
    assert_eq!(
        letterless::name_for_id(letterless::types::__f60baa12::CONSTRUCTOR_ID),
        Some("__")
    );
    assert_eq!(
        letterless::enums::A::from_bytes(&value.to_bytes()).unwrap(),
        value
    );
    let _ = letterless::types::__::B;
    assert_ne!(
        letterless::functions::__::F.to_bytes(),
        letterless::functions::__ee87cfc2.to_bytes()
    );
}

/// Derived impls are as hygienic: under `#![no_implicit_prelude]`, beside user items named like
/// the prelude's, every warning denied.
#[no_implicit_prelude]
#[deny(warnings)]
#[allow(dead_code)]
mod derived {
    struct Result;
    struct Option;
    struct Vec;
    struct String;
    struct Some;
    struct None;
    struct Ok;
    struct Err;
    struct Default;

    #[derive(::tl_runtime::Serialize, ::tl_runtime::Deserialize, ::tl_runtime::Identifiable)]
    #[tl(
        line = "option flags:# a:flags.0?true b:flags.0?string c:flags.1?int d:flags.1?long = Option;"
    )]
    pub struct Flagged {
        pub flags: ::tl_runtime::UnknownFlags,
        pub b: ::core::option::Option<::std::string::String>,
        pub c_and_d: ::core::option::Option<(i32, i64)>,
        #[tl(skip)]
        pub local: u8,
    }

    #[derive(::tl_runtime::Serialize, ::tl_runtime::Deserialize)]
    pub enum Either {
        #[tl(line = "left value:int = Either;")]
        Left {
            value: i32,
        },
        #[tl(line = "right = Either;")]
        Right,
        Flagged(Flagged),
    }
}
