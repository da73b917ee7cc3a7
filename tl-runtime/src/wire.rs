//! Encoding of the TL primitives, written once here and called by the trait impls and by
//! generated code (core.telegram.org: mtproto/serialize, type/bytes, type/Bool).

use crate::{Deserialize, Error, Reader, Serialize};
use alloc::vec::Vec;

/// The id of the boxed `Vector t` constructor, `vector#1cb5c415`.
pub const VECTOR_ID: u32 = 0x1cb5_c415;
/// `boolTrue#997275b5 = Bool`.
pub const BOOL_TRUE_ID: u32 = 0x9972_75b5;
/// `boolFalse#bc799737 = Bool`.
pub const BOOL_FALSE_ID: u32 = 0xbc79_9737;
/// The first length that a `string` or `bytes` can not encode: the long form has 3 length bytes.
pub const MAX_BYTES_LEN: usize = (1 << 24) - 1;

/// Zero bytes that follow `n` bytes to reach a multiple of 4.
#[inline]
pub const fn padding(n: usize) -> usize {
    (4 - n % 4) % 4
}

/// Appends a little-endian 32-bit word.
#[inline]
pub fn write_u32(buf: &mut Vec<u8>, v: u32) {
    buf.extend_from_slice(&v.to_le_bytes());
}

/// Appends 32-bit words, each little-endian, with one capacity check: generated code writes a
/// run of fixed-size fields (ids, `#` words, `int`s, a `long` as its low and high word) as one
/// call instead of a check per field.
#[inline]
pub fn write_words<const N: usize>(buf: &mut Vec<u8>, words: [u32; N]) {
    buf.extend_from_slice(words.map(u32::to_le_bytes).as_flattened());
}

/// Overwrites the 32-bit word at `at`, which an earlier [`write_u32`] to `buf` appended: a `#`
/// word written before the fields whose presence sets its bits.
#[inline]
pub fn patch_u32(buf: &mut [u8], at: usize, v: u32) {
    if let Some(word) = buf.get_mut(at..).and_then(<[u8]>::first_chunk_mut) {
        *word = v.to_le_bytes();
    }
}

/// Appends an `int`.
#[inline]
pub fn write_i32(buf: &mut Vec<u8>, v: i32) {
    buf.extend_from_slice(&v.to_le_bytes());
}

/// Appends a `long`.
#[inline]
pub fn write_i64(buf: &mut Vec<u8>, v: i64) {
    buf.extend_from_slice(&v.to_le_bytes());
}

/// Appends a `double`, every bit kept.
#[inline]
pub fn write_f64(buf: &mut Vec<u8>, v: f64) {
    buf.extend_from_slice(&v.to_bits().to_le_bytes());
}

/// The encoded size of a `bytes` or `string` of `len` bytes: header, data and padding.
#[inline]
pub const fn bytes_len(len: usize) -> usize {
    let header = if len < 254 { 1 } else { 4 };
    header + len + padding(header + len)
}

/// Appends a TL `bytes` or `string`: the length header, the data and zero padding.
///
/// # Panics
///
/// If `data` is longer than [`MAX_BYTES_LEN`] (16 MiB − 1). TL has no encoding for such a value
/// and Telegram accepts nothing near that size (file parts are at most 512 KiB), so this is a bug
/// in the caller, like a capacity overflow, and silently truncating it would send corrupt bytes.
#[inline]
pub fn write_bytes(buf: &mut Vec<u8>, data: &[u8]) {
    let len = data.len();
    let end = buf.len() + bytes_len(len);
    if len < 254 {
        // Room for the header, the data and the 3-byte write of padding below.
        buf.reserve(len + 4);
        // `len < 254` so the cast is exact.
        buf.push(len as u8);
    } else {
        assert!(
            len <= MAX_BYTES_LEN,
            "tl: a string or bytes value of {len} bytes cannot be encoded (the TL maximum is {MAX_BYTES_LEN})"
        );
        buf.reserve(len + 7);
        let [a, b, c, _] = (len as u32).to_le_bytes();
        buf.extend_from_slice(&[254, a, b, c]);
    }
    buf.extend_from_slice(data);
    // The padding as one fixed-size write, cut back to its length: cheaper than copying a
    // slice whose length is only known at run time.
    buf.extend_from_slice(&[0; 3]);
    buf.truncate(end);
}

/// Appends a bare `vector<T>`: the count and the elements, no constructor id.
///
/// # Panics
///
/// If `items` has more than `i32::MAX` elements, which TL cannot count.
#[inline]
pub fn serialize_bare_vec<T: Serialize>(items: &[T], buf: &mut Vec<u8>) {
    let count = i32::try_from(items.len())
        .expect("tl: a vector of more than i32::MAX elements cannot be encoded");
    write_i32(buf, count);
    // A slice pattern, not an iterator: `for` would instantiate `IntoIterator` and `Iter::next`
    // for every element type, compiled once each by an unoptimized build.
    let mut rest = items;
    while let [item, tail @ ..] = rest {
        item.serialize(buf);
        rest = tail;
    }
}

/// The encoded size of a bare `vector<T>`.
#[inline]
pub fn bare_vec_len<T: Serialize>(items: &[T]) -> usize {
    4 + items.iter().map(T::serialized_len).sum::<usize>()
}

/// Reads a bare `vector<T>`: the count, checked against the remaining input, then the elements,
/// one nesting level deeper. Errors name the index of the failing element.
///
/// Written with `match` where `?`, a closure or `map_err` would do: this is instantiated once per
/// element type (187 in the whole Telegram API), and an unoptimized build compiles, for
/// each of those, every generic helper the body instantiates (`Reader::nest` and its closure,
/// `map_err`, `?`'s `branch` and `from_residual`: 62,000 lines of LLVM IR for the whole API).
///
/// `encoding::BareVec`'s decoder holds the same loop for nested vectors, with its own element
/// decoder; keep the two in step (it says why they are not one function).
#[allow(clippy::question_mark)] // the `match` is the point (above)
pub fn deserialize_bare_vec<'a, T: Deserialize<'a>>(
    reader: &mut Reader<'a>,
) -> Result<Vec<T>, Error> {
    let count = match reader.enter_vec(T::MIN_SERIALIZED_LEN) {
        Ok(count) => count,
        Err(e) => return Err(e),
    };
    let mut items = Vec::with_capacity(reader.capacity_for(count, core::mem::size_of::<T>()));
    for i in 0..count {
        match T::deserialize(reader) {
            Ok(item) => items.push(item),
            Err(e) => {
                reader.leave();
                return Err(e.in_index(i));
            }
        }
    }
    reader.leave();
    Ok(items)
}
