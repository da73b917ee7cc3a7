//! [`RpcError`]: what a Telegram server answers a call with when it fails,
//! `rpc_error#2144ca19 error_code:int error_message:string`, with the number that many names carry
//! (`FLOOD_WAIT_42`) taken out, and the error class its code means.

use crate::{Deserialize, Error, Identifiable, Reader, Serialize};
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;

/// A failed call's answer: `rpc_error#2144ca19 error_code:int error_message:string`.
///
/// Telegram writes a number into many error names: `FLOOD_WAIT_42` (wait 42 seconds),
/// `FILE_MIGRATE_2` (the file is on DC 2), `FILE_PART_7_MISSING`, `INTERDC_2_CALL_ERROR`,
/// `PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_5MIN`. [`name`](Self::name) is the name with that number
/// written `%d`, as Telegram's published list writes it (`FLOOD_WAIT_%d`), and
/// [`value`](Self::value) the number. A name's own digits stay: `2FA_CONFIRM_WAIT_3600` is
/// `2FA_CONFIRM_WAIT_%d` with 3600, `MD5_CHECKSUM_INVALID` has no number.
///
/// ```
/// use tl_runtime::{ErrorClass, RpcError};
///
/// let e = RpcError::new(420, "FLOOD_WAIT_42");
/// assert_eq!((e.name(), e.value()), ("FLOOD_WAIT_%d", Some(42)));
/// assert_eq!(e.class(), ErrorClass::Flood);
/// assert!(e.is("FLOOD_WAIT_%d"));
/// assert_eq!(e.to_string(), "420 FLOOD_WAIT_42");
/// assert_eq!("420 FLOOD_WAIT_42".parse::<RpcError>().unwrap(), e);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RpcError {
    code: i32,
    message: String,
    name: String,
    value: Option<u64>,
}

/// The class of an error, from its code (Telegram's `base` list).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorClass {
    /// 303: the request must be repeated on another data center (`*_MIGRATE_%d`).
    SeeOther,
    /// 400: the request is wrong (an invalid argument).
    BadRequest,
    /// 401: the session is not authorized.
    Unauthorized,
    /// 403: the action is not allowed.
    Forbidden,
    /// 404: the method or object does not exist.
    NotFound,
    /// 406: the request cannot be fulfilled now; the client should tell the user.
    NotAcceptable,
    /// 420: too many requests (`FLOOD_WAIT_%d`: wait that many seconds).
    Flood,
    /// 500: the server failed; the request may be repeated.
    Internal,
    /// Another code (Telegram also sends negative ones, such as -503 for a timeout).
    Other(i32),
}

impl ErrorClass {
    /// The class of `code`.
    pub fn of(code: i32) -> Self {
        match code {
            303 => ErrorClass::SeeOther,
            400 => ErrorClass::BadRequest,
            401 => ErrorClass::Unauthorized,
            403 => ErrorClass::Forbidden,
            404 => ErrorClass::NotFound,
            406 => ErrorClass::NotAcceptable,
            420 => ErrorClass::Flood,
            500 => ErrorClass::Internal,
            other => ErrorClass::Other(other),
        }
    }

    /// Telegram's name for the class (`BAD_REQUEST`), or `None` for another code.
    pub fn name(self) -> Option<&'static str> {
        Some(match self {
            ErrorClass::SeeOther => "SEE_OTHER",
            ErrorClass::BadRequest => "BAD_REQUEST",
            ErrorClass::Unauthorized => "UNAUTHORIZED",
            ErrorClass::Forbidden => "FORBIDDEN",
            ErrorClass::NotFound => "NOT_FOUND",
            ErrorClass::NotAcceptable => "NOT_ACCEPTABLE",
            ErrorClass::Flood => "FLOOD",
            ErrorClass::Internal => "INTERNAL",
            ErrorClass::Other(_) => return None,
        })
    }
}

/// Where the number of `message` is: the byte range of its digits. A number is a part between
/// `_`s that is all digits (`FILE_PART_7_MISSING`), or digits and then letters, a unit, when it is
/// not the first part (`…_WAIT_5MIN`; the first part `2FA` is a word). Digits after letters
/// (`MD5`, `INVALID2`) are part of the word. The first such part counts.
fn number_span(message: &str) -> Option<(usize, usize)> {
    let mut start = 0;
    for (i, part) in message.split('_').enumerate() {
        let digits = part.bytes().take_while(u8::is_ascii_digit).count();
        let rest = &part.as_bytes()[digits..];
        let unit = !rest.is_empty() && rest.iter().all(u8::is_ascii_uppercase);
        if digits > 0 && (rest.is_empty() || (unit && i > 0)) {
            return Some((start, start + digits));
        }
        start += part.len() + 1;
    }
    None
}

