//! Runtime for [`tl!`]: the TL wire format, exact and safe on hostile input.
//!
//! TL (Type Language) is the schema language of Telegram's MTProto API, its secret chats, TDLib
//! and the TON network. The `tl!` macro turns schema lines into Rust types; this crate holds the
//! small traits those types implement and the encoding of every primitive.
//!
//! # Traits
//!
//! - [`Serialize`]: encode to bytes; infallible.
//! - [`Deserialize<'a>`](Deserialize): decode from bytes, strictly: [`Deserialize::from_bytes`]
//!   rejects trailing bytes, and whatever it accepts re-encodes to exactly the same bytes. `'a` is
//!   the input's lifetime, for values that borrow from it; owned values implement it for every
//!   `'a` ([`DeserializeOwned`]).
//! - [`Identifiable`]: the 32-bit constructor id.
//! - [`RemoteCall`]: a function, the type it returns, and the error type it fails with
//!   ([`RpcError`], or the function's own enum when its errors are documented).
//!
//! # TL to Rust
//!
//! | TL | Rust | wire |
//! |---|---|---|
//! | `int` | `i32` | 4 bytes, little-endian |
//! | `long` | `i64` | 8 bytes, little-endian |
//! | `double` | `f64` | 8 bytes, IEEE 754 little-endian, every bit kept |
//! | `float` (VK's schemas) | `f32` | 4 bytes, IEEE 754 little-endian, every bit kept |
//! | `int128`, `int256` | `[u8; 16]`, `[u8; 32]` | the bytes as they are |
//! | `#` | `u32` | 4 bytes, little-endian |
//! | `string` | `String` (or `&'a str`); `Vec<u8>` in MTProto's key exchange, whose strings are big-endian numbers | length, UTF-8 data, zero padding to 4 |
//! | `bytes` | `Vec<u8>` (or `&'a [u8]`) | length, data, zero padding to 4 |
//! | `Bool` | `bool` | `boolTrue#997275b5` or `boolFalse#bc799737` |
//! | `Vector<T>` | `Vec<T>` | `#1cb5c415`, count, elements |
//! | `vector<T>` | `Vec<T>` through [`wire`] helpers; [`BareVector<T>`](BareVector) as a type's argument or in a function's result | count, elements |
//! | `vector<vector<T>>`, `Vector<vector<T>>` | `Vec<Vec<T>>` through [`encoding`] | each level bare or boxed as written |
//! | `(tuple T 2)`, `%(Tuple T 2)` (VK's schemas) | `[T; 2]` through [`encoding`]; [`Tuple<T, 2>`](Tuple) as a type's argument or in a function's result | the elements, no count |
//! | `true` | `bool` of a flag | nothing |
//! | `True` (a result: TON's `= True`) | [`True`] | `true#3fedd339` |
//! | `Object`, TON's `Function` | [`Object`] (or [`ObjectRef`]) | the value's bytes, id first: the rest of the input, or as many as a `bytes:int` field right before it says (MTProto's `message`); [`Object::decode`] reads it as a type |
//!
//! A `string` or `bytes` shorter than 254 bytes has a one-byte length; a longer one has the byte
//! `0xfe` and a 3-byte length. A value of 16 MiB or more has no encoding: encoding it panics (see
//! [`wire::write_bytes`]) rather than silently sending a truncated length.
//!
//! # Hostile input
//!
//! Decoding never panics. Every length and count is checked against the remaining input before
//! anything is allocated, so a header that claims 2^24 elements in 8 bytes allocates nothing
//! large, and nesting is limited by [`Limits::max_depth`] (100 by default), so no input can
//! overflow the stack. Elements that may take no bytes at all are counted against
//! [`Limits::max_empty_elements`] (65,536 by default) instead of the input. Errors carry the
//! byte offset and the path of fields that led there.
//!
//! # Features
//!
//! - `std` (default): `From<Error> for std::io::Error`. Without it the crate is `no_std` + `alloc`.
//! - `macros` (default): re-exports `tl!`.
//! - `errors-json`: `#[tl(errors = "raw-errors.json")]`, error types from Telegram's published
//!   list. It builds `serde_json` into the macro; without it nothing more is built.
//! - `gzip`: `mtproto::GzipPacked::inflate` (under a size limit) and `pack`, with flate2's
//!   pure-Rust backend; needs `std`.
//! - `derive`: `#[derive(Serialize, Deserialize, Identifiable)]` for hand-written types (below).
//!   It builds syn (with its `full` feature), quote, proc-macro2 and darling into the macro;
//!   without it none of them is built (`tl!` reads its input with the compiler's `proc_macro`).
//! - `serde`: `#[tl(serde)]` and `#[tl(serde = "tdlib")]`, serde impls for generated types (the
//!   form: the `json` module), with `json::Extra` and `json::Reply` for TDLib's JSON interface. It
//!   adds serde (without derives) and base64; without it neither is built.
//! - `hash`: `hash(&value)`, the SHA-256 of a value's encoding, which is how TON names its objects
//!   (ADNL addresses, overlay and DHT key ids). It adds sha2; without it nothing is built.
//!
//! # Receiving: envelopes and constructors of newer layers
//!
//! A server on a newer layer sends constructors this schema does not know. Inside a known
//! constructor they cannot be skipped (TL records no lengths), so decoding fails with an error
//! naming the id, the field path and the offset. Where the length is known (the whole input, an
//! [`Object`], a container entry, an `rpc_result`), [`MaybeUnknown<T>`] keeps such a value as
//! [`Unknown`] `{ id, bytes }`, which re-encodes byte for byte. [`mtproto`] has the envelopes
//! around every received message (`msg_container`, `rpc_result`, `gzip_packed` with a size
//! limit, `msgs_ack`) and [`RemoteCall`] decodes a result as the request's answer or its typed
//! error; [`dump`] describes what did not decode, for the log (`examples/receive.rs`).
//!
//! # Derives
//!
//! With the `derive` feature, a hand-written type gets the same codec `tl!` generates, checked
//! at compile time against its TL line: the id against the line's CRC (either id rule), each
//! field's name (the snake_case of the TL name), position, and Rust type against the TL type,
//! each flag field against its bit. Every mismatch is an error at the field, all reported at once.
//!
//! ```
//! # #[cfg(feature = "derive")] {
//! use tl_runtime::{Deserialize, Identifiable, Serialize, UnknownFlags};
//!
//! #[derive(Debug, PartialEq, Serialize, Deserialize, Identifiable)]
//! #[tl(line = "inputPhoneCall#1e36fded id:long access_hash:long = InputPhoneCall;")]
//! pub struct InputPhoneCall {
//!     pub id: i64,
//!     pub access_hash: i64,
//! }
//!
//! /// An enum is a boxed type: each variant one constructor, decoded by its id.
//! #[derive(Debug, PartialEq, Serialize, Deserialize)]
//! pub enum Reason {
//!     #[tl(line = "phoneCallDiscardReasonMissed#85e42301 = PhoneCallDiscardReason;")]
//!     Missed,
//!     #[tl(line = "phoneCallDiscardReasonHangup#57adc690 = PhoneCallDiscardReason;")]
//!     Hangup,
//! }
//!
//! /// A function (or any boxed struct) writes its id first: `boxed`.
//! #[derive(Debug, PartialEq, Serialize, Deserialize)]
//! #[tl(boxed, line = "phone.discardCall#b2cbc1c0 flags:# video:flags.0?true peer:InputPhoneCall duration:int reason:PhoneCallDiscardReason connection_id:long = Updates;")]
//! pub struct DiscardCall {
//!     pub flags: UnknownFlags,
//!     #[tl(flag = "flags.0")]
//!     pub video: bool,
//!     pub peer: InputPhoneCall,
//!     pub duration: i32,
//!     pub reason: Reason,
//!     pub connection_id: i64,
//! }
//!
//! let call = DiscardCall {
//!     flags: UnknownFlags::default(),
//!     video: true,
//!     peer: InputPhoneCall { id: 1, access_hash: 2 },
//!     duration: 30,
//!     reason: Reason::Hangup,
//!     connection_id: 3,
//! };
//! assert_eq!(DiscardCall::from_bytes(&call.to_bytes()).unwrap(), call);
//! assert_eq!(InputPhoneCall::CONSTRUCTOR_ID, 0x1e36fded);
//! # }
//! ```
//!
//! Fields are as `tl!` generates them: `name:flags.N?T` is `Option<T>`, `name:flags.N?true` is
//! `bool`, several valued fields on one bit are one `Option<(A, B)>` (named `a_and_b`), a `#`
//! that conditions use is [`UnknownFlags`] (the bits the line does not name, kept), and a
//! `?true` sharing its bit with another field is no field at all. A type the line names that is
//! not a builtin is whatever Rust type the field has (a `Box` of it for a type that holds
//! itself); bare or boxed, its own impls encode it.
//!
//! Container attributes: `line = "..."`; `scheme = "file.tl", id = "name"` (tl-proto's style:
//! the definition of that name, or `id = 0x…` of that id, in a file relative to the crate,
//! tracked for rebuilds); `id = 0x…` alone (the line written from the fields' Rust types), or
//! beside a line (checked; a written id that is not the CRC stands when repeated so, as a frozen
//! id); `boxed`; `id_rule = "telegram"` or `"tdlib"` (without it, the rule the written id
//! follows; a line without an id is TDLib's and TON's, the line as it is, and a `scheme` file
//! decides as `tl!` does); `crate = "path"` for a renamed dependency. Field
//! attributes: `rename = "tl_name"`; `flag = "flags.3"` (the bit, checked); `with = "module"`
//! (`module::serialize` and `module::deserialize` encode the value); `skip`, decoded as
//! `Default::default()` or `default = "path"`'s value. Variant attributes: `line`, `id`,
//! `scheme`; a variant `V(T)` without them is `T`'s constructor (its [`Identifiable`] id and bare
//! encoding).
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

