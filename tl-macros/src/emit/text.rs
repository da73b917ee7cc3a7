//! Pieces of source text the writers share: Rust types of model types, generics, literals.

use super::Ctx;
use crate::model::{Holds, RType, Struct, Target, TyId};
use crate::paths::{self, relative};

/// The Rust type of `ty` for an item `depth` modules below the invocation.
pub fn rust_type(ctx: &Ctx<'_>, depth: usize, ty: &RType) -> String {
    rust_type_in(ctx, depth, ty, false)
}

/// The Rust type of a value of `ty` that encodes through its own impls (a function's result),
/// as a polymorphic type's argument does: a tuple is the runtime's `Tuple` there, and a bare
/// vector its `BareVector`.
pub fn own_type(ctx: &Ctx<'_>, depth: usize, ty: &RType) -> String {
    rust_type_in(ctx, depth, ty, true)
}

/// [`rust_type`], of a polymorphic type's argument when `arg`: there a tuple is the runtime's
/// `Tuple` and a bare vector its `BareVector`, whose own encodings are theirs (a field's array
/// and `Vec` are written through its encoding, `Fixed` or `BareVec`).
fn rust_type_in(ctx: &Ctx<'_>, depth: usize, ty: &RType, arg: bool) -> String {
    let borrowed = ctx.model.borrowed;
    match ty {
        RType::Int => "i32".to_string(),
        RType::Long | RType::Int53 => "i64".to_string(),
        RType::Double => "f64".to_string(),
        RType::Float => "f32".to_string(),
        RType::Bool => "bool".to_string(),
        RType::Nat => "u32".to_string(),
        RType::String if borrowed => "&'a str".to_string(),
        RType::Bytes if borrowed => "&'a [u8]".to_string(),
        RType::Object if borrowed => format!("{}<'a>", paths::OBJECT_REF),
        RType::String => paths::STRING.to_string(),
        RType::Bytes => format!("{}<u8>", paths::VEC),
        RType::Int128 => "[u8; 16]".to_string(),
        RType::Int256 => "[u8; 32]".to_string(),
        RType::Int512 => "[u8; 64]".to_string(),
        RType::Object => paths::OBJECT.to_string(),
        RType::True => paths::TRUE.to_string(),
        RType::Vector { bare: true, elem } if arg => format!(
            "{}<{}>",
            paths::BARE_VECTOR,
            rust_type_in(ctx, depth, elem, arg)
        ),
        RType::Vector { elem, .. } => {
            format!("{}<{}>", paths::VEC, rust_type_in(ctx, depth, elem, arg))
        }
        RType::Array { elem, len } if arg => format!(
            "{}<{}, {len}>",
            paths::TUPLE,
            rust_type_in(ctx, depth, elem, arg)
        ),
        RType::Array { elem, len } => format!("[{}; {len}]", rust_type(ctx, depth, elem)),
        RType::Enum(e) => {
            let e = ctx.model.enum_(*e);
            relative(depth, "enums", &e.modules, &e.name) + lifetime(e.borrows)
        }
        RType::Struct { ctor, boxed } => {
            let s = ctx.model.ctor(*ctor);
            let path = relative(depth, "types", &s.modules, &s.name) + lifetime(s.borrows);
            if *boxed {
                format!("{}<{path}>", paths::BOX)
            } else {
                path
            }
        }
        RType::Param(name) => name.clone(),
        // A field mask is no type: the type given it does not name it.
        RType::Mask(_) => "()".to_string(),
        RType::Extern { rust, .. } => rust.clone(),
        RType::Applied {
            target,
            args,
            boxed,
        } => {
            let (path, borrows) = match target {
                Target::Enum(e) => {
                    let e = ctx.model.enum_(*e);
                    (relative(depth, "enums", &e.modules, &e.name), e.borrows)
                }
                Target::Struct(c) => {
                    let s = ctx.model.ctor(*c);
                    (relative(depth, "types", &s.modules, &s.name), s.borrows)
                }
            };
            let mut list: Vec<String> = Vec::new();
            if borrows {
                list.push("'a".to_string());
            }
            list.extend(
                ctx.model
                    .kept_args(*target, args)
                    .map(|a| rust_type_in(ctx, depth, a, true)),
            );
            let ty = if list.is_empty() {
                path
            } else {
                format!("{path}<{}>", list.join(", "))
            };
            if *boxed {
                format!("{}<{ty}>", paths::BOX)
            } else {
                ty
            }
        }
    }
}

