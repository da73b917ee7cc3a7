//! MTProto's envelopes, the service constructors every received message may be wrapped in:
//! `msg_container` (several messages, each with its length), `rpc_result` (the answer to a
//! request, as the rest of the message), `gzip_packed` (compressed bytes) and `msgs_ack`.
//!
//! They are written here rather than generated because a client needs them before it decodes
//! anything of its API schema, and because each carries lengths that make the values inside
//! skippable: a constructor this layer does not know is kept ([`MaybeUnknown`]) and everything
//! around it still decodes.
//!
//! The receive path of one decrypted message body:
//!
//! ```
//! use tl_runtime::mtproto::{self, Body};
//! use tl_runtime::{Deserialize, MaybeUnknown, Serialize};
//!
//! let body = mtproto::MsgsAck { msg_ids: vec![7] }.to_bytes();
//! match mtproto::Body::from_bytes(&body).unwrap() {
//!     Body::Container(c) => { /* each c.messages[i].body is a Body again */ }
//!     Body::RpcResult(r) => { /* r.decode::<F>(limit) as the answer to request F */ }
//!     Body::Ack(ack) => assert_eq!(ack.msg_ids, [7]),
//!     Body::Gzip(g) => { /* g.inflate(limit), then a Body */ }
//!     Body::Other(object) => { /* an update: object.decode::<MaybeUnknown<Updates>>() */ }
//! }
//! ```

use crate::unknown::MaybeUnknown;
use crate::{Deserialize, Error, ErrorKind, Identifiable, Object, Reader, RemoteCall, Serialize};
use alloc::borrow::Cow;
use alloc::vec::Vec;

/// The most bytes `GzipPacked::inflate` gives by default: a TL `bytes` value cannot be
/// longer, so no valid message inflates to more.
pub const GZIP_LIMIT: usize = 16 * 1024 * 1024;

/// `message msg_id:long seqno:int bytes:int body:Object = Message;`: one message of a container,
/// encoded bare. `bytes` is the body's length, written and checked from `body`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// The message id.
    pub msg_id: i64,
    /// Its sequence number.
    pub seqno: i32,
    /// The body: a boxed value (an `rpc_result`, an update, a `gzip_packed`, …), as received.
    pub body: Object,
}

impl Serialize for Message {
    fn serialize(&self, buf: &mut Vec<u8>) {
        self.msg_id.serialize(buf);
        self.seqno.serialize(buf);
        // A body is at most 16 MiB: a longer one has no encoding in a container.
        let len = i32::try_from(self.body.0.len()).unwrap_or(i32::MAX);
        len.serialize(buf);
        self.body.serialize(buf);
    }
    fn serialized_len(&self) -> usize {
        16 + self.body.0.len()
    }
}

impl<'a> Deserialize<'a> for Message {
    const MIN_SERIALIZED_LEN: usize = 16;
    fn deserialize(r: &mut Reader<'a>) -> Result<Self, Error> {
        let msg_id = r.read_i64()?;
        let seqno = r.read_i32()?;
        let len = r.read_i32()?;
        let body = crate::__private::read_object_of_len(r, len)
            .map_err(|e| e.in_field("message", "body"))?;
        Ok(Message {
            msg_id,
            seqno,
            body,
        })
    }
}

/// The id (`Identifiable`) and TL name of a boxed envelope.
macro_rules! boxed {
    ($ty:ident, $id:literal, $name:literal) => {
        impl Identifiable for $ty {
            const CONSTRUCTOR_ID: u32 = $id;
        }

        impl $ty {
            /// The TL name of this constructor.
            pub const TL_NAME: &'static str = $name;
        }
    };
}

/// `msg_container#73f1f8dc messages:vector<%Message> = MessageContainer;`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MsgContainer {
    /// The messages, in order.
    pub messages: Vec<Message>,
}
boxed!(MsgContainer, 0x73f1_f8dc, "msg_container");

impl Serialize for MsgContainer {
    fn serialize(&self, buf: &mut Vec<u8>) {
        Self::CONSTRUCTOR_ID.serialize(buf);
        crate::wire::serialize_bare_vec(&self.messages, buf);
    }
    fn serialized_len(&self) -> usize {
        4 + crate::wire::bare_vec_len(&self.messages)
    }
}

impl<'a> Deserialize<'a> for MsgContainer {
    const MIN_SERIALIZED_LEN: usize = 8;
    fn deserialize(r: &mut Reader<'a>) -> Result<Self, Error> {
        r.expect_id(Self::CONSTRUCTOR_ID, Self::TL_NAME)?;
        let messages = crate::wire::deserialize_bare_vec(r)
            .map_err(|e| e.in_field(Self::TL_NAME, "messages"))?;
        Ok(MsgContainer { messages })
    }
}

/// `rpc_result#f35c6d01 req_msg_id:long result:Object = RpcResult;`: the answer to the request
/// `req_msg_id`; the result is the rest of the message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RpcResult {
    /// The id of the request this answers.
    pub req_msg_id: i64,
    /// The answer as received: the request's result type, an `rpc_error`, or a `gzip_packed`
    /// holding either.
    pub result: Object,
}
boxed!(RpcResult, 0xf35c_6d01, "rpc_result");

