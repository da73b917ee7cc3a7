//! `#[tl(serde)]` and `#[tl(serde = "tdlib")]`: the JSON form of generated types, both ways, and
//! its errors.

use serde_json::json;
use tl_runtime::UnknownFlags;

mod tl_form {
    tl_runtime::tl! {
        #[tl(serde, any)]
        r#"
        inputPeerEmpty#7f3b18ea = InputPeer;
        inputPeerUser#dde8a54c user_id:long access_hash:long = InputPeer;
        photo#ae84abdc flags:# has_stickers:flags.0?true id:long file_reference:bytes sizes:Vector<int> big:flags.1?int128 = Photo;
        group#331fbb5c flags:# a:flags.2?int b:flags.2?string c:flags.2?true peer:InputPeer = Group;
        rpc_result#f35c6d01 req_msg_id:long result:Object = RpcResult;
        ---functions---
        invokeWithLayer#da9b0d0d {X:Type} layer:int query:!X = X;
        getPhoto#9873dabf peer:InputPeer ids:vector<long> = Photo;
        "#
    }
}

mod td_form {
    tl_runtime::tl! {
        #[tl(serde = "tdlib", id_rule = "tdlib")]
        r#"
        error code:int32 message:string = Error;
        testInt value:int32 = TestInt;
        file id:int32 size:int53 remote_id:int64 data:bytes ids:vector<int64> ok:Bool = File;
        ---functions---
        testSquareInt x:int32 = TestInt;
        "#
    }
}

#[test]
fn tl_names_tag_and_name_every_field() {
    use tl_form::{enums, types};
    let photo = types::Photo {
        flags: UnknownFlags::NONE,
        has_stickers: true,
        id: -5,
        file_reference: vec![1, 2, 3],
        sizes: vec![1, 2],
        big: None,
    };
    let value = serde_json::to_value(enums::Photo::from(photo.clone())).unwrap();
    assert_eq!(
        value,
        json!({"_": "photo", "has_stickers": true, "id": -5, "file_reference": "AQID", "sizes": [1, 2]})
    );
    let back: enums::Photo = serde_json::from_value(value).unwrap();
    assert_eq!(back, enums::Photo::from(photo));

    let group = types::Group {
        flags: UnknownFlags(1 << 9),
        a_and_b: Some((7, "s".into())),
        peer: enums::InputPeer::Empty,
    };
    let value = serde_json::to_value(&group).unwrap();
    assert_eq!(
        value,
        json!({"_": "group", "flags": 512, "a": 7, "b": "s", "peer": {"_": "inputPeerEmpty"}})
    );
    assert_eq!(
        serde_json::from_value::<types::Group>(value).unwrap(),
        group
    );
}

