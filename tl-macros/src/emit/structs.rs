//! One struct per constructor (`types::X`, bare) and per function (`functions::F`, boxed): the
//! type with its docs, the methods of `?true` fields that share a bit, and `Identifiable`. The
//! codecs are in [`super::codec`].

use super::text::{bounds, field_type, generics, str_lit, u32_lit};
use super::{Ctx, Kind};
use crate::ident;
use crate::model::{BitHolder, Struct};
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
        for (f, field) in s.fields.iter().zip(&fields) {
            super::docs::field(f, out);
            emit!(
                out,
                "pub {field}: {},\n",
                field_type(ctx, depth, s, &f.holds)
            );
        }
        out.push_str("}\n");
    }
    aliases(s, out);
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
