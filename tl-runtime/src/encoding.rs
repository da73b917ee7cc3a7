//! Encodings named by type, for values whose TL type nests a bare `vector<…>` inside another
//! vector (`vector<vector<T>>`, `Vector<vector<T>>`, as TDLib's and TON's schemas write them).
//!
//! A Rust `Vec<Vec<T>>` is the same type whether the TL vectors are bare (a count, then the
//! elements) or boxed (`#1cb5c415`, a count, then the elements), and `Vec<T>`'s own
//! [`Serialize`] is the boxed one. Generated code therefore names the TL type as a zero-sized
//! descriptor, such as `BareVec<BareVec<AsIs>>`, and encodes the value through it: each level says
//! how its elements are encoded. Decoding keeps every guarantee of `Vec<T>`'s: counts checked
//! against the remaining input before anything is allocated, and one nesting level per vector.

use crate::wire::{self, VECTOR_ID};
use crate::{Deserialize, Error, Reader, Serialize};
use alloc::vec::Vec;
use core::marker::PhantomData;

/// Encodes a `T` the way the TL type `Self` describes.
pub trait EncodeAs<T> {
    /// Appends `value`'s encoding.
    fn write(value: &T, buf: &mut Vec<u8>);
}

/// Decodes a `T` the way the TL type `Self` describes.
pub trait DecodeAs<'a, T> {
    /// The smallest encoding of a value, for checking counts against the remaining input.
    const MIN_LEN: usize;
    /// Reads one value.
    fn read(reader: &mut Reader<'a>) -> Result<T, Error>;
}

/// `T`'s own encoding: its [`Serialize`] and [`Deserialize`].
#[derive(Debug)]
pub struct AsIs;

/// A bare `vector<E>`: the count, then each element encoded by `E`.
#[derive(Debug)]
pub struct BareVec<E>(PhantomData<E>);

/// A boxed `Vector<E>`: `#1cb5c415`, the count, then each element encoded by `E`.
#[derive(Debug)]
pub struct BoxedVec<E>(PhantomData<E>);

impl<T: Serialize> EncodeAs<T> for AsIs {
    #[inline]
    fn write(value: &T, buf: &mut Vec<u8>) {
        value.serialize(buf);
    }
}

impl<'a, T: Deserialize<'a>> DecodeAs<'a, T> for AsIs {
    const MIN_LEN: usize = T::MIN_SERIALIZED_LEN;
    #[inline]
    fn read(reader: &mut Reader<'a>) -> Result<T, Error> {
        T::deserialize(reader)
    }
}

impl<T, E: EncodeAs<T>> EncodeAs<Vec<T>> for BareVec<E> {
    fn write(items: &Vec<T>, buf: &mut Vec<u8>) {
        let count = wire::vec_count(items.len());
        wire::reserve_vec(buf, 4, items);
        wire::write_u32(buf, count);
        for item in items {
            E::write(item, buf);
        }
    }
}

impl<'a, T, E: DecodeAs<'a, T>> DecodeAs<'a, Vec<T>> for BareVec<E> {
    const MIN_LEN: usize = 4;
    fn read(reader: &mut Reader<'a>) -> Result<Vec<T>, Error> {
        // As `wire::deserialize_bare_vec`, with `E` reading each element. Not one shared loop:
        // `deserialize_bare_vec` as `BareVec<AsIs>::read` puts a wrapper and `AsIs::read` in an
        // unoptimized build for each of the 187 element types (full Telegram API: 520,162 ->
        // 523,760 lines of LLVM IR, 13,962 -> 14,523 functions, `cargo llvm-lines`), and this
        // nested form is rare (`vector<vector<T>>` and the like).
        let (count, capacity) = reader.enter_vec(false, E::MIN_LEN, core::mem::size_of::<T>())?;
        read_elements::<E, T>(reader, count, capacity)
    }
}

/// The elements of a vector or a repetition, `count` of them, once the count has been checked and
/// the reader has entered their nesting level (which this leaves); errors name the failing
/// element's index.
fn read_elements<'a, E: DecodeAs<'a, T>, T>(
    reader: &mut Reader<'a>,
    count: usize,
    capacity: usize,
) -> Result<Vec<T>, Error> {
    read_each(reader, count, capacity, E::read)
}

