//! [`Reader`], the decoding cursor, and the [`Limits`] it enforces. Every bounds, length, padding
//! and depth check of the decoder lives here, so that generated code cannot get one wrong.

use crate::error::{Error, ErrorKind};
use core::str;

/// Limits that protect the decoder from hostile input.
///
/// Lengths and counts are always checked against the remaining input, so they need no limit here,
/// but for the count of elements that may take no bytes at all ([`max_empty_elements`]).
///
/// [`max_empty_elements`]: Limits::max_empty_elements
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// How deeply constructors and vectors may nest. The default, 100, is prost's; the real
    /// Telegram schema needs about 10 (nested message entities, replies, page blocks).
    pub max_depth: u32,
    /// How many elements a vector (or a counted repetition) may hold beyond the bytes left
    /// after its count, when its elements may take no bytes: bare `true`, an empty bare
    /// constructor, a constructor whose fields all sit under bits of a mask that has none of
    /// them set. Elements of at least one byte are bounded by the input instead. The default is
    /// 65,536; such a vector then allocates at most that many elements of its Rust type
    /// without input to justify them, where a count of 2^31 would ask for gigabytes.
    pub max_empty_elements: u32,
}

impl Limits {
    /// The default limits.
    pub const DEFAULT: Limits = Limits {
        max_depth: 100,
        max_empty_elements: 1 << 16,
    };

    /// These limits with `max_depth` replaced.
    #[must_use]
    pub const fn with_max_depth(mut self, max_depth: u32) -> Self {
        self.max_depth = max_depth;
        self
    }

