//! Values of constructors this schema does not know, kept where their length is known.
//!
//! A server on a newer layer sends constructors an older client has never seen. Inside a fixed
//! structure such a value cannot be skipped (TL does not record lengths), so decoding it is an
//! error naming the id, the field path and the offset. But much of what a client receives is
//! length-delimited: the whole input of [`Deserialize::from_bytes`], an [`Object`](crate::Object),
//! a `msg_container` entry, an `rpc_result` body, a `gzip_packed` payload. There,
//! [`MaybeUnknown<T>`] decodes a `T` when the constructor is one of `T`'s and keeps anything else
//! as [`Unknown`], which re-encodes byte for byte.

use crate::{Deserialize, Error, ErrorKind, Reader, Serialize};
use alloc::vec::Vec;
use core::fmt;

/// A boxed value whose constructor the schema does not know: its id and the bytes after it,
/// exactly as received.
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Unknown {
    /// The constructor id.
    pub id: u32,
    /// Everything after the id: the value's fields, not decoded.
    pub bytes: Vec<u8>,
}

impl Unknown {
    /// Takes an unknown value from `reader`: its id and all the remaining input, which must be
    /// the value's alone (the length is known).
    pub fn take_rest(reader: &mut Reader<'_>) -> Result<Self, Error> {
        let id = reader.read_u32()?;
        let rest = reader.remaining_len();
        let bytes = reader.read_raw(rest)?.to_vec();
        Ok(Unknown { id, bytes })
    }
}

impl fmt::Debug for Unknown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Unknown(#{:08x}, {} bytes)", self.id, self.bytes.len())
    }
}

impl Serialize for Unknown {
    fn serialize(&self, buf: &mut Vec<u8>) {
        buf.extend_from_slice(&self.id.to_le_bytes());
        buf.extend_from_slice(&self.bytes);
    }
    fn serialized_len(&self) -> usize {
        4 + self.bytes.len()
    }
}

impl<'a> Deserialize<'a> for Unknown {
    const MIN_SERIALIZED_LEN: usize = 4;
    /// Takes the id and all the remaining input (see [`Unknown::take_rest`]).
    fn deserialize(reader: &mut Reader<'a>) -> Result<Self, Error> {
        Unknown::take_rest(reader)
    }
}

/// A boxed `T` (a generated `enums::…` type, or the schema's `Any`), or, when the constructor is
/// none of `T`'s, the [`Unknown`] value, kept.
///
/// Decoding takes a `T` if it can; a constructor id at the very start that `T` does not have
/// takes **all the remaining input** as [`Unknown`], so use it only where the value's length is
/// known (the whole of [`Deserialize::from_bytes`], an `Object`, a container entry). An unknown
/// constructor deeper inside, in a field of a known one, is still an error: there the value's
/// end cannot be found.
///
/// ```
/// use tl_runtime::{Deserialize, MaybeUnknown, Serialize};
///
/// // `Bool` knows two constructors; this id is neither.
/// let bytes = [0x78, 0x56, 0x34, 0x12, 1, 2, 3, 4];
/// let value = MaybeUnknown::<bool>::from_bytes(&bytes).unwrap();
/// assert!(matches!(&value, MaybeUnknown::Unknown(u) if u.id == 0x1234_5678));
/// assert_eq!(value.to_bytes(), bytes);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MaybeUnknown<T> {
    /// A constructor of `T`.
    Known(T),
    /// Any other constructor, as received.
    Unknown(Unknown),
}

impl<T> MaybeUnknown<T> {
    /// The known value, if it is one.
    pub fn known(self) -> Option<T> {
        match self {
            MaybeUnknown::Known(t) => Some(t),
            MaybeUnknown::Unknown(_) => None,
        }
    }
}

impl<T: Serialize> Serialize for MaybeUnknown<T> {
    fn serialize(&self, buf: &mut Vec<u8>) {
        match self {
            MaybeUnknown::Known(t) => t.serialize(buf),
            MaybeUnknown::Unknown(u) => u.serialize(buf),
        }
    }
    fn serialized_len(&self) -> usize {
        match self {
            MaybeUnknown::Known(t) => t.serialized_len(),
            MaybeUnknown::Unknown(u) => u.serialized_len(),
        }
    }
}

/// Whether `e`, from decoding a value that starts at `start`, is that value's own constructor
/// id being unknown (rather than anything inside it).
pub(crate) fn is_unknown_at(e: &Error, start: usize) -> bool {
    matches!(e.kind(), ErrorKind::UnexpectedConstructor { .. })
        && e.offset() == start
        && e.path().len() == 0
}

impl<'a, T: Deserialize<'a>> Deserialize<'a> for MaybeUnknown<T> {
    const MIN_SERIALIZED_LEN: usize = 4;
    fn deserialize(reader: &mut Reader<'a>) -> Result<Self, Error> {
        let start = reader.position();
        let mut attempt = reader.clone();
        match T::deserialize(&mut attempt) {
            Ok(t) => {
                *reader = attempt;
                Ok(MaybeUnknown::Known(t))
            }
            Err(e) if is_unknown_at(&e, start) => {
                Unknown::take_rest(reader).map(MaybeUnknown::Unknown)
            }
            Err(e) => Err(e),
        }
    }
}

/// A bounded dump of a payload that did not decode, for a protocol log: the error's offset,
/// every 4-byte-aligned word from the start that is a constructor id `names` knows (its TL
/// name), and the hex of the bytes from the offset on, at most `max_hex` of them.
///
/// `names` is the schema's `name_for_id` (generated by `tl!`), or any lookup.
///
/// ```
/// let bytes = [0xb5, 0x75, 0x72, 0x99, 1, 2, 3];
/// let names = |id| (id == 0x997275b5).then_some("boolTrue");
/// let text = tl_runtime::dump(&bytes, 4, names, 16);
/// assert!(text.contains("0: #997275b5 boolTrue"), "{text}");
/// assert!(text.contains("01 02 03"), "{text}");
/// ```
pub fn dump(
    bytes: &[u8],
    offset: usize,
    names: impl Fn(u32) -> Option<&'static str>,
    max_hex: usize,
) -> alloc::string::String {
    use core::fmt::Write as _;
    let mut out = alloc::string::String::new();
    let _ = writeln!(out, "{} bytes, failed at byte {offset}", bytes.len());
    let mut found = 0;
    for (i, word) in bytes.chunks_exact(4).enumerate() {
        let id = u32::from_le_bytes([word[0], word[1], word[2], word[3]]);
        if let Some(name) = names(id) {
            if found < 64 {
                let _ = writeln!(out, "  {}: #{id:08x} {name}", i * 4);
            }
            found += 1;
        }
    }
    if found > 64 {
        let _ = writeln!(out, "  … {} more ids", found - 64);
    }
    let from = offset.min(bytes.len());
    let end = bytes.len().min(from.saturating_add(max_hex));
    let _ = write!(out, "  from byte {from}:");
    for b in &bytes[from..end] {
        let _ = write!(out, " {b:02x}");
    }
    if end < bytes.len() {
        let _ = write!(out, " … ({} more bytes)", bytes.len() - end);
    }
    out
}