/// `<'a, T, ..>` of a type with a lifetime when `lifetime`, and the type parameters `params`.
pub fn generics_of(lifetime: bool, params: &[String]) -> String {
    let mut names: Vec<&str> = Vec::new();
    if lifetime {
        names.push("'a");
    }
    names.extend(params.iter().map(String::as_str));
    if names.is_empty() {
        String::new()
    } else {
        format!("<{}>", names.join(", "))
    }
}

/// `where X: Trait, ..` for each of `params`, or nothing without them.
pub fn bounds_of(params: &[String], bound: &str) -> String {
    if params.is_empty() {
        return String::new();
    }
    let each: Vec<String> = params.iter().map(|g| format!("{g}: {bound}")).collect();
    format!("where {}", each.join(", "))
}

/// The Rust type of a field of `s`.
pub fn field_type(ctx: &Ctx<'_>, depth: usize, s: &Struct, holds: &Holds) -> String {
    let ty = |ty: &TyId| rust_type(ctx, depth, s.ty(*ty));
    match holds {
        Holds::Value(t) => ty(t),
        Holds::Optional(t) => format!("{}<{}>", paths::OPTION, ty(t)),
        Holds::Flag(_) => "bool".to_string(),
        Holds::Flags(_) => paths::UNKNOWN_FLAGS.to_string(),
        Holds::Group(tys) => {
            let members: Vec<String> = tys.iter().map(ty).collect();
            format!("{}<{}>", paths::OPTION, group_tuple(&members))
        }
    }
}

/// `<'a>` after the name of a type that borrows from the input.
pub fn lifetime(borrows: bool) -> &'static str {
    if borrows { "<'a>" } else { "" }
}

/// The trait path `Deserialize<'a>`, `'a` being the input's lifetime in every impl.
pub fn de() -> String {
    format!("{}<'a>", paths::DESERIALIZE)
}

/// `<'a, X, ..>`: the generics of the type (a lifetime when it borrows, then its type
/// parameters), and so of its impls and its type arguments.
pub fn generics(s: &Struct) -> String {
    generics_with(s, s.borrows)
}

/// The generics of `Deserialize<'a>` impls, which always have the lifetime.
pub fn de_generics(s: &Struct) -> String {
    generics_with(s, true)
}

fn generics_with(s: &Struct, lifetime: bool) -> String {
    generics_of(lifetime, &s.generics)
}

/// `where X: Trait, ..` for every type parameter.
pub fn bounds(s: &Struct, bound: &str) -> String {
    bounds_of(&s.generics, bound)
}

/// A `u32` literal, in hex as ids are written.
pub fn u32_lit(v: u32) -> String {
    format!("{v:#010x}u32")
}

/// A string literal.
pub fn str_lit(s: &str) -> String {
    format!("{s:?}")
}

/// Documentation `lead` + `text` for the item that follows (`lead` is the caller's: a space, or
/// nothing): a `///` comment, which the compiler lexes as one token where `#[doc = "…"]` is
/// six, when the text is printable ASCII, as nearly every doc line is, and does not start
/// with `/` (`////` is a plain comment); the attribute otherwise, which escapes what a comment
/// would take as written (a carriage return, a bidirectional control). Rustdoc reads the two
/// alike.
pub fn doc(lead: &str, text: &str, out: &mut String) {
    // Printable ASCII, byte by byte with an index: the macro is built unoptimized, where an
    // iterator's closure would be a call per byte. Anything else, rare in docs, takes the
    // attribute, escaped by the standard library.
    let bytes = text.as_bytes();
    let mut plain = !(lead.is_empty() && bytes.first() == Some(&b'/'));
    let mut i = 0;
    while plain && i < bytes.len() {
        plain = matches!(bytes[i], b' '..=b'~');
        i += 1;
    }
    if plain {
        emit!(out, "///{lead}{text}\n");
    } else {
        let quoted = str_lit(text);
        emit!(out, "#[doc = \"{lead}{}\"]\n", &quoted[1..quoted.len() - 1]);
    }
}

