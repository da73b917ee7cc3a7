//! The `#[tl(...)]` options, parsed with syn's `parse_nested_meta`. Every mistake becomes an
//! error at its own span, and parsing goes on after it, so all of them are reported at once.

use proc_macro2::{Span, TokenStream};
use syn::ext::IdentExt;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned as _;
use syn::{Ident, LitStr, Token};

/// The options, in the order the docs list them.
const OPTIONS: &[&str] = &[
    "include",
    "errors",
    "id_rule",
    "allow_id_mismatch",
    "only",
    "borrowed",
    "any",
    "decode_functions",
    "derive",
    "serde",
    "extern",
    "layer",
    "crate",
];

/// `#[tl(...)]`.
#[derive(Default)]
pub struct Options {
    /// `include = "path"`: a `.tl` file relative to the invoking crate's `CARGO_MANIFEST_DIR`,
    /// with the span of its literal.
    pub include: Vec<(String, Span)>,
    /// `errors = "path"`: Telegram's error list (`raw-errors.json`), relative to
    /// `CARGO_MANIFEST_DIR` as `include` is, with the span of its literal.
    pub errors: Option<(String, Span)>,
    /// `id_rule = "telegram"` (the default) or `"tdlib"`.
    pub id_rule: Option<tl_schema::IdRule>,
    /// `allow_id_mismatch(name, "ns.name", ...)`.
    pub allow_id_mismatch: NameList,
    /// `crate = "path"`: where the runtime is, when the `tl!` wrapper's own path is not wanted.
    pub krate: Option<syn::Path>,
    /// `only(name, "ns.name", Type, ...)`: generate only these constructors, functions and
    /// boxed types, and what they need.
    pub only: NameList,
    /// `borrowed`: strings, bytes and `Object` borrow from the decoded input (`&'a str`,
    /// `&'a [u8]`, `ObjectRef<'a>`), and the types that hold them get a lifetime.
    pub borrowed: bool,
    /// `any`: also generate `Any`, one enum over every boxed type and function, decoded by
    /// its constructor id.
    pub any: bool,
    /// `decode_functions`: functions implement `Deserialize` too (also implied by `any`).
    pub decode_functions: bool,
    /// `derive(Trait, ...)`: more derives for every generated struct and enum, after
    /// `Debug`, `Clone` and `PartialEq`, with the spans they were written with.
    pub derive: Vec<proc_macro2::TokenStream>,
    /// `extern(Type = path, ...)`: TL types defined outside the schema, and the Rust types that
    /// implement them, with the spans of their names.
    pub externs: Vec<Extern>,
    /// `layer = N`: the `LAYER` constant, for a schema without a `// LAYER N` line.
    pub layer: Option<u32>,
    /// `serde` or `serde = "tl"` / `"tdlib"`: serde impls in that JSON form, with the option's span.
    pub serde: Option<(JsonMode, Span)>,
    /// The options read so far, to report a repeated one.
    seen: Vec<String>,
}

/// The JSON form of `#[tl(serde)]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonMode {
    /// TL names, tagged by `"_"`; `long` as a number.
    Tl,
    /// TDLib's JSON: tagged by `"@type"`; `int64` as a decimal string.
    Tdlib,
}

/// One entry of `extern(...)`: `FutureSalts = crate::salts::FutureSalts`.
pub struct Extern {
    /// The TL type's name (`FutureSalts`, or `"ns.Type"` as a string).
    pub name: String,
    pub span: Span,
    /// The Rust type, as written.
    pub ty: syn::Type,
}

/// A list of TL names, each an identifier or a string literal (for namespaced names such as
/// `"help.configSimple"`), with their spans.
#[derive(Debug, Default)]
pub struct NameList(pub Vec<(String, Span)>);

impl Options {
    /// Reads one option of `#[tl(...)]`. An error in its value is pushed to `errors` and the
    /// rest of the option skipped, so that the options after it are still read.
    pub fn parse_option(&mut self, meta: &ParseNestedMeta<'_>, errors: &mut Vec<syn::Error>) {
        if let Err(e) = self.parse_known(meta) {
            errors.push(e);
            // Skip to the comma before the next option.
            while !meta.input.is_empty() && !meta.input.peek(Token![,]) {
                if meta.input.parse::<proc_macro2::TokenTree>().is_err() {
                    break;
                }
            }
        }
    }

