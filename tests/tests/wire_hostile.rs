//! Hostile input: truncation at every offset, length and count bombs, and depth bombs. Each is
//! an `Err` naming the offset, with no allocation larger than the input and no stack overflow.

use tl_runtime::{Deserialize, Error, ErrorKind, Limits, PathSegment, Reader, Serialize};
use tl_tests::{CountingAlloc, on_small_stack};

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

fn sample() -> Vec<Vec<String>> {
    vec![
        vec!["hello".into(), "x".repeat(300)],
        vec![],
        vec!["\u{e9}t\u{e9}".into()],
    ]
}

#[test]
fn truncation_at_every_offset_fails_at_a_named_offset() {
    let bytes = sample().to_bytes();
    for cut in 0..bytes.len() {
        let err = Vec::<Vec<String>>::from_bytes(&bytes[..cut]).unwrap_err();
        assert!(
            matches!(
                err.kind(),
                ErrorKind::UnexpectedEof { .. }
                    | ErrorKind::LengthExceedsInput { .. }
                    | ErrorKind::CountExceedsInput { .. }
            ),
            "cut at {cut}: {err}"
        );
        assert!(
            err.offset() <= cut,
            "cut at {cut}: offset {} past the end",
            err.offset()
        );
        assert!(
            err.to_string()
                .contains(&format!("at byte {}", err.offset()))
        );
    }
}

#[test]
fn errors_name_the_vector_index_path() {
    let mut bytes = sample().to_bytes();
    let last = bytes.len() - 8; // the last string, "\u{e9}t\u{e9}": 1 + 5 + 2 bytes
    bytes[last + 1] = 0xff; // break its UTF-8 at its first byte
    let err = Vec::<Vec<String>>::from_bytes(&bytes).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::InvalidUtf8 { valid_up_to: 0 });
    assert_eq!(err.offset(), last);
    let path: Vec<_> = err.path().cloned().collect();
    assert_eq!(path, [PathSegment::Index(2), PathSegment::Index(0)]);
    assert_eq!(
        err.to_string(),
        format!("[2][0]: invalid UTF-8 in string after 0 bytes at byte {last}")
    );
}

#[test]
fn length_bomb_allocates_nothing_large() {
    // A `bytes` claiming 2^24 - 1 bytes, followed by 4 bytes.
    let bomb = [0xfe, 0xff, 0xff, 0xff, 1, 2, 3, 4];
    CountingAlloc::reset();
    let err = Vec::<u8>::from_bytes(&bomb).unwrap_err();
    let (largest, _) = CountingAlloc::read();
    assert_eq!(
        err.kind(),
        &ErrorKind::LengthExceedsInput {
            len: 0xff_ffff,
            available: 4
        }
    );
    assert_eq!(err.offset(), 0);
    // The error itself is one small box; nothing is sized by the claimed length.
    assert!(largest <= 256, "largest allocation {largest} bytes");
}

#[test]
fn count_bomb_allocates_nothing_large() {
    // `Vector<long>` claiming 2^24 elements in 8 bytes, and `Vector<Vector<string>>` claiming
    // i32::MAX elements.
    let mut bomb = 0x1cb5c415u32.to_le_bytes().to_vec();
    bomb.extend_from_slice(&(1i32 << 24).to_le_bytes());
    CountingAlloc::reset();
    let err = Vec::<i64>::from_bytes(&bomb).unwrap_err();
    assert!(CountingAlloc::read().0 <= 256);
    assert!(
        matches!(
            err.kind(),
            ErrorKind::CountExceedsInput {
                count: 16_777_216,
                ..
            }
        ),
        "{err}"
    );
    assert_eq!(err.offset(), 4);

    let mut bomb = 0x1cb5c415u32.to_le_bytes().to_vec();
    bomb.extend_from_slice(&i32::MAX.to_le_bytes());
    bomb.extend_from_slice(&[0; 64]);
    CountingAlloc::reset();
    let err = Vec::<Vec<String>>::from_bytes(&bomb).unwrap_err();
    assert!(CountingAlloc::read().0 <= 256);
    assert!(
        matches!(err.kind(), ErrorKind::CountExceedsInput { .. }),
        "{err}"
    );
}

