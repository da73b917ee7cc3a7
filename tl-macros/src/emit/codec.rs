//! `Serialize` and `Deserialize` of a struct: a constructor's is bare (fields only), a
//! function's boxed (its id first). Every body follows the model's plan of the TL fields
//! ([`Step`]) in wire order; the struct literal of a decode follows its Rust fields ([`Holds`]).

use super::text::{
    bit_mask, bounds, de, de_generics, generics, group_member, group_tuple, rust_type, str_lit,
    u32_lit,
};
use super::{Ctx, Kind};
use crate::model::{
    Cond, FieldId, Holds, MaskArg, Member, OWN_MASK, RType, Step, Struct, Target, WordId,
};
use crate::paths;

/// The local holding the `#` word at TL index `tl`: the mask passed in, for a constructor's
/// own (see [`OWN_MASK`]).
fn flag_local(tl: usize) -> String {
    if tl == OWN_MASK {
        MASK_LOCAL.to_string()
    } else {
        format!("__tl_flags_{tl}")
    }
}

/// The parameter of `serialize_with` and `deserialize_with` that holds the field mask passed
/// in.
const MASK_LOCAL: &str = "__tl_mask";

/// The value of a field mask given to a type.
fn mask_value(arg: MaskArg) -> String {
    match arg {
        MaskArg::Word(tl) => flag_local(tl),
        MaskArg::Own => MASK_LOCAL.to_string(),
        MaskArg::Const(n) => u32_lit(n),
    }
}

/// The terms (` | …`) of the bits that the fields on the word `w` need: the valued fields'
/// presence (with the flags' when `flags`), and the masks of the values it is passed to.
fn word_bits(s: &Struct, p: &Places, w: WordId, flags: bool) -> String {
    let mut out = String::new();
    for step in s.tl.iter().map(|f| &f.step) {
        if let Step::Present {
            field,
            member,
            cond,
            ..
        } = *step
            && cond.word == w
            && member.is_none_or(|m| m.index == 0)
        {
            emit!(
                out,
                " | if {}.is_some() {{ {} }} else {{ 0 }}",
                p.fields[field.0],
                bit_mask(cond.bit)
            );
        }
    }
    if flags {
        flag_terms(s, p, w, &mut out);
    }
    for &field in &s.word(w).passed {
        let Holds::Value(ty) = s.field(field).holds else {
            continue;
        };
        let place = &p.fields[field.0];
        match s.ty(ty).masked() {
            Some((_, Some(_))) => emit!(out, " | {}(&{place})", paths::MASK_BITS_OF_VEC),
            Some((_, None)) => emit!(out, " | {}::mask_bits(&{place})", paths::SERIALIZE_WITH),
            None => {}
        }
    }
    out
}

/// The local of `cond`'s word, and the mask of its bit.
fn cond_parts(s: &Struct, cond: Cond) -> (String, String) {
    (flag_local(s.word(cond.word).tl), bit_mask(cond.bit))
}

/// How the bodies name the Rust fields: a generated struct's are `self.name`; a derive's may
/// be a tuple struct's (`self.0`) or an enum variant's, bound by a pattern.
pub struct Places {
    /// The place of each Rust field, as an expression (`self.name`, `(*__tl_f0)`).
    pub fields: Vec<String>,
    /// The name of each Rust field in a struct literal (`name`, `0`).
    pub names: Vec<String>,
    /// The value being built: `Self`, or `Self::Variant`.
    pub ctor: String,
    /// More of the literal: the fields not on the wire (`cache: Default::default(),`).
    pub rest: String,
}

impl Places {
    /// A generated struct's, whose fields' identifiers are `names`: `self.name`.
    pub fn of(names: Vec<String>) -> Self {
        Places {
            fields: names.iter().map(|n| format!("self.{n}")).collect(),
            names,
            ctor: "Self".to_string(),
            rest: String::new(),
        }
    }
}

/// What the wire sees of a field present under a condition: the `Option` field's place, the
/// name its `Some` binds, and the value to write.
fn present(p: &Places, field: FieldId, member: Option<Member>) -> (String, &'static str, String) {
    let name = p.fields[field.0].clone();
    match member {
        None => (name, "__tl_v", "__tl_v".to_string()),
        Some(m) => (
            name,
            "__tl_g",
            format!("&__tl_g{}", group_member(m.index, m.of)),
        ),
    }
}

