//! The macro input: the runtime path the wrapper passes, `#[tl(...)]` attributes and the schema
//! string literals.

use crate::attr::Options;
use proc_macro2::TokenStream;
use syn::parse::{Parse, ParseStream};
use syn::{Attribute, LitStr, Token, bracketed};

/// Everything between the braces of `tl! { ... }`.
pub struct Input {
    /// The runtime crate's path, from the `macro_rules!` wrapper (`$crate`).
    pub runtime: TokenStream,
    /// Options, with every option error collected.
    pub options: Options,
    /// The schema literals, in order.
    pub literals: Vec<LitStr>,
    /// Errors found while reading the input, the options' included; expansion goes on with
    /// what was read.
    pub errors: Vec<syn::Error>,
}

impl Parse for Input {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let content;
        bracketed!(content in input);
        let runtime: TokenStream = content.parse()?;
        let attrs = input.call(Attribute::parse_outer)?;
        let mut errors = Vec::new();
        let mut options = Options::default();
        let mut seen = false;
        for attr in attrs {
            if !attr.path().is_ident("tl") {
                errors.push(syn::Error::new_spanned(
                    attr.path(),
                    "unknown attribute: `tl!` takes only `#[tl(...)]`",
                ));
                continue;
            }
            if seen {
                errors.push(syn::Error::new_spanned(
                    &attr,
                    "duplicate `#[tl(...)]`: put every option in one attribute",
                ));
                continue;
            }
            seen = true;
            let mut option_errors = Vec::new();
            let parsed = attr.parse_nested_meta(|meta| {
                options.parse_option(&meta, &mut option_errors);
                Ok(())
            });
            errors.extend(option_errors);
            if let Err(e) = parsed {
                errors.push(e);
            }
        }
        let mut literals = Vec::new();
        while !input.is_empty() {
            if input.peek(LitStr) {
                literals.push(input.parse()?);
            } else if input.peek(Token![,]) || input.peek(Token![;]) {
                // Separators between literals are tolerated, not needed.
                let _: proc_macro2::TokenTree = input.parse()?;
            } else {
                // One error for a whole run of stray tokens, such as a TL line written unquoted.
                let tt: proc_macro2::TokenTree = input.parse()?;
                errors.push(syn::Error::new_spanned(
                    &tt,
                    format!(
                        "expected schema text in a string literal, found `{tt}`: write TL lines as \"...\" or r\"...\""
                    ),
                ));
                while !input.is_empty() && !input.peek(LitStr) {
                    let _: proc_macro2::TokenTree = input.parse()?;
                }
            }
        }
        Ok(Input {
            runtime,
            options,
            literals,
            errors,
        })
    }
}
