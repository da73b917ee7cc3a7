//! [`Serialize`] and [`Deserialize`] for the Rust types that TL primitives map to.

use crate::wire::{self, BOOL_FALSE_ID, BOOL_TRUE_ID};
use crate::{Deserialize, Error, Reader, Serialize};
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

macro_rules! fixed {
    ($($ty:ty => $write:ident, $read:ident, $len:expr;)*) => {$(
        impl Serialize for $ty {
            #[inline]
            fn serialize(&self, buf: &mut Vec<u8>) {
                wire::$write(buf, *self);
            }
            #[inline]
            fn serialized_len(&self) -> usize {
                $len
            }
        }

        impl<'a> Deserialize<'a> for $ty {
            const MIN_SERIALIZED_LEN: usize = $len;
            #[inline]
            fn deserialize(reader: &mut Reader<'a>) -> Result<Self, Error> {
                reader.$read()
            }
        }
    )*};
}

fixed! {
    u32 => write_u32, read_u32, 4;
    i32 => write_i32, read_i32, 4;
    i64 => write_i64, read_i64, 8;
    f64 => write_f64, read_f64, 8;
    f32 => write_f32, read_f32, 4;
}

/// `int128`, `int256` (and TON's `int512`): the bytes in order, no length.
impl<const N: usize> Serialize for [u8; N] {
    #[inline]
    fn serialize(&self, buf: &mut Vec<u8>) {
        buf.extend_from_slice(self);
    }
    #[inline]
    fn serialized_len(&self) -> usize {
        N
    }
}

impl<'a, const N: usize> Deserialize<'a> for [u8; N] {
    const MIN_SERIALIZED_LEN: usize = N;
    #[inline]
    fn deserialize(reader: &mut Reader<'a>) -> Result<Self, Error> {
        reader.read_array()
    }
}

/// `Bool`: `boolTrue#997275b5` or `boolFalse#bc799737`.
impl Serialize for bool {
    #[inline]
    fn serialize(&self, buf: &mut Vec<u8>) {
        wire::write_u32(buf, if *self { BOOL_TRUE_ID } else { BOOL_FALSE_ID });
    }
    #[inline]
    fn serialized_len(&self) -> usize {
        4
    }
}

impl<'a> Deserialize<'a> for bool {
    const MIN_SERIALIZED_LEN: usize = 4;
    #[inline]
    fn deserialize(reader: &mut Reader<'a>) -> Result<Self, Error> {
        match reader.read_u32()? {
            BOOL_TRUE_ID => Ok(true),
            BOOL_FALSE_ID => Ok(false),
            // Out of line: every `Bool` field's decoder has this path.
            id => Err(crate::__private::unexpected_constructor(reader, "Bool", id)),
        }
    }
}

/// `Serialize` for a type that encodes as what one of its methods returns.
macro_rules! encodes_as {
    ($($(#[$doc:meta])* $ty:ty => $as:ident;)*) => {$(
        $(#[$doc])*
        impl Serialize for $ty {
            #[inline]
            fn serialize(&self, buf: &mut Vec<u8>) {
                self.$as().serialize(buf);
            }
            #[inline]
            fn serialized_len(&self) -> usize {
                self.$as().serialized_len()
            }
        }
    )*};
}

encodes_as! {
    /// `string`: UTF-8, checked on decode. `String` and `&str` encode through this.
    str => as_bytes;
    /// `string`.
    String => as_str;
    /// `bytes`.
    Vec<u8> => as_slice;
}

/// `bytes`. `Vec<u8>` and `&[u8]` encode through this.
impl Serialize for [u8] {
    #[inline]
    fn serialize(&self, buf: &mut Vec<u8>) {
        wire::write_bytes(buf, self);
    }
    #[inline]
    fn serialized_len(&self) -> usize {
        wire::bytes_len(self.len())
    }
}

/// `string` borrowed from the input (`#[tl(borrowed)]`) encodes as what it points to.
impl Serialize for &str {
    #[inline]
    fn serialize(&self, buf: &mut Vec<u8>) {
        str::serialize(self, buf);
    }
    #[inline]
    fn serialized_len(&self) -> usize {
        str::serialized_len(self)
    }
}

/// `bytes` borrowed from the input (`#[tl(borrowed)]`) encodes as what it points to.
impl Serialize for &[u8] {
    #[inline]
    fn serialize(&self, buf: &mut Vec<u8>) {
        <[u8]>::serialize(self, buf);
    }
    #[inline]
    fn serialized_len(&self) -> usize {
        <[u8]>::serialized_len(self)
    }
}

impl<'a> Deserialize<'a> for String {
    const MIN_SERIALIZED_LEN: usize = 4;
    fn deserialize(reader: &mut Reader<'a>) -> Result<Self, Error> {
        reader.read_str().map(String::from)
    }
}

/// `string`, borrowed from the input (`#[tl(borrowed)]`).
impl<'a> Deserialize<'a> for &'a str {
    const MIN_SERIALIZED_LEN: usize = 4;
    #[inline]
    fn deserialize(reader: &mut Reader<'a>) -> Result<Self, Error> {
        reader.read_str()
    }
}

/// `bytes`, borrowed from the input (`#[tl(borrowed)]`).
impl<'a> Deserialize<'a> for &'a [u8] {
    const MIN_SERIALIZED_LEN: usize = 4;
    #[inline]
    fn deserialize(reader: &mut Reader<'a>) -> Result<Self, Error> {
        reader.read_bytes()
    }
}

impl<'a> Deserialize<'a> for Vec<u8> {
    const MIN_SERIALIZED_LEN: usize = 4;
    fn deserialize(reader: &mut Reader<'a>) -> Result<Self, Error> {
        reader.read_bytes().map(<[u8]>::to_vec)
    }
}

/// Boxed `Vector<T>`: `#1cb5c415`, the count, the elements.
impl<T: Serialize> Serialize for Vec<T> {
    #[inline]
    fn serialize(&self, buf: &mut Vec<u8>) {
        wire::serialize_boxed_vec(self, buf);
    }
    #[inline]
    fn serialized_len(&self) -> usize {
        4 + wire::bare_vec_len(self)
    }
}

impl<'a, T: Deserialize<'a>> Deserialize<'a> for Vec<T> {
    const MIN_SERIALIZED_LEN: usize = 8;
    #[inline]
    fn deserialize(reader: &mut Reader<'a>) -> Result<Self, Error> {
        wire::deserialize_vec(reader, true)
    }
}

impl<'a, T: Deserialize<'a>> Deserialize<'a> for Box<T> {
    const MIN_SERIALIZED_LEN: usize = T::MIN_SERIALIZED_LEN;
    #[inline]
    fn deserialize(reader: &mut Reader<'a>) -> Result<Self, Error> {
        T::deserialize(reader).map(Box::new)
    }
}