/// The codec impls of `s`, the struct `name` with the fields `fields` (identifiers).
pub fn impls(
    ctx: &Ctx<'_>,
    kind: Kind,
    s: &Struct,
    (name, fields): (&str, Vec<String>),
    out: &mut String,
) {
    let places = Places::of(fields);
    let ty = format!("{name}{}", generics(s));
    if let Some(own) = s.mask {
        masked_impls(ctx, s, &places, own, &ty, out);
        return;
    }
    let ser = Header {
        generics: generics(s),
        ty: ty.clone(),
        bounds: bounds(s, paths::SERIALIZE),
    };
    serialize_header(kind, s, &places, &ser, out);
    if kind == Kind::Function && !ctx.options.decode_functions {
        return;
    }
    let de = Header {
        generics: de_generics(s),
        ty,
        bounds: bounds(s, &de()),
    };
    deserialize_header(ctx, kind, s, &places, &de, out);
}

/// `SerializeWith` and `DeserializeWith` of a constructor that takes a field mask from outside
/// (VK's `{fields_mask:#}`), whose word `own` is the mask passed in: bare, as a constructor's
/// encoding is; its enum writes the id before it.
fn masked_impls(ctx: &Ctx<'_>, s: &Struct, p: &Places, own: WordId, ty: &str, out: &mut String) {
    let depth = 1 + s.modules.len();
    emit!(
        out,
        "#[automatically_derived] impl{} {} for {ty} {{\n\
         #[inline] fn mask_bits(&self) -> u32 {{ 0{} }}\n\
         #[inline] fn serialize_with(&self, {MASK_LOCAL}: u32, buf: &mut {}<u8>) {{\n{}}}\n}}\n",
        generics(s),
        paths::SERIALIZE_WITH,
        word_bits(s, p, own, true),
        paths::VEC,
        write_body(s, p, Id::Absent),
    );
    emit!(
        out,
        "#[automatically_derived] impl{} {}<'a> for {ty} {{\n\
         #[inline] fn deserialize_with(r: &mut {}<'a>, {MASK_LOCAL}: u32) -> {}<Self, {}> {{\n{}}}\n}}\n",
        de_generics(s),
        paths::DESERIALIZE_WITH,
        paths::READER,
        paths::RESULT,
        paths::ERROR,
        read_body(s, p, &|ty| Some(super::text::rust_type(ctx, depth, ty))),
    );
}

/// What an impl is of: `impl{generics} Trait for {ty} {bounds}`.
pub struct Header {
    pub generics: String,
    pub ty: String,
    pub bounds: String,
}

/// The size of the id a boxed struct begins with, and its check on reading.
fn id_parts(kind: Kind, s: &Struct) -> (usize, String) {
    match kind {
        Kind::Type => Default::default(),
        Kind::Function => (
            4,
            format!(
                "{}(r, {}, {})?;",
                paths::EXPECT_ID,
                u32_lit(s.id),
                str_lit(&s.tl_name)
            ),
        ),
    }
}

/// `Serialize` of the struct, fields at `p`, through the runtime's hidden `Encode`: one method,
/// `encode`. A constructor type writes the id it is given (its enum's arm passes the
/// variant's) with its first run of words: one capacity check for both. A function writes its
/// own id and has no use for one.
pub fn serialize_header(kind: Kind, s: &Struct, p: &Places, h: &Header, out: &mut String) {
    let (id, param) = match kind {
        Kind::Function => (Id::Is(s.id), "_"),
        Kind::Type => (Id::Param, ID_LOCAL),
    };
    emit!(
        out,
        "#[automatically_derived] impl{} {} for {} {} {{\n\
         #[inline] fn encode(&self, {param}: {}<u32>, buf: &mut {}<u8>) {{\n{}}}\n}}\n",
        h.generics,
        paths::ENCODE,
        h.ty,
        h.bounds,
        paths::OPTION,
        paths::VEC,
        write_body(s, p, id),
    );
}

/// `Deserialize<'a>` of the struct, fields at `p`.
pub fn deserialize_header(
    ctx: &Ctx<'_>,
    kind: Kind,
    s: &Struct,
    p: &Places,
    h: &Header,
    out: &mut String,
) {
    let depth = 1 + s.modules.len();
    let (base, read_id) = id_parts(kind, s);
    // The trait's default is 0: an item less for the compiler where that is the value.
    let min = match min_len(ctx, depth, s, base) {
        zero if zero == "0" => String::new(),
        min => format!("const MIN_SERIALIZED_LEN: usize = {min};\n"),
    };
    emit!(
        out,
        "#[automatically_derived] impl{} {} for {} {} {{\n\
         {min}#[inline] fn deserialize(r: &mut {}<'a>) -> {}<Self, {}> {{ {read_id}\n{}}}\n}}\n",
        h.generics,
        de(),
        h.ty,
        h.bounds,
        paths::READER,
        paths::RESULT,
        paths::ERROR,
        read_body(s, p, &|ty| Some(super::text::rust_type(ctx, depth, ty))),
    );
}