pub mod encoding;
mod error;
mod impls;
#[cfg(feature = "serde")]
pub mod json;
pub mod mtproto;
mod reader;
mod rpc_error;
mod types;
mod unknown;
pub mod wire;

#[doc(hidden)]
pub mod __private;

pub use error::{Error, ErrorKind, PathSegment};
pub use reader::{Limits, Reader};
pub use rpc_error::{ErrorClass, ParseRpcError, RpcError};
pub use types::{BareVector, Object, ObjectRef, True, Tuple, UnknownFlags};
pub use unknown::{MaybeUnknown, Unknown, dump};

#[cfg(feature = "macros")]
#[doc(hidden)]
pub use tl_macros::__tl;

/// Derives for hand-written types (the `derive` feature), each checked against its TL line: see
/// [the crate docs](crate#derives).
#[cfg(feature = "derive")]
pub use tl_macros::{Deserialize, Identifiable, Serialize};

/// Turns TL schema text into checked Rust types.
///
/// The input is schema text in string literals, exactly as published (plain or raw, one or
/// more lines each), optionally preceded by one `#[tl(...)]` attribute:
///
/// ```
/// use tl_runtime::{Deserialize, RemoteCall, Serialize};
///
/// tl_runtime::tl! {
///     "inputPhoneCall#1e36fded id:long access_hash:long = InputPhoneCall;"
///     r"
///     phoneCallDiscardReasonMissed#85e42301 = PhoneCallDiscardReason;
///     phoneCallDiscardReasonHangup#57adc690 = PhoneCallDiscardReason;
///     "
///     "---functions---"
///     "phone.receivedCall#17d54f61 peer:InputPhoneCall = Bool;"
/// }
///
/// fn main() {
///     let call = functions::phone::ReceivedCall {
///         peer: types::InputPhoneCall { id: 1, access_hash: 2 }.into(),
///     };
///     let bytes = call.to_bytes();
///     assert_eq!(&bytes[..4], &0x17d54f61u32.to_le_bytes());
///     // The answer's type comes from the function: here `Bool`, and `boolTrue` is `true`.
///     let answer = <functions::phone::ReceivedCall as RemoteCall>::Return::from_bytes(
///         &0x997275b5u32.to_le_bytes(),
///     );
///     assert_eq!(answer, Ok(true));
/// }
/// ```
///
/// Every line is checked at compile time: its id against the CRC32 of its text, every type it
/// names, every flag condition; all mistakes are reported together, each as `line L, col C:`
/// within its literal or file (the error points at the literal, so one literal per line points
/// at the line). A schema that uses types it does not define gets an error naming each of them.
///
/// Literals continue one another: a `"---functions---"` line applies to the literals after it.
/// Invoke `tl!` where items may go, at module level (not inside a function body), usually in a
/// module of its own. A whole API (Telegram's has 2,500 definitions) builds fastest in a crate of
/// its own with `incremental = false` for that crate (`[profile.dev.package.NAME]`): it is
/// compiled whole whenever it changes, so incremental compilation only adds its bookkeeping
/// (a tenth to a quarter of a clean debug build, in the measurements of `BENCHMARKS.md`).
///
/// # What it generates
///
/// In the invoking module:
/// - `types::X`: a struct per constructor, encoded bare (fields only); `Identifiable`.
/// - `enums::T`: an enum per boxed type, a variant per constructor, encoded boxed (id, then
///   fields), with `From<types::X>` and `TryFrom<enums::T>` for each variant's struct. A type
///   that only functions return and no constructor defines (MTProto's `http_wait … = HttpWait`)
///   is an enum without variants: nothing decodes as it.
/// - Polymorphic types (TL-polymorphism): `pair {X:Type} {Y:Type} a:X b:Y = Pair X Y` is
///   `types::Pair<X, Y>` and `enums::Pair<X, Y>`, and `Pair int string` is
///   `enums::Pair<i32, String>`; a type argument is encoded as its Rust type is (a boxed type
///   with its id, a bare one without; a tuple is [`Tuple`], a bare vector [`BareVector`]).
///   Arguments past a name's arity nest by arity: `Maybe tuple string 2` is
///   `Maybe (tuple string 2)`. A one-letter variable may go undeclared, as tl-proto's schemas
///   write it (`overlay.response.ok value:T = overlay.Response T`), and then is not
///   part of the id's text. A parameter that no field holds is left out of the Rust type
///   (`overlay.response.err code:int` is not generic), and `Any` holds `Any` in each parameter.
/// - `functions::F`: a struct per function, encoded boxed, with `RemoteCall<Return = …>`.
///   `{X:Type}` functions such as `invokeWithLayer` are generic: `X` is the inner call that a
///   `query:!X` field holds, and the result's `X` is `X::Return`. A type variable that no `!X`
///   field names is a value's type, as a constructor's is (`echo {X:Type} value:X = Pair int X`
///   returns `Pair<i32, X>`).
///   Functions implement `Deserialize` only with `decode_functions` (or `any`): a client
///   encodes them and decodes their answers, so it need not compile 800 request decoders.
/// - `Any`, with `#[tl(any)]`: an enum over every boxed type and function, decoded by the
///   constructor id that comes first (for servers, proxies, `Object` payloads and logging).
/// - `name_for_id(u32) -> Option<&'static str>` and `id_for_name(&str) -> Option<u32>`: every
///   constructor's and function's TL name by id and back (sorted static tables, no allocation),
///   for logs; decode errors name an id of another type with it ("expected Updates, found
///   messages.messagesSlice#…").
/// - `LAYER: i32`, when a `// LAYER N` line or `#[tl(layer = N)]` gives it.
///
/// TL namespaces become modules: `phone.discardCall` is `functions::phone::DiscardCall`.
/// Everything implements `Debug` (written out, with the derive's output), `Clone` and `PartialEq`
/// (derived), and carries its TL line in its docs, with the comments above it (TDLib's
/// `//@description` and `//@field` tags go to the item and its fields).
///
/// # Documentation pages and errors
///
/// A literal (or an `include`d file) may be a method's or constructor's documentation page as
/// Telegram publishes it (`core.telegram.org/method/phone.discardCall`), copied from a browser
/// whole: its name, its description, its TL lines, a `Parameters` table (`Name Type
/// Description`), `Result`, and `Possible errors` (`Code Type Description`), columns separated
/// by spaces or tabs. Its TL lines are schema lines like any other (a line the schema already
/// has, word for word, is that line: a page may be pasted next to the whole schema). The
/// description becomes the item's rustdoc and each parameter's description its field's. The
/// tables are checked against the line at compile time: a row for a parameter the line does not
/// have, a line's parameter with no row, a row whose type differs, a different result, or an
/// unknown column layout is an error at that row.
///
/// The page may be in Markdown too, as a converter or a Markdown mirror of the docs writes it:
/// `#` headings (or underlined ones), the TL lines in a fenced code block, pipe tables (`| Name
/// | Type | Description |` and its `| --- |` row). Links, code spans, `**` and backslash escapes
/// in its text and cells are read as their text (`[long](/type/long)` is `long`,
/// `connection\_id` is `connection_id`); an error in a cell points at the cell as written.
///
/// A type's page (`core.telegram.org/type/ChatOnlines`) may be pasted too: its name, its
/// description, its constructors' lines (and those of the methods that return it), a
/// `Constructors` table (`Constructor Description`) and a `Methods` table (`Method
/// Description`). The description becomes the type's enum's rustdoc, and each row's the rustdoc
/// of that constructor or method, unless the item's own page describes it. A row must name a
/// constructor of the type (or a method that returns it), and every constructor of the type
/// needs a row. Pages pasted together may repeat each other's lines, as a type's page and its
/// method's do; the browser's `Layer 185` line is not part of the description.
///
/// A function whose errors are documented (by its page's table, or by `errors = "…"`) gets an
/// enum `errors::F` (named and namespaced as the function), which is its `RemoteCall::Error`:
/// - a variant per error, the UpperCamelCase of its name without its number (`CALL_PEER_INVALID`
///   is `CallPeerInvalid`, `FLOOD_WAIT_%d` is `FloodWait { seconds: u64 }`, the field named by
///   the list's `_paramNames`, or `value`); a leading digit is spelled out (`2FA_CONFIRM_WAIT_%d`
///   is `TwoFaConfirmWait`), and a numbered name that makes a plain one's variant gets `N`
///   (`EmailUnconfirmedN`);
/// - `Other(RpcError)` for every error not listed, or listed under another code, as the server
///   sent it: the lists are known to be incomplete;
/// - `code()`, `name()` (as listed, `FLOOD_WAIT_%d`), `value()`; `From<RpcError>`, and
///   `From<errors::F> for RpcError`, which gives back exactly what was received; `Display`
///   (`400 CALL_PEER_INVALID`) and `core::error::Error`.
///
/// A function with no documented errors fails with [`RpcError`]; a generic function
/// (`invokeWithLayer`) fails as its inner call does. [`RemoteCall::decode_reply`] decodes an
/// answer into `Result<F::Return, F::Error>`.
///
/// # Fields
///
/// | TL | Rust |
/// |---|---|
/// | `x:flags.N?T` | `x: Option<T>` |
/// | `x:flags.N?true` | `x: bool` |
/// | `flags:#` used by conditions | `flags: UnknownFlags`: only the bits the schema does not know, kept from decoding; the known bits are computed on write |
/// | `n:#` used by no condition | `n: u32` |
/// | `n:# xs:n*[ T ]` (a repetition, as TL's schema of `.tlo` files writes it) | `xs: Vec<T>`, and no field `n`: its count is the length, written before the elements as `n` is |
/// | `key:64*[ int ]` (a constant count, as tgl's binlog schema writes a key) | `key: [i32; 64]`, the elements with no count; at most 256, of a boxed, builtin or `extern` type (an array holds them inline) |
/// | `a:f.N?A b:f.N?B` (one bit) | `a_and_b: Option<(A, B)>`: both or neither, so they cannot disagree |
/// | `t:f.N?true v:f.N?V` (one bit) | `v: Option<V>`, and a method `t()` that is `v.is_some()` |
/// | `Object` | [`Object`]: the encoded bytes, the rest of the input (as many as a `bytes:int` field right before it says: MTProto's `message`) |
/// | `x:m.N?T` of a constructor's `{m:#}` (VK's field mask, passed from outside) | `x: Option<T>` (`bool` for `true`): on the wire where the mask given has bit N, as its type's zero value if it is `None` there (0, empty, `boolFalse`, a boxed type's first constructor) |
/// | `flags:# h:(T flags)`, `hs:(vector (T flags))` (a `#` field given to a type that takes a mask) | `flags: UnknownFlags`, computed on write from the holder's flags and the values' [`SerializeWith::mask_bits`], so that the mask and the values cannot disagree; a number, `(T 3)`, or the constructor's own mask, `(T m)`, may be given too |
///
/// A struct with fields that TL makes optional (`x:flags.N?T`, `x:flags.N?true`, its `#` words,
/// VK's masked fields) has `new`, taking its other fields in order and leaving those out
/// (`None`, `false`, [`UnknownFlags::NONE`]), so that struct update syntax sets what a call
/// needs: `SendMessage { silent: true, ..SendMessage::new(peer, message, random_id) }`. One with
/// only such fields is `Default` instead (`CodeSettings { allow_flashcall: true,
/// ..Default::default() }`), unless `derive(Default)` derives it. A struct without optional
/// fields has neither: its literal names every field anyway. A `?true` field that shares its
/// bit and is named `new` is the method `new2()`.
///
/// A type whose constructors take a field mask implements [`SerializeWith`] and
/// [`DeserializeWith`] in place of [`Serialize`] and [`Deserialize`], and `Any` leaves it out (its
/// id alone does not say how to read it). A function whose result takes a mask from the request,
/// `engine.getReadWriteMode fields_mask:# = engine.ReadWriteMode fields_mask;`, decodes its
/// answer with [`RemoteCall::decode_answer`], which passes the request's.
///
/// Variants whose constructor is large (over 56 bytes) or recursive are boxed, so that an enum
/// fits in a cache line (in Telegram's whole API: 64 bytes at most, `Any` 72) and every type has
/// a finite size. A struct with many optional fields of enum types, such as `Message`, stays
/// small enough to decode and move quickly.
///
/// One exception: the main shape of a type that vectors hold, a constructor at least three
/// times the size of each of its siblings (`message` beside `messageEmpty` and
/// `messageService`, `user` beside `userEmpty`, a type's only constructor), is inline, as in
/// `enums::Message::Message(types::Message)`. Such a type is nearly always that shape, and its
/// lists are what clients decode in bulk: a `Vec<enums::Message>` is then one allocation, not one
/// per message. Its enum is as large as the shape, so a struct holding it is boxed in turn;
/// `Any` boxes it, and it stays boxed where another main shape would hold it in an optional field
/// (`message`'s `factcheck`).
///
/// # Names
///
/// - Types and variants are UpperCamelCase, fields and modules snake_case. Keywords become raw
///   identifiers (`r#type`); `self`, `Self`, `super` and `crate` get a trailing `_`.
/// - An anonymous field (its type alone, or `_:type`) is `arg` and its place among the
///   definition's fields, from 1: `coupleInt {t:Type} int t = CoupleInt t;` has `arg1: i32` and
///   `arg2: T` (`arg2_2` where a field is named `arg2` already).
/// - A variant drops its enum's name from its front when the rest starts with a capital
///   (`updatesTooLong` in `enums::Updates` is `TooLong`); if that makes two variants equal, the
///   enum uses the full names.
/// - Two constructors or functions whose Rust names are equal in one module: the later one gets
///   its id in hex appended (`InputPeer5f3a1b2c`), as does one named like a module beside it
///   (only a name without letters can be: a constructor `__` beside a namespace `__`). Two
///   fields: the later one gets its position appended (`a_1`).
/// - After layer markers (`===8===`, as MadelineProto's secret-chat schema writes every layer's
///   form of a constructor under one name), the form of the highest layer keeps the name and
///   each older one takes its layer's number: `decryptedMessage` after `===8===` is
///   `decryptedMessage8` (`types::DecryptedMessage8`), as TDLib's `secret_api.tl` names it.
/// - Generated code names everything by absolute paths, so TL types named `Result`, `Option`,
///   `Vec`, `Box` or `Ok` are fine, and so are user items with those names.
///
/// # Options
///
/// - `include = "path"` (repeatable): a `.tl` file, relative to the invoking crate's
///   `CARGO_MANIFEST_DIR`; `${VAR}` in the path is the environment variable `VAR` at compile
///   time (such as `OUT_DIR`). Cargo rebuilds the crate when the file changes. A file starts in
///   the types section; included files come before the literals.
/// - `errors = "path"` (with the `errors-json` feature): Telegram's published error list, the
///   JSON shape of `raw-errors.json` from `@mtcute/tl` (`errors`: each name's code, description
///   and `_paramNames`; `throws`: each method's error names), relative to the crate as `include`
///   is. Every function it names gets its error type (merged after its page's, if it has one);
///   entries for methods not in the schema, or left out by `only(...)`, are ignored.
/// - `id_rule = "telegram"` or `id_rule = "tdlib"`: how ids are computed. Telegram's rule leaves
///   `name:flags.N?true` fields out and reads a `bytes` field as `string`; TDLib's (also TON's)
///   keeps the text as it is, so TON's `pub.overlay name:bytes = PublicKey` is #34ba45cb, not
///   Telegram's #672089f6. Without it, the schema's own text decides: Telegram's rule when at
///   least half of its lines write their id (Telegram's schemas write every one), TDLib's when
///   most do not (TDLib's and TON's write none, or only the few they froze), so a TON schema
///   included without `id_rule` still gets TON's ids. Name it where a schema is neither.
/// - `allow_id_mismatch(name, "ns.name", ...)`: constructors and functions whose written id is
///   deliberately not the computed one. The ids that the published schemas freeze (Telegram's
///   `ipPortSecret`, the `invokeWith…Prefix` functions, TON's) need no entry: each is known by
///   its name and id, `tl_schema::id::FROZEN`; nor do secret chats' constructors of old layers,
///   whose id is checked against their name without the layer's number (`decryptedMessage8`,
///   and mtcute's `emojiStatus_layer197`), nor, by Telegram's rule, a line that writes `int53`
///   where Telegram's writes `long` (mtcute's copies, for ids as JavaScript numbers). An entry
///   that matches nothing, or whose id is in fact right, is an error, so the list cannot go
///   stale. `allow_id_mismatch(*)` takes every written id as it is, for a schema that assigns
///   its ids by hand (VK's do: their engines', KPHP's and StatsHouse's schemas write ids that
///   no rule computes, and compute the rest by TDLib's rule, so they also want
///   `id_rule = "tdlib"`); it too is an error where every written id is the computed one.
/// - `only(name, "ns.name", Type, ...)`: generate only these constructors, functions and boxed
///   types, and everything they refer to (transitively), so that a program using 20 functions
///   does not build all 2,500 definitions. The whole schema is still checked. A name that is not
///   in the schema is an error.
/// - `borrowed`: decode without copying: `string` is `&'a str`, `bytes` is `&'a [u8]` and
///   `Object` is [`ObjectRef<'a>`](ObjectRef), all borrowed from the input, and every type that
///   holds one (directly or through its fields) has a lifetime parameter `'a`. Vectors and boxed
///   variants still allocate. Functions do not implement `RemoteCall` in this mode (an answer
///   is decoded from other bytes than the request's); use an owned `tl!` of the same schema
///   for that, in another module.
/// - `any`: also generate `Any`. Off by default: a client knows the type of every response
///   (`RemoteCall::Return`), and `Any` over the whole Telegram API adds about a quarter to the
///   crate's build time.
/// - `decode_functions`: functions implement `Deserialize` too, for servers, proxies and tests
///   that decode requests (`any` implies it). Off by default, like grammers-tl-types'
///   `deserializable-functions`: for the whole Telegram API it takes about a tenth off the
///   crate's `cargo check` and its peak memory.
/// - `derive(Trait, ...)`: more derives for every generated struct and enum. A standard one
///   that a generated type cannot have is an error at it: `Default` (a boxed type is an enum
///   of its constructors, none of them the default, and so is `Any`), `Eq`, `Hash` or `Ord`
///   where a type holds a `double` (an `f64`), and `Copy` where one holds a `String`, bytes,
///   an `Object`, a vector or a `Box` (with `borrowed`, strings and bytes are `&str` and
///   `&[u8]`, which are `Copy`; `Any` boxes every function and polymorphic type); so is `Ord`
///   without the `PartialOrd` and `Eq` it needs. Every generated type
///   implements `Debug`, `Clone` and `PartialEq` already; asked for again, they are implemented
///   once. The runtime's own derives (`tl_runtime::Serialize`, …), and serde's with the `serde`
///   option, are errors: the generated types implement those traits already; so is a path
///   into `std` or `core` that names a trait without a derive (`std::fmt::Display`). A path
///   that does not resolve is rustc's error at the path.
/// - `serde`, or `serde = "tl"` / `serde = "tdlib"` (the `serde` feature): every struct, enum and
///   `Any` implements serde's `Serialize` and `Deserialize` as a map tagged by its TL name, the
///   fields by their TL names, flags as present or absent fields (the form is in `json`). `"tl"`
///   (the default) tags with `"_"` and writes `long` as a number; `"tdlib"` is TDLib's JSON:
///   `"@type"` tags, `int64` as a decimal string, `int53` a number, so the generated td_api types
///   talk to `td_json_client` as they are. Not with `borrowed`. Extern types must implement
///   serde themselves.
/// - `extern(Type = path, "ns.Type" = path, ...)`: TL types the schema uses but does not define,
///   and the Rust types that implement them (their boxed encoding, `Serialize`, `Deserialize`,
///   and the derives above), such as Pyrogram's `sys_msgs.tl` using `FutureSalts`, or TON forks'
///   custom builtins (`bigBytes ? = BigBytes;`, both names then mean the given type). Generated
///   code calls their impls; a derived type ([derives](crate#derives)) is one way to write them.
///   A name the schema never uses, or a type the schema also defines, is an error. With
///   `borrowed`, a Rust type named with the input's lifetime (`path::Full<'a>`) borrows, and the
///   types that hold it do too.
/// - `crate = "path"`: the absolute path of this crate in generated code. Not normally needed:
///   `tl!` passes its own path, so a renamed dependency works.
#[cfg(feature = "macros")]
#[macro_export]
macro_rules! tl {
    ($($input:tt)*) => {
        $crate::__tl! { [$crate] $($input)* }
    };
}

