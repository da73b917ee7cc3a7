//! Runtime types that generated code uses for TL's `#` flag words, `Object`, `True`, and tuples
//! and bare vectors where they need an encoding of their own.

use crate::encoding::{AsIs, DecodeAs, EncodeAs, Fixed};
use crate::{Deserialize, Error, Reader, Serialize};
use alloc::vec::Vec;

/// The bits of a `#` flag field that the schema does not describe.
///
/// A newer layer can add `name:flags.N?true` fields without changing a constructor's id, so a
/// message may carry bits this schema does not know. Decoding keeps them here, so that re-encoding
/// gives the very same bytes; the bits the schema does describe are computed from the other
/// fields on every write and never read from here. Build new values with
/// `UnknownFlags::NONE` (also the [`Default`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnknownFlags(pub u32);

impl UnknownFlags {
    /// No unknown bits.
    pub const NONE: UnknownFlags = UnknownFlags(0);

    /// The unknown bits of `word`, given the mask of bits the schema knows.
    #[inline]
    #[must_use]
    pub const fn from_word(word: u32, known: u32) -> Self {
        UnknownFlags(word & !known)
    }

    /// These bits with the schema's `known` bits cleared.
    #[inline]
    #[must_use]
    pub const fn bits(self, known: u32) -> u32 {
        self.0 & !known
    }
}

/// A TL `Object`: an encoded boxed value of a type the schema does not name, such as the result
/// of MTProto's `rpc_result#f35c6d01 req_msg_id:long result:Object`.
///
/// It holds the value's bytes, constructor id first. TL does not record an `Object`'s length,
/// so decoding one takes **all the remaining input**: an `Object` can only be the last field
/// of what is decoded (as in `rpc_result`). The one exception is an `Object` field right after
/// a `bytes:int` field, as in MTProto's `message msg_id:long seqno:int bytes:int body:Object`:
/// code that `tl!` or the derives generate reads exactly `bytes` bytes for it. Decode the bytes once the type is known, for example
/// with `Deserialize::from_bytes(&object.0)`, and read the id with [`Object::constructor_id`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Object(pub Vec<u8>);

impl Object {
    /// The constructor id at the start of the bytes, if there are four of them.
    pub fn constructor_id(&self) -> Option<u32> {
        ObjectRef(&self.0).constructor_id()
    }

    /// Encodes `value` as an `Object`.
    pub fn new<T: Serialize + ?Sized>(value: &T) -> Self {
        Object(value.to_bytes())
    }

    /// Decodes the value as a `T`: the type the context says it is, or the schema's `Any`
    /// (`#[tl(any)]`), which decodes any of its types and functions by the constructor id. This is
    /// how a TON `Function` field (`withBlock … function:Function`) or an `rpc_result`'s
    /// `Object` is read once its type is known.
    pub fn decode<T: crate::DeserializeOwned>(&self) -> Result<T, Error> {
        T::from_bytes(&self.0)
    }
}

impl Serialize for Object {
    #[inline]
    fn serialize(&self, buf: &mut Vec<u8>) {
        buf.extend_from_slice(&self.0);
    }
    #[inline]
    fn serialized_len(&self) -> usize {
        self.0.len()
    }
}

impl<'a> Deserialize<'a> for Object {
    fn deserialize(reader: &mut Reader<'a>) -> Result<Self, Error> {
        ObjectRef::deserialize(reader).map(|object| Object(object.0.to_vec()))
    }
}

/// [`Object`] borrowed from the input, for `#[tl(borrowed)]`: the value's bytes, constructor id
/// first, and like [`Object`] it takes all the remaining input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjectRef<'a>(pub &'a [u8]);

impl<'a> ObjectRef<'a> {
    /// The constructor id at the start of the bytes, if there are four of them.
    pub fn constructor_id(&self) -> Option<u32> {
        self.0.first_chunk().map(|id| u32::from_le_bytes(*id))
    }

    /// Decodes the value as a `T`, which may borrow from the same input (see [`Object::decode`]).
    pub fn decode<T: Deserialize<'a>>(&self) -> Result<T, Error> {
        T::from_bytes(self.0)
    }
}

impl Serialize for ObjectRef<'_> {
    #[inline]
    fn serialize(&self, buf: &mut Vec<u8>) {
        buf.extend_from_slice(self.0);
    }
    #[inline]
    fn serialized_len(&self) -> usize {
        self.0.len()
    }
}

impl<'a> Deserialize<'a> for ObjectRef<'a> {
    fn deserialize(reader: &mut Reader<'a>) -> Result<Self, Error> {
        let rest = reader.remaining_len();
        reader.read_raw(rest).map(ObjectRef)
    }
}

/// TL's boxed `True`, the type of `true#3fedd339 = True;`: the result of functions that answer
/// only that they succeeded (TON's `dht.query … = True;`). Encoded as its constructor id.
///
/// A flag (`name:flags.N?true`) is a `bool` instead: it has no bytes of its own.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct True;

impl True {
    /// The id of `true#3fedd339`.
    pub const CONSTRUCTOR_ID: u32 = 0x3fed_d339;
}

impl Serialize for True {
    #[inline]
    fn serialize(&self, buf: &mut Vec<u8>) {
        crate::wire::write_u32(buf, True::CONSTRUCTOR_ID);
    }
    #[inline]
    fn serialized_len(&self) -> usize {
        4
    }
}