/// A lower bound of the encoded size: the always-present fields' minimums.
fn min_len(ctx: &Ctx<'_>, depth: usize, s: &Struct, base: usize) -> String {
    let mut known = base;
    let mut parts = String::new();
    for step in s.tl.iter().map(|f| &f.step) {
        match step {
            Step::Word(_) | Step::Count { .. } => known += 4,
            Step::Value { ty, .. } => {
                if let Some(n) = fixed_min_len(s.ty(*ty)) {
                    known += n;
                } else {
                    let ty = rust_type(ctx, depth, s.ty(*ty));
                    emit!(parts, " + <{ty} as {}>::MIN_SERIALIZED_LEN", de());
                }
            }
            Step::Present { .. } | Step::Nothing | Step::Repeat { .. } => {}
        }
    }
    format!("{known}{parts}")
}

/// The smallest encoding of a value of `ty`, when it does not depend on another type's
/// constant: a bare struct's minimum is its own `MIN_SERIALIZED_LEN`.
fn fixed_min_len(ty: &RType) -> Option<usize> {
    if matches!(ty, RType::Applied { .. }) && ty.mask().is_some() {
        // A constructor that takes a field mask may have all its fields under it.
        return Some(
            if matches!(
                ty,
                RType::Applied {
                    target: Target::Enum(_),
                    ..
                }
            ) {
                4
            } else {
                0
            },
        );
    }
    Some(match ty {
        // A type parameter's own minimum is not known here (no bound on the const). A struct
        // boxed because it sits on a cycle: its own minimum would refer back to this one, and
        // a constant cannot be defined through itself.
        RType::Param(_)
        | RType::Object
        | RType::Mask(_)
        | RType::Struct { boxed: true, .. }
        | RType::Applied { boxed: true, .. }
        | RType::Extern { own_min: false, .. } => 0,
        // `string` and `bytes`: a 1-byte length and 3 bytes of padding.
        RType::Int
        | RType::Bool
        | RType::Nat
        | RType::Float
        | RType::True
        | RType::Enum(_)
        | RType::Applied {
            target: Target::Enum(_),
            ..
        }
        | RType::String
        | RType::Bytes
        | RType::Vector { bare: true, .. } => 4,
        // A boxed vector: its id and the count.
        RType::Long | RType::Int53 | RType::Double | RType::Vector { bare: false, .. } => 8,
        RType::Int128 => 16,
        RType::Int256 => 32,
        RType::Int512 => 64,
        // `len` is at most `tl_schema::MAX_FIXED_COUNT`; an element without a known minimum
        // counts as none.
        RType::Array { elem, len } => fixed_min_len(elem).unwrap_or(0) * *len as usize,
        RType::Struct { boxed: false, .. }
        | RType::Applied {
            target: Target::Struct(_),
            ..
        }
        | RType::Extern { own_min: true, .. } => return None,
    })
}

/// Whether the field's type is a bare `vector<T>` (encoded without the vector id).
fn is_bare_vec(ty: &RType) -> bool {
    matches!(ty, RType::Vector { bare: true, .. })
}

/// Whether `ty` is encoded through the runtime's descriptors of its TL type ([`encoding`]): an
/// array (a repetition of a constant count), or a bare vector below the top
/// (`vector<vector<T>>`, `Vector<vector<T>>`), where `Vec<T>`'s own encoding (boxed) would be
/// wrong.
fn through_descriptor(ty: &RType) -> bool {
    // An array (`Vec<[f64; 2]>`, VK's `(vector (tuple double 2))`) has no impl of its own
    // either.
    fn has_bare(ty: &RType) -> bool {
        match ty {
            RType::Vector { bare, elem } => *bare || has_bare(elem),
            RType::Array { .. } => true,
            _ => false,
        }
    }
    matches!(ty, RType::Vector { elem, .. } if has_bare(elem)) || matches!(ty, RType::Array { .. })
}

/// The runtime's descriptor of `ty`'s encoding: `BareVec<…>`, `BoxedVec<…>`, `Fixed<…>`, or
/// `AsIs` for the element type's own.
fn encoding(ty: &RType) -> String {
    match ty {
        RType::Array { elem, .. } => format!("{}<{}>", paths::FIXED, encoding(elem)),
        RType::Vector { bare, elem } => format!(
            "{}<{}>",
            if *bare {
                paths::BARE_VEC
            } else {
                paths::BOXED_VEC
            },
            encoding(elem)
        ),
        _ => paths::AS_IS.to_string(),
    }
}

