//! One struct per constructor (`types::X`, bare) and per function (`functions::F`, boxed):
//! the type, its docs, and its `Identifiable`, `Serialize` and `Deserialize` impls, which the
//! enums' impls call for each variant.

use super::Ctx;
use super::model::{FieldShape, RType, Struct, WireStep};
use crate::ident;
use crate::paths::{relative, rt};

/// Which module tree a struct lives in.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Type,
    Function,
}

/// The Rust type of `ty` for an item `depth` modules below the invocation.
pub fn rust_type(ctx: &Ctx<'_>, depth: usize, ty: &RType) -> String {
    match ty {
        RType::Int => "i32".to_string(),
        RType::Long => "i64".to_string(),
        RType::Double => "f64".to_string(),
        RType::Bool => "bool".to_string(),
        RType::Nat => "u32".to_string(),
        RType::String if ctx.model.borrowed => "&'a str".to_string(),
        RType::Bytes if ctx.model.borrowed => "&'a [u8]".to_string(),
        RType::Object if ctx.model.borrowed => format!("{}<'a>", rt("ObjectRef")),
        RType::String => rt("String"),
        RType::Bytes => format!("{}<u8>", rt("Vec")),
        RType::Int128 => "[u8; 16]".to_string(),
        RType::Int256 => "[u8; 32]".to_string(),
        RType::Int512 => "[u8; 64]".to_string(),
        RType::Object => rt("Object"),
        RType::Vector { elem, .. } => {
            format!("{}<{}>", rt("Vec"), rust_type(ctx, depth, elem))
        }
        RType::Enum(e) => {
            let e = &ctx.model.enums[*e];
            relative(depth, "enums", &e.modules, &e.name) + lifetime(e.borrows)
        }
        RType::Struct { index, boxed } => {
            let s = &ctx.model.types[*index];
            let path = relative(depth, "types", &s.modules, &s.name) + lifetime(s.borrows);
            if *boxed {
                format!("{}<{path}>", rt("Box"))
            } else {
                path
            }
        }
        RType::Param(name) => ident::text(name),
    }
}

/// The Rust type of a field.
fn field_type(ctx: &Ctx<'_>, depth: usize, shape: &FieldShape) -> String {
    match shape {
        FieldShape::Plain { ty, .. } => rust_type(ctx, depth, ty),
        FieldShape::Optional { ty, .. } => {
            format!("{}<{}>", rt("Option"), rust_type(ctx, depth, ty))
        }
        FieldShape::Flag { .. } => "bool".to_string(),
        FieldShape::Flags { .. } => rt("UnknownFlags"),
        FieldShape::Group { tys, .. } => {
            let mut out = format!("{}<(", rt("Option"));
            for t in tys {
                out.push_str(&rust_type(ctx, depth, t));
                out.push_str(", ");
            }
            out.push_str(")>");
            out
        }
    }
}

/// `<'a>` after the name of a type that borrows from the input.
pub fn lifetime(borrows: bool) -> &'static str {
    if borrows { "<'a>" } else { "" }
}

/// The trait path `Deserialize<'a>`, `'a` being the input's lifetime in every impl.
pub fn de() -> String {
    format!("{}<'a>", rt("Deserialize"))
}

/// `<'a, X, ..>`: the generics of the type (a lifetime when it borrows, then its type
/// parameters), and so of its impls and its type arguments.
pub fn generics(s: &Struct<'_>) -> String {
    generics_with(s, s.borrows)
}

/// The generics of `Deserialize<'a>` impls, which always have the lifetime.
pub fn de_generics(s: &Struct<'_>) -> String {
    generics_with(s, true)
}

fn generics_with(s: &Struct<'_>, lifetime: bool) -> String {
    let mut names: Vec<String> = Vec::new();
    if lifetime {
        names.push("'a".to_string());
    }
    names.extend(s.generics.iter().map(|g| ident::text(g)));
    if names.is_empty() {
        String::new()
    } else {
        format!("<{}>", names.join(", "))
    }
}

/// `where X: Trait, ..` for every type parameter.
pub fn bounds(s: &Struct<'_>, bound: &str) -> String {
    if s.generics.is_empty() {
        return String::new();
    }
    let names: Vec<String> = s
        .generics
        .iter()
        .map(|g| format!("{}: {bound}", ident::text(g)))
        .collect();
    format!("where {}", names.join(", "))
}