/// A value of 64 bytes that takes none on the wire, as a masked constructor under a mask with
/// none of its bits does.
#[derive(Debug)]
struct Silent([u64; 8]);

impl Deserialize<'_> for Silent {
    fn deserialize(_: &mut Reader<'_>) -> Result<Self, Error> {
        Ok(Silent([0; 8]))
    }
}

#[test]
fn empty_elements_allocate_no_more_than_their_limit() {
    // `Vector` of elements of no bytes, claiming i32::MAX of them in 8 bytes: refused before
    // anything is allocated.
    let mut bomb = 0x1cb5c415u32.to_le_bytes().to_vec();
    bomb.extend_from_slice(&i32::MAX.to_le_bytes());
    CountingAlloc::reset();
    let err = Vec::<Silent>::from_bytes(&bomb).unwrap_err();
    assert!(CountingAlloc::read().0 <= 256);
    assert_eq!(
        err.kind(),
        &ErrorKind::TooManyEmptyElements {
            count: i32::MAX as usize,
            limit: 1 << 16
        }
    );
    // At a limit of 1,000 elements, 1,000 are decoded, and the largest allocation is theirs
    // (the vector grows by doubling, to room for 1,024).
    let limits = Limits::default().with_max_empty_elements(1000);
    let bomb = [&0x1cb5c415u32.to_le_bytes()[..], &1000i32.to_le_bytes()].concat();
    CountingAlloc::reset();
    let items = Vec::<Silent>::from_bytes_with_limits(&bomb, limits).unwrap();
    let (largest, _) = CountingAlloc::read();
    assert_eq!(items.len(), 1000);
    assert!(items.iter().all(|s| s.0 == [0; 8]));
    assert!(largest <= 1024 * 64, "largest allocation {largest} bytes");
    let bomb = [&0x1cb5c415u32.to_le_bytes()[..], &1001i32.to_le_bytes()].concat();
    assert!(Vec::<Silent>::from_bytes_with_limits(&bomb, limits).is_err());
}

#[test]
fn plausible_count_preallocates_no_more_than_the_input() {
    // 1,000 strings claimed, 4,000 bytes present but only the first string valid: the
    // preallocation is bounded by the bytes left, not by `count * size_of::<String>()`.
    let mut bytes = 0x1cb5c415u32.to_le_bytes().to_vec();
    bytes.extend_from_slice(&1000i32.to_le_bytes());
    bytes.extend_from_slice(&[0; 4]);
    bytes.extend_from_slice(&[0xff; 3996]);
    CountingAlloc::reset();
    let err = Vec::<String>::from_bytes(&bytes).unwrap_err();
    let (largest, total) = CountingAlloc::read();
    assert_eq!(err.kind(), &ErrorKind::InvalidLengthPrefix);
    assert_eq!(err.offset(), 12);
    assert!(
        largest <= bytes.len(),
        "largest allocation {largest} for {} input bytes",
        bytes.len()
    );
    assert!(
        total <= 2 * bytes.len(),
        "total {total} for {} input bytes",
        bytes.len()
    );
}

/// `textBold#6724abc4 text:RichText = RichText;` with `textPlain#744694e0 text:string`, by hand.
#[derive(Debug, PartialEq)]
enum RichText {
    Plain(String),
    Bold(Box<RichText>),
}

impl Serialize for RichText {
    fn serialize(&self, buf: &mut Vec<u8>) {
        match self {
            RichText::Plain(s) => {
                0x744694e0u32.serialize(buf);
                s.serialize(buf);
            }
            RichText::Bold(inner) => {
                0x6724abc4u32.serialize(buf);
                inner.serialize(buf);
            }
        }
    }
    fn serialized_len(&self) -> usize {
        match self {
            RichText::Plain(s) => 4 + s.serialized_len(),
            RichText::Bold(inner) => 4 + inner.serialized_len(),
        }
    }
}