fn write_value(ty: &RType, value: &str) -> String {
    if ty.may_be_masked()
        && let Some((arg, vector)) = ty.masked()
    {
        let mask = mask_value(arg);
        return match vector {
            Some(boxed) => format!(
                "{}(buf, {boxed}, {value}, {mask});\n",
                paths::WRITE_VEC_WITH
            ),
            None => format!(
                "{}::serialize_with({value}, {mask}, buf);\n",
                paths::SERIALIZE_WITH
            ),
        };
    }
    if let RType::Extern {
        with: Some(with), ..
    } = ty
    {
        format!("{with}::serialize({value}, buf);\n")
    } else if through_descriptor(ty) {
        format!(
            "<{} as {}<_>>::write({value}, buf);\n",
            encoding(ty),
            paths::ENCODE_AS
        )
    } else if is_bare_vec(ty) {
        format!("{}({value}, buf);\n", paths::SERIALIZE_BARE_VEC)
    } else {
        format!("{}::serialize({value}, buf);\n", paths::SERIALIZE)
    }
}

/// Reads one field's value, or breaks out of [`read_body`]'s block with the error and `at`, the
/// field's index in that body's list of names.
///
/// The call leaves the type to the local it is read into, which [`read_body`] annotates.
fn read_value(ty: &RType, at: usize) -> String {
    let read = if ty.may_be_masked()
        && let Some((arg, vector)) = ty.masked()
    {
        let mask = mask_value(arg);
        match (vector, ty) {
            (Some(boxed), _) => format!("{}(r, {boxed}, {mask})", paths::READ_VEC_WITH),
            // A bare struct one level deeper, as any bare struct is read; a boxed type goes
            // deeper with its id.
            (
                None,
                RType::Applied {
                    target: Target::Struct(_),
                    ..
                },
            ) => {
                format!("{}(r, {mask})", paths::READ_NESTED_WITH)
            }
            (None, _) => format!("{}::deserialize_with(r, {mask})", paths::DESERIALIZE_WITH),
        }
    } else if let RType::Extern {
        with: Some(with), ..
    } = ty
    {
        format!("{with}::deserialize(r)")
    } else if through_descriptor(ty) {
        format!("<{} as {}<'a, _>>::read(r)", encoding(ty), paths::DECODE_AS)
    } else if is_bare_vec(ty) {
        format!("{}(r)", paths::DESERIALIZE_BARE_VEC)
    } else if let RType::Struct { .. }
    | RType::Extern { .. }
    | RType::Applied {
        target: Target::Struct(_),
        ..
    } = ty
    {
        // A bare struct can hold itself through an optional field: one level deeper. A type
        // defined outside may hold anything, this struct too.
        format!("{}(r)", paths::READ_NESTED)
    } else {
        format!("{}::deserialize(r)", paths::DESERIALIZE)
    };
    checked(&read, at)
}

/// The local holding the count of the repetition that the Rust field `field` holds.
fn count_local(field: FieldId) -> String {
    format!("__tl_n_{}", field.0)
}

/// The encoding of a repetition's elements: `ty` is the bare `vector<T>` of its field's type.
fn repeated_encoding(ty: &RType) -> String {
    match ty {
        RType::Vector { elem, .. } => encoding(elem),
        _ => paths::AS_IS.to_string(),
    }
}

/// The label of [`read_body`]'s block, which a failed read breaks out of.
const FAILED: &str = "'__tl_failed";

/// `read`'s value, or a break out of [`read_body`]'s block with its error and `at`.
fn checked(read: &str, at: usize) -> String {
    format!(
        "match {read} {{ {}(v) => v, {}(e) => break {FAILED} (e, {at}) }}",
        paths::OK,
        paths::ERR,
    )
}

/// The `#` words, computed from the fields: the unknown bits kept from decoding and the bits of
/// the `?true` fields here; the bit of a present optional field is added as that field is
/// written (so each `Option` is looked at once), and such a word is patched in afterwards.
fn flag_words(s: &Struct, p: &Places) -> String {
    let mut out = String::new();
    for (w, word) in s.words.iter().enumerate() {
        // A constructor's own mask is passed in.
        if word.field.is_some() {
            emit!(
                out,
                "let {}{}: u32 = ",
                if word.patched { "mut " } else { "" },
                flag_local(word.tl),
            );
            word_value(s, p, WordId(w), false, &mut out);
            out.push_str(";\n");
        }
    }
    out
}

/// The terms (` | …`) of the bits of the `?true` fields on the word `w`.
fn flag_terms(s: &Struct, p: &Places, w: WordId, out: &mut String) {
    for (i, f) in s.fields.iter().enumerate() {
        if let Holds::Flag(cond) = f.holds
            && cond.word == w
        {
            emit!(
                out,
                " | if {} {{ {} }} else {{ 0 }}",
                p.fields[i],
                bit_mask(cond.bit)
            );
        }
    }
}