use alloc::vec::Vec;

/// A value that can be TL-encoded.
///
/// Constructor types (`types::X`) encode bare (fields only); boxed types (`enums::T`), functions
/// and `Vec<T>` (TL `Vector<T>`) encode boxed (the constructor id first).
///
/// The types that `tl!` and the derives generate get it from a hidden trait of theirs (one
/// method each, where two would be a body more per constructor for the compiler), and so does
/// a `Box` of one. That blanket impl leaves no room for one over every `Box<T>` or `&T`: of
/// references, `&str` and `&[u8]` (which borrowed types hold) implement it. A hand-written impl
/// implements [`serialize`](Serialize::serialize).
pub trait Serialize {
    /// Appends the encoding of `self` to `buf`.
    fn serialize(&self, buf: &mut Vec<u8>);

    /// The boxed encoding after `id`, when there is one: the constructor id, then what
    /// [`serialize`](Serialize::serialize) appends. An enum's variant writes itself with it;
    /// the structs that `tl!` generates write the id and their first fixed-size fields as one.
    /// What `tl!` generates for a value that writes its own id (an enum, a function) ignores
    /// `id`: no variant is one.
    #[doc(hidden)]
    #[inline]
    fn serialize_with_id(&self, id: Option<u32>, buf: &mut Vec<u8>) {
        wire::write_id(buf, id);
        self.serialize(buf);
    }

