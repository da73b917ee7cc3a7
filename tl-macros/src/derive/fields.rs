//! The Rust fields against the line's model: each TL field held by the Rust field of its name
//! (after the naming rule, or `rename`), in the line's order, of the Rust type its TL type has;
//! each flag field an `Option` (`bool` for `?true`, `UnknownFlags` for the `#` word) on the bit
//! `flag = "..."` states. Every mismatch is an error at the field.

use super::line::Line;
use super::{Access, Field};
use crate::emit::codec::Places;
use crate::ident;
use crate::model::{Holds, RType, Struct};
use crate::paths;
use darling::ast::{Fields, Style};
use quote::ToTokens;
use std::fmt::Write as _;
use syn::ext::IdentExt as _;
use syn::spanned::Spanned;

/// How many members a tuple has before a group nests (as `tl!`'s `group_tuple`).
const TUPLE_MAX: usize = 12;

fn err(message: impl std::fmt::Display, at: &impl Spanned) -> darling::Error {
    super::error(at.span(), message)
}

fn err_at(message: impl std::fmt::Display, at: proc_macro2::Span) -> darling::Error {
    super::error(at, message)
}

/// The last segment of a plain path type (`a::b::C<..>`), if `ty` is one.
fn last_segment(ty: &syn::Type) -> Option<&syn::PathSegment> {
    match ty {
        syn::Type::Path(p) if p.qself.is_none() => p.path.segments.last(),
        syn::Type::Group(g) => last_segment(&g.elem),
        syn::Type::Paren(p) => last_segment(&p.elem),
        _ => None,
    }
}

/// Whether `ty` is the plain name `name` (`i32`, `crate::String`), without arguments.
fn is_named(ty: &syn::Type, name: &str) -> bool {
    last_segment(ty).is_some_and(|s| s.ident == name && s.arguments.is_none())
}

/// The one type argument of `Name<T>` (`Vec`, `Option`, `Box`).
fn arg_of<'t>(ty: &'t syn::Type, name: &str) -> Option<&'t syn::Type> {
    let seg = last_segment(ty)?;
    if seg.ident != name {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &seg.arguments else {
        return None;
    };
    let mut types = args.args.iter().filter_map(|a| match a {
        syn::GenericArgument::Type(t) => Some(t),
        _ => None,
    });
    let first = types.next()?;
    types.next().is_none().then_some(first)
}

/// `&str`, `&'a [u8]`: a reference to `what`.
fn is_ref_to(ty: &syn::Type, what: &str) -> bool {
    match ty {
        syn::Type::Reference(r) if r.mutability.is_none() => match &*r.elem {
            syn::Type::Slice(s) if what == "[u8]" => is_named(&s.elem, "u8"),
            elem => what != "[u8]" && is_named(elem, what),
        },
        _ => false,
    }
}

/// `[u8; N]`.
fn is_byte_array(ty: &syn::Type, n: usize) -> bool {
    match ty {
        syn::Type::Array(a) => {
            is_named(&a.elem, "u8")
                && matches!(&a.len, syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(i), .. })
                    if i.base10_parse::<usize>().ok() == Some(n))
        }
        _ => false,
    }
}

/// A Rust type that the runtime encodes itself, which no TL type defined outside can be.
fn is_runtime_type(ty: &syn::Type) -> bool {
    const NAMES: &[&str] = &[
        "i32",
        "i64",
        "f64",
        "f32",
        "u32",
        "u8",
        "bool",
        "String",
        "str",
        "Vec",
        "Option",
        "Object",
        "ObjectRef",
        "True",
        "UnknownFlags",
    ];
    match ty {
        syn::Type::Path(_) => last_segment(ty).is_some_and(|s| {
            let name = s.ident.to_string();
            NAMES.contains(&name.as_str())
        }),
        syn::Type::Reference(_)
        | syn::Type::Array(_)
        | syn::Type::Slice(_)
        | syn::Type::Tuple(_) => true,
        _ => false,
    }
}

fn text(ty: &impl ToTokens) -> String {
    ty.to_token_stream().to_string()
}