/// [`read_elements`] with `read` reading each element (the elements of a vector under a field
/// mask too, `crate::__private::read_vec_with`).
pub(crate) fn read_each<'a, T>(
    reader: &mut Reader<'a>,
    count: usize,
    capacity: usize,
    mut read: impl FnMut(&mut Reader<'a>) -> Result<T, Error>,
) -> Result<Vec<T>, Error> {
    let mut items = Vec::with_capacity(capacity);
    for i in 0..count {
        match read(reader) {
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

impl<T, E: EncodeAs<T>> EncodeAs<Vec<T>> for BoxedVec<E> {
    fn write(items: &Vec<T>, buf: &mut Vec<u8>) {
        wire::write_u32(buf, VECTOR_ID);
        BareVec::<E>::write(items, buf);
    }
}

impl<'a, T, E: DecodeAs<'a, T>> DecodeAs<'a, Vec<T>> for BoxedVec<E> {
    const MIN_LEN: usize = 8;
    fn read(reader: &mut Reader<'a>) -> Result<Vec<T>, Error> {
        reader.expect_id(VECTOR_ID, "Vector")?;
        BareVec::<E>::read(reader)
    }
}

/// A repetition `n*[ E ]` (TL's own schema of `.tlo` files: `types_num:#
/// types:types_num*[ tls.Type ]`): each element encoded by `E`, with no count of its own; the
/// count is the `#` field before it, which generated code writes from the length
/// ([`Repeated::count`]) and reads before the elements.
#[derive(Debug)]
pub struct Repeated<E>(PhantomData<E>);

impl<E> Repeated<E> {
    /// The `#` count of `items`.
    ///
    /// # Panics
    ///
    /// If `items` has more than `i32::MAX` elements, as a vector's count would.
    pub fn count<T>(items: &[T]) -> u32 {
        wire::vec_count(items.len())
    }

    /// Appends the elements.
    pub fn write<T>(items: &[T], buf: &mut Vec<u8>)
    where
        E: EncodeAs<T>,
    {
        wire::reserve_vec(buf, 0, items);
        for item in items {
            E::write(item, buf);
        }
    }

    /// Reads `count` elements, with a vector's guarantees: the count checked against the
    /// remaining input before anything is allocated, one nesting level for the elements, errors
    /// naming the failing element's index.
    pub fn read<'a, T>(reader: &mut Reader<'a>, count: u32) -> Result<Vec<T>, Error>
    where
        E: DecodeAs<'a, T>,
    {
        let at = reader.position();
        let count = usize::try_from(count).unwrap_or(usize::MAX);
        let count = reader.check_count(count, E::MIN_LEN, at)?;
        reader.enter()?;
        let capacity = reader.capacity_for(count, core::mem::size_of::<T>());
        read_elements::<E, T>(reader, count, capacity)
    }
}

/// A repetition of a constant count, `key:64*[ E ]` (tgl's binlog schema): an array, each
/// element encoded by `E`, with no count on the wire.
#[derive(Debug)]
pub struct Fixed<E>(PhantomData<E>);

/// The elements are a counted repetition's ([`Repeated`]) whose count is `N`.
impl<T, E: EncodeAs<T>, const N: usize> EncodeAs<[T; N]> for Fixed<E> {
    fn write(items: &[T; N], buf: &mut Vec<u8>) {
        Repeated::<E>::write(items, buf);
    }
}

impl<'a, T, E: DecodeAs<'a, T>, const N: usize> DecodeAs<'a, [T; N]> for Fixed<E> {
    const MIN_LEN: usize = E::MIN_LEN.saturating_mul(N);
    /// Reads the `N` elements with a repetition's guarantees ([`Repeated::read`]).
    fn read(reader: &mut Reader<'a>) -> Result<[T; N], Error> {
        let at = reader.position();
        // An `N` beyond `u32` asks for more than any input holds, and fails the count check.
        let items = Repeated::<E>::read(reader, u32::try_from(N).unwrap_or(u32::MAX))?;
        // `Repeated::read` read `N` elements or failed: the error cannot happen, and says
        // what it would mean (fewer elements than the array holds).
        <[T; N]>::try_from(items).map_err(|items| {
            let kind = crate::ErrorKind::CountExceedsInput {
                count: N,
                min_element_len: 1,
                available: items.len(),
            };
            Error::new(kind, at)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type BareBare = BareVec<BareVec<AsIs>>;
    type BoxedBare = BoxedVec<BareVec<AsIs>>;
    type Nested = Vec<Vec<i32>>;

    fn encode<E: EncodeAs<Nested>>(value: &Nested) -> Vec<u8> {
        let mut buf = Vec::new();
        E::write(value, &mut buf);
        buf
    }

    #[test]
    fn nested_bare_vectors() {
        let value = alloc::vec![alloc::vec![1, 2], alloc::vec![]];
        let words = |ws: &[u32]| ws.iter().flat_map(|w| w.to_le_bytes()).collect::<Vec<u8>>();
        let bare = encode::<BareBare>(&value);
        assert_eq!(bare, words(&[2, 2, 1, 2, 0]));
        let boxed = encode::<BoxedBare>(&value);
        assert_eq!(boxed, words(&[VECTOR_ID, 2, 2, 1, 2, 0]));
        // `Vector<Vector<int>>` is what `Vec<Vec<i32>>`'s own encoding is.
        assert_eq!(encode::<BoxedVec<BoxedVec<AsIs>>>(&value), value.to_bytes());
        let mut reader = Reader::new(&bare);
        assert_eq!(
            <BareBare as DecodeAs<Nested>>::read(&mut reader).unwrap(),
            value
        );
        assert!(reader.finish().is_ok());
        let mut reader = Reader::new(&boxed);
        assert_eq!(
            <BoxedBare as DecodeAs<Nested>>::read(&mut reader).unwrap(),
            value
        );
    }

    /// A count that the input cannot hold is an error before anything is allocated.
    #[test]
    fn hostile_counts() {
        let bytes = [0xff, 0xff, 0xff, 0x0f, 0, 0, 0, 0];
        let mut reader = Reader::new(&bytes);
        assert!(<BareBare as DecodeAs<Nested>>::read(&mut reader).is_err());
    }
}