    /// The number of bytes [`serialize`](Serialize::serialize) appends.
    ///
    /// By default the value is encoded into a scratch buffer and that buffer's length returned:
    /// the length of a type with strings, vectors or optional fields is only known by walking
    /// it, and a walk of its own for every generated type cost as much code as the encoder.
    /// Primitives, vectors of them and the runtime's own types answer without encoding.
    fn serialized_len(&self) -> usize {
        let mut buf = Vec::new();
        self.serialize(&mut buf);
        buf.len()
    }

    /// The encoding of `self` in a new vector.
    ///
    /// The vector grows as it is written, which is faster than walking the value twice; for a
    /// buffer of exactly the right size, reserve [`serialized_len`](Serialize::serialized_len)
    /// and call [`serialize`](Serialize::serialize).
    fn to_bytes(&self) -> Vec<u8> {
        let mut buf = Vec::with_capacity(128);
        self.serialize(&mut buf);
        buf
    }
}

/// A value that can be decoded from TL bytes that live for `'a`.
///
/// Owned values (everything `tl!` generates by default, `String`, `Vec<u8>`) implement it for
/// every `'a` ([`DeserializeOwned`]); values that borrow from the input (`&'a str`, `&'a [u8]`,
/// and the types of `#[tl(borrowed)]`) only for the input's lifetime.
pub trait Deserialize<'a>: Sized {
    /// The fewest bytes an encoded value takes. Vectors use it to reject counts that the
    /// remaining input cannot hold; 0, the default, is always safe.
    const MIN_SERIALIZED_LEN: usize = 0;

    /// Reads one value from `reader`, leaving the rest of the input.
    fn deserialize(reader: &mut Reader<'a>) -> Result<Self, Error>;

    /// Decodes exactly one value from `bytes` with the default [`Limits`]; bytes left over are
    /// an [`ErrorKind::TrailingBytes`] error.
    fn from_bytes(bytes: &'a [u8]) -> Result<Self, Error> {
        Self::from_bytes_with_limits(bytes, Limits::DEFAULT)
    }

    /// [`from_bytes`](Deserialize::from_bytes) with the given limits.
    fn from_bytes_with_limits(bytes: &'a [u8], limits: Limits) -> Result<Self, Error> {
        let mut reader = Reader::with_limits(bytes, limits);
        let value = Self::deserialize(&mut reader)?;
        reader.finish()?;
        Ok(value)
    }
}