/// A type as a person writes it (`Option<f64>`, not the tokens' `Option < f64 >`), for messages.
fn written(ty: &impl ToTokens) -> String {
    let mut s = text(ty);
    for (from, to) in [
        (" :: ", "::"),
        (":: ", "::"),
        (" < ", "<"),
        ("< ", "<"),
        (" >", ">"),
        (" ,", ","),
        ("& ", "&"),
        ("[ ", "["),
        (" ]", "]"),
        (" ;", ";"),
        ("( ", "("),
        (" )", ")"),
    ] {
        s = s.replace(from, to);
    }
    s
}

/// The Rust type a TL type has, for messages.
fn expected(ty: &RType) -> String {
    match ty {
        RType::Int => "i32".into(),
        RType::Long | RType::Int53 => "i64".into(),
        RType::Double => "f64".into(),
        RType::Float => "f32".into(),
        RType::Bool => "bool".into(),
        RType::Nat => "u32".into(),
        RType::String => "String".into(),
        RType::Bytes => "Vec<u8>".into(),
        RType::Int128 => "[u8; 16]".into(),
        RType::Int256 => "[u8; 32]".into(),
        RType::Int512 => "[u8; 64]".into(),
        RType::Object => "tl_runtime::Object".into(),
        RType::True => "tl_runtime::True".into(),
        RType::Vector { elem, .. } => format!("Vec<{}>", expected(elem)),
        RType::Array { elem, len } => format!("[{}; {len}]", expected(elem)),
        RType::Param(name) => name.clone(),
        RType::Extern { tl, .. } => ident::type_name(tl.rsplit('.').next().unwrap_or(tl)),
        RType::Enum(_) | RType::Struct { .. } | RType::Applied { .. } | RType::Mask(_) => {
            "a generated type".into()
        }
    }
}

fn expected_holds(s: &Struct, holds: &Holds) -> String {
    match holds {
        Holds::Value(t) => expected(s.ty(*t)),
        Holds::Optional(t) => format!("Option<{}>", expected(s.ty(*t))),
        Holds::Group(ts) => {
            let members: Vec<String> = ts.iter().map(|t| expected(s.ty(*t))).collect();
            format!(
                "Option<{}>",
                crate::emit::text::group_tuple(&members).replace(", )", ")")
            )
        }
        Holds::Flag(_) => "bool".into(),
        Holds::Flags(_) => "tl_runtime::UnknownFlags".into(),
    }
}

/// `Vec<u8>` or `&[u8]`.
fn is_byte_vec(ty: &syn::Type) -> bool {
    arg_of(ty, "Vec").is_some_and(|t| is_named(t, "u8")) || is_ref_to(ty, "[u8]")
}

/// `tl`'s Rust shape with the Rust type `ty` filled in, or `None` when `ty` is not what `tl`
/// is.
fn fit(tl: &RType, ty: &syn::Type) -> Option<RType> {
    let ok = match tl {
        RType::Int => is_named(ty, "i32"),
        RType::Long | RType::Int53 => is_named(ty, "i64"),
        RType::Double => is_named(ty, "f64"),
        RType::Float => is_named(ty, "f32"),
        RType::Bool => is_named(ty, "bool"),
        RType::Nat => is_named(ty, "u32"),
        // `string` is `bytes` on the wire: a field may hold it as bytes, as MTProto's key
        // exchange needs (`resPQ`'s `pq` is a big-endian number, not UTF-8).
        RType::String if is_byte_vec(ty) => return Some(RType::Bytes),
        RType::String => is_named(ty, "String") || is_ref_to(ty, "str"),
        RType::Bytes => is_byte_vec(ty),
        RType::Int128 => is_byte_array(ty, 16),
        RType::Int256 => is_byte_array(ty, 32),
        RType::Int512 => is_byte_array(ty, 64),
        RType::Object => {
            is_named(ty, "Object") || last_segment(ty).is_some_and(|s| s.ident == "ObjectRef")
        }
        RType::True => is_named(ty, "True"),
        RType::Param(name) => is_named(ty, name),
        RType::Vector { bare, elem } => {
            let inner = arg_of(ty, "Vec")?;
            return Some(RType::Vector {
                bare: *bare,
                elem: Box::new(fit(elem, inner)?),
            });
        }
        RType::Array { elem, len } => {
            let syn::Type::Array(array) = ty else {
                return None;
            };
            let syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Int(n),
                ..
            }) = &array.len
            else {
                return None;
            };
            if n.base10_parse::<u32>().ok()? != *len {
                return None;
            }
            return Some(RType::Array {
                elem: Box::new(fit(elem, &array.elem)?),
                len: *len,
            });
        }
        RType::Extern { tl, bare, .. } => {
            // A `Box` may hold the type (a type that holds itself).
            let (inner, boxed) = match arg_of(ty, "Box") {
                Some(inner) => (inner, true),
                None => (ty, false),
            };
            if is_runtime_type(inner) {
                return None;
            }
            return Some(RType::Extern {
                tl: tl.clone(),
                rust: text(ty),
                bare: *bare,
                own_min: !boxed,
                with: None,
            });
        }
        RType::Enum(_) | RType::Struct { .. } | RType::Applied { .. } | RType::Mask(_) => false,
    };
    ok.then(|| tl.clone())
}

