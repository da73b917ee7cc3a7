//! `#[derive(Serialize, Deserialize, Identifiable)]` on hand-written types (the `derive`
//! feature), each checked against its TL line.
//!
//! The same phases as `tl!`, for one definition: darling reads the attributes (receivers below,
//! every mistake accumulated, unknown names with a suggestion); [`line`] reads the TL line
//! (from `line = "..."`, a schema file's definition, or the Rust fields themselves with
//! `id = 0x…` alone) and checks it through `tl_schema`; [`fields`] models it as `tl!` would
//! ([`crate::model::line_struct`]) and matches the Rust fields against that model, each
//! mismatch an error at the field; the codec text is `tl!`'s own ([`crate::emit::codec`]).

// darling's generated receivers loop with a `continue` clippy finds redundant.
#![allow(clippy::needless_continue)]

mod fields;
mod line;

use crate::emit::codec::{self, Places};
use crate::emit::{Ctx, Kind, Options};
use crate::model::{Model, Struct};
use crate::paths;
use darling::ast::{Data, Fields, Style};
use darling::util::{Flag, SpannedValue};
use darling::{FromDeriveInput, FromField, FromMeta, FromVariant};
use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote};
use syn::ext::IdentExt as _;

/// An error at `span`.
pub fn error(span: Span, message: impl std::fmt::Display) -> darling::Error {
    syn::Error::new(span, message.to_string()).into()
}

/// Which derive is running.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Serialize,
    Deserialize,
    Identifiable,
}

/// `id = 0x…` (the constructor id) or, with `scheme`, `id = "name"` (the definition's name).
#[derive(Clone, Debug)]
pub enum Id {
    Number(u32, Span),
    Name(String, Span),
}

impl FromMeta for Id {
    fn from_value(value: &syn::Lit) -> darling::Result<Self> {
        match value {
            syn::Lit::Int(int) => int
                .base10_parse::<u32>()
                .map(|n| Id::Number(n, int.span()))
                .map_err(|_| {
                    darling::Error::custom("the id is a 32-bit number, such as `id = 0x1e36fded`")
                        .with_span(int)
                }),
            syn::Lit::Str(s) => Ok(Id::Name(s.value(), s.span())),
            other => Err(darling::Error::custom(
                "expected the constructor id (`id = 0x1e36fded`) or, with `scheme`, its name (`id = \"dht.node\"`)",
            )
            .with_span(other)),
        }
    }
}

/// What a struct or an enum variant says about its TL definition.
#[derive(Clone, Debug, Default, FromMeta)]
pub struct Source {
    /// `line = "name#id field:type = Type;"`.
    pub line: Option<syn::LitStr>,
    /// `id = 0x…`, or `id = "name"` with `scheme`.
    pub id: Option<Id>,
    /// `scheme = "file.tl"`: the line is the definition `id` names in this file.
    pub scheme: Option<syn::LitStr>,
    /// `id_rule = "tdlib"`: how an id not written in the line is computed.
    pub id_rule: Option<syn::LitStr>,
}

/// `#[tl(...)]` on the struct or enum.
#[derive(FromDeriveInput)]
#[darling(
    attributes(tl),
    supports(struct_named, struct_tuple, struct_unit, enum_any),
    forward_attrs(doc)
)]
pub struct Container {
    pub ident: syn::Ident,
    pub generics: syn::Generics,
    pub data: Data<Variant, Field>,
    #[darling(flatten)]
    pub source: Source,
    /// `boxed`: a struct writes its id first (as an enum or a function does).
    pub boxed: Flag,
    /// `crate = "path"`: the runtime's path, for a renamed dependency (`::tl_runtime`).
    #[darling(rename = "crate")]
    pub krate: Option<syn::Path>,
    #[allow(dead_code)]
    pub attrs: Vec<syn::Attribute>,
}

/// `#[tl(...)]` on an enum variant.
#[derive(FromVariant)]
#[darling(attributes(tl))]
pub struct Variant {
    pub ident: syn::Ident,
    pub fields: Fields<Field>,
    #[darling(flatten)]
    pub source: Source,
}

/// `#[tl(...)]` on a field.
#[derive(Clone, FromField)]
#[darling(attributes(tl))]
pub struct Field {
    pub ident: Option<syn::Ident>,
    pub ty: syn::Type,
    /// `with = "module"`: `module::{serialize, deserialize}` encode the value.
    pub with: Option<syn::Path>,
    /// `skip`: not on the wire; decoded as `Default::default()` or `default`'s value.
    pub skip: Flag,
    /// `default = "path"`: with `skip`, the function giving its value.
    pub default: Option<SpannedValue<syn::Path>>,
    /// `rename = "tl_name"`: the TL field it holds, when its Rust name differs.
    pub rename: Option<SpannedValue<String>>,
    /// `flag = "flags.3"`: the bit the field is on, checked against the line.
    pub flag: Option<syn::LitStr>,
}

