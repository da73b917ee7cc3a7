//! The wire format against vectors from core.telegram.org (mtproto/serialize, type/bytes,
//! type/Bool): exact bytes out, the same value back, and strict rejection of every
//! non-canonical form.

use tl_runtime::{Deserialize, DeserializeOwned, ErrorKind, Serialize};

/// Encodes `value`, compares with `expected`, checks `serialized_len`, and decodes it back.
fn check<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(value: T, expected: &[u8]) {
    let bytes = value.to_bytes();
    assert_eq!(bytes, expected, "encoding of {value:?}");
    assert_eq!(
        value.serialized_len(),
        bytes.len(),
        "serialized_len of {value:?}"
    );
    let mut appended = vec![0xaa];
    value.serialize(&mut appended);
    assert_eq!(
        &appended[1..],
        expected,
        "serialize appends after existing bytes"
    );
    assert_eq!(T::from_bytes(&bytes).unwrap(), value);
}

/// The TL encoding of `len` bytes of data, built by hand from the spec's rules.
fn spec_bytes(data: &[u8]) -> Vec<u8> {
    let len = data.len();
    let mut out = if len < 254 {
        vec![len as u8]
    } else {
        vec![0xfe, len as u8, (len >> 8) as u8, (len >> 16) as u8]
    };
    out.extend_from_slice(data);
    while !out.len().is_multiple_of(4) {
        out.push(0);
    }
    out
}

#[test]
fn short_strings_literal_vectors() {
    check(String::new(), &[0, 0, 0, 0]);
    check("a".to_string(), &[1, b'a', 0, 0]);
    check("abc".to_string(), &[3, b'a', b'b', b'c']);
    check("abcd".to_string(), &[4, b'a', b'b', b'c', b'd', 0, 0, 0]);
    check(
        "\u{1F600}".to_string(),
        &[4, 0xf0, 0x9f, 0x98, 0x80, 0, 0, 0],
    );
}

#[test]
fn string_and_bytes_lengths_from_the_spec() {
    // (length, total encoded size, header bytes)
    let cases = [
        (0, 4, vec![0]),
        (1, 4, vec![1]),
        (3, 4, vec![3]),
        (4, 8, vec![4]),
        (253, 256, vec![253]),
        (254, 260, vec![0xfe, 0xfe, 0, 0]),
        (255, 260, vec![0xfe, 0xff, 0, 0]),
        (1000, 1004, vec![0xfe, 0xe8, 0x03, 0]),
        (70_000, 70_004, vec![0xfe, 0x70, 0x11, 0x01]),
    ];
    for (len, total, header) in cases {
        let data: Vec<u8> = (0..len).map(|i| (i % 251) as u8 + 1).collect();
        let expected = spec_bytes(&data);
        assert_eq!(expected.len(), total, "size for length {len}");
        assert_eq!(
            &expected[..header.len()],
            &header[..],
            "header for length {len}"
        );
        check(data.clone(), &expected);
        let text: String = (0..len)
            .map(|i| char::from(b'a' + (i % 26) as u8))
            .collect();
        check(text.clone(), &spec_bytes(text.as_bytes()));
    }
}

#[test]
fn bool_ids() {
    check(true, &[0xb5, 0x75, 0x72, 0x99]);
    check(false, &[0x37, 0x97, 0x79, 0xbc]);
    let err = bool::from_bytes(&0x3fedd339u32.to_le_bytes()).unwrap_err(); // `true#3fedd339`
    assert_eq!(
        err.kind(),
        &ErrorKind::UnexpectedConstructor {
            type_name: "Bool",
            id: 0x3fedd339,
            found: None,
        }
    );
    assert_eq!(err.offset(), 0);
}

#[test]
fn vector_of_int() {
    check(
        vec![1i32, -2, 0x01020304],
        &[
            0x15, 0xc4, 0xb5, 0x1c, 3, 0, 0, 0, 1, 0, 0, 0, 0xfe, 0xff, 0xff, 0xff, 4, 3, 2, 1,
        ],
    );
    check(Vec::<i32>::new(), &[0x15, 0xc4, 0xb5, 0x1c, 0, 0, 0, 0]);
    let err = Vec::<i32>::from_bytes(&[0, 0, 0, 0, 0, 0, 0, 0]).unwrap_err();
    assert!(matches!(
        err.kind(),
        ErrorKind::UnexpectedConstructor {
            type_name: "Vector",
            id: 0,
            found: None,
        }
    ));
}

#[test]
fn fixed_width_numbers() {
    check(0x0102_0304i32, &[4, 3, 2, 1]);
    check(-1i32, &[0xff; 4]);
    check(0x0102_0304_0506_0708i64, &[8, 7, 6, 5, 4, 3, 2, 1]);
    check(0x8000_0000u32, &[0, 0, 0, 0x80]);
}

