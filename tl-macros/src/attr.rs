//! The `#[tl(...)]` options, parsed with darling.

use darling::FromMeta;
use darling::ast::NestedMeta;
use darling::util::SpannedValue;
use proc_macro2::Span;
use syn::spanned::Spanned;

/// `#[tl(...)]`.
#[derive(Debug, Default, FromMeta)]
pub struct Options {
    /// `include = "path"`: a `.tl` file relative to the invoking crate's `CARGO_MANIFEST_DIR`.
    #[darling(multiple)]
    pub include: Vec<SpannedValue<String>>,
    /// `id_rule = "telegram"` (the default) or `"tdlib"`.
    #[darling(default)]
    pub id_rule: Option<IdRule>,
    /// `allow_id_mismatch(name, "ns.name", ...)`.
    #[darling(default)]
    pub allow_id_mismatch: NameList,
    /// `crate = "path"`: where the runtime is, when the `tl!` wrapper's own path is not wanted.
    #[darling(default, rename = "crate")]
    pub krate: Option<syn::Path>,
    /// `only(name, "ns.name", Type, ...)`: generate only these constructors, functions and
    /// boxed types, and what they need.
    #[darling(default)]
    pub only: NameList,
    /// `any`: also generate `Any`, one enum over every boxed type and function, decoded by
    /// its constructor id.
    #[darling(default)]
    pub any: darling::util::Flag,
    /// `borrowed`: strings, bytes and `Object` borrow from the decoded input (`&'a str`,
    /// `&'a [u8]`, `ObjectRef<'a>`), and the types that hold them get a lifetime.
    #[darling(default)]
    pub borrowed: darling::util::Flag,
    /// `derive(Trait, ...)`: more derives for every generated struct and enum, after
    /// `Debug`, `Clone` and `PartialEq`.
    #[darling(default)]
    pub derive: darling::util::PathList,
}

/// `id_rule = "..."`.
#[derive(Clone, Copy, Debug, FromMeta)]
pub enum IdRule {
    /// Telegram's rule.
    #[darling(rename = "telegram")]
    Telegram,
    /// `TDLib`'s and TON's rule.
    #[darling(rename = "tdlib")]
    Tdlib,
}

impl From<IdRule> for tl_schema::IdRule {
    fn from(rule: IdRule) -> Self {
        match rule {
            IdRule::Telegram => tl_schema::IdRule::Telegram,
            IdRule::Tdlib => tl_schema::IdRule::Tdlib,
        }
    }
}

/// A list of TL names, each an identifier or a string literal (for namespaced names such as
/// `"help.configSimple"`), with their spans.
#[derive(Debug, Default)]
pub struct NameList(pub Vec<(String, Span)>);

impl FromMeta for NameList {
    fn from_list(items: &[NestedMeta]) -> darling::Result<Self> {
        let mut errors = darling::Error::accumulator();
        let mut names = Vec::new();
        for item in items {
            match item {
                NestedMeta::Meta(syn::Meta::Path(path)) if path.get_ident().is_some() => {
                    let ident = path.get_ident().map(ToString::to_string).unwrap_or_default();
                    names.push((ident.trim_start_matches("r#").to_string(), path.span()));
                }
                NestedMeta::Lit(syn::Lit::Str(lit)) => names.push((lit.value(), lit.span())),
                other => errors.push(
                    darling::Error::custom(
                        "expected a constructor or function name, or a string literal such as \"help.configSimple\"",
                    )
                    .with_span(other),
                ),
            }
        }
        errors.finish_with(NameList(names))
    }
}
