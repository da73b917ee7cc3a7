//! serde for generated types (`#[tl(serde)]` and `#[tl(serde = "tdlib")]`), behind the `serde`
//! feature: the forms values take, and the envelopes TDLib's JSON interface puts around them.
//!
//! # The form
//!
//! Every generated struct and enum is a map (a JSON object) tagged with its TL name:
//!
//! | TL | JSON (`#[tl(serde)]`) | JSON (`#[tl(serde = "tdlib")]`) |
//! |---|---|---|
//! | the constructor or function | `"_": "messages.messagesSlice"` | `"@type": "testSquareInt"` |
//! | a field | its TL name: `"next_rate": 5` | the same |
//! | `int`, `int32`, `#`, `int53`, `double` | a number | a number |
//! | `long`, `int64` | a number | a decimal string: `"-5"` (TDLib's form) |
//! | `Bool` | `true` / `false` | the same |
//! | `string` | a string | the same |
//! | `bytes`, `int128`, `int256`, `int512`, [`Object`] | base64 (standard, padded) | the same |
//! | `Vector<T>`, `vector<T>` | an array | the same |
//! | `x:flags.N?T` | present when set, absent (or `null`) when not | the same |
//! | `x:flags.N?true` | `true` when set, absent when not | the same |
//! | `flags:#` | [`UnknownFlags`]: absent, or the bits the schema does not know as a number | the same |
//! | [`True`] | `null` | the same |
//!
//! With a format that is not human-readable (`Serializer::is_human_readable` false), bytes are
//! serde bytes instead of base64. The maps are written without a length, so formats that need
//! one up front (bincode) do not take them; JSON, CBOR, MessagePack and the like do.
//!
//! Decoding accepts the fields in any order, the tag anywhere (a map whose tag is not its first
//! key is buffered, then replayed), `null` for an absent optional field, and ignores keys it does
//! not know (a newer layer's fields). It refuses an unknown tag (naming it and the ones it knows),
//! a tag of another type, a missing field, a field given twice, and a value of the wrong form:
//! `int64` given as a number in the TDLib form, where it is a string.
//!
//! [`Extra`] carries TDLib's `@extra` and `@client_id` beside an object; [`Reply`] is a request's
//! answer or TDLib's `error`.
//!
//! [`Object`]: crate::Object
//! [`UnknownFlags`]: crate::UnknownFlags
//! [`True`]: crate::True

use alloc::borrow::{Cow, ToOwned};
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use core::marker::PhantomData;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};

/// A generated type as a tagged map: what `#[tl(serde)]` implements for every struct and enum,
/// and what [`Extra`] and [`Reply`] are built on. Its `Serialize` and `Deserialize` are
/// [`serialize`] and [`deserialize`] over these.
pub trait Tagged: Sized {
    /// The key of the tag: `"_"` or `"@type"`.
    const KEY: &'static str;

    /// Whether `tag` names a constructor (or function) this type has.
    fn has_tag(tag: &str) -> bool;

    /// Writes the tag and the fields.
    fn write_entries<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error>;

    /// Reads the fields of the constructor `tag` (the tag itself already read) to the end of
    /// `map`; `side` keeps `@extra` and `@client_id` if they come.
    fn read_entries<'de, A: MapAccess<'de>>(
        tag: &str,
        map: &mut A,
        side: &mut Side,
    ) -> Result<Self, A::Error>;
}

/// TDLib's keys beside an object, kept while its fields are read.
#[derive(Debug, Default)]
pub struct Side {
    extra: Option<Content>,
    client_id: Option<Content>,
}

impl Side {
    /// A key that is not a field: `@extra` and `@client_id` are kept, anything else (a newer
    /// layer's field) is skipped.
    pub fn other<'de, A: MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match key {
            "@extra" => self.extra = Some(map.next_value()?),
            "@client_id" => self.client_id = Some(map.next_value()?),
            _ => {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

/// `Serialize` of a [`Tagged`] type: a map of its tag and fields.
pub fn serialize<T: Tagged, S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(None)?;
    value.write_entries(&mut map)?;
    map.end()
}

/// `Deserialize` of a [`Tagged`] type.
pub fn deserialize<'de, T: Tagged, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    let mut side = Side::default();
    deserializer.deserialize_map(TaggedVisitor::<T>(&mut side, PhantomData))
}