/// The value of the `#` word `w` as [`flag_words`] computes it, written to `out` (nothing for a
/// constructor's own mask, which is passed in): its unknown bits and its flags' bits, and, for
/// a word passed to a type or when `whole`, the bits of the optional fields and of the values
/// it is passed to.
pub fn word_value(s: &Struct, p: &Places, w: WordId, whole: bool, out: &mut String) {
    let word = s.word(w);
    let Some(holder) = word.field else {
        return;
    };
    emit!(out, "{}.bits({})", p.fields[holder.0], u32_lit(word.known));
    flag_terms(s, p, w, out);
    if whole || !word.passed.is_empty() {
        // Passed to a type: whole before anything is written.
        out.push_str(&word_bits(s, p, w, false));
    }
}

/// `boolTrue#997275b5 = Bool;` and `boolFalse#bc799737 = Bool;`, as the runtime's `bool`
/// writes them (the wire tests decode what generated code writes with the runtime).
const BOOL_TRUE_ID: u32 = 0x9972_75b5;
const BOOL_FALSE_ID: u32 = 0xbc79_9737;

/// The 32-bit words of an always-present value of a fixed-size type, little-endian order (a
/// `long` as its low and high word), or `None` for a type written any other way.
fn fixed_words(ty: &RType, value: &str) -> Option<Vec<String>> {
    // `value` is a place (`self.name`, `(*__tl_f0)`): it takes `as` and a method as it is.
    Some(match ty {
        RType::Int => vec![format!("{value} as u32")],
        RType::Nat => vec![value.to_string()],
        RType::Long | RType::Int53 => {
            vec![format!("{value} as u32"), format!("({value} >> 32) as u32")]
        }
        RType::Float => vec![format!("{value}.to_bits()")],
        RType::Double => vec![
            format!("{value}.to_bits() as u32"),
            format!("({value}.to_bits() >> 32) as u32"),
        ],
        RType::Bool => vec![format!(
            "if {value} {{ {} }} else {{ {} }}",
            u32_lit(BOOL_TRUE_ID),
            u32_lit(BOOL_FALSE_ID)
        )],
        _ => return None,
    })
}

/// A run of fixed-size values not yet written: their words, the placeholders among them (the
/// local of the position, and the word's index in the run), and how many values it holds,
/// with the write of the first on its own.
#[derive(Default)]
struct Run {
    words: Vec<String>,
    placeholders: Vec<(String, usize)>,
    values: usize,
    alone: String,
    /// The run's first word is the slot of the id a boxed value is written after (the body's
    /// `__tl_id`), there or not at run time.
    after_id: bool,
}

impl Run {
    /// Adds a value: its `words`, or `alone` for writing it by itself.
    fn push(&mut self, words: Vec<String>, alone: String) {
        if self.values == 0 {
            self.alone = alone;
        }
        self.values += 1;
        self.words.extend(words);
    }

    /// Writes the run: two or more values with one capacity check for all of their words, a
    /// value by itself as it would be anyway (a `long` as one `i64`, whose impl the optimizer
    /// weighs as smaller than a run's array).
    fn flush(&mut self, out: &mut String) {
        match self.values {
            0 => {}
            // A placeholder by itself records its position in `alone`.
            1 => out.push_str(&self.alone),
            _ if self.after_id => {
                emit!(
                    out,
                    "{}(buf, {ID_LOCAL}, [{}]);\n",
                    paths::WRITE_WORDS_AFTER,
                    self.words.join(", ")
                );
                // Counted back from the end: the slot is written or not.
                let n = self.words.len();
                for (at, k) in &self.placeholders {
                    emit!(out, "let {at} = buf.len() - {};\n", 4 * (n - k));
                }
            }
            _ => {
                for (at, k) in &self.placeholders {
                    if *k == 0 {
                        emit!(out, "let {at} = buf.len();\n");
                    } else {
                        emit!(out, "let {at} = buf.len() + {};\n", 4 * k);
                    }
                }
                emit!(
                    out,
                    "{}(buf, [{}]);\n",
                    paths::WRITE_WORDS,
                    self.words.join(", ")
                );
            }
        }
        self.placeholders.clear();
        self.words.clear();
        self.values = 0;
        self.after_id = false;
    }
}

/// `write_u32` of `word`.
fn write_word(word: &str) -> String {
    format!("{}(buf, {word});\n", paths::WRITE_U32)
}

/// The constructor id a body writes before the fields.
#[derive(Clone, Copy)]
pub enum Id {
    /// This one: a function's, or an enum variant's arm that a derive writes inline.
    Is(u32),
    /// The one in the local `__tl_id` (an `Option<u32>`), if any: a constructor type's
    /// `encode`, which its enum calls with the variant's id, and without one for the bare
    /// encoding.
    Param,
    /// None: a constructor that takes a field mask, whose enum writes the id before it.
    Absent,
}

/// The parameter of `encode` that holds the id to write.
const ID_LOCAL: &str = "__tl_id";