/// The members of a group's tuple, flattened, if `ty` has the nesting `group_tuple` gives `of`.
fn tuple_members(ty: &syn::Type, of: usize) -> Option<Vec<&syn::Type>> {
    let syn::Type::Tuple(t) = ty else { return None };
    if of <= TUPLE_MAX {
        return (t.elems.len() == of).then(|| t.elems.iter().collect());
    }
    let chunks: Vec<usize> = (0..of)
        .step_by(TUPLE_MAX)
        .map(|start| TUPLE_MAX.min(of - start))
        .collect();
    // The chunks themselves nest when there are more than TUPLE_MAX of them.
    let outer = tuple_members(ty, chunks.len())?;
    let mut out = Vec::new();
    for (elem, n) in outer.into_iter().zip(chunks) {
        out.extend(tuple_members(elem, n)?);
    }
    Some(out)
}

/// The line's TL text of the bit a flag field is on (`flags.3`).
fn bit_text(line: &Line, s: &Struct, holds: &Holds, j: usize) -> Option<String> {
    let cond = match holds {
        Holds::Flag(cond) => *cond,
        Holds::Optional(_) | Holds::Group(_) => s.tl.iter().find_map(|f| match f.step {
            crate::model::Step::Present { field, cond, .. } if field.0 == j => Some(cond),
            _ => None,
        })?,
        Holds::Value(_) | Holds::Flags(_) => return None,
    };
    let word = line.def.fields.get(s.word(cond.word).tl)?;
    Some(format!("{}.{}", word.name.as_ref()?.value, cond.bit))
}