impl RpcError {
    /// The id of `rpc_error#2144ca19`.
    pub const CONSTRUCTOR_ID: u32 = 0x2144_ca19;

    /// The id of TON's `liteServer.error code:int message:string = liteServer.Error` (lite
    /// API): what a lite server answers any query with when it fails, in place of the
    /// query's result. [`RemoteCall::decode_reply`](crate::RemoteCall::decode_reply) reads it
    /// as an `RpcError`; no other real schema's constructor has this id.
    pub const LITE_SERVER_ERROR_ID: u32 = 0xbba9_e148;

    /// A failed call's answer, if `bytes` is one: Telegram's `rpc_error` or TON's
    /// `liteServer.error`, both an `int` code and a `string` message after the id. `None`
    /// when `bytes` starts with another id.
    pub(crate) fn from_reply(bytes: &[u8]) -> Option<Result<Self, Error>> {
        let id = u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?);
        if id == Self::CONSTRUCTOR_ID {
            return Some(Self::from_bytes(bytes));
        }
        if id != Self::LITE_SERVER_ERROR_ID {
            return None;
        }
        let read = || -> Result<Self, Error> {
            let mut reader = Reader::new(bytes);
            reader.read_u32()?;
            let code = i32::deserialize(&mut reader)
                .map_err(|e| e.in_field("liteServer.error", "code"))?;
            let message = <&str>::deserialize(&mut reader)
                .map_err(|e| e.in_field("liteServer.error", "message"))?;
            reader.finish()?;
            Ok(RpcError::new(code, message))
        };
        Some(read())
    }

    /// The error a server sent: its code and message, the number in the message taken out.
    /// A number too large for a `u64` stays in the name.
    pub fn new(code: i32, message: impl Into<String>) -> Self {
        let message = message.into();
        let (name, value) = match number_span(&message)
            .and_then(|(a, b)| message[a..b].parse::<u64>().ok().map(|v| (a, b, v)))
        {
            Some((a, b, v)) => {
                let mut name = String::with_capacity(message.len());
                name.push_str(&message[..a]);
                name.push_str("%d");
                name.push_str(&message[b..]);
                (name, Some(v))
            }
            None => (message.clone(), None),
        };
        RpcError {
            code,
            message,
            name,
            value,
        }
    }

    /// The error named `name` as the published list writes it (`FLOOD_WAIT_%d`), its `%d` filled
    /// with `value`: what a typed error variant converts back to. A name without `%d`, or no
    /// value, gives the name as the message.
    ///
    /// ```
    /// let e = tl_runtime::RpcError::from_parts(420, "FLOOD_WAIT_%d", Some(42));
    /// assert_eq!((e.message(), e.name(), e.value()), ("FLOOD_WAIT_42", "FLOOD_WAIT_%d", Some(42)));
    /// ```
    pub fn from_parts(code: i32, name: &str, value: Option<u64>) -> Self {
        match value {
            Some(_) if name.contains("%d") => RpcError {
                code,
                message: Filled { name, value }.to_string(),
                name: name.into(),
                value,
            },
            _ => RpcError::new(code, name),
        }
    }

    /// The error code (`error_code`).
    pub fn code(&self) -> i32 {
        self.code
    }

    /// The message as the server sent it (`error_message`).
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The name, its number written `%d` (`FLOOD_WAIT_%d`); the message itself when it has none.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The number in the name: seconds to wait, a data center, a file part.
    pub fn value(&self) -> Option<u64> {
        self.value
    }

    /// The class of the code.
    pub fn class(&self) -> ErrorClass {
        ErrorClass::of(self.code)
    }

    /// Whether the error is `pattern`: a name as the published list writes it, `FLOOD_WAIT_%d`
    /// or `CALL_PEER_INVALID`, or the name with its number taken out, `FLOOD_WAIT` (grammers'
    /// spelling; `FILE_PART_MISSING` for `FILE_PART_%d_MISSING`). Allocates nothing.
    ///
    /// ```
    /// let e = tl_runtime::RpcError::new(420, "FLOOD_WAIT_42");
    /// assert!(e.is("FLOOD_WAIT_%d") && e.is("FLOOD_WAIT") && !e.is("FLOOD_WAIT_42"));
    /// assert!(!e.is("FLOOD") && !e.is("FLOOD_PREMIUM_WAIT_%d"));
    /// ```
    pub fn is(&self, pattern: &str) -> bool {
        if self.name == pattern {
            return true;
        }
        let Some(at) = self.name.find("%d") else {
            return false;
        };
        // The name without `%d` and one `_` beside it: `FLOOD_WAIT`, `FILE_PART_MISSING`.
        let (head, tail) = (&self.name[..at], &self.name[at + 2..]);
        let (head, tail) = match (head.strip_suffix('_'), tail.strip_prefix('_')) {
            (Some(h), _) => (h, tail),
            (None, Some(t)) => (head, t),
            (None, None) => (head, tail),
        };
        pattern.len() == head.len() + tail.len()
            && pattern.starts_with(head)
            && pattern.ends_with(tail)
    }
}

