//! What the two JSON oracles share (`tests/tests/tdjson.rs`, TDLib's libtdjson;
//! `tests/tests/tonlibjson.rs`, TON's libtonlibjson, which speaks the same JSON): writing a
//! request from the generated types, and reading an answer back into them, checked to re-encode
//! to the library's own JSON value.

use serde_json::Value;
use tl_runtime::json::{Extra, Tagged};

/// A request built from the generated types, with `@extra`.
pub fn request<F: Tagged>(f: F, tag: &str) -> String {
    serde_json::to_string(&Extra::new(f, tag.to_string())).unwrap()
}

/// The library's JSON without the envelope keys (`@extra`, and TDLib's `@client_id`), as a
/// value to compare with ours.
fn bare(text: &str) -> Value {
    let mut value: Value = serde_json::from_str(text).unwrap();
    if let Some(map) = value.as_object_mut() {
        map.remove("@extra");
        map.remove("@client_id");
    }
    value
}

/// Decodes what the library sent as `T` with the envelope, and checks that it re-encodes to the
/// same JSON value.
pub fn decode<T>(text: &str) -> Extra<T, String>
where
    T: Tagged + serde::Serialize + std::fmt::Debug,
{
    let decoded: Extra<T, String> = serde_json::from_str(text)
        .unwrap_or_else(|e| panic!("the library's {text} does not decode: {e}"));
    let ours = serde_json::to_value(&decoded.value).unwrap();
    assert_eq!(ours, bare(text), "re-encoded {:?}", decoded.value);
    decoded
}