/// The line's model with the Rust fields' types in it, and how the codec reaches the fields;
/// `None` after reporting each mismatch.
pub fn matched(
    line: &Line,
    fields: &Fields<Field>,
    access: &Access,
    ctor: &str,
    errors: &mut darling::error::Accumulator,
) -> Option<(Struct, Places)> {
    if tl_schema::ast::is_untagged_name(&line.def.name.value) {
        errors.push(err_at(
            "tl: `_` is VK's constructor without an id, read when the id ahead is none of its type's others': write its line in `tl!`, which generates its type".to_string(),
            line.span,
        ));
        return None;
    }
    if let Some(param) = line.def.nat_param() {
        errors.push(err_at(
            format!(
                "tl: `{{{}:#}}` takes a field mask from outside (VK's), which a derive's type cannot be given: write its line in `tl!`, which generates `SerializeWith` and `DeserializeWith` for it",
                param.name.value
            ),
            line.span,
        ));
        return None;
    }
    let mut s = match crate::model::line_struct(&line.def, &line.sources, line.id_rule) {
        Ok(s) => s,
        Err(internal) => {
            errors.push(err_at(
                format!("tl: internal error: {} (please report it)", internal.0),
                line.span,
            ));
            return None;
        }
    };
    s.id = line.id;
    let mut ok = true;
    let tuple = fields.style == Style::Tuple;
    let line_fields = {
        let names: Vec<String> = s.fields.iter().map(|f| ident::text(&f.name)).collect();
        if names.is_empty() {
            "it has none".to_string()
        } else {
            format!("its fields are {}", names.join(", "))
        }
    };
    // The model field each Rust field on the wire holds, in Rust order.
    let mut holder: Vec<Option<usize>> = vec![None; s.fields.len()];
    let mut order: Vec<(usize, usize)> = Vec::new();
    let on_wire: Vec<(usize, &Field)> = fields
        .iter()
        .enumerate()
        .filter(|(_, f)| !f.skip.is_present())
        .collect();
    for (pos, &(ri, f)) in on_wire.iter().enumerate() {
        let found = if let Some(rename) = &f.rename {
            s.fields
                .iter()
                .position(|m| m.tl_names.iter().any(|n| n == &**rename))
        } else if tuple {
            (pos < s.fields.len()).then_some(pos)
        } else {
            let written = f
                .ident
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default();
            s.fields
                .iter()
                .position(|m| ident::text(&m.name) == written)
        };
        let at = match (&f.rename, &f.ident) {
            (Some(r), _) => r.span(),
            (None, Some(i)) => i.span(),
            (None, None) => f.ty.span(),
        };
        let Some(j) = found else {
            ok = false;
            let label = f
                .rename
                .as_ref()
                .map_or_else(|| f.label(ri), |r| (**r).clone());
            if let Some(a) = s
                .aliases
                .iter()
                .find(|a| a.method == label || a.tl_name == label)
            {
                errors.push(err_at(
                    format!(
                        "`{label}` shares its flag bit with `{}`, so it is not a field of its own: drop it (it is set exactly when `{}` is)",
                        s.field(a.holder).name,
                        s.field(a.holder).name
                    ),
                    at,
                ));
            } else if tuple && f.rename.is_none() {
                errors.push(err_at(
                    format!(
                        "field {ri} is extra: the line `{}` has {} field(s) on the wire",
                        s.tl_line.trim(),
                        s.fields.len()
                    ),
                    at,
                ));
            } else {
                let nearest =
                    crate::diag::did_you_mean(&label, s.fields.iter().map(|m| m.name.as_str()));
                errors.push(err_at(
                    format!(
                        "the line has no field `{label}`{nearest}: {line_fields} (mark a field that is not on the wire `#[tl(skip)]`)"
                    ),
                    at,
                ));
            }
            continue;
        };
        if let Some(other) = holder[j] {
            ok = false;
            errors.push(err_at(
                format!(
                    "`{}` is the TL field `{}`, which `{}` already holds",
                    f.label(ri),
                    s.fields[j].tl_names.join(" "),
                    fields.fields[other].label(other)
                ),
                at,
            ));
            continue;
        }
        holder[j] = Some(ri);
        order.push((ri, j));
        if !check_type(line, &mut s, j, f, errors) {
            ok = false;
        }
    }
    // Missing: a TL field no Rust field holds.
    for (j, h) in holder.iter().enumerate() {
        if h.is_none() {
            ok = false;
            let m = &s.fields[j];
            let hint = if tuple {
                format!("add a field of type `{}`", expected_holds(&s, &m.holds))
            } else {
                format!(
                    "add `{}: {}`",
                    ident::text(&m.name),
                    expected_holds(&s, &m.holds)
                )
            };
            errors.push(err_at(
                format!(
                    "field `{}` is missing: the line has `{}`; {hint}",
                    ident::text(&m.name),
                    m.tl_text
                ),
                line.span,
            ));
        }
    }
    // Order: the wire's is the line's.
    let mut sorted: Vec<usize> = order.iter().map(|&(_, j)| j).collect();
    sorted.sort_unstable();
    for (k, &(ri, j)) in order.iter().enumerate() {
        if sorted[k] != j {
            ok = false;
            let f = &fields.fields[ri];
            let at = match &f.ident {
                Some(i) => i.span(),
                None => f.ty.span(),
            };
            let names: Vec<String> = sorted
                .iter()
                .map(|&j| ident::text(&s.fields[j].name))
                .collect();
            errors.push(err_at(
                format!(
                    "`{}` is out of order: the line puts it at position {} of {}, here it is at {}; the wire order is the line's: {}",
                    f.label(ri),
                    sorted.iter().position(|&x| x == j).unwrap_or(0) + 1,
                    sorted.len(),
                    k + 1,
                    names.join(", ")
                ),
                at,
            ));
        }
    }
    if !ok {
        return None;
    }
    // How the codec reaches each model field.
    let mut places = Places {
        fields: Vec::new(),
        names: Vec::new(),
        ctor: ctor.to_string(),
        rest: String::new(),
    };
    for h in &holder {
        let ri = h.unwrap_or_default();
        let f = &fields.fields[ri];
        let name = f
            .ident
            .as_ref()
            .map_or_else(|| ri.to_string(), ToString::to_string);
        places.fields.push(match access {
            Access::SelfFields => format!("self.{name}"),
            Access::Bound => format!("(*__tl_f{ri})"),
        });
        places.names.push(name);
    }
    for (ri, f) in fields.iter().enumerate() {
        if f.skip.is_present() {
            let name = f
                .ident
                .as_ref()
                .map_or_else(|| ri.to_string(), ToString::to_string);
            let value = match &f.default {
                Some(path) => format!("{}()", text(&**path)),
                None => format!("{}::default()", paths::DEFAULT),
            };
            let _ = writeln!(places.rest, "{name}: {value},");
        } else if let Some(default) = &f.default {
            errors.push(err_at(
                "`default` is the value of a `skip` field: add `skip`, or remove `default`",
                default.span(),
            ));
            return None;
        }
    }
    if s.is_unit() && places.rest.is_empty() && fields.style != Style::Unit {
        places.ctor.push_str(" {}");
    }
    Some((s, places))
}

