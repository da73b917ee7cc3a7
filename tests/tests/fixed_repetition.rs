//! Repetitions of a constant count in a field, as tgl's binlog schema (telegram-cli's) writes a
//! key: `binlog.encrKey key:64*[int] = binlog.EncrKey;`. The field is a Rust array
//! (`[i32; 64]`), its elements one after another with no count on the wire. The binlog lines
//! are tgl's (`binlog.tl`); the other constructors are made up for the other kinds of element.

use tl_runtime::{Deserialize, ErrorKind, Serialize};

mod tl {
    tl_runtime::tl! {
        #[tl(serde)]
        r"
binlog.encrKey key:64*[int] = binlog.EncrKey;
binlog.authKey dc:int key:%binlog.EncrKey = binlog.Update;
votes flags:2*[Bool] rows:2*[ vector<int> ] = Votes;
        "
    }
}

mod borrowed {
    tl_runtime::tl! {
        #[tl(borrowed)]
        "pair names:2*[ string ] = Pair;"
    }
}

/// A bare type named by `extern` may be repeated: its Rust type is the user's (here one that
/// another `tl!` generates).
mod geo {
    tl_runtime::tl! {
        "point x:int y:int = Point;"
    }
    pub mod shapes {
        tl_runtime::tl! {
            #[tl(extern(point = crate::geo::types::Point))]
            "triangle corners:3*[point] = Triangle;"
        }
    }
}

use tl::{enums, types};

fn key() -> [i32; 64] {
    core::array::from_fn(|i| i as i32 * 0x0101_0101)
}

#[test]
fn a_key_is_its_64_words_and_nothing_else() {
    let auth = types::binlog::AuthKey {
        dc: 2,
        key: types::binlog::EncrKey { key: key() },
    };
    let bytes = enums::binlog::Update::from(auth.clone()).to_bytes();
    let words: Vec<u32> = bytes
        .chunks(4)
        .map(|w| u32::from_le_bytes(w.try_into().unwrap()))
        .collect();
    // The id, `dc`, then the key bare: no id, no count.
    assert_eq!(words.len(), 1 + 1 + 64);
    assert_eq!(words[1], 2);
    assert_eq!(words[2..], key().map(|k| k as u32));
    let back = enums::binlog::Update::from_bytes(&bytes).unwrap();
    assert_eq!(back, enums::binlog::Update::from(auth));
    // The decoder knows the size before it reads anything.
    assert_eq!(
        <types::binlog::EncrKey as Deserialize>::MIN_SERIALIZED_LEN,
        256
    );
}

#[test]
fn a_short_key_is_an_error_before_anything_is_read() {
    let bytes = types::binlog::EncrKey { key: key() }.to_bytes();
    let err = types::binlog::EncrKey::from_bytes(&bytes[..252]).unwrap_err();
    assert!(
        matches!(
            err.kind(),
            ErrorKind::CountExceedsInput {
                count: 64,
                available: 252,
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn boxed_elements_keep_their_ids_and_bare_vectors_their_counts() {
    let votes = types::Votes {
        flags: [true, false],
        rows: [vec![1, 2], vec![]],
    };
    let bytes = votes.to_bytes();
    let words: Vec<u32> = bytes
        .chunks(4)
        .map(|w| u32::from_le_bytes(w.try_into().unwrap()))
        .collect();
    // `boolTrue`, `boolFalse`, then each row's count and elements without the vector's id.
    assert_eq!(words, [0x9972_75b5, 0xbc79_9737, 2, 1, 2, 0]);
    assert_eq!(types::Votes::from_bytes(&bytes).unwrap(), votes);
}

#[test]
fn an_extern_bare_type_repeats_bare() {
    let point = |x, y| geo::types::Point { x, y };
    let triangle = geo::shapes::types::Triangle {
        corners: [point(0, 0), point(4, 0), point(0, 3)],
    };
    let bytes = triangle.to_bytes();
    // Three bare points: two words each, no ids.
    assert_eq!(bytes.len(), 3 * 8);
    assert_eq!(bytes[8..12], 4i32.to_le_bytes());
    assert_eq!(
        geo::shapes::types::Triangle::from_bytes(&bytes).unwrap(),
        triangle
    );
}

#[test]
fn an_array_of_strings_borrows() {
    let pair = borrowed::types::Pair {
        names: ["ab", "cde"],
    };
    let bytes = pair.to_bytes();
    let back = borrowed::types::Pair::from_bytes(&bytes).unwrap();
    assert_eq!(back.names, ["ab", "cde"]);
}

#[test]
fn json_holds_every_element_and_wants_them_all() {
    let key = types::binlog::EncrKey { key: key() };
    let text = serde_json::to_string(&key).unwrap();
    assert!(text.starts_with(r#"{"_":"binlog.encrKey","key":[0,16843009,"#));
    let back: types::binlog::EncrKey = serde_json::from_str(&text).unwrap();
    assert_eq!(back, key);
    let err = serde_json::from_str::<types::binlog::EncrKey>(r#"{"_":"binlog.encrKey","key":[1]}"#)
        .unwrap_err();
    assert!(err.to_string().contains("invalid length 1"), "{err}");
}
