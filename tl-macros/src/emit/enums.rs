//! One enum per boxed type (`enums::T`), a variant per constructor: the boxed encoding (id,
//! then the constructor's fields), and `From`/`TryFrom` between each variant's struct and the enum.

use super::Ctx;
use super::text::{self, de, lifetime, str_lit, u32_lit};
use crate::ident;
use crate::model::Enum;
use crate::paths::{self, relative};

pub fn emit(ctx: &Ctx<'_>, e: &Enum, out: &mut String) {
    let depth = 1 + e.modules.len();
    let name = ident::text(&e.name);
    // The enum's lifetime, when it borrows, and its type parameters: its impls' generics and
    // its type arguments.
    let generic = !e.generics.is_empty();
    let lt_owned;
    let lt = if generic {
        lt_owned = text::generics_of(e.borrows, &e.generics);
        lt_owned.as_str()
    } else {
        lifetime(e.borrows)
    };
    let ty = format!("{name}{lt}");
    let write_u32 = paths::WRITE_U32;

    let mut variants = String::new();
    let mut writes = String::new();
    let mut reads = String::new();
    let mut conversions = String::new();
    // A type whose constructors take a field mask: `SerializeWith`'s arms, and the bits each
    // variant needs.
    let mut bits = String::new();
    let mut debug = super::debug::Arms::default();
    let mut seen_ids = rustc_hash::FxHashSet::default();
    // VK's `_ {X:Type} result:X = ReqResult X;`: a constructor without an id, read when the id
    // ahead is none of the others' (so the others' ids are peeked, then skipped).
    let untagged = e.variants.iter().any(|v| ctx.model.ctor(*v).untagged());
    // Nearly every enum has no such constructor: its arms are written as they always were.
    let mut otherwise = None;
    for &v in &e.variants {
        let s = ctx.model.ctor(v);
        let variant = ident::text(&s.variant);
        let id = u32_lit(s.id);
        // An arm's value after skipping the id it peeked: `{ let _ = …; value }`.
        let untagged_here = untagged && s.untagged();
        let (skip, end) = if untagged && !untagged_here {
            ("{ let _ = r.read_u32(); ", " }")
        } else {
            ("", "")
        };
        let path = relative(depth, "types", &s.modules, &s.name) + &variant_args(e, s);
        text::doc(" ", &format!("`{}`", s.tl_name), &mut variants);
        // A frozen id shared by two constructors decodes as the first.
        let first = seen_ids.insert(s.id);
        if s.is_unit() {
            debug.unit(&variant);
            emit!(variants, "{variant},\n");
            if untagged_here {
                emit!(writes, "Self::{variant} => {{}}\n");
                otherwise = Some(format!("{}(Self::{variant})", paths::OK));
            } else {
                emit!(writes, "Self::{variant} => {write_u32}(buf, {id}),\n");
            }
            if e.masked.is_some() {
                emit!(bits, "Self::{variant} => 0,\n");
            }
            if first && !untagged_here {
                emit!(
                    reads,
                    "{id} => {skip}{}(Self::{variant}){end},\n",
                    paths::OK
                );
            }
            conversions.push_str(&conversion(
                (lt, &ty),
                &path,
                ("_", &format!("Self::{variant}")),
                (&format!("{name}::{variant}"), &path),
            ));
            continue;
        }
        let (payload, wrap, unwrap, read) = if s.boxed_in_enum {
            (
                format!("{}<{path}>", paths::BOX),
                format!("{}::new(x)", paths::BOX),
                "*x",
                paths::READ_ANY_BOXED,
            )
        } else {
            (path.clone(), "x".to_string(), "x", paths::READ_ANY)
        };
        debug.tuple(&variant);
        emit!(variants, "{variant}({payload}),\n");
        if e.masked.is_some() {
            // The id, then the constructor under the mask.
            let with = paths::SERIALIZE_WITH;
            emit!(
                writes,
                "Self::{variant}(x) => {{ {write_u32}(buf, {id}); {with}::serialize_with(x, __tl_mask, buf) }}\n"
            );
            emit!(bits, "Self::{variant}(x) => {with}::mask_bits(x),\n");
            if first {
                emit!(
                    reads,
                    "{id} => match {}::deserialize_with(r, __tl_mask) {{ {ok}(x) => {ok}(Self::{variant}(x)), {err}(e) => {err}(e) }},\n",
                    paths::DESERIALIZE_WITH,
                    ok = paths::OK,
                    err = paths::ERR,
                );
            }
        } else if untagged_here {
            // The struct's own `encode`, named directly: no `Serialize` to select for it.
            emit!(
                writes,
                "Self::{variant}(x) => <{path} as {}>::encode(x, {}, buf),\n",
                paths::ENCODE,
                paths::NONE
            );
            otherwise = Some(format!("{read}(r, Self::{variant})"));
        } else {
            emit!(
                writes,
                "Self::{variant}(x) => <{path} as {}>::encode(x, {}({id}), buf),\n",
                paths::ENCODE,
                paths::SOME
            );
        }
        if first && !untagged_here && e.masked.is_none() {
            // The struct's type comes from the variant's: the arm names nothing else.
            emit!(reads, "{id} => {skip}{read}(r, Self::{variant}){end},\n");
        }
        conversions.push_str(&conversion(
            (lt, &ty),
            &path,
            ("x", &format!("Self::{variant}({wrap})")),
            (&format!("{name}::{variant}(x)"), unwrap),
        ));
    }
    super::docs::enum_docs(e, out);
    emit!(
        out,
        "#[derive({})] pub enum {ty} {{\n{variants}}}\n",
        ctx.options.derives
    );
    // The schema's `name_for_id` names an id of another type in the error.
    let not_found = (
        paths::UNEXPECTED_CONSTRUCTOR_IN,
        e.tl_name.as_str(),
        &*format!(", {}", paths::NAMES_ALIAS),
    );
    if e.masked.is_some() {
        debug.finish((lt, &ty, ""), out);
        out.push_str(&masked_impls(
            e,
            (lt, &ty),
            (&bits, &writes, &reads),
            not_found,
        ));
    } else {
        let de_header = if generic {
            // A polymorphic type's impls bound its parameters.
            debug.finish((lt, &ty, &text::bounds_of(&e.generics, paths::DEBUG)), out);
            out.push_str(&serialize_by_variant_where(
                (lt, &ty, &text::bounds_of(&e.generics, paths::SERIALIZE)),
                &writes,
            ));
            super::codec::Header {
                generics: text::generics_of(true, &e.generics),
                ty: ty.clone(),
                bounds: text::bounds_of(&e.generics, &de()),
            }
        } else {
            debug.finish((lt, &ty, ""), out);
            out.push_str(&serialize_by_variant((lt, &ty), &writes));
            plain_header(&ty)
        };
        // With VK's `_`, the other arms peek their ids (and skip them), and `_` reads the rest.
        let otherwise = match &otherwise {
            Some(read) => Otherwise::Read(read),
            None => Otherwise::NotFound(not_found),
        };
        let peek = matches!(otherwise, Otherwise::Read(_));
        out.push_str(&deserialize_by_id_else(
            &de_header, peek, &reads, otherwise, false,
        ));
    }
    out.push_str(&conversions);
    #[cfg(feature = "serde")]
    super::json::enum_impls(ctx, e, out);
}