/// A value that decodes from bytes of any lifetime, keeping nothing borrowed: what generic code
/// over owned values asks for (`T: DeserializeOwned`).
pub trait DeserializeOwned: for<'a> Deserialize<'a> {}

impl<T: for<'a> Deserialize<'a>> DeserializeOwned for T {}

/// The SHA-256 of what [`Serialize::serialize`] writes for `value`: how TON names a TL object.
///
/// An ADNL address (`adnl.id.short`) is the hash of the node's boxed `PublicKey`, an overlay's
/// id the hash of its boxed description, a DHT key's id the hash of its `dht.key`; TON's
/// `get_tl_object_sha_bits256` and tl-proto's `hash` compute the same.
///
/// TON hashes the *boxed* encoding, the constructor id first. An `enums::` value and a
/// function encode boxed; a `types::` struct encodes bare, so convert it into its enum first
/// (`enums::PublicKey::from(key)`, or `.into()`). Needs the `hash` feature.
///
/// ```
/// tl_runtime::tl! {
///     "pub.ed25519 key:int256 = PublicKey;"
///     "adnl.id.short id:int256 = adnl.id.Short;"
/// }
///
/// # #[cfg(feature = "hash")]
/// # fn main() {
/// // A DHT node's key, from TON's global config (base64 `fZnkoIAx…`).
/// let key = types::r#pub::Ed25519 {
///     key: *b"\x7d\x99\xe4\xa0\x80\x31\xad\x37\x78\xc5\xe0\x60\x56\x96\x45\x46\
///             \x6e\x52\xbd\x5b\xd2\xc7\xb7\x8d\xdd\x56\xde\xf1\xcf\x37\x60\xc9",
/// };
/// let address = types::adnl::id::Short { id: tl_runtime::hash(&enums::PublicKey::from(key)) };
/// // The node's address, as its packets give it (docs.ton.org, "ADNL UDP - Internode").
/// assert_eq!(address.id[..4], [0xda, 0xa7, 0x65, 0x38]);
/// # }
/// # #[cfg(not(feature = "hash"))]
/// # fn main() {}
/// ```
#[cfg(feature = "hash")]
pub fn hash<T: Serialize + ?Sized>(value: &T) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(value.to_bytes()).into()
}