/// Checks the Rust type of the field `f` holding model field `j`, and fills it into the model.
fn check_type(
    line: &Line,
    s: &mut Struct,
    j: usize,
    f: &Field,
    errors: &mut darling::error::Accumulator,
) -> bool {
    let holds = s.fields[j].holds.clone();
    let tl_text = s.fields[j].tl_text.clone();
    let want = expected_holds(s, &holds);
    let label = f
        .ident
        .as_ref()
        .map_or_else(|| "the field".to_string(), |i| format!("`{}`", i.unraw()));
    let mut ok = true;
    // `flag = "flags.3"`: the bit, as the line has it.
    if let Some(flag) = &f.flag {
        match bit_text(line, s, &holds, j) {
            Some(bit) if bit == flag.value() => {}
            Some(bit) => {
                ok = false;
                errors.push(err(
                    format!(
                        "{label} is on `{bit}` in the line (`{tl_text}`), not on `{}`",
                        flag.value()
                    ),
                    flag,
                ));
            }
            None => {
                ok = false;
                errors.push(err(
                    format!("{label} is not a flag field: the line has `{tl_text}`"),
                    flag,
                ));
            }
        }
    }
    let ty = &f.ty;
    let with = f.with.as_ref().map(text);
    let value = |tl: &RType, ty: &syn::Type| -> Option<RType> {
        match &with {
            Some(with) => Some(RType::Extern {
                tl: String::new(),
                rust: text(ty),
                bare: false,
                own_min: false,
                with: Some(with.clone()),
            }),
            None => fit(tl, ty),
        }
    };
    let mismatch = |errors: &mut darling::error::Accumulator| {
        errors.push(err(
            format!(
                "{label} has the wrong type for `{tl_text}`: expected `{want}`, found `{}`",
                written(ty)
            ),
            ty,
        ));
    };
    match holds {
        Holds::Value(t) => {
            if arg_of(ty, "Option").is_some() && with.is_none() {
                errors.push(err(
                    format!(
                        "{label} is `Option`, but `{tl_text}` is not a flag field: only a field such as `name:flags.0?T` may be absent (expected `{want}`)"
                    ),
                    ty,
                ));
                return false;
            }
            if let Some(filled) = value(s.ty(t), ty) {
                s.tys[t.0] = filled;
            } else {
                mismatch(errors);
                return false;
            }
        }
        Holds::Optional(t) => {
            let Some(inner) = arg_of(ty, "Option") else {
                mismatch(errors);
                return false;
            };
            if let Some(filled) = value(s.ty(t), inner) {
                s.tys[t.0] = filled;
            } else {
                mismatch(errors);
                return false;
            }
        }
        Holds::Group(ts) => {
            let members = arg_of(ty, "Option").and_then(|inner| tuple_members(inner, ts.len()));
            let Some(members) = members else {
                mismatch(errors);
                return false;
            };
            for (t, m) in ts.iter().zip(members) {
                if let Some(filled) = value(s.ty(*t), m) {
                    s.tys[t.0] = filled;
                } else {
                    mismatch(errors);
                    return false;
                }
            }
        }
        Holds::Flag(_) | Holds::Flags(_) => {
            if with.is_some() {
                errors.push(err(
                    format!("`with` encodes a value, and {label} (`{tl_text}`) is a flag bit"),
                    ty,
                ));
                return false;
            }
            let fits = match holds {
                Holds::Flag(_) => is_named(ty, "bool"),
                _ => is_named(ty, "UnknownFlags"),
            };
            if !fits {
                mismatch(errors);
                return false;
            }
        }
    }
    ok
}

