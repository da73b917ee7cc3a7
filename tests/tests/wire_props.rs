//! Property tests of the wire format: every primitive and nested vectors round-trip, and any
//! byte string either fails to decode or re-encodes to exactly itself (lossless decoding).

use proptest::prelude::*;
use tl_runtime::{Deserialize, DeserializeOwned, Serialize};

fn round_trip<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(value: &T) {
    let bytes = value.to_bytes();
    assert_eq!(bytes.len(), value.serialized_len());
    assert_eq!(bytes.len() % 4, 0, "TL values are whole 32-bit words");
    let back = T::from_bytes(&bytes).expect("decode what we encoded");
    assert_eq!(&back, value);
    assert_eq!(back.to_bytes(), bytes);
}

/// Whatever decodes must re-encode to the very same bytes.
fn lossless<T: Serialize + DeserializeOwned>(bytes: &[u8]) {
    if let Ok(value) = T::from_bytes(bytes) {
        assert_eq!(value.to_bytes(), bytes);
    }
}

/// Bytes that look like TL more often than uniform noise does: length-prefixed strings,
/// vector headers and Bool ids spliced together.
fn tl_like_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..12),
        Just(0x1cb5c415u32.to_le_bytes().to_vec()),
        Just(0x997275b5u32.to_le_bytes().to_vec()),
        Just(0xbc799737u32.to_le_bytes().to_vec()),
        (0u32..6).prop_map(|n| n.to_le_bytes().to_vec()),
        (0u8..12).prop_map(|n| vec![n]),
        (254usize..300).prop_map(|n| vec![0xfe, n as u8, (n >> 8) as u8, 0]),
        Just(vec![0u8; 3]),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat())
}

proptest! {
    #[test]
    fn int_round_trips(v: i32) { round_trip(&v) }
    #[test]
    fn long_round_trips(v: i64) { round_trip(&v) }
    #[test]
    fn flags_word_round_trips(v: u32) { round_trip(&v) }
    #[test]
    fn double_round_trips_bitwise(bits: u64) {
        let v = f64::from_bits(bits);
        let back = f64::from_bytes(&v.to_bytes()).unwrap();
        prop_assert_eq!(back.to_bits(), bits);
    }
    #[test]
    fn int128_round_trips(v: [u8; 16]) { round_trip(&v) }
    #[test]
    fn int256_round_trips(v: [u8; 32]) { round_trip(&v) }
    #[test]
    fn bool_round_trips(v: bool) { round_trip(&v) }
    #[test]
    fn string_round_trips(v in ".{0,300}") { round_trip(&v) }
    #[test]
    fn bytes_round_trip(v in prop::collection::vec(any::<u8>(), 0..600)) { round_trip(&v) }
    #[test]
    fn nested_vectors_round_trip(
        v in prop::collection::vec(prop::collection::vec(".{0,20}", 0..5), 0..5)
    ) { round_trip(&v) }
    #[test]
    fn vector_of_bytes_vectors_round_trip(
        v in prop::collection::vec(prop::collection::vec(prop::collection::vec(any::<u8>(), 0..300), 0..3), 0..3)
    ) { round_trip(&v) }
    #[test]
    fn vector_of_bools_and_longs_round_trip(a: Vec<bool>, b: Vec<i64>) {
        round_trip(&a);
        round_trip(&b);
    }

    #[test]
    fn random_bytes_decode_losslessly(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        lossless::<i32>(&bytes);
        lossless::<i64>(&bytes);
        lossless::<f64>(&bytes);
        lossless::<bool>(&bytes);
        lossless::<[u8; 16]>(&bytes);
        lossless::<String>(&bytes);
        lossless::<Vec<u8>>(&bytes);
        lossless::<Vec<i32>>(&bytes);
        lossless::<Vec<bool>>(&bytes);
        lossless::<Vec<String>>(&bytes);
        lossless::<Vec<Vec<u8>>>(&bytes);
        lossless::<Vec<Vec<Vec<i64>>>>(&bytes);
    }

    /// A `string` decodes exactly when its bytes are UTF-8, and its error says where they stop
    /// being it, as `core::str::from_utf8` does (the offset counts from the string's first byte,
    /// not its length prefix): valid text with one byte replaced, so invalid ones are common.
    #[test]
    fn string_decodes_exactly_when_utf8(
        text in ".{0,150}",
        at: prop::sample::Index,
        byte: u8,
        corrupt: bool,
    ) {
        let mut raw = text.into_bytes();
        if corrupt && !raw.is_empty() {
            let i = at.index(raw.len());
            raw[i] = byte;
        }
        let got = String::from_bytes(&raw.to_bytes());
        match std::str::from_utf8(&raw) {
            Ok(want) => prop_assert_eq!(got.unwrap(), want),
            Err(e) => {
                let err = got.unwrap_err();
                prop_assert_eq!(
                    err.kind(),
                    &tl_runtime::ErrorKind::InvalidUtf8 { valid_up_to: e.valid_up_to() }
                );
            }
        }
    }

    #[test]
    fn tl_like_bytes_decode_losslessly(bytes in tl_like_bytes()) {
        lossless::<String>(&bytes);
        lossless::<Vec<u8>>(&bytes);
        lossless::<Vec<bool>>(&bytes);
        lossless::<Vec<String>>(&bytes);
        lossless::<Vec<Vec<u8>>>(&bytes);
        lossless::<Vec<Vec<String>>>(&bytes);
    }
}