/// A `u32` literal, in hex as ids are written.
pub fn u32_lit(v: u32) -> String {
    format!("{v:#010x}u32")
}

/// A string literal.
pub fn str_lit(s: &str) -> String {
    format!("{s:?}")
}

/// The struct, its inherent methods and its trait impls.
pub fn emit(ctx: &Ctx<'_>, kind: Kind, s: &Struct<'_>, out: &mut String) {
    let depth = 1 + s.modules.len();
    let name = ident::text(&s.name);
    let gen_params = generics(s);
    let id = u32_lit(s.id(ctx.model.id_rule));
    let what = match kind {
        Kind::Type => "constructor",
        Kind::Function => "function",
    };
    super::docs::item(ctx, s.def, what, out);
    emit!(
        out,
        "#[derive({})] pub struct {name}{gen_params}",
        ctx.derives
    );
    if s.is_unit() {
        out.push_str(";\n");
    } else {
        out.push_str(" {\n");
        for f in &s.fields {
            super::docs::field(f, out);
            let fname = ident::text(&f.name);
            let ty = field_type(ctx, depth, &f.shape);
            emit!(out, "pub {fname}: {ty},\n");
        }
        out.push_str("}\n");
    }

    if !s.aliases.is_empty() {
        emit!(out, "impl{gen_params} {name}{gen_params} {{\n");
        for a in &s.aliases {
            let method = ident::text(&a.name);
            let field = &s.fields[a.field];
            let fname = ident::text(&field.name);
            let doc = str_lit(&format!(
                "`{}`: shares its flag bit with `{}`, so it is set exactly when that field is.",
                a.tl_name, field.name
            ));
            let value = if let FieldShape::Flag { .. } = field.shape {
                format!("self.{fname}")
            } else {
                format!("self.{fname}.is_some()")
            };
            emit!(
                out,
                "#[doc = {doc}] #[inline] #[must_use] pub fn {method}(&self) -> bool {{ {value} }}\n"
            );
        }
        out.push_str("}\n");
    }

    emit!(
        out,
        "#[automatically_derived] impl{gen_params} {} for {name}{gen_params} {{ const CONSTRUCTOR_ID: u32 = {id}; }}\n",
        rt("Identifiable")
    );
    codec_impls(ctx, kind, s, out);
}

/// `Serialize` and `Deserialize`: a constructor's struct is bare (fields only), a function's is
/// boxed (its id first).
fn codec_impls(ctx: &Ctx<'_>, kind: Kind, s: &Struct<'_>, out: &mut String) {
    let depth = 1 + s.modules.len();
    let name = ident::text(&s.name);
    let gen_params = generics(s);
    let ser = rt("Serialize");
    let de = de();
    let de_params = de_generics(s);
    let (write_id, base, read_id) = match kind {
        Kind::Type => Default::default(),
        Kind::Function => {
            let id = u32_lit(s.id(ctx.model.id_rule));
            let tl_name = str_lit(&s.def.name.value);
            (
                format!("{}(buf, {id});", rt("write_u32")),
                4,
                format!("r.expect_id({id}, {tl_name})?;"),
            )
        }
    };
    emit!(
        out,
        "#[automatically_derived] impl{gen_params} {ser} for {name}{gen_params} {} {{\n\
         #[inline] fn serialize(&self, buf: &mut {}<u8>) {{ {write_id}\n",
        bounds(s, &ser),
        rt("Vec"),
    );
    write_body(s, out);
    out.push_str("}\n#[inline] fn serialized_len(&self) -> usize { ");
    len_body(s, base, out);
    out.push_str(" }\n}\n");

    if kind == Kind::Function && !ctx.decode_functions {
        return;
    }
    emit!(
        out,
        "#[automatically_derived] impl{de_params} {de} for {name}{gen_params} {} {{\n\
         const MIN_SERIALIZED_LEN: usize = ",
        bounds(s, &de),
    );
    min_len(ctx, depth, s, base, out);
    emit!(
        out,
        ";\nfn deserialize(r: &mut {}<'a>) -> {}<Self, {}> {{ {read_id}\n",
        rt("Reader"),
        rt("Result"),
        rt("Error"),
    );
    read_body(s, out);
    out.push_str("}\n}\n");
}

