//! The decoding error: what went wrong, at which byte, and the path of constructors, fields and
//! vector indices that led there.

use alloc::boxed::Box;
use alloc::vec::Vec;
use core::fmt;

/// A decoding failure.
///
/// Carries the [`ErrorKind`], the byte offset (from the start of the input given to
/// [`Deserialize::from_bytes`](crate::Deserialize::from_bytes) or [`Reader::new`](crate::Reader::new))
/// at which the offending item starts, and the path that led to it, such as
/// `messages.messagesSlice.messages[17].entities[2]`.
///
/// The error is one pointer wide so that `Result<T, Error>` stays small on the decoding hot path.
#[derive(Clone, PartialEq, Eq)]
pub struct Error {
    inner: Box<Inner>,
}

#[derive(Clone, PartialEq, Eq)]
struct Inner {
    kind: ErrorKind,
    offset: usize,
    /// Innermost segment first: segments are pushed while the error travels outwards.
    path: Vec<PathSegment>,
}

/// What went wrong while decoding.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input ended in the middle of a value.
    UnexpectedEof {
        /// Bytes the value needed from this offset.
        needed: usize,
        /// Bytes that were left.
        available: usize,
    },
    /// [`Deserialize::from_bytes`](crate::Deserialize::from_bytes) decoded a whole value but input remained.
    TrailingBytes {
        /// How many bytes were left over.
        count: usize,
    },
    /// A constructor id that the expected type does not have.
    UnexpectedConstructor {
        /// The TL type that was being decoded, such as `Bool` or `Vector`.
        type_name: &'static str,
        /// The id that was read.
        id: u32,
        /// The TL name of that id when the schema has it (a constructor of another type:
        /// "expected Updates, found messages.messages"), from the schema's `name_for_id`.
        found: Option<&'static str>,
    },
    /// A `string` or `bytes` shorter than 254 bytes written with the 4-byte long-form header,
    /// which has a canonical one-byte form.
    NonCanonicalLength {
        /// The declared length.
        len: usize,
    },
    /// A `string` or `bytes` whose first byte is `0xff`, which no length encoding uses.
    InvalidLengthPrefix,
    /// A `string` or `bytes` declares more data than the input holds.
    LengthExceedsInput {
        /// The declared length.
        len: usize,
        /// Bytes that were left after the length header.
        available: usize,
    },
    /// The zero bytes that pad a `string` or `bytes` to a multiple of 4 were not zero.
    NonZeroPadding,
    /// A `string` was not valid UTF-8.
    InvalidUtf8 {
        /// Offset of the first invalid byte within the string's data.
        valid_up_to: usize,
    },
    /// A vector declared a negative element count.
    NegativeCount {
        /// The count as read.
        count: i32,
    },
    /// A vector declared more elements than the remaining input could possibly hold.
    CountExceedsInput {
        /// The declared count.
        count: usize,
        /// The fewest bytes one element takes.
        min_element_len: usize,
        /// Bytes that were left after the count.
        available: usize,
    },
    /// A vector of elements that may take no bytes declared more of them than
    /// [`Limits::max_empty_elements`](crate::Limits::max_empty_elements) and than the bytes
    /// left.
    TooManyEmptyElements {
        /// The declared count.
        count: usize,
        /// The limit in force.
        limit: u32,
    },
    /// Values were nested deeper than [`Limits::max_depth`](crate::Limits::max_depth).
    DepthLimitExceeded {
        /// The limit in force.
        limit: u32,
    },
    /// A value broke a rule of its type, such as a flag field whose bit does not match the
    /// fields it governs.
    Invalid {
        /// What rule was broken.
        reason: &'static str,
    },
}

/// One step of the path to a decoding error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathSegment {
    /// A field of a constructor or function: `messages.messagesSlice` and `messages`.
    Field {
        /// The TL name of the constructor or function.
        constructor: &'static str,
        /// The TL name of the field.
        field: &'static str,
    },
    /// The element of a vector at this index.
    Index(usize),
}

