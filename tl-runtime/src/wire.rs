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

/// [`write_words`] of a boxed value's first run of words after its constructor id, when there
/// is one: `words[0]` is a slot that the id takes, and without an id the rest goes out alone.
/// A constructor type's fields written after its enum's id (`Serialize::serialize_with_id`):
/// one capacity check for the id and the fields, not one each.
#[inline]
pub fn write_words_after<const N: usize>(buf: &mut Vec<u8>, id: Option<u32>, mut words: [u32; N]) {
    match id {
        Some(id) => {
            if let Some(slot) = words.first_mut() {
                *slot = id;
            }
            write_words(buf, words);
        }
        None => {
            let bytes = words.map(u32::to_le_bytes);
            buf.extend_from_slice(bytes.as_flattened().get(4..).unwrap_or_default());
        }
    }
}

/// Appends the constructor id `id`, when there is one: a boxed value whose fields do not begin
/// with a run of words.
#[inline]
pub fn write_id(buf: &mut Vec<u8>, id: Option<u32>) {
    if let Some(id) = id {
        write_u32(buf, id);
    }
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

/// Appends a `float` (VK's 4-byte one), every bit kept.
#[inline]
pub fn write_f32(buf: &mut Vec<u8>, v: f32) {
    buf.extend_from_slice(&v.to_bits().to_le_bytes());
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
pub fn write_bytes(buf: &mut Vec<u8>, data: &[u8]) {
    let len = data.len();
    if len < SHORT_BYTES && buf.capacity() - buf.len() >= SHORT_BYTES {
        write_short_bytes(buf, data);
    } else {
        write_long_bytes(buf, data);
    }
}

/// The lengths [`write_short_bytes`] takes: under this, the header, the data and the padding fit
/// in one block of `SHORT_BYTES` bytes.
const SHORT_BYTES: usize = 64;

/// [`write_bytes`] of fewer than [`SHORT_BYTES`] bytes, into a buffer with room for a block of
/// that many (so that the block never grows a buffer that has room for the encoding itself, as
/// a vector's single reservation does). The block is appended zeroed, with fixed-size stores;
/// the header goes into its first byte, and the data after it as two fixed-size copies that
/// overlap as they must: its first and its last `N` bytes, for the largest `N` of 32, 16, 8 and 4
/// that the data holds. Then the block is cut back to the encoding, whose padding is already
/// zero. Names, usernames, links and short texts take this path, with no call of `memcpy`,
/// whose call and own dispatch on the length were most of what writing a short string cost
/// (87–94 instructions a string of 2 to 63 bytes before, 46–55 this way: BENCHMARKS.md).
#[inline]
fn write_short_bytes(buf: &mut Vec<u8>, data: &[u8]) {
    let len = data.len();
    let start = buf.len();
    buf.extend_from_slice(&[0; SHORT_BYTES]);
    // Always there: the block was just appended. (The optimizer sees it too and leaves no
    // branch; a fallback here, which could only be reached if it were not, cost 9 instructions
    // a string.)
    let Some(block) = buf
        .get_mut(start..)
        .and_then(<[u8]>::first_chunk_mut::<SHORT_BYTES>)
    else {
        return;
    };
    // `len < SHORT_BYTES = 64`, so the cast is exact and every index below is in the block.
    block[0] = len as u8;
    let out = &mut block[1..];
    if let (Some(a), Some(b)) = (data.first_chunk::<32>(), data.last_chunk::<32>()) {
        copy_ends(out, len, a, b);
    } else if let (Some(a), Some(b)) = (data.first_chunk::<16>(), data.last_chunk::<16>()) {
        copy_ends(out, len, a, b);
    } else if let (Some(a), Some(b)) = (data.first_chunk::<8>(), data.last_chunk::<8>()) {
        copy_ends(out, len, a, b);
    } else if let (Some(a), Some(b)) = (data.first_chunk::<4>(), data.last_chunk::<4>()) {
        copy_ends(out, len, a, b);
    } else if let [first, .., last] = *data {
        // Two or three bytes: the middle one is `last` or `data[1]`.
        out[0] = first;
        out[1] = data[1];
        out[len - 1] = last;
    } else if let [only] = *data {
        out[0] = only;
    }
    buf.truncate(start + bytes_len(len));
}

/// Writes `len` bytes whose first `N` are `a` and last `N` are `b` (`N ≤ len ≤ 2N`) to the
/// start of `out`.
#[inline(always)]
fn copy_ends<const N: usize>(out: &mut [u8], len: usize, a: &[u8; N], b: &[u8; N]) {
    if let Some(head) = out.first_chunk_mut::<N>() {
        *head = *a;
    }
    if let Some(tail) = out
        .get_mut(len - N..)
        .and_then(<[u8]>::first_chunk_mut::<N>)
    {
        *tail = *b;
    }
}

/// [`write_bytes`] of anything else: a header, a `memcpy` of the data, and the padding.
#[inline(never)]
fn write_long_bytes(buf: &mut Vec<u8>, data: &[u8]) {
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

/// The count of a vector of `len` elements, as TL writes it.
///
/// # Panics
///
/// If `len` is over `i32::MAX`, which TL cannot count.
#[inline]
pub(crate) fn vec_count(len: usize) -> u32 {
    match i32::try_from(len) {
        // Non-negative, so the cast is exact.
        Ok(count) => count as u32,
        Err(_) => panic!("tl: a vector of more than i32::MAX elements cannot be encoded"),
    }
}

/// Makes room for a vector's `header` and elements, guessed from what the elements take in
/// memory: in one step, not by the doublings of a buffer that starts small and grows as it is
/// written (`to_bytes` of a response of 100 messages grew through eight reallocations). The
/// guess asks for no more than the vector already occupies.
#[inline]
pub(crate) fn reserve_vec<T>(buf: &mut Vec<u8>, header: usize, items: &[T]) {
    buf.reserve(header + core::mem::size_of_val(items));
}

/// Appends a bare `vector<T>`: the count and the elements, no constructor id.
///
/// # Panics
///
/// If `items` has more than `i32::MAX` elements, which TL cannot count.
#[inline(never)]
pub fn serialize_bare_vec<T: Serialize>(items: &[T], buf: &mut Vec<u8>) {
    let count = vec_count(items.len());
    reserve_vec(buf, 4, items);
    write_u32(buf, count);
    // A slice pattern, not an iterator: `for` would instantiate `IntoIterator` and `Iter::next`
    // for every element type, compiled once each by an unoptimized build.
    let mut rest = items;
    while let [item, tail @ ..] = rest {
        item.serialize(buf);
        rest = tail;
    }
}

/// Appends a boxed `Vector<T>`: the `vector` id, the count and the elements. The id and the
/// count are one write. [`serialize_bare_vec`]'s loop, not a call to it: either is
/// instantiated once per element type, and this way a boxed vector instantiates one function,
/// not two.
///
/// # Panics
///
/// If `items` has more than `i32::MAX` elements, which TL cannot count.
#[inline(never)]
pub fn serialize_boxed_vec<T: Serialize>(items: &[T], buf: &mut Vec<u8>) {
    let count = vec_count(items.len());
    reserve_vec(buf, 8, items);
    write_words(buf, [VECTOR_ID, count]);
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
#[inline]
pub fn deserialize_bare_vec<'a, T: Deserialize<'a>>(
    reader: &mut Reader<'a>,
) -> Result<Vec<T>, Error> {
    deserialize_vec(reader, false)
}

/// Reads a `vector<T>`, after the `Vector` id when `boxed` (`Vec<T>`'s decoder): one function
/// per element type for both forms, so that a boxed vector's id check is not repeated, inlined,
/// at every field that holds one, and the checks before the elements in one function for all
/// (`Reader::enter_vec`).
///
/// Written with `match` where `?`, a closure or `map_err` would do: this is instantiated once per
/// element type (187 in the whole Telegram API), and an unoptimized build compiles, for
/// each of those, every generic helper the body instantiates (`Reader::nest` and its closure,
/// `map_err`, `?`'s `branch` and `from_residual`: 62,000 lines of LLVM IR for the whole API).
///
/// `encoding::BareVec`'s decoder holds the same loop for nested vectors, with its own element
/// decoder; keep the two in step (it says why they are not one function).
#[allow(clippy::question_mark)] // the `match` is the point (above)
pub(crate) fn deserialize_vec<'a, T: Deserialize<'a>>(
    reader: &mut Reader<'a>,
    boxed: bool,
) -> Result<Vec<T>, Error> {
    let (count, capacity) =
        match reader.enter_vec(boxed, T::MIN_SERIALIZED_LEN, core::mem::size_of::<T>()) {
            Ok(header) => header,
            Err(e) => return Err(e),
        };
    let mut items = Vec::with_capacity(capacity);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_vector_reserves_its_room_in_one_step() {
        let items: Vec<i64> = (0..1000).collect();
        let mut buf = Vec::new();
        items.serialize(&mut buf);
        // 8 header bytes and 8 per element, from the first reservation: an empty buffer grown
        // by doubling would end at a power of two.
        assert_eq!(buf.len(), 8 + 8 * 1000);
        assert_eq!(buf.capacity(), 8 + 8 * 1000);
        assert_eq!(
            buf[..8],
            [VECTOR_ID.to_le_bytes(), 1000u32.to_le_bytes()].concat()
        );
        assert_eq!(buf[8..16], 0i64.to_le_bytes());
        assert_eq!(buf[buf.len() - 8..], 999i64.to_le_bytes());

        // A bare vector: the count alone before the elements, the same single reservation.
        let mut bare = Vec::new();
        serialize_bare_vec(&items, &mut bare);
        assert_eq!((bare.len(), bare.capacity()), (4 + 8000, 4 + 8000));
        assert_eq!(bare[..], buf[4..]);
    }

    #[test]
    fn bytes_of_every_short_length_and_room() {
        // Every length from none to past the long form's header (the short path, the other one,
        // and both header forms), written after an odd prefix into buffers with no room, some
        // room and room for the block: the header, the data, the zero padding, and nothing
        // after it.
        let data: Vec<u8> = (1..=300u16).map(|i| (i % 251) as u8 + 1).collect();
        for len in 0..300 {
            let value = &data[..len];
            let mut expected = Vec::from([7, 7, 7]);
            if len < 254 {
                expected.push(len as u8);
            } else {
                expected.extend_from_slice(&[254, len as u8, (len >> 8) as u8, 0]);
            }
            expected.extend_from_slice(value);
            while expected.len() % 4 != 3 {
                expected.push(0);
            }
            for room in [0, 1, 5, SHORT_BYTES - 1, SHORT_BYTES, 100] {
                let mut buf = Vec::with_capacity(3 + room);
                buf.extend_from_slice(&[7, 7, 7]);
                write_bytes(&mut buf, value);
                assert_eq!(buf, expected, "{len} bytes, room for {room}");
                assert_eq!(buf.len() - 3, bytes_len(len));
            }
        }
    }

    #[test]
    fn words_after_an_id_that_may_be_absent() {
        let mut boxed = Vec::new();
        write_words_after(&mut boxed, Some(0xdde8_a54c), [0, 7, 9]);
        assert_eq!(boxed, [0xdde8_a54cu32, 7, 9].map(u32::to_le_bytes).concat());
        let mut bare = Vec::new();
        write_words_after(&mut bare, None, [0, 7, 9]);
        assert_eq!(bare, [7u32, 9].map(u32::to_le_bytes).concat());

        // A hand-written impl has only `serialize`: the id goes first by itself.
        let mut buf = Vec::new();
        7i32.serialize_with_id(Some(0x1234_5678), &mut buf);
        assert_eq!(buf, [0x1234_5678u32, 7].map(u32::to_le_bytes).concat());
        buf.clear();
        7i32.serialize_with_id(None, &mut buf);
        assert_eq!(buf, 7u32.to_le_bytes());
    }
}