/// `SerializeWith` and `DeserializeWith` of a type whose constructors take a field mask (VK's
/// `{fields_mask:#}`): the id, then the variant's constructor under the mask. With a
/// `Deserialize` too when a function returns it with its request's mask, as `RemoteCall::Return`
/// must have one: an error that says to decode the answer with the request.
fn masked_impls(
    e: &Enum,
    (lt, ty): (&str, &str),
    (bits, writes, reads): (&str, &str, &str),
    not_found: (&str, &str, &str),
) -> String {
    let scrutinee = if writes.is_empty() { "*self" } else { "self" };
    let mut out = format!(
        "#[automatically_derived] impl{lt} {} for {ty} {{\n\
         fn mask_bits(&self) -> u32 {{ match {scrutinee} {{\n{bits}}} }}\n\
         fn serialize_with(&self, __tl_mask: u32, buf: &mut {}<u8>) {{ match {scrutinee} {{\n{writes}}} }}\n}}\n",
        paths::SERIALIZE_WITH,
        paths::VEC,
    );
    out.push_str(&deserialize_by_id_else(
        &plain_header(ty),
        false,
        reads,
        Otherwise::NotFound(not_found),
        true,
    ));
    if e.masked.is_some_and(|m| m.answer) {
        emit!(
            out,
            "#[automatically_derived] impl<'a> {} for {ty} {{\n\
             fn deserialize(r: &mut {}<'a>) -> {}<Self, {}> {{ {err}({}(r)) }}\n}}\n",
            de(),
            paths::READER,
            paths::RESULT,
            paths::ERROR,
            paths::NEEDS_REQUEST,
            err = paths::ERR,
        );
    }
    out
}