/// A body writing the fields at `p` (also an enum variant's arm), after the constructor id
/// `id`. The always-present fixed-size values between two other writes (ids, `#` words, `int`,
/// `long`, `double`, `Bool`, `#`) go out as one run of words.
pub fn write_body(s: &Struct, p: &Places, id: Id) -> String {
    let mut out = flag_words(s, p);
    let mut patches = String::new();
    let mut run = Run::default();
    match id {
        Id::Is(id) => {
            let id = u32_lit(id);
            run.push(vec![id.clone()], write_word(&id));
        }
        Id::Param => {
            run.push(
                vec!["0".to_string()],
                format!("{}(buf, {ID_LOCAL});\n", paths::WRITE_ID),
            );
            run.after_id = true;
        }
        Id::Absent => {}
    }
    for step in s.tl.iter().map(|f| &f.step) {
        match *step {
            Step::Value { field, ty } => {
                let value = format!("&{}", p.fields[field.0]);
                if let Some(words) = fixed_words(s.ty(ty), &p.fields[field.0]) {
                    run.push(words, write_value(s.ty(ty), &value));
                    continue;
                }
                run.flush(&mut out);
                out.push_str(&write_value(s.ty(ty), &value));
            }
            Step::Present {
                field,
                member,
                ty,
                cond,
            } => {
                run.flush(&mut out);
                let (field, bind, value) = present(p, field, member);
                let (flags, mask) = cond_parts(s, cond);
                let word = s.word(cond.word);
                if word.field.is_none() {
                    // The constructor's own mask decides: a `None` where it has the bit is
                    // written as its type's zero value.
                    let zero: Vec<String> = s
                        .zero(ty)
                        .unwrap_or_default()
                        .iter()
                        .map(ToString::to_string)
                        .collect();
                    emit!(
                        out,
                        "if {flags} & {mask} != 0 {{ match &{field} {{ {}({bind}) => {{ {}}} {} => {}(buf, &[{}]), }} }}\n",
                        paths::SOME,
                        write_value(s.ty(ty), &value),
                        paths::NONE,
                        paths::WRITE_ZERO,
                        zero.join(", ")
                    );
                } else if !word.passed.is_empty() {
                    // The word is whole already.
                    emit!(
                        out,
                        "if let {}({bind}) = &{field} {{ {}}}\n",
                        paths::SOME,
                        write_value(s.ty(ty), &value)
                    );
                } else {
                    emit!(
                        out,
                        "if let {}({bind}) = &{field} {{ {flags} |= {mask}; {}}}\n",
                        paths::SOME,
                        write_value(s.ty(ty), &value)
                    );
                }
            }
            Step::Word(w) => {
                let word = s.word(w);
                let flags = flag_local(word.tl);
                if word.patched {
                    // A placeholder, and the word once the fields after it have set their bits.
                    let at = format!("__tl_at_{}", word.tl);
                    emit!(patches, "{}(buf, {at}, {flags});\n", paths::PATCH_U32);
                    let alone = format!("let {at} = buf.len(); {}", write_word("0"));
                    run.placeholders.push((at, run.words.len()));
                    run.push(vec!["0".to_string()], alone);
                } else {
                    run.push(vec![flags.clone()], write_word(&flags));
                }
            }
            Step::Count { field } => {
                let count = format!(
                    "{}::<{}>::count(&{})",
                    paths::REPEATED,
                    paths::AS_IS,
                    p.fields[field.0]
                );
                run.push(vec![count.clone()], write_word(&count));
            }
            Step::Repeat { field, ty, id } => {
                run.flush(&mut out);
                if let Some(id) = id {
                    emit!(out, "{}(buf, {});\n", paths::WRITE_U32, u32_lit(id));
                }
                emit!(
                    out,
                    "<{}<{}>>::write(&{}, buf);\n",
                    paths::REPEATED,
                    repeated_encoding(s.ty(ty)),
                    p.fields[field.0]
                );
            }
            Step::Nothing => {}
        }
    }
    run.flush(&mut out);
    out + &patches
}

/// How a value read as 32-bit words becomes its field's: a `#` or `int` from one word, a
/// `long` or `double` from its low and high word.
#[derive(Clone, Copy)]
enum WordValue {
    U32,
    I32,
    I64,
    F64,
    F32,
}

impl WordValue {
    /// The value's kind, if `ty` is one that a run of reads can take (a `Bool` is not: its
    /// read checks a constructor id).
    fn of(ty: &RType) -> Option<Self> {
        Some(match ty {
            RType::Int => Self::I32,
            RType::Nat => Self::U32,
            RType::Long | RType::Int53 => Self::I64,
            RType::Double => Self::F64,
            RType::Float => Self::F32,
            _ => return None,
        })
    }