/// A lower bound of the encoded size: the always-present fields' minimums.
fn min_len(ctx: &Ctx<'_>, depth: usize, s: &Struct<'_>, base: usize, out: &mut String) {
    let mut known = base;
    let mut parts = String::new();
    for f in &s.fields {
        match &f.shape {
            FieldShape::Flags { .. } => known += 4,
            FieldShape::Plain { ty } => {
                if let Some(n) = fixed_min_len(ty) {
                    known += n;
                } else {
                    let ty = rust_type(ctx, depth, ty);
                    emit!(parts, " + <{ty} as {}>::MIN_SERIALIZED_LEN", de());
                }
            }
            _ => {}
        }
    }
    emit!(out, "{known}{parts}");
}

/// The smallest encoding of a value of `ty`, when it does not depend on another type's
/// constant: a bare struct's minimum is its own `MIN_SERIALIZED_LEN`.
fn fixed_min_len(ty: &RType) -> Option<usize> {
    Some(match ty {
        // A type parameter's own minimum is not known here (no bound on the const).
        RType::Param(_) | RType::Object => 0,
        // `string` and `bytes`: a 1-byte length and 3 bytes of padding.
        RType::Int
        | RType::Bool
        | RType::Nat
        | RType::Enum(_)
        | RType::String
        | RType::Bytes
        | RType::Vector { bare: true, .. } => 4,
        // A boxed vector: its id and the count.
        RType::Long | RType::Double | RType::Vector { bare: false, .. } => 8,
        RType::Int128 => 16,
        RType::Int256 => 32,
        RType::Int512 => 64,
        RType::Struct { .. } => return None,
    })
}

/// The encoded size of every value of `ty`, when that is one number.
fn fixed_len(ty: &RType) -> Option<usize> {
    Some(match ty {
        RType::Int | RType::Bool | RType::Nat => 4,
        RType::Long | RType::Double => 8,
        RType::Int128 => 16,
        RType::Int256 => 32,
        RType::Int512 => 64,
        _ => return None,
    })
}

fn flag_local(tl: usize) -> String {
    format!("__tl_flags_{tl}")
}

fn bit_mask(bit: u32) -> String {
    u32_lit(1u32.checked_shl(bit).unwrap_or(0))
}

/// Whether the field's type is a bare `vector<T>` (encoded without the vector id).
fn is_bare_vec(ty: &RType) -> bool {
    matches!(ty, RType::Vector { bare: true, .. })
}

fn write_value(ty: &RType, value: &str, out: &mut String) {
    if is_bare_vec(ty) {
        emit!(out, "{}({value}, buf);\n", rt("serialize_bare_vec"));
    } else {
        emit!(out, "{}::serialize({value}, buf);\n", rt("Serialize"));
    }
}

fn len_value(ty: &RType, value: &str) -> String {
    if is_bare_vec(ty) {
        format!("{}({value})", rt("bare_vec_len"))
    } else {
        format!("{}::serialized_len({value})", rt("Serialize"))
    }
}

/// Reads one field's value, or returns the error with the field's place in it.
///
/// The value's type is left to inference (the struct literal fixes it), so the read does not
/// spell the type's path out again.
fn read_value(ty: &RType, ctor: &str, field: &str) -> String {
    let read = if is_bare_vec(ty) {
        format!("{}(r)", rt("deserialize_bare_vec"))
    } else if let RType::Struct { .. } = ty {
        // A bare struct can hold itself through an optional field: one level deeper.
        format!("{}(r)", rt("read_nested"))
    } else {
        format!("{}::deserialize(r)", rt("Deserialize"))
    };
    checked(&read, ctor, field)
}

/// `read`'s value, or a return of its error with the field's place in it.
fn checked(read: &str, ctor: &str, field: &str) -> String {
    let err = rt("Err");
    format!(
        "match {read} {{ {}(v) => v, {err}(e) => return {err}(e.in_field({}, {})) }}",
        rt("Ok"),
        str_lit(ctor),
        str_lit(field),
    )
}