impl Field {
    /// Its name in messages: the identifier, or the tuple index.
    fn label(&self, index: usize) -> String {
        self.ident
            .as_ref()
            .map_or_else(|| index.to_string(), |i| i.unraw().to_string())
    }
}

/// One derive: tokens in, the impl (or the errors) out. Never panics.
pub fn expand(input: TokenStream, which: Which) -> TokenStream {
    let input: syn::DeriveInput = match syn::parse2(input) {
        Ok(input) => input,
        Err(e) => return e.to_compile_error(),
    };
    let container = match Container::from_derive_input(&input) {
        Ok(c) => c,
        Err(e) => return e.write_errors(),
    };
    let mut errors = darling::Error::accumulator();
    let mut tracking = TokenStream::new();
    let code = match &container.data {
        Data::Struct(fields) => struct_impls(&container, fields, which, &mut tracking, &mut errors),
        Data::Enum(variants) => enum_impls(&container, variants, which, &mut tracking, &mut errors),
    };
    if let Err(e) = errors.finish() {
        let errors = e.write_errors();
        return quote!(#tracking #errors);
    }
    let runtime = container
        .krate
        .as_ref()
        .map_or_else(|| quote!(::tl_runtime), ToTokens::to_token_stream);
    let code = tokens(&code.unwrap_or_default());
    let alias = syn::Ident::new(paths::ALIAS, Span::call_site());
    quote! {
        #tracking
        #[doc(hidden)]
        #[allow(non_upper_case_globals, unused_qualifications, clippy::all)]
        const _: () = {
            #[allow(unused_imports)]
            use #runtime::__private as #alias;
            #code
        };
    }
}

/// Source text the derive wrote, as tokens (text that does not lex, a bug, is an error saying so).
fn tokens(text: &str) -> TokenStream {
    match text.parse() {
        Ok(code) => code,
        Err(e) => {
            let message = crate::pipeline::internal_lex_error(&e);
            quote!(::core::compile_error!(#message);)
        }
    }
}

/// A context for `tl!`'s codec writers: a derive's types are all [`crate::model::RType::Extern`]
/// (their Rust types written out), so the model they look things up in is empty.
fn with_ctx<R>(f: impl FnOnce(&Ctx<'_>) -> R) -> R {
    let model = Model {
        types: Vec::new(),
        functions: Vec::new(),
        enums: Vec::new(),
        borrowed: false,
    };
    let options = Options {
        derives: String::new(),
        user_derives: 0,
        user_default: false,
        externs: 0,
        decode_functions: true,
        any: false,
        layer: None,
        json: None,
    };
    f(&Ctx {
        model: &model,
        options: &options,
    })
}

/// The impl headers: generics, the type with its arguments, and the where clause, for the
/// trait `bound` on each type parameter. For `Deserialize<'a>`, `'a` is the input's lifetime
/// (the codec text names it): it outlives every lifetime of the type, or is the type's own `'a`.
struct Header {
    generics: String,
    ty: String,
    bounds: String,
}

fn header(container: &Container, which: Which) -> Header {
    let g = &container.generics;
    let ident = &container.ident;
    let (_, ty_generics, _) = g.split_for_impl();
    let ty = quote!(#ident #ty_generics).to_string();
    let mut params: Vec<String> = Vec::new();
    let mut bounds: Vec<String> = Vec::new();
    let de = which == Which::Deserialize;
    let has_a = g.lifetimes().any(|l| l.lifetime.ident == "a");
    if de && !has_a {
        params.push("'a".to_string());
    }
    for p in &g.params {
        match p {
            syn::GenericParam::Lifetime(l) => {
                let name = l.lifetime.to_token_stream().to_string();
                params.push(l.to_token_stream().to_string());
                if de && l.lifetime.ident != "a" {
                    bounds.push(format!("'a: {name}"));
                }
            }
            syn::GenericParam::Type(t) => {
                let mut t = t.clone();
                t.default = None;
                t.eq_token = None;
                let name = t.ident.to_string();
                params.push(t.to_token_stream().to_string());
                let bound = match which {
                    Which::Serialize => paths::SERIALIZE.to_string(),
                    Which::Deserialize => crate::emit::text::de(),
                    Which::Identifiable => continue,
                };
                bounds.push(format!("{name}: {bound}"));
            }
            syn::GenericParam::Const(c) => {
                let mut c = c.clone();
                c.default = None;
                c.eq_token = None;
                params.push(c.to_token_stream().to_string());
            }
        }
    }
    if let Some(w) = &g.where_clause {
        for p in &w.predicates {
            bounds.push(p.to_token_stream().to_string());
        }
    }
    Header {
        generics: if params.is_empty() {
            String::new()
        } else {
            format!("<{}>", params.join(", "))
        },
        ty,
        bounds: if bounds.is_empty() {
            String::new()
        } else {
            format!("where {}", bounds.join(", "))
        },
    }
}

/// A struct's impl of `which`.
fn struct_impls(
    container: &Container,
    fields: &Fields<Field>,
    which: Which,
    tracking: &mut TokenStream,
    errors: &mut darling::error::Accumulator,
) -> Option<String> {
    let line = line::read(
        &container.source,
        container.boxed.is_present(),
        &container.ident,
        fields,
        tracking,
        errors,
    )?;
    let h = header(container, which);
    let boxed = container.boxed.is_present();
    if which == Which::Identifiable {
        return Some(identifiable(&h, line.id));
    }
    let (s, places) = fields::matched(&line, fields, &Access::SelfFields, "Self", errors)?;
    let kind = if boxed { Kind::Function } else { Kind::Type };
    let mut out = String::new();
    match which {
        Which::Serialize => codec::serialize_header(kind, &s, &places, &h_text(&h), &mut out),
        Which::Deserialize => with_ctx(|ctx| {
            codec::deserialize_header(ctx, kind, &s, &places, &h_text(&h), &mut out);
        }),
        Which::Identifiable => {}
    }
    Some(out)
}

fn h_text(h: &Header) -> codec::Header {
    codec::Header {
        generics: h.generics.clone(),
        ty: h.ty.clone(),
        bounds: h.bounds.clone(),
    }
}

fn identifiable(h: &Header, id: u32) -> String {
    format!(
        "#[automatically_derived] impl{} {} for {} {} {{ const CONSTRUCTOR_ID: u32 = {}; }}\n",
        h.generics,
        paths::IDENTIFIABLE,
        h.ty,
        h.bounds,
        crate::emit::text::u32_lit(id)
    )
}

/// How the codec reaches the Rust fields.
pub enum Access {
    /// `self.name`, `self.0`.
    SelfFields,
    /// Bound by a variant's pattern (`__tl_f0`, a reference).
    Bound,
}

/// What one enum variant is on the wire.
enum Arm {
    /// A constructor checked against its line: its model, how its fields are reached, and the
    /// pattern binding them.
    Line {
        s: Box<Struct>,
        places: Places,
        pattern: String,
    },
    /// `V(T)`: `T` is the constructor (its `Identifiable` id, its bare encoding).
    Newtype(String),
}

/// An enum's impl of `which`: each variant one constructor of the boxed type, decoded by id.
fn enum_impls(
    container: &Container,
    variants: &[Variant],
    which: Which,
    tracking: &mut TokenStream,
    errors: &mut darling::error::Accumulator,
) -> Option<String> {
    if which == Which::Identifiable {
        errors.push(
            darling::Error::custom(
                "`Identifiable` is one constructor's id; an enum has a constructor per variant (derive `Identifiable` on the variants' types instead)",
            )
            .with_span(&container.ident),
        );
        return None;
    }
    if container.boxed.is_present() {
        errors.push(error(
            container.boxed.span(),
            "an enum is always boxed: remove `boxed`",
        ));
    }
    for (what, set) in [
        ("line", container.source.line.is_some()),
        ("id", container.source.id.is_some()),
        ("scheme", container.source.scheme.is_some()),
    ] {
        if set {
            errors.push(
                darling::Error::custom(format!(
                    "`{what}` belongs on each variant of an enum (one constructor each), not on the enum"
                ))
                .with_span(&container.ident),
            );
        }
    }
    if variants.is_empty() {
        errors.push(
            darling::Error::custom("an enum with no variants has no constructor to decode")
                .with_span(&container.ident),
        );
        return None;
    }
    let mut arms = Vec::new();
    let mut result_type: Option<(String, String)> = None;
    let mut ids: Vec<(u32, String)> = Vec::new();
    for v in variants {
        let has_source = v.source.line.is_some() || v.source.id.is_some();
        if v.fields.style == Style::Tuple && v.fields.len() == 1 && !has_source {
            let ty = &v.fields.fields[0];
            if ty.skip.is_present() || ty.with.is_some() || ty.rename.is_some() {
                errors.push(
                    darling::Error::custom(
                        "a variant `V(T)` without a line is `T`'s constructor: it takes no field attributes",
                    )
                    .with_span(&ty.ty),
                );
            }
            arms.push((v, Arm::Newtype(ty.ty.to_token_stream().to_string())));
            continue;
        }
        let Some(line) = line::read(&v.source, false, &v.ident, &v.fields, tracking, errors) else {
            continue;
        };
        // Every variant is a constructor of one boxed type.
        let result = line.def.result.to_string();
        match &result_type {
            None => result_type = Some((result, v.ident.to_string())),
            Some((first, variant)) if *first != result => errors.push(
                darling::Error::custom(format!(
                    "this variant's line is a constructor of `{result}`, but `{variant}`'s is of `{first}`: an enum is one boxed type"
                ))
                .with_span(&v.ident),
            ),
            Some(_) => {}
        }
        if let Some((_, other)) = ids.iter().find(|(id, _)| *id == line.id) {
            errors.push(
                darling::Error::custom(format!(
                    "`{}` has the id #{:08x}, as `{other}` has: they cannot be told apart",
                    v.ident, line.id
                ))
                .with_span(&v.ident),
            );
        }
        ids.push((line.id, v.ident.to_string()));
        let ctor = format!("Self::{}", v.ident);
        let Some((s, places)) = fields::matched(&line, &v.fields, &Access::Bound, &ctor, errors)
        else {
            continue;
        };
        let pattern = fields::pattern(&v.ident, &v.fields);
        arms.push((
            v,
            Arm::Line {
                s: Box::new(s),
                places,
                pattern,
            },
        ));
    }
    if arms.len() != variants.len() {
        return None;
    }
    let h = header(container, which);
    let h = h_text(&h);
    let name = container.ident.to_string();
    Some(match which {
        Which::Serialize => {
            let mut writes = String::new();
            for (v, arm) in &arms {
                match arm {
                    Arm::Line { s, places, pattern } => {
                        emit!(
                            writes,
                            "{pattern} => {{\n{}}}\n",
                            codec::write_body(s, places, codec::Id::Is(s.id))
                        );
                    }
                    Arm::Newtype(ty) => {
                        let v = &v.ident;
                        emit!(
                            writes,
                            "Self::{v}(x) => <{ty} as {ser}>::serialize_with_id(x, {}(<{ty} as {}>::CONSTRUCTOR_ID), buf),\n",
                            paths::SOME,
                            paths::IDENTIFIABLE,
                            ser = paths::SERIALIZE
                        );
                    }
                }
            }
            let arms_ty = format!("{} {}", h.ty, h.bounds);
            crate::emit::enums::serialize_by_variant((&h.generics, &arms_ty), &writes)
        }
        Which::Deserialize => {
            let mut reads = String::new();
            for (v, arm) in &arms {
                match arm {
                    Arm::Line { s, places, .. } => {
                        let id = crate::emit::text::u32_lit(s.id);
                        // The fields read one nesting level deeper, as a generated enum's are.
                        emit!(
                            reads,
                            "{id} => {}(r, |r| {{\n{}}}, |x| x),\n",
                            paths::READ_VARIANT,
                            codec::read_body(s, places, &|_| None)
                        );
                    }
                    Arm::Newtype(ty) => {
                        emit!(
                            reads,
                            "<{ty} as {}>::CONSTRUCTOR_ID => {}(r, <{ty} as {}>::deserialize, Self::{}),\n",
                            paths::IDENTIFIABLE,
                            paths::READ_VARIANT,
                            crate::emit::text::de(),
                            v.ident
                        );
                    }
                }
            }
            let tl_name = result_type.map_or(name, |(r, _)| r);
            crate::emit::enums::deserialize_by_id_with(
                &h,
                false,
                &reads,
                (paths::UNEXPECTED_CONSTRUCTOR, &tl_name, ""),
            )
        }
        Which::Identifiable => String::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::{Which, expand};
    use proc_macro2::TokenStream;
    use quote::ToTokens;
    use std::path::Path;

    /// Every derive an item asks for, expanded.
    fn expand_item(item: &syn::DeriveInput) -> TokenStream {
        let mut out = TokenStream::new();
        for attr in item.attrs.iter().filter(|a| a.path().is_ident("derive")) {
            let _ = attr.parse_nested_meta(|meta| {
                let which = match meta.path.get_ident().map(ToString::to_string).as_deref() {
                    Some("Serialize") => Which::Serialize,
                    Some("Deserialize") => Which::Deserialize,
                    Some("Identifiable") => Which::Identifiable,
                    _ => return Ok(()),
                };
                out.extend(expand(item.to_token_stream(), which));
                Ok(())
            });
        }
        out
    }

    /// `snapshots/derive.input.rs` expanded, pretty-printed, and compared with
    /// `snapshots/derive.expected.rs` (`TL_BLESS=1` writes it), as `tl!`'s snapshots are.
    #[test]
    fn derive_expansion_snapshot() {
        let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
        let input = std::fs::read_to_string(dir.join("derive.input.rs")).expect("read input");
        let file = syn::parse_file(&input).expect("the input parses");
        let mut out = TokenStream::new();
        for item in file.items {
            let item: syn::DeriveInput = syn::parse2(item.into_token_stream()).expect("an item");
            out.extend(expand_item(&item));
        }
        let text = out.to_string();
        assert!(!text.contains("compile_error"), "{text}");
        let parsed: syn::File = syn::parse2(out).expect("the expansion parses as Rust");
        let pretty = format!(
            "// Generated by the derives from derive.input.rs; bless with TL_BLESS=1.\n{}",
            prettyplease::unparse(&parsed)
        );
        let expected_path = dir.join("derive.expected.rs");
        if std::env::var_os("TL_BLESS").is_some() {
            std::fs::write(&expected_path, &pretty).expect("write snapshot");
            return;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        assert!(
            expected == pretty,
            "the derive expansion changed; review it and bless with TL_BLESS=1"
        );
    }

    fn derive(item: &str) -> String {
        let item: syn::DeriveInput = syn::parse_str(item).expect("the test item parses");
        expand(item.to_token_stream(), Which::Serialize).to_string()
    }

    /// `scheme = "file.tl"`: a definition by name (an unknown one with the nearest name), by id,
    /// and a file that does not read.
    #[test]
    fn scheme_definitions_by_name_and_id() {
        let found = derive(
            r#"#[tl(scheme = "snapshots/flags.tl", id = "inputPeerUser")]
            struct U { user_id: i64, access_hash: i64 }"#,
        );
        assert!(!found.contains("compile_error"), "{found}");
        assert!(
            found.contains("include_str"),
            "the file is tracked: {found}"
        );
        let typo = derive(
            r#"#[tl(scheme = "snapshots/flags.tl", id = "inputPeerUsr")]
            struct U { user_id: i64, access_hash: i64 }"#,
        );
        assert!(
            typo.contains("has no definition named `inputPeerUsr` (did you mean `inputPeerUser`?)"),
            "{typo}"
        );
        let by_id = derive(
            r#"#[tl(scheme = "snapshots/flags.tl", id = 0x12345678)]
            struct U { user_id: i64, access_hash: i64 }"#,
        );
        assert!(
            by_id.contains("no definition with the id #12345678"),
            "{by_id}"
        );
        let missing = derive(r#"#[tl(scheme = "snapshots/no-such.tl", id = "x")] struct U;"#);
        assert!(missing.contains("cannot read scheme file"), "{missing}");
    }

    /// Any line, cut anywhere, on structs and variants of any shape: the derive reports or
    /// expands, never panics, and what it expands parses as Rust.
    #[test]
    fn every_snapshot_line_cut_anywhere_derives_without_panicking() {
        let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
        let mut lines = Vec::new();
        for entry in std::fs::read_dir(dir).expect("read snapshots") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "tl") {
                let text = std::fs::read_to_string(&path).expect("read");
                lines.extend(text.lines().map(str::to_string));
            }
        }
        let shapes = [
            "struct S { a: i64, b: Option<String>, flags: UnknownFlags }",
            "struct S(i32, Vec<u8>);",
            "struct S;",
            "enum E { #[tl(line = LINE)] V { a: i32 }, #[tl(line = LINE)] W }",
        ];
        let mut expanded = 0;
        for line in &lines {
            let mut cuts: Vec<usize> = (0..=line.len())
                .filter(|&i| line.is_char_boundary(i))
                .collect();
            cuts.retain(|i| i % 3 == 0 || *i == line.len());
            for cut in cuts {
                let lit = format!("{:?}", &line[..cut]);
                for shape in shapes {
                    let item = if shape.starts_with("enum") {
                        shape.replace("LINE", &lit)
                    } else {
                        format!("#[tl(line = {lit})] {shape}")
                    };
                    let out = derive(&item);
                    if !out.contains("compile_error") {
                        let _: syn::File = syn::parse_str(&out)
                            .unwrap_or_else(|e| panic!("{item}: does not parse: {e}"));
                        expanded += 1;
                    }
                }
            }
        }
        assert!(expanded > 0, "some cut lines fit a shape");
    }
}