/// A value whose encoding depends on a field mask passed to its type from outside, as VK's
/// schemas pass one: `engine.mode {fields_mask:#} read_enabled:fields_mask.0?Bool … =
/// engine.ReadWriteMode fields_mask;`, held as `header:(statshouse.commonProxyHeader
/// fields_mask)` by a constructor whose own `fields_mask:#` is that mask.
///
/// The fields under the mask's bits are `Option`s (and `bool`s for `?true`), as a `#` field's
/// own flags are. A value encodes under the mask its holder writes: a field is on the wire
/// where the mask has its bit, its type's zero value if it is `None` there (as VK's encoding
/// writes it), and off the wire where the mask has not, whatever it holds. The holder computes
/// its mask from the values' [`mask_bits`](SerializeWith::mask_bits), so a value written on its
/// own puts each present field on the wire.
pub trait SerializeWith {
    /// The bits of the field mask that `self`'s fields need: those of its present `Option`s
    /// and its set flags, and of the values it passes the mask on to.
    fn mask_bits(&self) -> u32;

    /// Appends the encoding of `self` under the field mask `mask` (a boxed type's with its
    /// constructor id, a constructor's bare).
    fn serialize_with(&self, mask: u32, buf: &mut Vec<u8>);
}

/// A value decoded under a field mask passed to its type from outside (see [`SerializeWith`]):
/// a field is read where `mask` has its bit, and is `None` (or `false`) where it has not.
pub trait DeserializeWith<'a>: Sized {
    /// The fewest bytes an encoded value takes, whatever the mask.
    const MIN_SERIALIZED_LEN: usize = 0;

    /// Reads one value from `reader` under the field mask `mask`, leaving the rest of the
    /// input.
    fn deserialize_with(reader: &mut Reader<'a>, mask: u32) -> Result<Self, Error>;
}