/// The `#` words, computed from the fields: the unknown bits kept from decoding and the bits of
/// the `?true` fields here; the bit of a present optional field is added as that field is
/// written (so each `Option` is looked at once), and such a word is patched in afterwards.
fn flag_words(s: &Struct<'_>, out: &mut String) {
    for f in &s.fields {
        let FieldShape::Flags { tl, known } = f.shape else {
            continue;
        };
        let fname = ident::text(&f.name);
        let mutable = if patched(s, tl) { "mut " } else { "" };
        emit!(
            out,
            "let {mutable}{}: u32 = self.{fname}.bits({})",
            flag_local(tl),
            u32_lit(known)
        );
        for g in &s.fields {
            if let FieldShape::Flag { flag, bit } = g.shape
                && flag == tl
            {
                emit!(
                    out,
                    " | if self.{} {{ {} }} else {{ 0 }}",
                    ident::text(&g.name),
                    bit_mask(bit)
                );
            }
        }
        out.push_str(";\n");
    }
}

/// Whether the `#` word of TL field `tl` governs an optional field, and so is only known once
/// the fields after it are written.
fn patched(s: &Struct<'_>, tl: usize) -> bool {
    s.fields.iter().any(|g| match g.shape {
        FieldShape::Optional { flag, .. } | FieldShape::Group { flag, .. } => flag == tl,
        _ => false,
    })
}

fn flag_at(tl: usize) -> String {
    format!("__tl_at_{tl}")
}

/// What one TL field puts on the wire, seen from `&self`.
enum Access<'s> {
    /// `&self.field`, always written.
    Always(String, &'s RType),
    /// `value` (bound from `&self.field` by the pattern `Some(bind)`), written when present.
    IfSome {
        field: String,
        bind: &'static str,
        value: String,
        ty: &'s RType,
        /// The TL index of the `#` field and the bit that say it is present.
        flag: usize,
        bit: u32,
    },
    /// The `#` word of the TL field at this index.
    Word(usize),
    /// Nothing (a `?true` field).
    Nothing,
}

fn accesses<'s>(s: &'s Struct<'_>) -> impl Iterator<Item = Access<'s>> {
    s.wire.iter().map(move |(_, step)| match *step {
        WireStep::Plain(i) => match &s.fields[i].shape {
            FieldShape::Plain { ty } => {
                Access::Always(format!("&self.{}", ident::text(&s.fields[i].name)), ty)
            }
            _ => Access::Nothing,
        },
        WireStep::Optional(i) => match &s.fields[i].shape {
            FieldShape::Optional { ty, flag, bit } => Access::IfSome {
                field: ident::text(&s.fields[i].name),
                bind: "__tl_v",
                value: "__tl_v".to_string(),
                ty,
                flag: *flag,
                bit: *bit,
            },
            _ => Access::Nothing,
        },
        WireStep::GroupMember(i, k) => match &s.fields[i].shape {
            FieldShape::Group { tys, flag, bit } => Access::IfSome {
                field: ident::text(&s.fields[i].name),
                bind: "__tl_g",
                value: format!("&__tl_g.{k}"),
                ty: &tys[k],
                flag: *flag,
                bit: *bit,
            },
            _ => Access::Nothing,
        },
        WireStep::Flags(i) => match s.fields[i].shape {
            FieldShape::Flags { tl, .. } => Access::Word(tl),
            _ => Access::Nothing,
        },
        WireStep::Nothing => Access::Nothing,
    })
}

fn write_body(s: &Struct<'_>, out: &mut String) {
    flag_words(s, out);
    let mut patches = String::new();
    for access in accesses(s) {
        match access {
            Access::Always(value, ty) => write_value(ty, &value, out),
            Access::IfSome {
                field,
                bind,
                value,
                ty,
                flag,
                bit,
            } => {
                emit!(
                    out,
                    "if let {}({bind}) = &self.{field} {{ {} |= {}; ",
                    rt("Some"),
                    flag_local(flag),
                    bit_mask(bit)
                );
                write_value(ty, &value, out);
                out.push_str("}\n");
            }
            Access::Word(tl) if patched(s, tl) => {
                // A placeholder, and the word once the fields after it have set their bits.
                let at = flag_at(tl);
                emit!(out, "let {at} = buf.len(); {}(buf, 0);\n", rt("write_u32"));
                emit!(
                    patches,
                    "{}(buf, {at}, {});\n",
                    rt("patch_u32"),
                    flag_local(tl)
                );
            }
            Access::Word(tl) => emit!(out, "{}(buf, {});\n", rt("write_u32"), flag_local(tl)),
            Access::Nothing => {}
        }
    }
    out.push_str(&patches);
}

