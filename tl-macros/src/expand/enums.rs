//! One enum per boxed type (`enums::T`), a variant per constructor: the boxed encoding (id,
//! then the constructor's fields), and `From`/`TryFrom` between each variant's struct and the enum.

use super::Ctx;
use super::model::Enum;
use super::structs::{de, lifetime, str_lit, u32_lit};
use crate::ident;
use crate::paths::{relative, rt};

pub fn emit(ctx: &Ctx<'_>, e: &Enum<'_>, out: &mut String) {
    let depth = 1 + e.modules.len();
    let name = ident::text(&e.name);
    // The enum's lifetime, when it borrows: its impls' generics and its type arguments.
    let lt = lifetime(e.borrows);
    let ty = format!("{name}{lt}");
    let boxed = rt("Box");
    let ser = rt("Serialize");
    let de = de();
    let write_u32 = rt("write_u32");

    let mut variants = String::new();
    let mut writes = String::new();
    let mut lens = String::new();
    let mut reads = String::new();
    let mut conversions = String::new();
    let mut seen_ids = std::collections::HashSet::new();
    for &v in &e.variants {
        let s = &ctx.model.types[v];
        let variant = ident::text(&s.variant);
        let id = u32_lit(s.id(ctx.model.id_rule));
        let path = relative(depth, "types", &s.modules, &s.name) + lifetime(s.borrows);
        let doc = str_lit(&format!("`{}`", s.def.name.value));
        // A frozen id shared by two constructors decodes as the first.
        let first = seen_ids.insert(s.id(ctx.model.id_rule));
        if s.is_unit() {
            emit!(variants, "#[doc = {doc}] {variant},\n");
            emit!(writes, "Self::{variant} => {write_u32}(buf, {id}),\n");
            emit!(lens, "Self::{variant} => 4,\n");
            if first {
                emit!(reads, "{id} => {}(Self::{variant}),\n", rt("Ok"));
            }
            conversion(
                (lt, &ty),
                &path,
                ("_", &format!("Self::{variant}")),
                (&format!("{name}::{variant}"), &path),
                &mut conversions,
            );
            continue;
        }
        let (payload, wrap, unwrap, read) = if s.boxed_in_enum {
            (
                format!("{boxed}<{path}>"),
                format!("{boxed}::new(x)"),
                "*x",
                rt("read_boxed_variant"),
            )
        } else {
            (path.clone(), "x".to_string(), "x", rt("read_variant"))
        };
        emit!(variants, "#[doc = {doc}] {variant}({payload}),\n");
        emit!(
            writes,
            "Self::{variant}(x) => {{ {write_u32}(buf, {id}); <{path} as {ser}>::serialize(x, buf) }}\n"
        );
        emit!(
            lens,
            "Self::{variant}(x) => 4 + <{path} as {ser}>::serialized_len(x),\n"
        );
        if first {
            emit!(
                reads,
                "{id} => {read}(r, <{path} as {de}>::deserialize, Self::{variant}),\n"
            );
        }
        conversion(
            (lt, &ty),
            &path,
            ("x", &format!("Self::{variant}({wrap})")),
            (&format!("{name}::{variant}(x)"), unwrap),
            &mut conversions,
        );
    }
    super::docs::enum_docs(e, out);
    emit!(
        out,
        "#[derive({})] pub enum {ty} {{\n{variants}}}\n",
        ctx.derives
    );
    serialize_by_variant((lt, &ty), &writes, &lens, out);
    emit!(
        out,
        "#[automatically_derived] impl<'a> {de} for {ty} {{\n\
         const MIN_SERIALIZED_LEN: usize = 4;\n\
         fn deserialize(r: &mut {}<'a>) -> {}<Self, {}> {{\n\
         let id = r.read_u32()?;\n\
         match id {{\n{reads}_ => {}({}(r, {}, id)),\n}}\n}}\n}}\n{conversions}",
        rt("Reader"),
        rt("Result"),
        rt("Error"),
        rt("Err"),
        rt("unexpected_constructor"),
        str_lit(e.tl_name),
    );
}

/// `Serialize` for an enum whose every variant writes itself: `generics` and `ty` are the impl's
/// generics and the enum's type, `writes` and `lens` the match arms (`Self::V(x) => ...`).
pub fn serialize_by_variant(
    (generics, ty): (&str, &str),
    writes: &str,
    lens: &str,
    out: &mut String,
) {
    emit!(
        out,
        "#[automatically_derived] impl{generics} {} for {ty} {{\n\
         fn serialize(&self, buf: &mut {}<u8>) {{ match self {{\n{writes}}} }}\n\
         fn serialized_len(&self) -> usize {{ match self {{\n{lens}}} }}\n}}\n",
        rt("Serialize"),
        rt("Vec"),
    );
}

/// `From<types::X> for enums::T` and `TryFrom<enums::T> for types::X` for one variant: `generics`
/// and `name` are the impls' generics and the enum's type, `from` is the argument pattern and the
/// enum value built from it, `back` the variant pattern and the struct taken out of it.
fn conversion(
    (generics, name): (&str, &str),
    path: &str,
    from: (&str, &str),
    back: (&str, &str),
    out: &mut String,
) {
    let ((arg, built), (pattern, taken)) = (from, back);
    emit!(
        out,
        "#[automatically_derived] impl{generics} {}<{path}> for {name} {{\n\
         #[inline] fn from({arg}: {path}) -> Self {{ {built} }}\n}}\n\
         #[automatically_derived] impl{generics} {}<{name}> for {path} {{\n\
         type Error = {name};\n\
         #[allow(unreachable_patterns)] #[inline]\n\
         fn try_from(value: {name}) -> {}<Self, {name}> {{\n\
         match value {{ {pattern} => {}({taken}), other => {}(other) }}\n}}\n}}\n",
        rt("From"),
        rt("TryFrom"),
        rt("Result"),
        rt("Ok"),
        rt("Err"),
    );
}