/// A listed name (`FLOOD_WAIT_%d`) with its `%d` filled by `value`, as the server writes it
/// (`FLOOD_WAIT_42`); the name as it is without a value or a `%d`.
pub(crate) struct Filled<'a> {
    pub name: &'a str,
    pub value: Option<u64>,
}

impl fmt::Display for Filled<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.name.split_once("%d"), self.value) {
            (Some((head, tail)), Some(v)) => write!(f, "{head}{v}{tail}"),
            _ => f.write_str(self.name),
        }
    }
}

impl fmt::Display for RpcError {
    /// `420 FLOOD_WAIT_42`: the code and the message, as Telegram's documentation lists them.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.code, self.message)
    }
}

impl core::error::Error for RpcError {}

/// Why a text is not an [`RpcError`]'s `Display` form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParseRpcError;

impl fmt::Display for ParseRpcError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("expected an RPC error as `CODE MESSAGE`, such as `420 FLOOD_WAIT_42`")
    }
}

impl core::error::Error for ParseRpcError {}

impl core::str::FromStr for RpcError {
    type Err = ParseRpcError;

    /// Reads the [`Display`](fmt::Display) form back.
    fn from_str(s: &str) -> Result<Self, ParseRpcError> {
        let (code, message) = s.split_once(' ').ok_or(ParseRpcError)?;
        Ok(RpcError::new(
            code.parse().map_err(|_| ParseRpcError)?,
            message,
        ))
    }
}

impl Identifiable for RpcError {
    const CONSTRUCTOR_ID: u32 = RpcError::CONSTRUCTOR_ID;
}

/// Boxed, as it is sent: `#2144ca19`, the code, the message.
impl Serialize for RpcError {
    fn serialize(&self, buf: &mut Vec<u8>) {
        crate::wire::write_u32(buf, Self::CONSTRUCTOR_ID);
        self.code.serialize(buf);
        self.message.serialize(buf);
    }
    fn serialized_len(&self) -> usize {
        8 + self.message.serialized_len()
    }
}

impl<'a> Deserialize<'a> for RpcError {
    const MIN_SERIALIZED_LEN: usize = 12;
    fn deserialize(reader: &mut Reader<'a>) -> Result<Self, Error> {
        reader.expect_id(Self::CONSTRUCTOR_ID, "RpcError")?;
        let code = i32::deserialize(reader)?;
        let message = <&str>::deserialize(reader)?;
        Ok(RpcError::new(code, message))
    }
}

#[cfg(test)]
mod tests {
    use super::{ErrorClass, RpcError};
    use crate::{Deserialize, Serialize};
    use alloc::string::ToString;

    #[test]
    fn numbers_anywhere_in_the_name() {
        let cases = [
            ("FLOOD_WAIT_42", "FLOOD_WAIT_%d", Some(42)),
            ("FILE_PART_7_MISSING", "FILE_PART_%d_MISSING", Some(7)),
            ("FILE_PART_0_MISSING", "FILE_PART_%d_MISSING", Some(0)),
            ("INTERDC_2_CALL_ERROR", "INTERDC_%d_CALL_ERROR", Some(2)),
            ("2FA_CONFIRM_WAIT_3600", "2FA_CONFIRM_WAIT_%d", Some(3600)),
            (
                "PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_5MIN",
                "PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_%dMIN",
                Some(5),
            ),
            ("MD5_CHECKSUM_INVALID", "MD5_CHECKSUM_INVALID", None),
            ("SHA256_HASH_INVALID", "SHA256_HASH_INVALID", None),
            ("AUTH_TOKEN_INVALID2", "AUTH_TOKEN_INVALID2", None),
            ("CALL_PEER_INVALID", "CALL_PEER_INVALID", None),
            // More than u32 (grammers' limit), and the largest u64.
            ("FLOOD_WAIT_4294967296", "FLOOD_WAIT_%d", Some(1 << 32)),
            (
                "FLOOD_WAIT_18446744073709551615",
                "FLOOD_WAIT_%d",
                Some(u64::MAX),
            ),
            // Past u64: no number, the name as sent.
            (
                "FLOOD_WAIT_18446744073709551616",
                "FLOOD_WAIT_18446744073709551616",
                None,
            ),
            ("", "", None),
            ("_", "_", None),
        ];
        for (message, name, value) in cases {
            let e = RpcError::new(400, message);
            assert_eq!((e.name(), e.value()), (name, value), "{message}");
            assert!(e.is(name));
            assert_eq!(e.to_string().parse::<RpcError>(), Ok(e), "{message}");
        }
    }