struct TaggedVisitor<'s, T>(&'s mut Side, PhantomData<T>);

impl<'de, T: Tagged> Visitor<'de> for TaggedVisitor<'_, T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a map tagged by `{}`", T::KEY)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let side = self.0;
        let Some(first) = map.next_key::<Key<'de>>()? else {
            return Err(de::Error::missing_field(T::KEY));
        };
        if first.0 == T::KEY {
            let tag: Key<'de> = map.next_value()?;
            return T::read_entries(&tag.0, &mut map, side);
        }
        // The tag comes later: keep what comes before it, then read the fields from the kept
        // entries followed by the rest.
        let mut before = Vec::new();
        let mut key = first;
        loop {
            if key.0 == T::KEY {
                let tag: Key<'de> = map.next_value()?;
                let mut replay = Replay {
                    kept: before.into_iter(),
                    value: None,
                    rest: map,
                };
                return T::read_entries(&tag.0, &mut replay, side);
            }
            let value: Content = map.next_value()?;
            before.push((key.0.into_owned(), value));
            key = match map.next_key::<Key<'de>>()? {
                Some(key) => key,
                None => return Err(de::Error::missing_field(T::KEY)),
            };
        }
    }
}

/// The entries kept before the tag, then the rest of the map.
struct Replay<A> {
    kept: alloc::vec::IntoIter<(String, Content)>,
    value: Option<Content>,
    rest: A,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Replay<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        match self.kept.next() {
            Some((key, value)) => {
                self.value = Some(value);
                seed.deserialize(ContentDeserializer::new(Content::Str(key)))
                    .map(Some)
            }
            None => self.rest.next_key_seed(seed),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        match self.value.take() {
            Some(value) => seed.deserialize(ContentDeserializer::new(value)),
            None => self.rest.next_value_seed(seed),
        }
    }
}

/// A map key or tag, borrowed from the input where it can be.
#[derive(Debug)]
pub struct Key<'de>(pub Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

/// The error for a tag that names none of `expected`: serde's "unknown variant", which names
/// both.
#[cold]
pub fn unknown_tag<E: de::Error>(tag: &str, expected: &'static [&'static str]) -> E {
    E::unknown_variant(tag, expected)
}

/// Stores a field's value just read, refusing a second one.
#[inline]
pub fn put<T, E: de::Error>(
    slot: &mut Option<T>,
    name: &'static str,
    value: Result<T, E>,
) -> Result<(), E> {
    if slot.is_some() {
        return Err(E::duplicate_field(name));
    }
    *slot = Some(value?);
    Ok(())
}

/// A field that must be there.
#[inline]
pub fn need<T, E: de::Error>(slot: Option<T>, name: &'static str) -> Result<T, E> {
    match slot {
        Some(value) => Ok(value),
        None => Err(E::missing_field(name)),
    }
}

/// The error for a flag group given in part: its fields share one bit, so all or none are there.
#[cold]
pub fn partial_group<E: de::Error>(names: &str) -> E {
    E::custom(format_args!(
        "the fields {names} share one flag bit: give all of them or none"
    ))
}

/// Reads the rest of a map whose constructor has no fields.
pub fn rest<'de, A: MapAccess<'de>>(map: &mut A, side: &mut Side) -> Result<(), A::Error> {
    while let Some(key) = map.next_key::<Key<'de>>()? {
        side.other(&key.0, map)?;
    }
    Ok(())
}

/// How a value of `T` is written and read when its serde impls are not the form (`int64` as a
/// string, bytes as base64): generated code names one per field that needs it.
pub trait Form<T> {
    /// Writes `value`.
    fn write<S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error>;
    /// Reads a value.
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error>;
}

/// `value` written in the form `F`.
pub struct Ser<'v, T, F>(&'v T, PhantomData<F>);

/// [`Ser`] of `value`.
#[inline]
pub fn ser<F, T>(value: &T) -> Ser<'_, T, F> {
    Ser(value, PhantomData)
}