impl Serialize for RpcResult {
    fn serialize(&self, buf: &mut Vec<u8>) {
        Self::CONSTRUCTOR_ID.serialize(buf);
        self.req_msg_id.serialize(buf);
        self.result.serialize(buf);
    }
    fn serialized_len(&self) -> usize {
        12 + self.result.0.len()
    }
}

impl<'a> Deserialize<'a> for RpcResult {
    const MIN_SERIALIZED_LEN: usize = 12;
    fn deserialize(r: &mut Reader<'a>) -> Result<Self, Error> {
        r.expect_id(Self::CONSTRUCTOR_ID, Self::TL_NAME)?;
        let req_msg_id = r.read_i64()?;
        let result = Object::deserialize(r)?;
        Ok(RpcResult { req_msg_id, result })
    }
}

impl RpcResult {
    /// The result as the answer to a request of type `F`: a `gzip_packed` result is inflated
    /// first (to at most `max_len` bytes), an `rpc_error` is `Err(F::Error)` (the function's
    /// typed error, or [`RpcError`](crate::RpcError)), anything else decodes as `F::Return`.
    pub fn decode<F: RemoteCall>(
        &self,
        max_len: usize,
    ) -> Result<Result<F::Return, F::Error>, Error> {
        let body = unpack(&self.result.0, max_len)?;
        F::decode_reply(&body)
    }

    /// [`decode`](Self::decode) as the answer to `request` itself: what a function needs whose
    /// result takes a field mask from the request (VK's `= engine.ReadWriteMode fields_mask`),
    /// see [`RemoteCall::decode_answer`].
    pub fn decode_answer<F: RemoteCall>(
        &self,
        request: &F,
        max_len: usize,
    ) -> Result<Result<F::Return, F::Error>, Error> {
        let body = unpack(&self.result.0, max_len)?;
        request.decode_answer(&body)
    }

    /// The result as a `T` if it is one of `T`'s constructors, and kept as
    /// [`Unknown`](crate::Unknown) otherwise (a constructor of a newer layer), after inflating a
    /// `gzip_packed` one.
    pub fn decode_lossy<T: crate::DeserializeOwned>(
        &self,
        max_len: usize,
    ) -> Result<MaybeUnknown<T>, Error> {
        let body = unpack(&self.result.0, max_len)?;
        MaybeUnknown::from_bytes(&body)
    }
}

/// `gzip_packed#3072cfa1 packed_data:string = Object;`: a boxed value, gzip-compressed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GzipPacked {
    /// The gzip stream, as received.
    pub packed_data: Vec<u8>,
}
boxed!(GzipPacked, 0x3072_cfa1, "gzip_packed");

impl Serialize for GzipPacked {
    fn serialize(&self, buf: &mut Vec<u8>) {
        Self::CONSTRUCTOR_ID.serialize(buf);
        crate::wire::write_bytes(buf, &self.packed_data);
    }
    fn serialized_len(&self) -> usize {
        4 + crate::wire::bytes_len(self.packed_data.len())
    }
}

impl<'a> Deserialize<'a> for GzipPacked {
    const MIN_SERIALIZED_LEN: usize = 8;
    fn deserialize(r: &mut Reader<'a>) -> Result<Self, Error> {
        r.expect_id(Self::CONSTRUCTOR_ID, Self::TL_NAME)?;
        let packed_data = r
            .read_bytes()
            .map_err(|e| e.in_field(Self::TL_NAME, "packed_data"))?
            .to_vec();
        Ok(GzipPacked { packed_data })
    }
}

#[cfg(feature = "gzip")]
impl GzipPacked {
    /// Compresses `value`'s encoding (as a sender does for large requests).
    pub fn pack<T: Serialize + ?Sized>(value: &T) -> Self {
        use std::io::Write as _;
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        // Writing to a `Vec` does not fail.
        let _ = encoder.write_all(&value.to_bytes());
        GzipPacked {
            packed_data: encoder.finish().unwrap_or_default(),
        }
    }