/// A variant's pattern binding its wire fields as `__tl_f{index}`.
pub fn pattern(variant: &syn::Ident, fields: &Fields<Field>) -> String {
    if fields.style == Style::Unit {
        return format!("Self::{variant}");
    }
    let mut binds = String::new();
    for (ri, f) in fields.iter().enumerate() {
        if f.skip.is_present() {
            continue;
        }
        let name = f
            .ident
            .as_ref()
            .map_or_else(|| ri.to_string(), ToString::to_string);
        let _ = write!(binds, "{name}: __tl_f{ri}, ");
    }
    format!("Self::{variant} {{ {binds}.. }}")
}

/// The TL type of a Rust type, for a line written from the fields (`id = 0x…` alone).
fn tl_of(ty: &syn::Type) -> Option<String> {
    Some(if is_named(ty, "i32") {
        "int".into()
    } else if is_named(ty, "i64") {
        "long".into()
    } else if is_named(ty, "f64") {
        "double".into()
    } else if is_named(ty, "f32") {
        "float".into()
    } else if is_named(ty, "bool") {
        "Bool".into()
    } else if is_named(ty, "u32") {
        "#".into()
    } else if is_named(ty, "String") || is_ref_to(ty, "str") {
        "string".into()
    } else if is_byte_vec(ty) {
        "bytes".into()
    } else if is_byte_array(ty, 16) {
        "int128".into()
    } else if is_byte_array(ty, 32) {
        "int256".into()
    } else if is_byte_array(ty, 64) {
        "int512".into()
    } else if is_named(ty, "Object") || last_segment(ty).is_some_and(|s| s.ident == "ObjectRef") {
        "Object".into()
    } else if is_named(ty, "True") {
        "True".into()
    } else if let Some(inner) = arg_of(ty, "Vec") {
        format!("Vector<{}>", tl_of(inner)?)
    } else if let Some(inner) = arg_of(ty, "Box") {
        tl_of(inner)?
    } else if is_runtime_type(ty) {
        return None;
    } else {
        // A type defined outside: any boxed name, its Rust type encodes it.
        let seg = last_segment(ty)?;
        ident::type_name(&seg.ident.to_string())
    })
}

/// `id = 0x…` without a line: the line the Rust fields' types make (`int`, `long`, `string`,
/// `Vector<T>`, … and any other type as defined outside), so that the same checks and codec
/// apply. A field whose TL type a Rust type does not tell (`Option`, a flag) needs a line.
pub fn written_line(
    ident: &syn::Ident,
    fields: &Fields<Field>,
    errors: &mut darling::error::Accumulator,
) -> Option<String> {
    let mut name = ident::field_name(&ident.unraw().to_string());
    if name.is_empty() {
        name = "x".into();
    }
    // No id: the one `id = 0x…` gives stands for it.
    let mut line = name;
    let mut ok = true;
    for (ri, f) in fields.iter().enumerate() {
        if f.skip.is_present() {
            continue;
        }
        let field = f
            .ident
            .as_ref()
            .map_or_else(|| format!("f{ri}"), |i| i.unraw().to_string());
        let tl = if f.with.is_some() {
            // Any type: the module encodes it.
            Some("Object".to_string())
        } else {
            tl_of(&f.ty)
        };
        if let Some(tl) = tl {
            let _ = write!(line, " {field}:{tl}");
        } else {
            ok = false;
            errors.push(err(
                format!(
                    "the TL type of `{}` is not known from its Rust type alone: give the line, `#[tl(line = \"...\")]`",
                    written(&f.ty)
                ),
                &f.ty,
            ));
        }
    }
    let ty = ident::type_name(&ident.unraw().to_string());
    let _ = write!(line, " = {ty};");
    ok.then_some(line)
}