/// `Deserialize` for an enum decoded by the constructor id it reads (or peeks at, when `peek`):
/// `reads` are the match arms by id (`0x…u32 => …,`), and an id no arm has is the error that
/// `not_found` (a runtime function, the type it names, and more arguments) builds.
///
/// The arm runs one nesting level deeper (the id is read by `read_id_deeper`, which goes down a
/// level, and `leave` comes back up whatever the arm returned): the depth is counted once in each
/// boxed type's decoder, not in a generic helper per constructor.
///
/// The id's error returns through a `match`, not `?`: `?` instantiates `FromResidual` for every
/// boxed type (some 650 in the Telegram API), each one a function more in an unoptimized build.
pub fn deserialize_by_id(
    ty: &str,
    peek: bool,
    reads: &str,
    not_found: (&str, &str, &str),
) -> String {
    deserialize_by_id_with(&plain_header(ty), peek, reads, not_found)
}

/// The header of a decoder impl for the type `ty`, without parameters: `impl<'a> … for ty`.
fn plain_header(ty: &str) -> super::codec::Header {
    super::codec::Header {
        generics: "<'a>".to_string(),
        ty: ty.to_string(),
        bounds: String::new(),
    }
}

/// [`deserialize_by_id`] for the impl `h` (a derive's, with the type's own generics).
pub fn deserialize_by_id_with(
    h: &super::codec::Header,
    peek: bool,
    reads: &str,
    not_found: (&str, &str, &str),
) -> String {
    deserialize_by_id_else(h, peek, reads, Otherwise::NotFound(not_found), false)
}

/// What an enum's decoder does with an id that none of its arms has.
#[derive(Clone, Copy)]
enum Otherwise<'s> {
    /// The error that the runtime function, the type it names and more arguments build.
    NotFound((&'s str, &'s str, &'s str)),
    /// This read of a constructor without an id (VK's `_`).
    Read(&'s str),
}

impl std::fmt::Display for Otherwise<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            Otherwise::NotFound((error, what, more)) => {
                write!(f, "{}({error}(r, {}, id{more}))", paths::ERR, str_lit(what))
            }
            Otherwise::Read(read) => f.write_str(read),
        }
    }
}

