//! Macro input to output: read the sources, check the schema, then generate code (or errors).

use crate::diag::Errors;
use crate::input::Input;
use proc_macro2::{Span, TokenStream};
use quote::quote;
use std::path::PathBuf;
use tl_schema::{Config, Source};

/// The whole macro: input tokens to output tokens. Never panics; every problem becomes a
/// `compile_error!`.
pub fn expand(input: TokenStream) -> TokenStream {
    let input: Input = match syn::parse2(input) {
        Ok(input) => input,
        Err(e) => return e.to_compile_error(),
    };
    let mut errors = Errors::default();
    for e in input.errors {
        errors.push(e);
    }
    if let Some(e) = input.option_errors {
        errors.push_darling(e);
    }

    let mut sources = Vec::new();
    let mut source_spans = Vec::new();
    let mut tracking = TokenStream::new();
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from);
    for include in &input.options.include {
        let span = include.span();
        let written: &str = include.as_str();
        let path = match &manifest_dir {
            Some(dir) => dir.join(written),
            None => PathBuf::from(written),
        };
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                // Makes Cargo rebuild the crate when the file changes.
                let absolute = path.to_string_lossy().into_owned();
                tracking.extend(quote! { const _: &str = ::core::include_str!(#absolute); });
                sources.push(Source::file(written, text));
                source_spans.push(span);
            }
            Err(e) => errors.push(syn::Error::new(
                span,
                format!(
                    "cannot read include file `{written}` (relative to CARGO_MANIFEST_DIR): {e}"
                ),
            )),
        }
    }
    for literal in &input.literals {
        sources.push(Source::literal(literal.value()));
        source_spans.push(literal.span());
    }

    let allow = &input.options.allow_id_mismatch.0;
    let config = Config {
        id_rule: input.options.id_rule.map(Into::into).unwrap_or_default(),
        allow_id_mismatch: allow.iter().map(|(name, _)| name.clone()).collect(),
    };
    let allow_spans: Vec<Span> = allow.iter().map(|(_, span)| *span).collect();
    let (_schema, diagnostics) = tl_schema::check(&sources, &config);
    errors.push_schema(&sources, &source_spans, &allow_spans, &diagnostics);

    let errors = errors.into_tokens();
    quote! {
        #tracking
        #errors
    }
}