    /// These limits with `max_empty_elements` replaced.
    #[must_use]
    pub const fn with_max_empty_elements(mut self, max_empty_elements: u32) -> Self {
        self.max_empty_elements = max_empty_elements;
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
    /// The bytes not read yet. Reads take from its front, so each one is a single length check
    /// and a pointer bump (an index into the whole input would need a second bounds check).
    rest: &'a [u8],
    /// The length of the whole input: the offset of `rest` is `len - rest.len()`.
    len: usize,
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
            rest: data,
            len: data.len(),
            depth_left: limits.max_depth,
            limits,
        }
    }

    /// The offset of the next byte to be read.
    #[inline]
    pub fn position(&self) -> usize {
        self.len - self.rest.len()
    }

    /// How many bytes are left.
    #[inline]
    pub fn remaining_len(&self) -> usize {
        self.rest.len()
    }

    /// The bytes that are left.
    #[inline]
    pub fn remaining(&self) -> &'a [u8] {
        self.rest
    }

    /// An error of `kind` at the current offset.
    #[cold]
    pub fn error(&self, kind: ErrorKind) -> Error {
        Error::new(kind, self.position())
    }

    /// The error for a read of `needed` bytes where fewer are left.
    #[cold]
    fn eof(&self, needed: usize) -> Error {
        self.error(ErrorKind::UnexpectedEof {
            needed,
            available: self.remaining_len(),
        })
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
        match self.rest.split_at_checked(n) {
            Some((bytes, rest)) => {
                self.rest = rest;
                Ok(bytes)
            }
            None => Err(self.eof(n)),
        }
    }

    /// Takes the next `N` bytes as an array.
    #[inline]
    pub fn read_array<const N: usize>(&mut self) -> Result<[u8; N], Error> {
        match self.rest.split_first_chunk::<N>() {
            Some((chunk, rest)) => {
                self.rest = rest;
                Ok(*chunk)
            }
            None => Err(self.eof(N)),
        }
    }

    /// Takes the next `4 * N` bytes as `N` little-endian 32-bit words, or `None` (taking
    /// nothing) when fewer are left: a run of fixed-size fields (`int`, `long` as its low and
    /// high word, `double`, `#`) with one length check where reading them one by one takes one
    /// each. Generated code calls [`short_run`](crate::__private::short_run) for the error
    /// when it gets `None`.
    #[inline]
    pub fn read_words<const N: usize>(&mut self) -> Option<[u32; N]> {
        let (bytes, rest) = self.rest.split_at_checked(4 * N)?;
        let mut words = [0; N];
        for (word, chunk) in words.iter_mut().zip(bytes.as_chunks::<4>().0) {
            *word = u32::from_le_bytes(*chunk);
        }
        self.rest = rest;
        Some(words)
    }

    /// The error of a run of fields `sizes` bytes long each that [`read_words`](Self::read_words)
    /// found cut short, and the index in the run of the field that does not fit: the reader
    /// moves past the ones before it, as reading them one by one does, so the error is the
    /// same.
    #[cold]
    #[inline(never)]
    pub(crate) fn short_run(&mut self, sizes: &[u8]) -> (Error, usize) {
        for (at, &size) in sizes.iter().enumerate() {
            if let Err(e) = self.read_raw(size.into()) {
                return (e, at);
            }
        }
        // Only reached if the run did fit, which `read_words` has ruled out: the error of one
        // more word, at the end of the run.
        let at = sizes.len().saturating_sub(1);
        (self.eof(4), at)
    }

    /// The next 32-bit word without consuming it: the constructor id of what follows.
    #[inline]
    pub fn peek_u32(&self) -> Result<u32, Error> {
        match self.rest.first_chunk::<4>() {
            Some(word) => Ok(u32::from_le_bytes(*word)),
            None => Err(self.eof(4)),
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

    /// Reads a `float` (VK's 4-byte one), keeping every bit.
    #[inline]
    pub fn read_f32(&mut self) -> Result<f32, Error> {
        self.read_array().map(f32::from_le_bytes)
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
            // Out of line: every function's decoder checks its id here.
            Err(crate::__private::unexpected_constructor(
                self, type_name, id,
            ))
        }
    }

    /// Reads a TL `bytes` or `string` value (length header, data, zero padding) and returns its
    /// data, borrowed from the input.
    ///
    /// Only the canonical encoding is accepted, so that re-encoding gives the same bytes: a one-byte
    /// header for lengths below 254, the `0xfe` header otherwise, and zero padding.
    pub fn read_bytes(&mut self) -> Result<&'a [u8], Error> {
        let rest = self.rest;
        let (header, len) = match *rest {
            [] => return Err(self.eof(1)),
            [first @ 0..=253, ..] => (1, usize::from(first)),
            [254, a, b, c, ..] => {
                let len = usize::from(a) | usize::from(b) << 8 | usize::from(c) << 16;
                if len < 254 {
                    return Err(self.error(ErrorKind::NonCanonicalLength { len }));
                }
                (4, len)
            }
            [254, ..] => return Err(self.eof(4)),
            [255, ..] => return Err(self.error(ErrorKind::InvalidLengthPrefix)),
        };
        let available = rest.len() - header;
        if len > available {
            return Err(self.error(ErrorKind::LengthExceedsInput { len, available }));
        }
        let padding = crate::wire::padding(header + len);
        let Some((all, after)) = rest.split_at_checked(header + len + padding) else {
            return Err(self.eof(header + len + padding));
        };
        // `all` is a multiple of 4 bytes long, so its last word holds the padding, in its
        // high bytes (little-endian): one test for all of them.
        let last = all.last_chunk::<4>().map_or(0, |w| u32::from_le_bytes(*w));
        if last & !(u32::MAX >> (8 * padding)) != 0 {
            return Err(Error::new(
                ErrorKind::NonZeroPadding,
                self.position() + header + len,
            ));
        }
        self.rest = after;
        Ok(&all[header..header + len])
    }

    /// Reads a TL `string` and checks that it is UTF-8.
    pub fn read_str(&mut self) -> Result<&'a str, Error> {
        let start = self.position();
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
    /// elements of at least `min_element_len` bytes each must fit. Elements that may take no
    /// bytes (`min_element_len` 0) may number as many as the bytes left or
    /// [`Limits::max_empty_elements`], whichever is more.
    #[inline]
    pub fn read_count(&mut self, min_element_len: usize) -> Result<usize, Error> {
        let raw = self.read_i32()?;
        let count = usize::try_from(raw).map_err(|_| {
            Error::new(ErrorKind::NegativeCount { count: raw }, self.position() - 4)
        })?;
        self.check_count(count, min_element_len, self.position() - 4)
    }

    /// `count` elements of at least `min_element_len` bytes each must fit in the input left,
    /// else [`ErrorKind::CountExceedsInput`] at `at`, where the count was read. Elements of no
    /// bytes are bounded by the bytes left or [`Limits::max_empty_elements`], whichever is
    /// more, else [`ErrorKind::TooManyEmptyElements`].
    #[inline]
    pub(crate) fn check_count(
        &self,
        count: usize,
        min_element_len: usize,
        at: usize,
    ) -> Result<usize, Error> {
        let available = self.remaining_len();
        if count.saturating_mul(min_element_len.max(1)) > available
            && (min_element_len > 0 || count > self.limits.max_empty_elements as usize)
        {
            return Err(self.count_error(count, min_element_len, at));
        }
        Ok(count)
    }

    /// The error of [`check_count`](Self::check_count), out of line.
    #[cold]
    #[inline(never)]
    fn count_error(&self, count: usize, min_element_len: usize, at: usize) -> Error {
        let kind = match min_element_len {
            0 => ErrorKind::TooManyEmptyElements {
                count,
                limit: self.limits.max_empty_elements,
            },
            _ => ErrorKind::CountExceedsInput {
                count,
                min_element_len,
                available: self.remaining_len(),
            },
        };
        Error::new(kind, at)
    }

    /// What every vector decoder starts with: the `Vector` id if `boxed`, the count
    /// ([`read_count`](Self::read_count)), one nesting level deeper for the elements
    /// ([`enter`](Self::enter); [`leave`](Self::leave) comes back up), and how many elements of
    /// `elem_size` bytes to preallocate ([`capacity_for`](Self::capacity_for)): the count and
    /// that capacity. Out of line and not generic: one copy of these checks and their errors,
    /// not one in each of the ~200 element types' decoders (53 KiB of the full Telegram API's
    /// release code).
    #[inline(never)]
    pub(crate) fn enter_vec(
        &mut self,
        boxed: bool,
        min_element_len: usize,
        elem_size: usize,
    ) -> Result<(usize, usize), Error> {
        if boxed {
            self.expect_id(crate::wire::VECTOR_ID, "Vector")?;
        }
        let count = self.read_count(min_element_len)?;
        self.enter()?;
        Ok((count, self.capacity_for(count, elem_size)))
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
        self.enter()?;
        let out = f(self);
        self.leave();
        out
    }

    /// One nesting level deeper, or [`ErrorKind::DepthLimitExceeded`] past
    /// [`Limits::max_depth`]; [`leave`](Self::leave) comes back up. [`nest`](Self::nest) without
    /// a closure, for generated code: one call per boxed type's decoder, not a generic instance
    /// per constructor.
    #[inline]
    pub(crate) fn enter(&mut self) -> Result<(), Error> {
        if self.depth_left == 0 {
            return Err(self.depth_exceeded());
        }
        self.depth_left -= 1;
        Ok(())
    }

    /// Back up the level [`enter`](Self::enter) went down.
    #[inline]
    pub(crate) fn leave(&mut self) {
        self.depth_left += 1;
    }

    #[cold]
    #[inline(never)]
    fn depth_exceeded(&self) -> Error {
        self.error(ErrorKind::DepthLimitExceeded {
            limit: self.limits.max_depth,
        })
    }
}