#[test]
fn tdlib_form_has_int64_as_strings() {
    use td_form::{enums, functions, types};
    let file = types::File {
        id: 1,
        size: 1 << 40,
        remote_id: i64::MIN,
        data: vec![0, 255],
        ids: vec![1, -1],
        ok: true,
    };
    let text = serde_json::to_string(&file).unwrap();
    assert_eq!(
        text,
        r#"{"@type":"file","id":1,"size":1099511627776,"remote_id":"-9223372036854775808","data":"AP8=","ids":["1","-1"],"ok":true}"#
    );
    assert_eq!(serde_json::from_str::<types::File>(&text).unwrap(), file);
    let call = serde_json::to_string(&functions::TestSquareInt { x: 7 }).unwrap();
    assert_eq!(call, r#"{"@type":"testSquareInt","x":7}"#);
    // TDLib's answer, `@extra` and `@client_id` beside it, the tag not first.
    let answer: tl_runtime::json::Extra<enums::TestInt, String> =
        serde_json::from_str(r#"{"value":49,"@extra":"e1","@type":"testInt","@client_id":1}"#)
            .unwrap();
    assert_eq!(
        answer.value,
        enums::TestInt::TestInt(types::TestInt { value: 49 })
    );
    assert_eq!(answer.extra.as_deref(), Some("e1"));
    assert_eq!(answer.client_id, Some(1));
}

/// The error serde_json gives for `text` read as `T`, without its position.
fn error<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> String {
    let e = serde_json::from_str::<T>(text).expect_err("refused");
    let full = e.to_string();
    let at = format!(" at line {} column {}", e.line(), e.column());
    full.strip_suffix(&at).unwrap_or(&full).to_string()
}

#[test]
fn refused_input_says_what_is_wrong() {
    use td_form::{enums, types};
    // A tag no constructor of the type has: named, with the ones it knows, at the tag.
    let e = serde_json::from_str::<enums::TestInt>(r#"{"@type":"testSquare","value":1}"#)
        .expect_err("refused");
    assert_eq!(e.column(), 21, "the end of the tag's value");
    assert_eq!(
        error::<enums::TestInt>(r#"{"@type":"testSquare","value":1}"#),
        "unknown variant `testSquare`, expected `testInt`"
    );
    // The tag of another type.
    assert_eq!(
        error::<types::TestInt>(r#"{"@type":"error","code":1,"message":"m"}"#),
        "unknown variant `error`, expected `testInt`"
    );
    // No tag at all, and the wrong tag key (TL form's `_` in the TDLib form).
    assert_eq!(
        error::<enums::TestInt>(r#"{"value":1}"#),
        "missing field `@type`"
    );
    assert_eq!(
        error::<enums::TestInt>(r#"{"_":"testInt","value":1}"#),
        "missing field `@type`"
    );
    // A missing field, a field given twice, a value of the wrong type.
    assert_eq!(
        error::<types::Error>(r#"{"@type":"error","code":400}"#),
        "missing field `message`"
    );
    assert_eq!(
        error::<types::TestInt>(r#"{"@type":"testInt","value":1,"value":2}"#),
        "duplicate field `value`"
    );
    assert_eq!(
        error::<types::TestInt>(r#"{"@type":"testInt","value":"1"}"#),
        "invalid type: string \"1\", expected i32"
    );
    // int64 as a number, where TDLib writes a string; and a string that is not one.
    let file = |remote: &str| {
        format!(
            r#"{{"@type":"file","id":1,"size":2,"remote_id":{remote},"data":"","ids":[],"ok":true}}"#
        )
    };
    assert_eq!(
        error::<types::File>(&file("5")),
        "invalid type: integer `5`, expected an int64 as a decimal string (TDLib's JSON writes int64 as a string)"
    );
    assert!(
        error::<types::File>(&file(r#""5x""#)).starts_with("invalid value: string \"5x\""),
        "{}",
        error::<types::File>(&file(r#""5x""#))
    );
    // Bytes that are not base64.
    let bad = r#"{"@type":"file","id":1,"size":2,"remote_id":"3","data":"!!","ids":[],"ok":true}"#;
    assert!(
        error::<types::File>(bad)
            .starts_with("invalid value: string \"!!\", expected base64 bytes")
    );
    // Fields in any order, the tag last, keys a newer TDLib adds ignored.
    let file: types::File = serde_json::from_str(
        r#"{"ids":["7"],"new_field":{"x":[1]},"ok":false,"data":"AQ==","remote_id":"-3","size":2,"id":1,"@type":"file"}"#,
    )
    .unwrap();
    assert_eq!(
        (file.id, file.remote_id, file.ids, file.data),
        (1, -3, vec![7], vec![1])
    );
}

#[test]
fn tl_form_flags_and_groups() {
    use tl_form::{enums, types};
    // `null` for an absent optional field, and absent `?true` flags are false.
    let photo: types::Photo =
        serde_json::from_str(r#"{"_":"photo","id":1,"file_reference":"","sizes":[],"big":null}"#)
            .unwrap();
    assert_eq!((photo.has_stickers, photo.big), (false, None));
    // int128 is base64 of its 16 bytes, and only of 16.
    let big = serde_json::to_value(types::Photo {
        big: Some([7; 16]),
        ..photo.clone()
    })
    .unwrap();
    assert_eq!(big["big"], "BwcHBwcHBwcHBwcHBwcHBw==");
    assert!(
        error::<types::Photo>(
            r#"{"_":"photo","id":1,"file_reference":"","sizes":[],"big":"Bwc="}"#
        )
        .starts_with("invalid length 2, expected as many bytes as the int type holds")
    );
    // `Object` is the base64 of its bytes.
    let result = types::RpcResult {
        req_msg_id: 7,
        result: tl_runtime::Object(vec![0x15, 0xc4, 0xb5, 0x1c, 0, 0, 0, 0]),
    };
    let text = serde_json::to_string(&result).unwrap();
    assert_eq!(
        text,
        r#"{"_":"rpc_result","req_msg_id":7,"result":"FcS1HAAAAAA="}"#
    );
    assert_eq!(
        serde_json::from_str::<types::RpcResult>(&text).unwrap(),
        result
    );
    // A group is all or none.
    assert!(
        error::<types::Group>(r#"{"_":"group","a":1,"peer":{"_":"inputPeerEmpty"}}"#)
            .starts_with("the fields `a`, `b` share one flag bit: give all of them or none")
    );
    // The generic function holds any serde value of the schema.
    let call = tl_form::functions::InvokeWithLayer {
        layer: 228,
        query: tl_form::functions::GetPhoto {
            peer: enums::InputPeer::User(types::InputPeerUser {
                user_id: 1,
                access_hash: -1,
            }),
            ids: vec![5],
        },
    };
    let text = serde_json::to_string(&call).unwrap();
    assert_eq!(
        text,
        r#"{"_":"invokeWithLayer","layer":228,"query":{"_":"getPhoto","peer":{"_":"inputPeerUser","user_id":1,"access_hash":-1},"ids":[5]}}"#
    );
    assert_eq!(
        serde_json::from_str::<tl_form::functions::InvokeWithLayer<tl_form::functions::GetPhoto>>(
            &text
        )
        .unwrap(),
        call
    );
    // `Any` reads any constructor or function by its tag.
    let any: tl_form::Any = serde_json::from_str(&text).unwrap();
    assert!(matches!(any, tl_form::Any::InvokeWithLayer(_)), "{any:?}");
    assert_eq!(serde_json::to_string(&any).unwrap(), text);
}

tl_tests::skipped_without_shared_schemas!();

/// Every constructor and function of the real schemas, as the value generator builds them (all
/// flags, none, at random), goes value → JSON → the same value (and the same bytes). Doubles
/// need serde_json's `float_roundtrip` to come back to the bit.
#[cfg(tl_shared_schemas)]
mod real_schemas {
    use tl_runtime::{DeserializeOwned, Serialize};
    use tl_schema::IdRule;
    use tl_tests::generate::{for_each_encoding, load, load_with};
    use tl_tests::real;

    fn json_round_trips<A>(schema: &tl_schema::Schema, seed: u64, rule: IdRule) -> usize
    where
        A: Serialize
            + DeserializeOwned
            + serde::Serialize
            + serde::de::DeserializeOwned
            + PartialEq
            + std::fmt::Debug,
    {
        // A frozen id that copies another definition's decodes as that one (as in
        // roundtrip_real.rs): those are checked through the one that owns the id.
        let shadowed = |def: &tl_schema::Definition| {
            !def.has_own_id(rule)
                && schema.definitions.iter().any(|d| {
                    !std::ptr::eq(d, def) && d.section == def.section && d.id(rule) == def.id(rule)
                })
        };
        for_each_encoding(schema, seed, rule, shadowed, |def, presence, bytes| {
            let name = &def.name.value;
            let value = A::from_bytes(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            let text = serde_json::to_string(&value)
                .unwrap_or_else(|e| panic!("{name} ({presence:?}) to JSON: {e}"));
            let back: A = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("{name} ({presence:?}) from JSON: {e}\n{text}"));
            assert_eq!(back, value, "{name} ({presence:?}): {text}");
            assert_eq!(back.to_bytes(), bytes, "{name} ({presence:?}) re-encodes");
        })
    }

    #[test]
    fn every_td_api_definition_round_trips_through_tdlib_json() {
        let Some(schema) = load_with("td_api.tl", &[], IdRule::Tdlib) else {
            return;
        };
        let checked = json_round_trips::<real::td::Any>(&schema, 18, IdRule::Tdlib);
        let all = schema.definitions.iter().filter(|d| !d.builtin).count();
        eprintln!("td_api.tl: {checked} definitions through TDLib's JSON");
        assert_eq!(checked, all);
        assert!(checked > 2000, "{checked}");
    }

    /// The benchmarks' `messages.messagesSlice` (100 messages, 29 KB of TL) in the TL-name JSON,
    /// checked in as `tests/golden/messages_slice.json` (`TL_BLESS=1` rewrites it): the form
    /// itself is pinned, and the file reads back to the very bytes.
    #[test]
    fn the_grammers_payload_as_golden_json() {
        use tl_runtime::Deserialize as _;
        let bytes = tl_tests::payload::messages_slice(None);
        let value = real::api::enums::messages::Messages::from_bytes(&bytes).unwrap();
        let mut text = serde_json::to_string_pretty(&value).unwrap();
        text.push('\n');
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("golden/messages_slice.json");
        if std::env::var_os("TL_BLESS").is_some() {
            std::fs::write(&path, &text).unwrap();
        }
        let golden = std::fs::read_to_string(&path).unwrap();
        assert!(
            golden == text,
            "{} differs from the payload's JSON; review, bless with TL_BLESS=1",
            path.display()
        );
        let back: real::api::enums::messages::Messages = serde_json::from_str(&golden).unwrap();
        assert_eq!(back.to_bytes(), bytes);
    }

    #[test]
    fn every_api_definition_round_trips_through_tl_json() {
        let Some(schema) = load("api.tl", tl_tests::frozen::API) else {
            return;
        };
        let checked = json_round_trips::<real::api::Any>(&schema, 18, IdRule::Telegram);
        eprintln!("api.tl: {checked} definitions through the TL-name JSON");
        // The four `invokeWith…Prefix` functions reuse real functions' ids.
        assert_eq!(checked, 1645 + 813 - 4);
    }
}