    fn words(self) -> usize {
        match self {
            Self::U32 | Self::I32 | Self::F32 => 1,
            Self::I64 | Self::F64 => 2,
        }
    }

    /// The Rust type, and the `Reader` call that reads it alone.
    fn rust(self) -> (&'static str, &'static str) {
        match self {
            Self::U32 => ("u32", "r.read_u32()"),
            Self::I32 => ("i32", "r.read_i32()"),
            Self::I64 => ("i64", "r.read_i64()"),
            Self::F64 => ("f64", "r.read_f64()"),
            Self::F32 => ("f32", "r.read_f32()"),
        }
    }

    /// The value from its words: `lo`, and `hi` for a two-word value.
    fn of_words(self, lo: &str, hi: &str) -> String {
        match self {
            Self::U32 => lo.to_string(),
            Self::I32 => format!("{lo} as i32"),
            Self::I64 => format!("({lo} as u64 | ({hi} as u64) << 32) as i64"),
            Self::F64 => format!("f64::from_bits({lo} as u64 | ({hi} as u64) << 32)"),
            Self::F32 => format!("f32::from_bits({lo})"),
        }
    }
}

/// Consecutive always-present fixed-size values not yet read: one length check for all of them
/// ([`Reader::read_words`](tl_runtime::Reader)), the exact error of the one that does not fit
/// from one cold call.
#[derive(Default)]
struct ReadRun {
    /// Each value's local, kind and index among the body's field names.
    values: Vec<(String, WordValue, usize)>,
    /// Words read by the body's runs so far: the runs' locals are numbered across the body.
    words_before: usize,
}

impl ReadRun {
    fn push(&mut self, local: String, value: WordValue, at: usize) {
        self.values.push((local, value, at));
    }

    fn flush(&mut self, out: &mut String) {
        match self.values.as_slice() {
            [] => {}
            [(local, value, at)] => {
                let (ty, read) = value.rust();
                emit!(out, "let {local}: {ty} = {};\n", checked(read, *at));
            }
            values => {
                let first = self.words_before;
                let n: usize = values.iter().map(|v| v.1.words()).sum();
                let words: Vec<String> = (first..first + n).map(|k| format!("__tl_w{k}")).collect();
                let sizes: Vec<String> = values
                    .iter()
                    .map(|v| (4 * v.1.words()).to_string())
                    .collect();
                emit!(
                    out,
                    "let [{}] = match r.read_words::<{n}>() {{ {}(w) => w, {} => {{ \
                     let (e, i) = {}(r, &[{}]); break {FAILED} (e, {}i) }} }};\n",
                    words.join(", "),
                    paths::SOME,
                    paths::NONE,
                    paths::SHORT_RUN,
                    sizes.join(", "),
                    match values[0].2 {
                        0 => String::new(),
                        at => format!("{at} + "),
                    },
                );
                let mut k = 0;
                for (local, value, _) in values {
                    let hi = words.get(k + 1).map_or("", String::as_str);
                    emit!(
                        out,
                        "let {local}: {} = {};\n",
                        value.rust().0,
                        value.of_words(&words[k], hi)
                    );
                    k += value.words();
                }
                self.words_before += n;
            }
        }
        self.values.clear();
    }
}

