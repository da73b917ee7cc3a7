//! [`Reader`], the decoding cursor, and the [`Limits`] it enforces. Every bounds, length, padding
//! and depth check of the decoder lives here, so that generated code cannot get one wrong.

use crate::error::{Error, ErrorKind};
use core::str;

/// Limits that protect the decoder from hostile input.
///
/// Lengths and counts are always checked against the remaining input, so they need no limit here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// How deeply constructors and vectors may nest. The default, 100, is prost's; the real
    /// Telegram schema needs about 10 (nested message entities, replies, page blocks).
    pub max_depth: u32,
}

impl Limits {
    /// The default limits.
    pub const DEFAULT: Limits = Limits { max_depth: 100 };

    /// These limits with `max_depth` replaced.
    #[must_use]
    pub const fn with_max_depth(mut self, max_depth: u32) -> Self {
        self.max_depth = max_depth;
        self
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

/// A cursor over TL-encoded bytes.
///
/// Every read checks the remaining length first and returns an [`Error`] naming the offset;
/// nothing panics. [`nest`](Reader::nest) counts nesting depth against [`Limits::max_depth`].
#[derive(Clone, Debug)]
pub struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    depth_left: u32,
    limits: Limits,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `data` with the default [`Limits`].
    pub fn new(data: &'a [u8]) -> Self {
        Self::with_limits(data, Limits::DEFAULT)
    }

    /// A reader at the start of `data` with the given limits.
    pub fn with_limits(data: &'a [u8], limits: Limits) -> Self {
        Reader {
            data,
            pos: 0,
            depth_left: limits.max_depth,
            limits,
        }
    }

    /// The offset of the next byte to be read.
    #[inline]
    pub fn position(&self) -> usize {
        self.pos
    }

    /// How many bytes are left.
    #[inline]
    pub fn remaining_len(&self) -> usize {
        self.data.len() - self.pos
    }

    /// The bytes that are left.
    #[inline]
    pub fn remaining(&self) -> &'a [u8] {
        &self.data[self.pos..]
    }

    /// An error of `kind` at the current offset.
    #[cold]
    pub fn error(&self, kind: ErrorKind) -> Error {
        Error::new(kind, self.pos)
    }

    /// Fails with [`ErrorKind::TrailingBytes`] unless the input is used up.
    pub fn finish(&self) -> Result<(), Error> {
        match self.remaining_len() {
            0 => Ok(()),
            count => Err(self.error(ErrorKind::TrailingBytes { count })),
        }
    }