    /// The inflated bytes, at most `max_len` of them ([`GZIP_LIMIT`] is a sound default). The
    /// size the stream declares in its trailer is checked before inflating, and the output
    /// while inflating (a stream may lie), so a small input that would inflate to gigabytes is
    /// an error after at most `max_len` bytes: memory stays under `max_len` and a constant.
    pub fn inflate(&self, max_len: usize) -> Result<Vec<u8>, Error> {
        use std::io::Read as _;
        let too_large = |len: usize| {
            Error::new(
                ErrorKind::Invalid {
                    reason: "gzip_packed inflates past the size limit",
                },
                len,
            )
        };
        let declared = self
            .packed_data
            .last_chunk::<4>()
            .map_or(0, |t| u32::from_le_bytes(*t) as usize);
        if declared > max_len {
            return Err(too_large(declared));
        }
        let mut decoder = flate2::read::GzDecoder::new(self.packed_data.as_slice());
        let mut out: Vec<u8> = Vec::with_capacity(declared);
        let mut chunk = [0u8; 16 * 1024];
        loop {
            let n = decoder.read(&mut chunk).map_err(|_| {
                Error::new(
                    ErrorKind::Invalid {
                        reason: "gzip_packed holds no valid gzip stream",
                    },
                    out.len(),
                )
            })?;
            if n == 0 {
                return Ok(out);
            }
            if out.len() + n > max_len {
                return Err(too_large(out.len() + n));
            }
            if out.capacity() - out.len() < n {
                // Grow geometrically, but never past the limit.
                let want = (out.capacity() * 2).max(out.len() + n).min(max_len);
                out.reserve_exact(want - out.len());
            }
            out.extend_from_slice(&chunk[..n]);
        }
    }
}

/// `body` itself, or, if it is a `gzip_packed`, the bytes it inflates to (at most `max_len`).
/// Without the `gzip` feature a `gzip_packed` body is an error saying so.
pub fn unpack(body: &[u8], max_len: usize) -> Result<Cow<'_, [u8]>, Error> {
    if crate::ObjectRef(body).constructor_id() != Some(GzipPacked::CONSTRUCTOR_ID) {
        return Ok(Cow::Borrowed(body));
    }
    let packed = GzipPacked::from_bytes(body)?;
    #[cfg(feature = "gzip")]
    {
        packed.inflate(max_len).map(Cow::Owned)
    }
    #[cfg(not(feature = "gzip"))]
    {
        let _ = (packed, max_len);
        Err(Error::new(
            ErrorKind::Invalid {
                reason: "gzip_packed needs tl-runtime's `gzip` feature to inflate",
            },
            0,
        ))
    }
}

/// `msgs_ack#62d6b459 msg_ids:Vector<long> = MsgsAck;`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MsgsAck {
    /// The acknowledged message ids.
    pub msg_ids: Vec<i64>,
}
boxed!(MsgsAck, 0x62d6_b459, "msgs_ack");

impl Serialize for MsgsAck {
    fn serialize(&self, buf: &mut Vec<u8>) {
        Self::CONSTRUCTOR_ID.serialize(buf);
        self.msg_ids.serialize(buf);
    }
    fn serialized_len(&self) -> usize {
        4 + self.msg_ids.serialized_len()
    }
}

impl<'a> Deserialize<'a> for MsgsAck {
    const MIN_SERIALIZED_LEN: usize = 12;
    fn deserialize(r: &mut Reader<'a>) -> Result<Self, Error> {
        r.expect_id(Self::CONSTRUCTOR_ID, Self::TL_NAME)?;
        let msg_ids = Vec::deserialize(r).map_err(|e| e.in_field(Self::TL_NAME, "msg_ids"))?;
        Ok(MsgsAck { msg_ids })
    }
}

/// A received message body, by its constructor: one of the envelopes, or anything else (an
/// update, a service message) kept as received, to be decoded with the schema's types.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Body {
    /// `msg_container`: each message's body is a `Body` again.
    Container(MsgContainer),
    /// `rpc_result`: the answer to a request.
    RpcResult(RpcResult),
    /// `gzip_packed`: inflate it, and the bytes are a `Body`.
    Gzip(GzipPacked),
    /// `msgs_ack`.
    Ack(MsgsAck),
    /// Any other boxed value, as received.
    Other(Object),
}

impl Serialize for Body {
    fn serialize(&self, buf: &mut Vec<u8>) {
        match self {
            Body::Container(x) => x.serialize(buf),
            Body::RpcResult(x) => x.serialize(buf),
            Body::Gzip(x) => x.serialize(buf),
            Body::Ack(x) => x.serialize(buf),
            Body::Other(x) => x.serialize(buf),
        }
    }
    fn serialized_len(&self) -> usize {
        match self {
            Body::Container(x) => x.serialized_len(),
            Body::RpcResult(x) => x.serialized_len(),
            Body::Gzip(x) => x.serialized_len(),
            Body::Ack(x) => x.serialized_len(),
            Body::Other(x) => x.serialized_len(),
        }
    }
}

impl<'a> Deserialize<'a> for Body {
    const MIN_SERIALIZED_LEN: usize = 4;
    /// Takes all the remaining input: a body is as long as its message says.
    fn deserialize(r: &mut Reader<'a>) -> Result<Self, Error> {
        Ok(match r.peek_u32()? {
            MsgContainer::CONSTRUCTOR_ID => Body::Container(MsgContainer::deserialize(r)?),
            RpcResult::CONSTRUCTOR_ID => Body::RpcResult(RpcResult::deserialize(r)?),
            GzipPacked::CONSTRUCTOR_ID => Body::Gzip(GzipPacked::deserialize(r)?),
            MsgsAck::CONSTRUCTOR_ID => Body::Ack(MsgsAck::deserialize(r)?),
            _ => Body::Other(Object::deserialize(r)?),
        })
    }
}