    #[test]
    fn matching_without_the_number() {
        let cases = [
            ("FLOOD_WAIT_42", "FLOOD_WAIT"),
            ("FILE_PART_7_MISSING", "FILE_PART_MISSING"),
            ("2FA_CONFIRM_WAIT_3600", "2FA_CONFIRM_WAIT"),
            (
                "PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_5MIN",
                "PREVIOUS_CHAT_IMPORT_ACTIVE_WAITMIN",
            ),
        ];
        for (message, bare) in cases {
            let e = RpcError::new(420, message);
            assert!(e.is(bare), "{message} is {bare}");
            assert!(!e.is(&bare[1..]) && !e.is(message), "{message}");
        }
        assert!(!RpcError::new(400, "CALL_PEER_INVALID").is("CALL_PEER"));
    }

    #[test]
    fn classes() {
        assert_eq!(
            RpcError::new(303, "FILE_MIGRATE_2").class(),
            ErrorClass::SeeOther
        );
        assert_eq!(ErrorClass::of(420).name(), Some("FLOOD"));
        assert_eq!(ErrorClass::of(-503), ErrorClass::Other(-503));
        assert_eq!(ErrorClass::of(-503).name(), None);
    }

    #[test]
    fn wire() {
        let e = RpcError::new(400, "CALL_PEER_INVALID");
        let bytes = e.to_bytes();
        assert_eq!(&bytes[..8], &[0x19, 0xca, 0x44, 0x21, 0x90, 0x01, 0, 0]);
        assert_eq!(bytes.len(), e.serialized_len());
        assert_eq!(RpcError::from_bytes(&bytes), Ok(e));
        assert!(RpcError::from_bytes(&bytes[..7]).is_err());
    }

    #[test]
    fn replies_that_are_errors() {
        let e = RpcError::new(400, "CALL_PEER_INVALID");
        let telegram = e.to_bytes();
        assert_eq!(RpcError::from_reply(&telegram), Some(Ok(e)));
        // TON's `liteServer.error`: the same fields after another id.
        let mut ton = telegram.clone();
        ton[..4].copy_from_slice(&RpcError::LITE_SERVER_ERROR_ID.to_le_bytes());
        let read = RpcError::from_reply(&ton)
            .expect("an error")
            .expect("decodes");
        assert_eq!((read.code(), read.message()), (400, "CALL_PEER_INVALID"));
        // Not an error: another id, or fewer than four bytes.
        assert_eq!(RpcError::from_reply(&0x997275b5u32.to_le_bytes()), None);
        assert_eq!(RpcError::from_reply(&ton[..3]), None);
        // An error whose bytes are wrong fails, with the offset and the field.
        ton.push(0);
        let trailing = RpcError::from_reply(&ton).expect("an error").unwrap_err();
        assert_eq!(trailing.offset(), ton.len() - 1);
        let short = RpcError::from_reply(&ton[..6])
            .expect("an error")
            .unwrap_err();
        assert!(short.to_string().contains("liteServer.error"), "{short}");
        // Every cut and every byte changed: an answer or an error, never a panic.
        ton.pop();
        for end in 0..=ton.len() {
            let _ = RpcError::from_reply(&ton[..end]);
        }
        for i in 0..ton.len() {
            for b in [0x00, 0x7f, 0x80, 0xfe, 0xff] {
                let mut changed = ton.clone();
                changed[i] = b;
                if let Some(Ok(e)) = RpcError::from_reply(&changed) {
                    // What decodes is the fields exactly: they encode back to the same bytes
                    // after the id (`rpc_error`'s id, whichever of the two was read).
                    assert_eq!(e.to_bytes()[4..], changed[4..], "byte {i} as {b:#04x}");
                }
            }
        }
    }
}