/// The encoded size: `base` plus the fields', constant parts summed here.
fn len_body(s: &Struct<'_>, base: usize, out: &mut String) {
    let mut known = base;
    let mut parts = String::new();
    for access in accesses(s) {
        match access {
            Access::Always(value, ty) => {
                if let Some(n) = fixed_len(ty) {
                    known += n;
                } else {
                    emit!(parts, " + {}", len_value(ty, &value));
                }
            }
            Access::IfSome {
                field,
                bind,
                value,
                ty,
                ..
            } => {
                let len = match fixed_len(ty) {
                    Some(n) => n.to_string(),
                    None => len_value(ty, &value),
                };
                emit!(
                    parts,
                    " + match &self.{field} {{ {}({bind}) => {len}, {} => 0 }}",
                    rt("Some"),
                    rt("None")
                );
            }
            Access::Word(_) => known += 4,
            Access::Nothing => {}
        }
    }
    emit!(out, "{known}{parts}");
}

fn read_body(s: &Struct<'_>, out: &mut String) {
    let some = rt("Some");
    let none = rt("None");
    if s.is_unit() {
        emit!(out, "{}(Self)\n", rt("Ok"));
        return;
    }
    let ctor = s.def.name.value.as_str();
    let tl_fields = &s.def.fields;
    let tl_name = |tl: usize| {
        tl_fields[tl]
            .name
            .as_ref()
            .map_or_else(String::new, |n| n.value.clone())
    };
    // Reads, in wire order, into locals.
    for (tl, step) in &s.wire {
        let at = tl_name(*tl);
        match *step {
            WireStep::Plain(i) => {
                if let FieldShape::Plain { ty, .. } = &s.fields[i].shape {
                    emit!(out, "let __tl_v_{i} = {};\n", read_value(ty, ctor, &at));
                }
            }
            WireStep::Optional(i) => {
                if let FieldShape::Optional { ty, flag, bit, .. } = &s.fields[i].shape {
                    emit!(
                        out,
                        "let __tl_v_{i} = if {} & {} != 0 {{ {some}({}) }} else {{ {none} }};\n",
                        flag_local(*flag),
                        bit_mask(*bit),
                        read_value(ty, ctor, &at)
                    );
                }
            }
            WireStep::GroupMember(i, k) => {
                if let FieldShape::Group { tys, flag, bit, .. } = &s.fields[i].shape {
                    emit!(
                        out,
                        "let __tl_g_{i}_{k} = if {} & {} != 0 {{ {some}({}) }} else {{ {none} }};\n",
                        flag_local(*flag),
                        bit_mask(*bit),
                        read_value(&tys[k], ctor, &at)
                    );
                }
            }
            WireStep::Flags(i) => {
                if let FieldShape::Flags { tl, .. } = s.fields[i].shape {
                    emit!(
                        out,
                        "let {}: u32 = {};\n",
                        flag_local(tl),
                        checked("r.read_u32()", ctor, &at)
                    );
                }
            }
            WireStep::Nothing => {}
        }
    }
    emit!(out, "{}(Self {{\n", rt("Ok"));
    for (i, f) in s.fields.iter().enumerate() {
        let fname = ident::text(&f.name);
        match &f.shape {
            FieldShape::Plain { .. } | FieldShape::Optional { .. } => {
                emit!(out, "{fname}: __tl_v_{i},\n");
            }
            FieldShape::Flag { flag, bit } => {
                emit!(
                    out,
                    "{fname}: {} & {} != 0,\n",
                    flag_local(*flag),
                    bit_mask(*bit)
                );
            }
            FieldShape::Flags { tl, known } => {
                emit!(
                    out,
                    "{fname}: {}::from_word({}, {}),\n",
                    rt("UnknownFlags"),
                    flag_local(*tl),
                    u32_lit(*known)
                );
            }
            FieldShape::Group { tys, .. } => {
                // `match (g0, g1, ) { (Some(a0), Some(a1), ) => Some((a0, a1, )), _ => None }`
                let (mut locals, mut binds, mut values) =
                    (String::new(), String::new(), String::new());
                for k in 0..tys.len() {
                    emit!(locals, "__tl_g_{i}_{k}, ");
                    emit!(binds, "{some}(__tl_a{k}), ");
                    emit!(values, "__tl_a{k}, ");
                }
                emit!(
                    out,
                    "{fname}: match ({locals}) {{ ({binds}) => {some}(({values})), _ => {none} }},\n"
                );
            }
        }
    }
    out.push_str("})\n");
}