#[test]
fn int128_and_int256_keep_byte_order() {
    let nonce: [u8; 16] = core::array::from_fn(|i| i as u8);
    check(nonce, &nonce);
    let key: [u8; 32] = core::array::from_fn(|i| 0xff - i as u8);
    check(key, &key);
}

#[test]
fn doubles_keep_every_bit() {
    check(1.0f64, &[0, 0, 0, 0, 0, 0, 0xf0, 0x3f]);
    let neg_zero = (-0.0f64).to_bytes();
    assert_eq!(neg_zero, [0, 0, 0, 0, 0, 0, 0, 0x80]);
    assert!(f64::from_bytes(&neg_zero).unwrap().is_sign_negative());
    for bits in [
        0x7ff8_0000_0000_0001u64,
        0xfff0_0000_dead_beef,
        0x7ff0_0000_0000_0000,
    ] {
        let bytes = f64::from_bits(bits).to_bytes();
        assert_eq!(bytes, bits.to_le_bytes());
        assert_eq!(f64::from_bytes(&bytes).unwrap().to_bits(), bits);
    }
}

#[test]
fn long_form_header_on_short_data_is_rejected() {
    let mut bytes = vec![0xfe, 5, 0, 0];
    bytes.extend_from_slice(b"hello\0\0\0");
    let err = Vec::<u8>::from_bytes(&bytes).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::NonCanonicalLength { len: 5 });
    assert_eq!(err.offset(), 0);
}

#[test]
fn non_zero_padding_is_rejected() {
    let err = String::from_bytes(&[1, b'a', 0, 1]).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::NonZeroPadding);
    assert_eq!(err.offset(), 2);
}

#[test]
fn prefix_ff_is_rejected() {
    let err = Vec::<u8>::from_bytes(&[0xff, 0, 0, 0]).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::InvalidLengthPrefix);
}

#[test]
fn invalid_utf8_in_string_is_rejected_but_fine_in_bytes() {
    let bytes = [2, b'a', 0xff, 0];
    let err = String::from_bytes(&bytes).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::InvalidUtf8 { valid_up_to: 1 });
    assert_eq!(Vec::<u8>::from_bytes(&bytes).unwrap(), vec![b'a', 0xff]);
}

#[test]
fn trailing_bytes_are_rejected_but_reader_leaves_them() {
    let err = i32::from_bytes(&[1, 0, 0, 0, 9]).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::TrailingBytes { count: 1 });
    assert_eq!(err.offset(), 4);
    let mut reader = tl_runtime::Reader::new(&[1, 0, 0, 0, 9]);
    assert_eq!(
        <i32 as Deserialize<'_>>::deserialize(&mut reader).unwrap(),
        1
    );
    assert_eq!(reader.remaining(), &[9]);
}

#[test]
fn negative_count_is_rejected() {
    let mut bytes = 0x1cb5c415u32.to_le_bytes().to_vec();
    bytes.extend_from_slice(&(-1i32).to_le_bytes());
    let err = Vec::<i32>::from_bytes(&bytes).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::NegativeCount { count: -1 });
    assert_eq!(err.offset(), 4);
}

#[test]
fn bare_vector_has_no_id() {
    let items = vec!["x".to_string(), "yz".to_string()];
    let mut buf = Vec::new();
    tl_runtime::wire::serialize_bare_vec(&items, &mut buf);
    assert_eq!(buf, [2, 0, 0, 0, 1, b'x', 0, 0, 2, b'y', b'z', 0]);
    assert_eq!(tl_runtime::wire::bare_vec_len(&items), buf.len());
    let mut reader = tl_runtime::Reader::new(&buf);
    let back: Vec<String> = tl_runtime::wire::deserialize_bare_vec(&mut reader).unwrap();
    assert_eq!(back, items);
    reader.finish().unwrap();
}

#[test]
fn largest_encodable_length_uses_three_bytes() {
    let data = vec![7u8; tl_runtime::wire::MAX_BYTES_LEN];
    let bytes = data.to_bytes();
    assert_eq!(&bytes[..4], &[0xfe, 0xff, 0xff, 0xff]);
    assert_eq!(bytes.len(), 4 + data.len() + 1);
    assert_eq!(Vec::<u8>::from_bytes(&bytes).unwrap().len(), data.len());
}

/// 2^24 bytes have no TL encoding; encoding them is a documented panic, never a truncated length.
#[test]
#[should_panic(expected = "cannot be encoded")]
fn oversized_bytes_panic_instead_of_truncating() {
    let data = vec![0u8; tl_runtime::wire::MAX_BYTES_LEN + 1];
    let _ = data.to_bytes();
}