impl<'a> Deserialize<'a> for True {
    const MIN_SERIALIZED_LEN: usize = 4;
    #[inline]
    fn deserialize(reader: &mut Reader<'a>) -> Result<Self, Error> {
        reader.expect_id(True::CONSTRUCTOR_ID, "True")?;
        Ok(True)
    }
}

/// A bare `vector<T>` (`(vector int)`, `%(Vector T)`): the count, then the elements, without
/// `Vector`'s id.
///
/// A field of that type is a `Vec<T>` itself, written bare through the field's encoding. This
/// wrapper is the type where a bare vector needs an encoding of its own: as a polymorphic type's
/// argument or in a function's result (`= Maybe (vector int)` is
/// `enums::Maybe<BareVector<i32>>`), where `Vec<T>` would be written boxed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BareVector<T>(pub Vec<T>);

impl<T> From<Vec<T>> for BareVector<T> {
    #[inline]
    fn from(items: Vec<T>) -> Self {
        BareVector(items)
    }
}

impl<T> From<BareVector<T>> for Vec<T> {
    #[inline]
    fn from(vector: BareVector<T>) -> Self {
        vector.0
    }
}

impl<T> core::ops::Deref for BareVector<T> {
    type Target = Vec<T>;
    #[inline]
    fn deref(&self) -> &Vec<T> {
        &self.0
    }
}

impl<T> core::ops::DerefMut for BareVector<T> {
    #[inline]
    fn deref_mut(&mut self) -> &mut Vec<T> {
        &mut self.0
    }
}

impl<T: Serialize> Serialize for BareVector<T> {
    #[inline]
    fn serialize(&self, buf: &mut Vec<u8>) {
        crate::wire::serialize_bare_vec(&self.0, buf);
    }
    #[inline]
    fn serialized_len(&self) -> usize {
        crate::wire::bare_vec_len(&self.0)
    }
}

impl<'a, T: Deserialize<'a>> Deserialize<'a> for BareVector<T> {
    const MIN_SERIALIZED_LEN: usize = 4;
    /// Reads the count, checked against the remaining input before anything is allocated, then
    /// the elements, as `Vec<T>` reads them after `Vector`'s id.
    #[inline]
    fn deserialize(reader: &mut Reader<'a>) -> Result<Self, Error> {
        crate::wire::deserialize_bare_vec(reader).map(BareVector)
    }
}

/// A tuple of TL's builtin `tuple {t:Type} {n:#} [t] = Tuple t n;`, written bare
/// (`(tuple string 2)`): its `N` elements one after another, no id and no count.
///
/// A field of that type is the array `[T; N]` itself. This wrapper is the type where an array
/// needs an encoding of its own: as a polymorphic type's argument or in a function's result
/// (KPHP's `encrypt … = Maybe (tuple string 2);` is `enums::Maybe<Tuple<String, 2>>`). `[u8; N]`
/// already encodes as `int128`/`int256`, so the array cannot take it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Tuple<T, const N: usize>(pub [T; N]);

impl<T: Default, const N: usize> Default for Tuple<T, N> {
    fn default() -> Self {
        Tuple(core::array::from_fn(|_| T::default()))
    }
}

impl<T, const N: usize> From<[T; N]> for Tuple<T, N> {
    #[inline]
    fn from(items: [T; N]) -> Self {
        Tuple(items)
    }
}

impl<T, const N: usize> From<Tuple<T, N>> for [T; N] {
    #[inline]
    fn from(tuple: Tuple<T, N>) -> Self {
        tuple.0
    }
}

impl<T, const N: usize> core::ops::Deref for Tuple<T, N> {
    type Target = [T; N];
    #[inline]
    fn deref(&self) -> &[T; N] {
        &self.0
    }
}

impl<T, const N: usize> core::ops::DerefMut for Tuple<T, N> {
    #[inline]
    fn deref_mut(&mut self) -> &mut [T; N] {
        &mut self.0
    }
}

impl<T: Serialize, const N: usize> Serialize for Tuple<T, N> {
    #[inline]
    fn serialize(&self, buf: &mut Vec<u8>) {
        <Fixed<AsIs> as EncodeAs<[T; N]>>::write(&self.0, buf);
    }
    fn serialized_len(&self) -> usize {
        self.0.iter().map(Serialize::serialized_len).sum()
    }
}

impl<'a, T: Deserialize<'a>, const N: usize> Deserialize<'a> for Tuple<T, N> {
    const MIN_SERIALIZED_LEN: usize = T::MIN_SERIALIZED_LEN.saturating_mul(N);
    /// Reads the `N` elements with a repetition's guarantees: the input must hold `N` of the
    /// smallest element before any is read.
    #[inline]
    fn deserialize(reader: &mut Reader<'a>) -> Result<Self, Error> {
        <Fixed<AsIs> as DecodeAs<'a, [T; N]>>::read(reader).map(Tuple)
    }
}

#[cfg(test)]
mod tests {
    use super::{Object, ObjectRef, True};
    use crate::Serialize;

    #[test]
    fn objects_decode_as_the_type_they_hold() {
        let object = Object::new(&alloc::vec![1i32, 2]);
        assert_eq!(object.constructor_id(), Some(crate::wire::VECTOR_ID));
        assert_eq!(object.decode::<alloc::vec::Vec<i32>>().unwrap(), [1, 2]);
        // The wrong type is an error, not a value.
        assert!(object.decode::<True>().is_err());
        let bytes = True.to_bytes();
        assert_eq!(ObjectRef(&bytes).decode::<True>().unwrap(), True);
    }
}