impl<T, F: Form<T>> Serialize for Ser<'_, T, F> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        F::write(self.0, serializer)
    }
}

impl<T, F> fmt::Debug for Ser<'_, T, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Ser")
    }
}

/// Reads a value in the form `F` (a `DeserializeSeed`).
pub struct De<T, F>(PhantomData<(T, F)>);

/// [`De`] for a `T`.
#[inline]
#[must_use]
pub fn de<F, T>() -> De<T, F> {
    De(PhantomData)
}

impl<T, F> fmt::Debug for De<T, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("De")
    }
}

impl<'de, T, F: Form<T>> DeserializeSeed<'de> for De<T, F> {
    type Value = T;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        F::read(deserializer)
    }
}

/// `Option<T>` in the form `F`, for a field that may be `null`.
impl<T, F: Form<T>> Form<Option<T>> for Opt<F> {
    fn write<S: Serializer>(value: &Option<T>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => serializer.serialize_some(&ser::<F, T>(v)),
            None => serializer.serialize_none(),
        }
    }
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<T>, D::Error> {
        struct OptVisitor<T, F>(PhantomData<(T, F)>);
        impl<'de, T, F: Form<T>> Visitor<'de> for OptVisitor<T, F> {
            type Value = Option<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a value or null")
            }
            fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
                Ok(None)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
                Ok(None)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<T>, D::Error> {
                F::read(d).map(Some)
            }
        }
        deserializer.deserialize_option(OptVisitor::<T, F>(PhantomData))
    }
}

/// A value's own serde impls.
#[derive(Debug)]
pub struct Plain;

/// `Option` of the form `F`: `null` for `None`.
#[derive(Debug)]
pub struct Opt<F>(PhantomData<F>);

/// `int64` as TDLib writes it: a decimal string.
#[derive(Debug)]
pub struct Str;

/// Bytes (`bytes`, `int128`…, `Object`) as standard padded base64, or serde bytes in a format
/// that is not human-readable.
#[derive(Debug)]
pub struct Base64;

/// A vector whose elements take the form `F`.
#[derive(Debug)]
pub struct Seq<F>(PhantomData<F>);

impl<T: Serialize + for<'de> Deserialize<'de>> Form<T> for Plain {
    #[inline]
    fn write<S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
        value.serialize(serializer)
    }
    #[inline]
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
        T::deserialize(deserializer)
    }
}

impl Form<i64> for Str {
    fn write<S: Serializer>(value: &i64, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(value)
    }
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
        struct StrVisitor;
        impl Visitor<'_> for StrVisitor {
            type Value = i64;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an int64 as a decimal string (TDLib's JSON writes int64 as a string)")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<i64, E> {
                v.parse()
                    .map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
            }
        }
        deserializer.deserialize_str(StrVisitor)
    }
}

const BASE64: base64::engine::GeneralPurpose = base64::engine::GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    base64::engine::GeneralPurposeConfig::new()
        .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
);

fn write_bytes<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
    if serializer.is_human_readable() {
        use base64::Engine as _;
        serializer.serialize_str(&BASE64.encode(bytes))
    } else {
        serializer.serialize_bytes(bytes)
    }
}

fn read_bytes<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
    struct BytesVisitor;
    impl<'de> Visitor<'de> for BytesVisitor {
        type Value = Vec<u8>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("base64 bytes")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Vec<u8>, E> {
            use base64::Engine as _;
            BASE64
                .decode(v)
                .map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
        }
        fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Vec<u8>, E> {
            Ok(v.to_vec())
        }
        fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<Vec<u8>, E> {
            Ok(v)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<u8>, A::Error> {
            let mut out = Vec::new();
            while let Some(b) = seq.next_element()? {
                out.push(b);
            }
            Ok(out)
        }
    }
    if deserializer.is_human_readable() {
        deserializer.deserialize_str(BytesVisitor)
    } else {
        deserializer.deserialize_byte_buf(BytesVisitor)
    }
}

impl Form<Vec<u8>> for Base64 {
    fn write<S: Serializer>(value: &Vec<u8>, serializer: S) -> Result<S::Ok, S::Error> {
        write_bytes(value, serializer)
    }
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
        read_bytes(deserializer)
    }
}