/// [`deserialize_by_id_with`] with `otherwise` for an id no arm has; `DeserializeWith` when
/// `masked` (a type whose constructors take a field mask, which its arms read them under).
fn deserialize_by_id_else(
    h: &super::codec::Header,
    peek: bool,
    reads: &str,
    otherwise: Otherwise<'_>,
    masked: bool,
) -> String {
    let (generics, ty, bounds) = (&h.generics, &h.ty, &h.bounds);
    let (trait_, method, mask) = if masked {
        (
            format!("{}<'a>", paths::DESERIALIZE_WITH),
            "deserialize_with",
            ", __tl_mask: u32",
        )
    } else {
        (de(), "deserialize", "")
    };
    format!(
        "#[automatically_derived] impl{generics} {trait_} for {ty} {bounds} {{\n\
         const MIN_SERIALIZED_LEN: usize = 4;\n\
         fn {method}(r: &mut {reader}<'a>{mask}) -> {result}<Self, {error_ty}> {{\n\
         let id = match {read_id}(r) {{ {ok}(id) => id, {err}(e) => return {err}(e) }};\n\
         let v: {result}<Self, {error_ty}> = match id {{\n{reads}_ => {otherwise},\n}};\n\
         {leave}(r);\n\
         v\n}}\n}}\n",
        reader = paths::READER,
        result = paths::RESULT,
        error_ty = paths::ERROR,
        read_id = if peek {
            paths::PEEK_ID_DEEPER
        } else {
            paths::READ_ID_DEEPER
        },
        leave = paths::LEAVE,
        ok = paths::OK,
        err = paths::ERR,
    )
}

/// `Serialize` for an enum whose every variant writes itself, through the runtime's hidden
/// `Encode` (see [`super::codec::serialize_header`]; a boxed value writes its own id and has no
/// use for one it is given): `generics` and `ty` are the impl's generics and the enum's type,
/// `writes` the match arms (`Self::V(x) => ...`).
pub fn serialize_by_variant((generics, ty): (&str, &str), writes: &str) -> String {
    serialize_by_variant_where((generics, ty, ""), writes)
}

/// [`serialize_by_variant`] with `bounds` on the type's parameters.
pub fn serialize_by_variant_where(
    (generics, ty, bounds): (&str, &str, &str),
    writes: &str,
) -> String {
    // An enum without variants (a type only functions return) matches its value, not the
    // reference, which rustc counts as inhabited.
    let scrutinee = if writes.is_empty() { "*self" } else { "self" };
    let bounds = if bounds.is_empty() {
        String::new()
    } else {
        format!(" {bounds}")
    };
    format!(
        "#[automatically_derived] impl{generics} {} for {ty}{bounds} {{\n\
         fn encode(&self, _: {}<u32>, buf: &mut {}<u8>) {{ match {scrutinee} {{\n{writes}}} }}\n}}\n",
        paths::ENCODE,
        paths::OPTION,
        paths::VEC,
    )
}

/// `From<types::X> for enums::T` and `TryFrom<enums::T> for types::X` for one variant: `generics`
/// and `name` are the impls' generics and the enum's type, `from` is the argument pattern and the
/// enum value built from it, `back` the variant pattern and the struct taken out of it.
fn conversion(
    (generics, name): (&str, &str),
    path: &str,
    (arg, built): (&str, &str),
    (pattern, taken): (&str, &str),
) -> String {
    format!(
        "#[automatically_derived] impl{generics} {}<{path}> for {name} {{\n\
         #[inline] fn from({arg}: {path}) -> Self {{ {built} }}\n}}\n\
         #[automatically_derived] impl{generics} {}<{name}> for {path} {{\n\
         type Error = {name};\n\
         #[allow(unreachable_patterns)] #[inline]\n\
         fn try_from(value: {name}) -> {}<Self, {name}> {{\n\
         match value {{ {pattern} => {}({taken}), other => {}(other) }}\n}}\n}}\n",
        paths::FROM,
        paths::TRY_FROM,
        paths::RESULT,
        paths::OK,
        paths::ERR,
    )
}

/// The arguments of a variant's struct inside its enum: its lifetime, and for each of its
/// parameters the enum's parameter at the same argument position of the result.
pub fn variant_args(e: &Enum, s: &crate::model::Struct) -> std::borrow::Cow<'static, str> {
    if s.positions.is_empty() {
        return lifetime(s.borrows).into();
    }
    let params: Vec<String> = s
        .positions
        .iter()
        .filter_map(|at| {
            let i = e.kept.iter().position(|k| k == at)?;
            e.generics.get(i).cloned()
        })
        .collect();
    text::generics_of(s.borrows, &params).into()
}