/// The mask of a flag bit.
pub fn bit_mask(bit: u32) -> String {
    u32_lit(1u32.checked_shl(bit).unwrap_or(0))
}

/// The most members a flag group's tuple has before it nests: std implements `Debug`, `Clone`
/// and `PartialEq` for tuples of up to 12 elements.
const TUPLE_MAX: usize = 12;

/// The tuple of a flag group's members (types or values): `(a, b, )`, or for more than
/// [`TUPLE_MAX`], a tuple of tuples of at most that many each (nested again if need be).
pub fn group_tuple(members: &[String]) -> String {
    if members.len() <= TUPLE_MAX {
        let mut inner = String::new();
        for m in members {
            inner.push_str(m);
            inner.push_str(", ");
        }
        format!("({inner})")
    } else {
        let chunks: Vec<String> = members.chunks(TUPLE_MAX).map(group_tuple).collect();
        group_tuple(&chunks)
    }
}

/// Where member `index` of a group of `of` sits in [`group_tuple`]'s tuple: `.3`, or `.1.5`.
pub fn group_member(index: usize, of: usize) -> String {
    if of <= TUPLE_MAX {
        format!(".{index}")
    } else {
        let chunks = of.div_ceil(TUPLE_MAX);
        format!(
            "{}.{}",
            group_member(index / TUPLE_MAX, chunks),
            index % TUPLE_MAX
        )
    }
}

#[cfg(test)]
mod tests {
    use super::{group_member, group_tuple};

    #[test]
    fn large_groups_nest() {
        let names = |n: usize| (0..n).map(|i| format!("a{i}")).collect::<Vec<_>>();
        assert_eq!(group_tuple(&names(2)), "(a0, a1, )");
        assert_eq!(group_member(1, 2), ".1");
        let t = group_tuple(&names(14));
        assert_eq!(
            t,
            "((a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, ), (a12, a13, ), )"
        );
        assert_eq!(group_member(13, 14), ".1.1");
        assert_eq!(group_member(11, 14), ".0.11");
        // 200 members: 17 chunks of 12, which nest once more.
        assert_eq!(group_member(199, 200), ".1.4.7");
    }

    /// Whichever form `doc` picks, the item gets the text as written, and nothing else.
    #[test]
    fn docs_read_as_written() {
        for (lead, text, comment) in [
            (" ", "`flags.0?true`: a \"quoted\" \\ word", true),
            (" ", "", true),
            ("", "/ starts with a slash", false),
            (" ", "/ after a space", true),
            ("", "! not an inner doc", true),
            (" ", "carriage\rreturn", false),
            (" ", "tab\there", false),
            (" ", "caf\u{e9} \u{202e}bidi", false),
        ] {
            let mut out = String::new();
            super::doc(lead, text, &mut out);
            assert_eq!(out.starts_with("///"), comment, "{out:?}");
            let item: syn::ItemStruct =
                syn::parse_str(&format!("{out}struct A;")).expect("lexes and parses");
            let docs: Vec<String> = item
                .attrs
                .iter()
                .map(|a| match &a.meta {
                    syn::Meta::NameValue(nv) => match &nv.value {
                        syn::Expr::Lit(syn::ExprLit {
                            lit: syn::Lit::Str(s),
                            ..
                        }) => s.value(),
                        _ => panic!("not a string: {out:?}"),
                    },
                    _ => panic!("not a doc: {out:?}"),
                })
                .collect();
            assert_eq!(docs, [format!("{lead}{text}")], "{out:?}");
        }
    }
}