impl<T: SerializeWith + ?Sized> SerializeWith for alloc::boxed::Box<T> {
    #[inline]
    fn mask_bits(&self) -> u32 {
        T::mask_bits(self)
    }

    #[inline]
    fn serialize_with(&self, mask: u32, buf: &mut Vec<u8>) {
        T::serialize_with(self, mask, buf);
    }
}

impl<'a, T: DeserializeWith<'a>> DeserializeWith<'a> for alloc::boxed::Box<T> {
    const MIN_SERIALIZED_LEN: usize = T::MIN_SERIALIZED_LEN;

    #[inline]
    fn deserialize_with(reader: &mut Reader<'a>, mask: u32) -> Result<Self, Error> {
        T::deserialize_with(reader, mask).map(alloc::boxed::Box::new)
    }
}

/// A TL constructor or function with its 32-bit id.
pub trait Identifiable {
    /// The constructor id, as written after `#` in the schema.
    const CONSTRUCTOR_ID: u32;
}

/// A TL function: what is sent, the type of the answer, and the errors it may fail with.
pub trait RemoteCall: Serialize {
    /// The type the function returns.
    type Return: DeserializeOwned;

    /// What a failed call answers: [`RpcError`] for a function with no documented errors, or
    /// the function's own error enum (`errors::phone::DiscardCall`) when `tl!` was given its
    /// documentation page or Telegram's error list. Every such enum converts from and to
    /// [`RpcError`] without loss, so generic client code can return
    /// `Result<F::Return, F::Error>`.
    type Error: From<RpcError> + Into<RpcError> + core::error::Error + Send + Sync + 'static;