impl Error {
    /// A new error of `kind` at byte `offset`.
    #[cold]
    pub fn new(kind: ErrorKind, offset: usize) -> Self {
        Error {
            inner: Box::new(Inner {
                kind,
                offset,
                path: Vec::new(),
            }),
        }
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.inner.kind
    }

    /// The byte offset at which the offending item starts.
    pub fn offset(&self) -> usize {
        self.inner.offset
    }

    /// The path from the outermost value to the failing one, outermost first.
    pub fn path(&self) -> impl DoubleEndedIterator<Item = &PathSegment> + ExactSizeIterator {
        self.inner.path.iter().rev()
    }

    /// Records that the error happened inside `field` of `constructor`.
    #[cold]
    #[must_use]
    pub fn in_field(mut self, constructor: &'static str, field: &'static str) -> Self {
        self.inner
            .path
            .push(PathSegment::Field { constructor, field });
        self
    }

    /// Records that the error happened inside the vector element at `index`.
    #[cold]
    #[must_use]
    pub fn in_index(mut self, index: usize) -> Self {
        self.inner.path.push(PathSegment::Index(index));
        self
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            ErrorKind::UnexpectedEof { needed, available } => write!(
                f,
                "unexpected end of input (needed {needed} bytes, {available} left)"
            ),
            ErrorKind::TrailingBytes { count } => {
                write!(f, "{count} trailing bytes after the value")
            }
            ErrorKind::UnexpectedConstructor {
                type_name,
                id,
                found: Some(found),
            } => write!(f, "expected {type_name}, found {found}#{id:08x}"),
            ErrorKind::UnexpectedConstructor {
                type_name,
                id,
                found: None,
            } => write!(
                f,
                "unexpected constructor id {id:#010x} for type {type_name} (one this schema does not know: where the value's length is known, tl_runtime::MaybeUnknown keeps it)"
            ),
            ErrorKind::NonCanonicalLength { len } => write!(
                f,
                "non-canonical length: {len} bytes written with the long-form header"
            ),
            ErrorKind::InvalidLengthPrefix => f.write_str("invalid length prefix byte 0xff"),
            ErrorKind::LengthExceedsInput { len, available } => write!(
                f,
                "declared length {len} exceeds the {available} bytes left"
            ),
            ErrorKind::NonZeroPadding => f.write_str("non-zero padding"),
            ErrorKind::InvalidUtf8 { valid_up_to } => {
                write!(f, "invalid UTF-8 in string after {valid_up_to} bytes")
            }
            ErrorKind::NegativeCount { count } => write!(f, "negative vector count {count}"),
            ErrorKind::CountExceedsInput {
                count,
                min_element_len,
                available,
            } => write!(
                f,
                "vector count {count} needs at least {min_element_len} bytes each but only {available} bytes are left"
            ),
            ErrorKind::TooManyEmptyElements { count, limit } => write!(
                f,
                "vector count {count} of elements that may be empty exceeds both the bytes left and the limit of {limit}"
            ),
            ErrorKind::DepthLimitExceeded { limit } => {
                write!(f, "nesting deeper than the limit of {limit}")
            }
            ErrorKind::Invalid { reason } => f.write_str(reason),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for segment in self.path() {
            match segment {
                PathSegment::Field { constructor, field } => {
                    if first {
                        f.write_str(constructor)?;
                    }
                    write!(f, ".{field}")?;
                }
                PathSegment::Index(i) => write!(f, "[{i}]")?,
            }
            first = false;
        }
        if !first {
            f.write_str(": ")?;
        }
        write!(f, "{} at byte {}", self.inner.kind, self.inner.offset)
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("kind", &self.inner.kind)
            .field("offset", &self.inner.offset)
            .field("path", &self.inner.path.iter().rev().collect::<Vec<_>>())
            .finish()
    }
}

impl core::error::Error for Error {}

#[cfg(feature = "std")]
impl From<Error> for std::io::Error {
    fn from(e: Error) -> Self {
        std::io::Error::new(std::io::ErrorKind::InvalidData, e)
    }
}
