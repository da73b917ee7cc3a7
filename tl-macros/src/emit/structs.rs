//! One struct per constructor (`types::X`, bare) and per function (`functions::F`, boxed): the
//! type with its docs, the methods of `?true` fields that share a bit, and `Identifiable`. The
//! codecs are in [`super::codec`].

use super::text::{bounds, field_type, generics, str_lit, u32_lit};
use super::{Ctx, Kind};
use crate::ident;
use crate::model::{BitHolder, Holds, Struct};
use crate::paths;

/// The struct, its inherent methods and its trait impls.
pub fn emit(ctx: &Ctx<'_>, kind: Kind, s: &Struct, out: &mut String) {
    let depth = 1 + s.modules.len();
    let name = ident::text(&s.name);
    let gen_params = generics(s);
    let what = match kind {
        Kind::Type => "constructor",
        Kind::Function => "function",
    };
    // Each field's identifier, made once for the struct and every impl.
    let fields: Vec<String> = s.fields.iter().map(|f| ident::text(&f.name)).collect();
    let types: Vec<String> = s
        .fields
        .iter()
        .map(|f| field_type(ctx, depth, s, &f.holds))
        .collect();
    super::docs::item(s, what, out);
    emit!(
        out,
        "#[derive({})] pub struct {name}{gen_params}",
        ctx.options.derives
    );
    if s.is_unit() {
        out.push_str(";\n");
    } else {
        out.push_str(" {\n");
        for ((f, field), ty) in s.fields.iter().zip(&fields).zip(&types) {
            super::docs::field(f, out);
            emit!(out, "pub {field}: {ty},\n");
        }
        out.push_str("}\n");
    }
    aliases(s, out);
    constructor(ctx, s, (&name, &gen_params), (&fields, &types), out);
    super::debug::struct_impl(
        (
            &gen_params,
            &format!("{name}{gen_params}"),
            &bounds(s, paths::DEBUG),
        ),
        &name,
        &fields,
        out,
    );
    emit!(
        out,
        "#[automatically_derived] impl{gen_params} {} for {name}{gen_params} {{ const CONSTRUCTOR_ID: u32 = {}; }}\n",
        paths::IDENTIFIABLE,
        u32_lit(s.id)
    );
    super::codec::impls(ctx, kind, s, (&name, fields), out);
    #[cfg(feature = "serde")]
    super::json::struct_impls(ctx, s, out);
}

/// For a struct with fields that TL makes optional (`x:flags.N?T`, `x:flags.N?true`, the `#`
/// words): `new`, taking the others in order and leaving those out (`None`, `false`, no unknown
/// bits), so that a call sets what it needs with struct update syntax,
/// `SendMessage { silent: true, ..SendMessage::new(peer, message, random_id) }`. With no other
/// fields, `Default` instead. A struct without optional fields has neither: its literal says
/// as much.
///
/// No `Default` where the user derives it (a schema of functions only may).
fn constructor(
    ctx: &Ctx<'_>,
    s: &Struct,
    (name, gen_params): (&str, &str),
    (fields, types): (&[String], &[String]),
    out: &mut String,
) {
    if s.fields.iter().all(|f| matches!(f.holds, Holds::Value(_))) {
        return;
    }
    // Pushed piece by piece: the macro is built unoptimized, where each `emit!` is a walk of
    // the formatting machinery, and most structs of an API have fields.
    let (mut params, mut values, mut count) = (String::new(), String::new(), 0);
    for ((f, field), ty) in s.fields.iter().zip(fields).zip(types) {
        values.push_str(field);
        let absent = match f.holds {
            Holds::Value(_) => {
                for piece in [field, ": ", ty, ", "] {
                    params.push_str(piece);
                }
                count += 1;
                values.push_str(", ");
                continue;
            }
            Holds::Optional(_) | Holds::Group(_) => [paths::NONE, ""],
            Holds::Flag(_) => ["false", ""],
            Holds::Flags(_) => [paths::UNKNOWN_FLAGS, "::NONE"],
        };
        for piece in [": ", absent[0], absent[1], ", "] {
            values.push_str(piece);
        }
    }
    if params.is_empty() {
        if !ctx.options.user_default {
            emit!(
                out,
                "#[automatically_derived] impl{gen_params} {} for {name}{gen_params} {{ #[inline] fn default() -> Self {{ Self {{ {values}}} }} }}\n",
                paths::DEFAULT
            );
        }
        return;
    }
    emit!(out, "impl{gen_params} {name}{gen_params} {{\n");
    super::text::doc(
        " ",
        &format!(
            "A `{}` of these fields, with those TL makes optional left out: `None`, `false` and no unknown flag bits.",
            s.tl_name
        ),
        out,
    );
    // Clippy's `too_many_arguments` takes up to 7.
    let allow = if count > 7 {
        "#[allow(clippy::too_many_arguments)] "
    } else {
        ""
    };
    emit!(
        out,
        "#[inline] #[must_use] {allow}pub fn new({params}) -> Self {{ Self {{ {values}}} }} }}\n"
    );
}

/// The methods of `?true` fields that share their bit with another field.
fn aliases(s: &Struct, out: &mut String) {
    if s.aliases.is_empty() {
        return;
    }
    let name = ident::text(&s.name);
    let gen_params = generics(s);
    let mut methods = String::new();
    for a in &s.aliases {
        let holder = s.field(a.holder);
        let field = ident::text(&holder.name);
        let doc = str_lit(&format!(
            " `{}`: shares its flag bit with `{}`, so it is set exactly when that field is.",
            a.tl_name, holder.name
        ));
        let value = match a.test {
            BitHolder::Flag => format!("self.{field}"),
            BitHolder::Present => format!("self.{field}.is_some()"),
        };
        emit!(
            methods,
            "#[doc = {doc}] #[inline] #[must_use] pub fn {}(&self) -> bool {{ {value} }}\n",
            ident::text(&a.method)
        );
    }
    emit!(out, "impl{gen_params} {name}{gen_params} {{\n{methods}}}\n");
}