impl<const N: usize> Form<[u8; N]> for Base64 {
    fn write<S: Serializer>(value: &[u8; N], serializer: S) -> Result<S::Ok, S::Error> {
        write_bytes(value, serializer)
    }
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<[u8; N], D::Error> {
        let bytes = read_bytes(deserializer)?;
        <[u8; N]>::try_from(bytes.as_slice()).map_err(|_| {
            de::Error::invalid_length(bytes.len(), &"as many bytes as the int type holds")
        })
    }
}

/// `values` as a JSON array, each in the form `F`.
fn write_seq<T, F: Form<T>, S: Serializer>(values: &[T], serializer: S) -> Result<S::Ok, S::Error> {
    let mut seq = serializer.serialize_seq(Some(values.len()))?;
    for v in values {
        seq.serialize_element(&ser::<F, T>(v))?;
    }
    seq.end()
}

impl<T, F: Form<T>> Form<Vec<T>> for Seq<F> {
    fn write<S: Serializer>(value: &Vec<T>, serializer: S) -> Result<S::Ok, S::Error> {
        write_seq::<T, F, S>(value, serializer)
    }
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<T>, D::Error> {
        struct SeqVisitor<T, F>(PhantomData<(T, F)>);
        impl<'de, T, F: Form<T>> Visitor<'de> for SeqVisitor<T, F> {
            type Value = Vec<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an array")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
                // The hint is the input's claim: trust it only as far as a small buffer.
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
                while let Some(v) = seq.next_element_seed(de::<F, T>())? {
                    out.push(v);
                }
                Ok(out)
            }
        }
        deserializer.deserialize_seq(SeqVisitor::<T, F>(PhantomData))
    }
}

/// A repetition of a constant count (`key:64*[ int ]`): an array of exactly that many values.
impl<T, F: Form<T>, const N: usize> Form<[T; N]> for Seq<F> {
    fn write<S: Serializer>(value: &[T; N], serializer: S) -> Result<S::Ok, S::Error> {
        write_seq::<T, F, S>(value, serializer)
    }
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<[T; N], D::Error> {
        let items = <Seq<F> as Form<Vec<T>>>::read(deserializer)?;
        let len = items.len();
        <[T; N]>::try_from(items)
            .map_err(|_| de::Error::invalid_length(len, &"as many values as the repetition holds"))
    }
}

impl Serialize for crate::Object {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        write_bytes(&self.0, serializer)
    }
}

impl<'de> Deserialize<'de> for crate::Object {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        read_bytes(deserializer).map(crate::Object)
    }
}

impl Serialize for crate::UnknownFlags {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u32(self.0)
    }
}

impl<'de> Deserialize<'de> for crate::UnknownFlags {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        u32::deserialize(deserializer).map(crate::UnknownFlags)
    }
}

/// A bare vector is an array, as a `Vec` is.
impl<T: Serialize> Serialize for crate::BareVector<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for crate::BareVector<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<T>::deserialize(deserializer).map(crate::BareVector)
    }
}

/// A tuple is an array of its `N` values.
impl<T: Serialize, const N: usize> Serialize for crate::Tuple<T, N> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(&self.0)
    }
}

impl<'de, T: Deserialize<'de>, const N: usize> Deserialize<'de> for crate::Tuple<T, N> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let items = Vec::<T>::deserialize(deserializer)?;
        let len = items.len();
        <[T; N]>::try_from(items)
            .map(crate::Tuple)
            .map_err(|_| de::Error::invalid_length(len, &"as many values as the tuple holds"))
    }
}

impl Serialize for crate::True {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_unit()
    }
}

impl<'de> Deserialize<'de> for crate::True {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        <()>::deserialize(deserializer).map(|()| crate::True)
    }
}