    /// Decodes the answer to this call, the `result` of `rpc_result#f35c6d01 req_msg_id:long
    /// result:Object`: the function's `Return`, or an `rpc_error#2144ca19` as its `Error`.
    /// TON's lite servers answer a failed query with `liteServer.error code:int
    /// message:string` (their lite API), which is read as an [`RpcError`] too. Fails only when
    /// the bytes are neither.
    ///
    /// ```
    /// use tl_runtime::{RemoteCall, RpcError, Serialize};
    ///
    /// tl_runtime::tl! {
    ///     "pong#347773c5 msg_id:long ping_id:long = Pong;"
    ///     "---functions---" "ping#7abe77ec ping_id:long = Pong;"
    /// }
    ///
    /// fn main() {
    ///     let pong = types::Pong { msg_id: 1, ping_id: 2 };
    ///     let answer = functions::Ping::decode_reply(&enums::Pong::from(pong.clone()).to_bytes());
    ///     assert_eq!(answer, Ok(Ok(enums::Pong::Pong(pong))));
    ///     // `ping` has no documented errors: it fails with `RpcError`.
    ///     let failed = RpcError::new(420, "FLOOD_WAIT_42").to_bytes();
    ///     let answer = functions::Ping::decode_reply(&failed).unwrap();
    ///     assert_eq!(answer.unwrap_err().value(), Some(42));
    /// }
    /// ```
    fn decode_reply(bytes: &[u8]) -> Result<Result<Self::Return, Self::Error>, Error>
    where
        Self: Sized,
    {
        match RpcError::from_reply(bytes) {
            Some(error) => Ok(Err(error?.into())),
            None => Ok(Ok(Self::Return::from_bytes(bytes)?)),
        }
    }

    /// Decodes the answer to this very request: [`decode_reply`](RemoteCall::decode_reply),
    /// except for a function whose result takes a field mask from the request (VK's
    /// `engine.getReadWriteMode fields_mask:# = engine.ReadWriteMode fields_mask;`), whose
    /// answer has the fields that the request's mask asks for. Such an answer cannot be
    /// decoded without its request: its `Return` decodes by `decode_reply` (or
    /// [`Deserialize`]) only as an [`ErrorKind::Invalid`] error that says so.
    fn decode_answer(&self, bytes: &[u8]) -> Result<Result<Self::Return, Self::Error>, Error>
    where
        Self: Sized,
    {
        if let Some(error) = RpcError::from_reply(bytes) {
            return Ok(Err(error?.into()));
        }
        let mut reader = Reader::new(bytes);
        let value = self.read_answer(&mut reader)?;
        reader.finish()?;
        Ok(Ok(value))
    }

    /// Reads the answer to this request, which is not an `rpc_error`: its `Return`'s own
    /// decoding, or one under the request's field mask. Not public API.
    #[doc(hidden)]
    #[inline]
    fn read_answer(&self, reader: &mut Reader<'_>) -> Result<Self::Return, Error> {
        Self::Return::deserialize(reader)
    }
}

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