/// A body reading the fields and returning `p.ctor` built from them (also an enum variant's).
///
/// The reads sit in a labeled block that returns the value; a read that fails breaks out of it
/// with its error and the index of its field, and the one cold call after the block puts the
/// field's name in the error (`__tl::in_field_at`, from the body's field names in one string): a
/// jump per field instead of a call with two names.
///
/// `local_ty` gives the Rust type of a value read (when it has one to give), which annotates its
/// local: the type checker then knows each local's type where it is read, instead of carrying an
/// open inference variable and its `Deserialize` obligation to the struct literal at the end.
pub fn read_body(s: &Struct, p: &Places, local_ty: &dyn Fn(&RType) -> Option<String>) -> String {
    let (some, none) = (paths::SOME, paths::NONE);
    if s.is_unit() && p.rest.is_empty() {
        return format!("{}({})\n", paths::OK, p.ctor);
    }
    let mut names: Vec<&str> = Vec::new();
    let mut out = String::new();
    let mut run = ReadRun::default();
    // The local of a `bytes:int` field read just before, which an `Object` field after it takes
    // as its length (MTProto's `message … bytes:int body:Object`).
    let mut length: Option<String> = None;
    // Reads, in wire order, into locals.
    for f in &s.tl {
        let length_before = length.take();
        if let Step::Value { field, ty } = f.step
            && matches!(s.ty(ty), RType::Int)
            && f.name == "bytes"
        {
            length = Some(format!("__tl_v_{}", field.0));
        }
        let word = match f.step {
            Step::Value { field, ty } => {
                WordValue::of(s.ty(ty)).map(|value| (format!("__tl_v_{}", field.0), value))
            }
            Step::Word(w) => Some((flag_local(s.word(w).tl), WordValue::U32)),
            Step::Count { field } => Some((count_local(field), WordValue::U32)),
            Step::Present { .. } | Step::Nothing | Step::Repeat { .. } => None,
        };
        if let Some((local, value)) = word {
            run.push(local, value, names.len());
            names.push(&f.name);
            continue;
        }
        run.flush(&mut out);
        match f.step {
            Step::Value { field, ty } => {
                let annot = local_ty(s.ty(ty)).map_or_else(String::new, |t| format!(": {t}"));
                let read = match (s.ty(ty), &length_before) {
                    (RType::Object, Some(len)) => checked(
                        &format!("{}(r, {len})", paths::READ_OBJECT_OF_LEN),
                        names.len(),
                    ),
                    _ => read_value(s.ty(ty), names.len()),
                };
                emit!(out, "let __tl_v_{}{annot} = {read};\n", field.0);
                names.push(&f.name);
            }
            Step::Present {
                field,
                member,
                ty,
                cond,
            } => {
                let local = match member {
                    None => format!("__tl_v_{}", field.0),
                    Some(m) => format!("__tl_g_{}_{}", field.0, m.index),
                };
                let (flags, mask) = cond_parts(s, cond);
                let annot = local_ty(s.ty(ty))
                    .map_or_else(String::new, |t| format!(": {}<{t}>", paths::OPTION));
                emit!(
                    out,
                    "let {local}{annot} = if {flags} & {mask} != 0 {{ {some}({}) }} else {{ {none} }};\n",
                    read_value(s.ty(ty), names.len())
                );
                names.push(&f.name);
            }
            Step::Repeat { field, ty, id } => {
                if let Some(id) = id {
                    emit!(
                        out,
                        "{};\n",
                        checked(
                            &format!("{}(r, {}, \"Tuple\")", paths::EXPECT_ID, u32_lit(id)),
                            names.len()
                        )
                    );
                }
                let annot = local_ty(s.ty(ty)).map_or_else(String::new, |t| format!(": {t}"));
                let read = format!(
                    "<{}<{}>>::read(r, {})",
                    paths::REPEATED,
                    repeated_encoding(s.ty(ty)),
                    count_local(field)
                );
                emit!(
                    out,
                    "let __tl_v_{}{annot} = {};\n",
                    field.0,
                    checked(&read, names.len())
                );
                names.push(&f.name);
            }
            Step::Word(_) | Step::Nothing | Step::Count { .. } => {}
        }
    }
    run.flush(&mut out);
    let mut fields = String::new();
    for (i, f) in s.fields.iter().enumerate() {
        let fname = &p.names[i];
        match &f.holds {
            Holds::Value(_) | Holds::Optional(_) => emit!(fields, "{fname}: __tl_v_{i},\n"),
            Holds::Flag(cond) => {
                let (flags, mask) = cond_parts(s, *cond);
                emit!(fields, "{fname}: {flags} & {mask} != 0,\n");
            }
            Holds::Flags(w) => {
                let word = s.word(*w);
                emit!(
                    fields,
                    "{fname}: {}::from_word({}, {}),\n",
                    paths::UNKNOWN_FLAGS,
                    flag_local(word.tl),
                    u32_lit(word.known)
                );
            }
            Holds::Group(tys) => {
                // `match (g0, g1, ) { (Some(a0), Some(a1), ) => Some((a0, a1, )), _ => None }`
                // (The scrutinee and the pattern are tuples of any length; only the value is
                // nested, as the field's type is.)
                let (mut locals, mut binds) = (String::new(), String::new());
                let mut values = Vec::new();
                for k in 0..tys.len() {
                    emit!(locals, "__tl_g_{i}_{k}, ");
                    emit!(binds, "{some}(__tl_a{k}), ");
                    values.push(format!("__tl_a{k}"));
                }
                emit!(
                    fields,
                    "{fname}: match ({locals}) {{ ({binds}) => {some}({}), _ => {none} }},\n",
                    group_tuple(&values)
                );
            }
        }
    }
    let value = format!("{}({} {{\n{fields}{}}})", paths::OK, p.ctor, p.rest);
    if names.is_empty() {
        // Nothing read can fail (only fields not on the wire): no block to break out of.
        return format!("{out}{value}\n");
    }
    format!(
        "let (e, at): ({error}, usize) = {FAILED}: {{\n{out}return {value};\n}};\n\
         {}({}(e, {}, at))\n",
        paths::ERR,
        paths::IN_FIELD_AT,
        str_lit(&format!("{} {}", s.tl_name, names.join(" "))),
        error = paths::ERROR,
    )
}