/// An object with TDLib's `@extra` (any value the request carried, echoed in its answer) and
/// `@client_id` (the client an answer or update came from) beside its fields.
///
/// ```
/// # #[cfg(feature = "macros")] {
/// mod td {
///     tl_runtime::tl! {
///         #[tl(serde = "tdlib", id_rule = "tdlib")]
///         "testInt value:int32 = TestInt;
///          ---functions---
///          testSquareInt x:int32 = TestInt;"
///     }
/// }
/// use tl_runtime::json::Extra;
/// // What `td_send` takes, once written by a serde format such as serde_json:
/// // {"@type":"testSquareInt","x":7,"@extra":"e1"}
/// let request = Extra::new(td::functions::TestSquareInt { x: 7 }, "e1");
/// // Its answer reads as `Extra<td::enums::TestInt, String>` (`@extra` is any serde type).
/// # let _ = request;
/// # }
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Extra<T, E = Content> {
    /// The object.
    pub value: T,
    /// `@extra`.
    pub extra: Option<E>,
    /// `@client_id`.
    pub client_id: Option<i32>,
}

impl<T, E> Extra<T, E> {
    /// `value` with `@extra`, for a request.
    pub fn new(value: T, extra: E) -> Self {
        Extra {
            value,
            extra: Some(extra),
            client_id: None,
        }
    }
}

impl<T: Tagged, E: Serialize> Serialize for Extra<T, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        self.value.write_entries(&mut map)?;
        if let Some(extra) = &self.extra {
            map.serialize_entry("@extra", extra)?;
        }
        if let Some(id) = &self.client_id {
            map.serialize_entry("@client_id", id)?;
        }
        map.end()
    }
}

impl<'de, T: Tagged, E: for<'e> Deserialize<'e>> Deserialize<'de> for Extra<T, E> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut side = Side::default();
        let value = deserializer.deserialize_map(TaggedVisitor::<T>(&mut side, PhantomData))?;
        let extra = match side.extra {
            Some(c) => Some(E::deserialize(ContentDeserializer::<D::Error>::new(c))?),
            None => None,
        };
        let client_id = match side.client_id {
            Some(c) => Some(i32::deserialize(ContentDeserializer::<D::Error>::new(c))?),
            None => None,
        };
        Ok(Extra {
            value,
            extra,
            client_id,
        })
    }
}

/// A request's answer: its result `R`, or the error object `E` (td_api's `error`) when the tag
/// says so.
#[derive(Clone, Debug, PartialEq)]
pub enum Reply<R, E> {
    /// The result.
    Ok(R),
    /// The error.
    Err(E),
}

impl<R, E> Reply<R, E> {
    /// As a `Result`.
    pub fn into_result(self) -> Result<R, E> {
        match self {
            Reply::Ok(r) => Ok(r),
            Reply::Err(e) => Err(e),
        }
    }
}

impl<R: Tagged, E: Tagged> Tagged for Reply<R, E> {
    const KEY: &'static str = R::KEY;

    fn has_tag(tag: &str) -> bool {
        R::has_tag(tag) || E::has_tag(tag)
    }

    fn write_entries<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        match self {
            Reply::Ok(r) => r.write_entries(map),
            Reply::Err(e) => e.write_entries(map),
        }
    }

    fn read_entries<'de, A: MapAccess<'de>>(
        tag: &str,
        map: &mut A,
        side: &mut Side,
    ) -> Result<Self, A::Error> {
        if E::has_tag(tag) && !R::has_tag(tag) {
            E::read_entries(tag, map, side).map(Reply::Err)
        } else {
            R::read_entries(tag, map, side).map(Reply::Ok)
        }
    }
}

impl<R: Tagged, E: Tagged> Serialize for Reply<R, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize(self, serializer)
    }
}

impl<'de, R: Tagged, E: Tagged> Deserialize<'de> for Reply<R, E> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize(deserializer)
    }
}

/// Any value of a self-describing format, kept to be read later: the entries before a late tag,
/// and `@extra`. It implements `Deserializer`, so a kept value is read as any type.
#[derive(Clone, Debug, PartialEq)]
pub enum Content {
    /// `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// An unsigned integer.
    U64(u64),
    /// A negative integer.
    I64(i64),
    /// A float.
    F64(f64),
    /// A string.
    Str(String),
    /// Bytes.
    Bytes(Vec<u8>),
    /// `Some` of a format that tells it from a plain value.
    Some(Box<Content>),
    /// An array.
    Seq(Vec<Content>),
    /// A map.
    Map(Vec<(Content, Content)>),
}