    fn parse_known(&mut self, meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
        let name = meta
            .path
            .get_ident()
            .map(ToString::to_string)
            .unwrap_or_default();
        // `include` may name several files; any other option is given once.
        if name != "include" && OPTIONS.contains(&name.as_str()) {
            if self.seen.contains(&name) {
                return Err(meta.error(format!("duplicate option `{name}`: give each option once")));
            }
            self.seen.push(name.clone());
        }
        match name.as_str() {
            "include" => {
                let lit: LitStr = meta.value()?.parse()?;
                self.include.push((lit.value(), lit.span()));
            }
            "errors" => {
                let lit: LitStr = meta.value()?.parse()?;
                self.errors = Some((lit.value(), lit.span()));
            }
            "id_rule" => {
                let lit: LitStr = meta.value()?.parse()?;
                self.id_rule = Some(id_rule(&lit)?);
            }
            "allow_id_mismatch" => names(meta, &mut self.allow_id_mismatch)?,
            "only" => names(meta, &mut self.only)?,
            "crate" => {
                let lit: LitStr = meta.value()?.parse()?;
                let path = lit.parse().map_err(|_| {
                    syn::Error::new(
                        lit.span(),
                        format!(
                            "`crate = \"{}\"` is not a path: write the runtime's path, such as \"::tl_runtime\"",
                            lit.value()
                        ),
                    )
                })?;
                self.krate = Some(path);
            }
            "borrowed" => self.borrowed = flag(meta)?,
            "any" => self.any = flag(meta)?,
            "decode_functions" => self.decode_functions = flag(meta)?,
            "derive" => meta.parse_nested_meta(|inner| {
                self.derive
                    .push(quote::ToTokens::to_token_stream(&inner.path));
                Ok(())
            })?,
            "extern" => externs(meta, &mut self.externs)?,
            "serde" => {
                let mode = if meta.input.peek(Token![=]) {
                    let lit: LitStr = meta.value()?.parse()?;
                    match lit.value().as_str() {
                        "tl" => JsonMode::Tl,
                        "tdlib" => JsonMode::Tdlib,
                        other => {
                            return Err(syn::Error::new(
                                lit.span(),
                                format!(
                                    "unknown serde form `{other}`: expected \"tl\" (TL names, `_` tags) or \"tdlib\" (TDLib's JSON)"
                                ),
                            ));
                        }
                    }
                } else {
                    flag(meta)?;
                    JsonMode::Tl
                };
                self.serde = Some((mode, meta.path.span()));
            }
            "layer" => {
                let value = meta.value()?;
                let wrong = |span| {
                    syn::Error::new(
                        span,
                        "`layer` is the schema's layer number, such as `layer = 228`",
                    )
                };
                let lit: syn::LitInt = value.parse().map_err(|e| wrong(e.span()))?;
                self.layer = Some(lit.base10_parse().map_err(|_| wrong(lit.span()))?);
            }
            _ => {
                let written = quote::ToTokens::to_token_stream(&meta.path).to_string();
                let nearest = crate::diag::did_you_mean(&written, OPTIONS.iter().copied());
                return Err(meta.error(format!(
                    "unknown option `{written}`{nearest}; the options are {}",
                    OPTIONS.join(", ")
                )));
            }
        }
        Ok(())
    }
}

/// `id_rule = "telegram"` or `"tdlib"`, in `tl!`'s options and a derive's alike.
pub fn id_rule(lit: &LitStr) -> syn::Result<tl_schema::IdRule> {
    match lit.value().as_str() {
        "telegram" => Ok(tl_schema::IdRule::Telegram),
        "tdlib" => Ok(tl_schema::IdRule::Tdlib),
        other => Err(syn::Error::new(
            lit.span(),
            format!("unknown id_rule `{other}`: expected \"telegram\" or \"tdlib\""),
        )),
    }
}

/// A flag option: its name alone.
fn flag(meta: &ParseNestedMeta<'_>) -> syn::Result<bool> {
    if meta.input.is_empty() || meta.input.peek(Token![,]) {
        Ok(true)
    } else {
        Err(meta.error("this option takes no value: write it alone, as in `#[tl(any)]`"))
    }
}

/// `(Type = path, "ns.Type" = path, ...)` after `extern`.
fn externs(meta: &ParseNestedMeta<'_>, out: &mut Vec<Extern>) -> syn::Result<()> {
    let content;
    syn::parenthesized!(content in meta.input);
    while !content.is_empty() {
        let (name, span) = if content.peek(LitStr) {
            let lit: LitStr = content.parse()?;
            (lit.value(), lit.span())
        } else if content.peek(Ident::peek_any) {
            let ident = Ident::parse_any(&content)?;
            (ident.to_string(), ident.span())
        } else {
            let error = content.error(
                "expected a TL type's name and its Rust type, such as `FutureSalts = crate::FutureSalts`",
            );
            let _: TokenStream = content.parse()?;
            return Err(error);
        };
        if !content.peek(Token![=]) {
            let error = syn::Error::new(
                span,
                format!("`{name}` in `extern` needs its Rust type: `{name} = path::To{name}`"),
            );
            let _: TokenStream = content.parse()?;
            return Err(error);
        }
        content.parse::<Token![=]>()?;
        let ty: syn::Type = content.parse()?;
        if out.iter().any(|e| e.name == name) {
            return Err(syn::Error::new(
                span,
                format!("`{name}` is in `extern` twice"),
            ));
        }
        out.push(Extern { name, span, ty });
        if !content.is_empty() {
            content.parse::<Token![,]>()?;
        }
    }
    Ok(())
}

/// `(name, "ns.name", ...)` after a list option's name.
fn names(meta: &ParseNestedMeta<'_>, out: &mut NameList) -> syn::Result<()> {
    let content;
    syn::parenthesized!(content in meta.input);
    while !content.is_empty() {
        if content.peek(LitStr) {
            let lit: LitStr = content.parse()?;
            out.0.push((lit.value(), lit.span()));
        } else if content.peek(Ident::peek_any) {
            let ident = Ident::parse_any(&content)?;
            let name = ident.to_string();
            out.0
                .push((name.trim_start_matches("r#").to_string(), ident.span()));
        } else {
            let error = content.error(
                "expected a constructor or function name, or a string literal such as \"help.configSimple\"",
            );
            // The rest of the list is left unread: consume it, or syn reports it too.
            let _: TokenStream = content.parse()?;
            return Err(error);
        }
        if !content.is_empty() {
            content.parse::<Token![,]>()?;
        }
    }
    Ok(())
}