    /// Takes the next `n` bytes.
    #[inline]
    pub fn read_raw(&mut self, n: usize) -> Result<&'a [u8], Error> {
        let available = self.remaining_len();
        if n > available {
            return Err(self.error(ErrorKind::UnexpectedEof {
                needed: n,
                available,
            }));
        }
        let bytes = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(bytes)
    }

    /// Takes the next `N` bytes as an array.
    #[inline]
    pub fn read_array<const N: usize>(&mut self) -> Result<[u8; N], Error> {
        let available = self.remaining_len();
        match self.data[self.pos..].first_chunk::<N>() {
            Some(chunk) => {
                self.pos += N;
                Ok(*chunk)
            }
            None => Err(self.error(ErrorKind::UnexpectedEof {
                needed: N,
                available,
            })),
        }
    }

    /// The next 32-bit word without consuming it: the constructor id of what follows.
    #[inline]
    pub fn peek_u32(&self) -> Result<u32, Error> {
        match self.data[self.pos..].first_chunk::<4>() {
            Some(word) => Ok(u32::from_le_bytes(*word)),
            None => Err(self.error(ErrorKind::UnexpectedEof {
                needed: 4,
                available: self.remaining_len(),
            })),
        }
    }

    /// Reads a little-endian 32-bit word: a constructor id, a `#` or a count.
    #[inline]
    pub fn read_u32(&mut self) -> Result<u32, Error> {
        self.read_array().map(u32::from_le_bytes)
    }

    /// Reads an `int`.
    #[inline]
    pub fn read_i32(&mut self) -> Result<i32, Error> {
        self.read_array().map(i32::from_le_bytes)
    }

    /// Reads a `long`.
    #[inline]
    pub fn read_i64(&mut self) -> Result<i64, Error> {
        self.read_array().map(i64::from_le_bytes)
    }

    /// Reads a `double`, keeping every bit (NaN payloads and the sign of zero included).
    #[inline]
    pub fn read_f64(&mut self) -> Result<f64, Error> {
        self.read_array().map(f64::from_le_bytes)
    }

    /// Reads a constructor id and checks that it is `expected`; `type_name` goes into the error.
    #[inline]
    pub fn expect_id(&mut self, expected: u32, type_name: &'static str) -> Result<(), Error> {
        let id = self.read_u32()?;
        if id == expected {
            Ok(())
        } else {
            Err(Error::new(
                ErrorKind::UnexpectedConstructor { type_name, id },
                self.pos - 4,
            ))
        }
    }

    /// Reads a TL `bytes` or `string` value (length header, data, zero padding) and returns its
    /// data, borrowed from the input.
    ///
    /// Only the canonical encoding is accepted, so that re-encoding gives the same bytes: a one-byte
    /// header for lengths below 254, the `0xfe` header otherwise, and zero padding.
    pub fn read_bytes(&mut self) -> Result<&'a [u8], Error> {
        let start = self.pos;
        let first = *self.data.get(self.pos).ok_or_else(|| {
            self.error(ErrorKind::UnexpectedEof {
                needed: 1,
                available: 0,
            })
        })?;
        let (header, len) = match first {
            0..=253 => (1, usize::from(first)),
            254 => {
                let [_, a, b, c] = self.read_array::<4>()?;
                self.pos = start;
                let len = usize::from(a) | usize::from(b) << 8 | usize::from(c) << 16;
                if len < 254 {
                    return Err(self.error(ErrorKind::NonCanonicalLength { len }));
                }
                (4, len)
            }
            255 => return Err(self.error(ErrorKind::InvalidLengthPrefix)),
        };
        let available = self.remaining_len() - header;
        if len > available {
            return Err(self.error(ErrorKind::LengthExceedsInput { len, available }));
        }
        let padding = crate::wire::padding(header + len);
        if len + padding > available {
            return Err(self.error(ErrorKind::UnexpectedEof {
                needed: header + len + padding,
                available: available + header,
            }));
        }
        let data_start = start + header;
        let data = &self.data[data_start..data_start + len];
        let pad = &self.data[data_start + len..data_start + len + padding];
        if pad.iter().any(|&b| b != 0) {
            return Err(Error::new(ErrorKind::NonZeroPadding, data_start + len));
        }
        self.pos = data_start + len + padding;
        Ok(data)
    }

    /// Reads a TL `string` and checks that it is UTF-8.
    pub fn read_str(&mut self) -> Result<&'a str, Error> {
        let start = self.pos;
        let bytes = self.read_bytes()?;
        str::from_utf8(bytes).map_err(|e| {
            Error::new(
                ErrorKind::InvalidUtf8 {
                    valid_up_to: e.valid_up_to(),
                },
                start,
            )
        })
    }

    /// Reads a vector's element count and checks it against the remaining input: `count`
    /// elements of at least `min_element_len` bytes each must fit (zero counts as one, so a
    /// count never exceeds the bytes left).
    #[inline]
    pub fn read_count(&mut self, min_element_len: usize) -> Result<usize, Error> {
        let raw = self.read_i32()?;
        let count = usize::try_from(raw)
            .map_err(|_| Error::new(ErrorKind::NegativeCount { count: raw }, self.pos - 4))?;
        let available = self.remaining_len();
        let min_element_len = min_element_len.max(1);
        if count.saturating_mul(min_element_len) > available {
            return Err(Error::new(
                ErrorKind::CountExceedsInput {
                    count,
                    min_element_len,
                    available,
                },
                self.pos - 4,
            ));
        }
        Ok(count)
    }

    /// How many elements of `elem_size` bytes of memory may be preallocated for a vector of
    /// `count`: never more memory than there are bytes of input left.
    #[inline]
    pub fn capacity_for(&self, count: usize, elem_size: usize) -> usize {
        match elem_size {
            0 => count,
            size => count.min(self.remaining_len() / size),
        }
    }

    /// Runs `f` one nesting level deeper, failing with [`ErrorKind::DepthLimitExceeded`] past
    /// [`Limits::max_depth`].
    #[inline]
    pub fn nest<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T, Error>) -> Result<T, Error> {
        if self.depth_left == 0 {
            return Err(self.error(ErrorKind::DepthLimitExceeded {
                limit: self.limits.max_depth,
            }));
        }
        self.depth_left -= 1;
        let out = f(self);
        self.depth_left += 1;
        out
    }
}