impl Serialize for Content {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Content::Null => serializer.serialize_unit(),
            Content::Bool(v) => serializer.serialize_bool(*v),
            Content::U64(v) => serializer.serialize_u64(*v),
            Content::I64(v) => serializer.serialize_i64(*v),
            Content::F64(v) => serializer.serialize_f64(*v),
            Content::Str(v) => serializer.serialize_str(v),
            Content::Bytes(v) => serializer.serialize_bytes(v),
            Content::Some(v) => serializer.serialize_some(v),
            Content::Seq(v) => {
                let mut seq = serializer.serialize_seq(Some(v.len()))?;
                for e in v {
                    seq.serialize_element(e)?;
                }
                seq.end()
            }
            Content::Map(v) => {
                let mut map = serializer.serialize_map(Some(v.len()))?;
                for (k, e) in v {
                    map.serialize_entry(k, e)?;
                }
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Content {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ContentVisitor)
    }
}

struct ContentVisitor;

impl<'de> Visitor<'de> for ContentVisitor {
    type Value = Content;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Content, E> {
        Ok(Content::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Content, E> {
        Ok(u64::try_from(v).map_or(Content::I64(v), Content::U64))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Content, E> {
        Ok(Content::U64(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Content, E> {
        Ok(Content::F64(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Content, E> {
        Ok(Content::Str(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Content, E> {
        Ok(Content::Str(v))
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Content, E> {
        Ok(Content::Bytes(v.to_vec()))
    }
    fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<Content, E> {
        Ok(Content::Bytes(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Content, E> {
        Ok(Content::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Content, E> {
        Ok(Content::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Content, D::Error> {
        Content::deserialize(d).map(|c| Content::Some(Box::new(c)))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Content, A::Error> {
        let mut out = Vec::new();
        while let Some(e) = seq.next_element()? {
            out.push(e);
        }
        Ok(Content::Seq(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Content, A::Error> {
        let mut out = Vec::new();
        while let Some(entry) = map.next_entry()? {
            out.push(entry);
        }
        Ok(Content::Map(out))
    }
}

/// A kept [`Content`] read as any type, with the error type `E` of the format it came from.
#[derive(Debug)]
pub struct ContentDeserializer<E> {
    content: Content,
    error: PhantomData<E>,
}

impl<E> ContentDeserializer<E> {
    /// Reads `content`.
    #[must_use]
    pub fn new(content: Content) -> Self {
        ContentDeserializer {
            content,
            error: PhantomData,
        }
    }
}

impl<'de, E: de::Error> Deserializer<'de> for ContentDeserializer<E> {
    type Error = E;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        match self.content {
            Content::Null => visitor.visit_unit(),
            Content::Bool(v) => visitor.visit_bool(v),
            Content::U64(v) => visitor.visit_u64(v),
            Content::I64(v) => visitor.visit_i64(v),
            Content::F64(v) => visitor.visit_f64(v),
            Content::Str(v) => visitor.visit_string(v),
            Content::Bytes(v) => visitor.visit_byte_buf(v),
            Content::Some(v) => visitor.visit_some(ContentDeserializer::<E>::new(*v)),
            Content::Seq(v) => visitor.visit_seq(de::value::SeqDeserializer::new(
                v.into_iter().map(ContentDeserializer::<E>::new),
            )),
            Content::Map(v) => visitor.visit_map(de::value::MapDeserializer::new(
                v.into_iter().map(|(k, e)| {
                    (
                        ContentDeserializer::<E>::new(k),
                        ContentDeserializer::<E>::new(e),
                    )
                }),
            )),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        match self.content {
            Content::Null => visitor.visit_none(),
            Content::Some(v) => visitor.visit_some(ContentDeserializer::<E>::new(*v)),
            other => visitor.visit_some(ContentDeserializer::<E>::new(other)),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

impl<'de, E: de::Error> de::IntoDeserializer<'de, E> for ContentDeserializer<E> {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}