impl<'a> Deserialize<'a> for RichText {
    const MIN_SERIALIZED_LEN: usize = 8;
    fn deserialize(reader: &mut Reader<'a>) -> Result<Self, Error> {
        reader.nest(|reader| match reader.read_u32()? {
            0x744694e0 => String::deserialize(reader).map(RichText::Plain),
            0x6724abc4 => RichText::deserialize(reader)
                .map(|t| RichText::Bold(Box::new(t)))
                .map_err(|e| e.in_field("textBold", "text")),
            id => Err(Error::new(
                ErrorKind::UnexpectedConstructor {
                    type_name: "RichText",
                    id,
                    found: None,
                },
                reader.position() - 4,
            )),
        })
    }
}

/// A `Vector<Vector<…>>` of any depth.
#[derive(Debug, PartialEq)]
struct Nested(Vec<Nested>);

impl Serialize for Nested {
    fn serialize(&self, buf: &mut Vec<u8>) {
        self.0.serialize(buf)
    }
    fn serialized_len(&self) -> usize {
        self.0.serialized_len()
    }
}

impl<'a> Deserialize<'a> for Nested {
    const MIN_SERIALIZED_LEN: usize = 8;
    fn deserialize(reader: &mut Reader<'a>) -> Result<Self, Error> {
        Vec::deserialize(reader).map(Nested)
    }
}

fn bold_bomb(depth: usize) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(depth * 4 + 8);
    for _ in 0..depth {
        bytes.extend_from_slice(&0x6724abc4u32.to_le_bytes());
    }
    bytes.extend_from_slice(&0x744694e0u32.to_le_bytes());
    bytes.extend_from_slice(&[1, b'x', 0, 0]);
    bytes
}

fn vector_bomb(depth: usize) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(depth * 8 + 8);
    for _ in 0..depth {
        bytes.extend_from_slice(&0x1cb5c415u32.to_le_bytes());
        bytes.extend_from_slice(&1i32.to_le_bytes());
    }
    bytes.extend_from_slice(&0x1cb5c415u32.to_le_bytes());
    bytes.extend_from_slice(&0i32.to_le_bytes());
    bytes
}

#[test]
fn depth_bombs_fail_on_a_small_stack() {
    let (bold, vector) = on_small_stack(|| {
        (
            RichText::from_bytes(&bold_bomb(100_000)).unwrap_err(),
            Nested::from_bytes(&vector_bomb(100_000)).unwrap_err(),
        )
    });
    assert_eq!(bold.kind(), &ErrorKind::DepthLimitExceeded { limit: 100 });
    assert_eq!(bold.offset(), 400);
    assert_eq!(bold.path().count(), 100);
    assert!(bold.to_string().starts_with("textBold.text.text"), "{bold}");
    assert_eq!(vector.kind(), &ErrorKind::DepthLimitExceeded { limit: 100 });
}

#[test]
fn depth_limit_is_exact_and_configurable() {
    // 99 bolds around a plain: 100 levels, the default limit.
    assert!(RichText::from_bytes(&bold_bomb(99)).is_ok());
    assert!(RichText::from_bytes(&bold_bomb(100)).is_err());
    let limits = Limits::default().with_max_depth(1000);
    let deep = RichText::from_bytes_with_limits(&bold_bomb(500), limits).unwrap();
    assert_eq!(deep.to_bytes(), bold_bomb(500));
    let shallow = Limits::default().with_max_depth(3);
    assert!(Nested::from_bytes_with_limits(&vector_bomb(2), shallow).is_ok());
    assert!(Nested::from_bytes_with_limits(&vector_bomb(3), shallow).is_err());
}
