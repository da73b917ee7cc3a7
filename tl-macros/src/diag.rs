//! Schema diagnostics (byte ranges in a source) to compiler errors (spans).
//!
//! `Literal::subspan` gives spans inside a literal only on nightly, so every error points at the
//! literal (or the `include = "..."` value) holding the line and starts with `line L, col C:`.
//! One literal per line gives one span per line.

use proc_macro2::{Span, TokenStream};
use tl_schema::{Diagnostic, Origin, Source};

/// Collects every error of one invocation, to be emitted together.
#[derive(Default)]
pub struct Errors {
    errors: Vec<syn::Error>,
}

impl Errors {
    pub fn push(&mut self, error: syn::Error) {
        self.errors.push(error);
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// Converts schema diagnostics, pointing each at the span of its source or allow-list entry.
    pub fn push_schema(
        &mut self,
        sources: &[Source],
        source_spans: &[Span],
        allow_spans: &[Span],
        diagnostics: &[Diagnostic],
    ) {
        for diagnostic in diagnostics {
            let span = match &diagnostic.origin {
                Origin::Text { source, .. } => source_spans.get(*source),
                Origin::AllowList(index) => allow_spans.get(*index),
            }
            .copied()
            .unwrap_or_else(Span::call_site);
            self.push(syn::Error::new(
                span,
                tl_schema::render(sources, diagnostic),
            ));
        }
    }

    /// The errors, for a caller that reports them its own way (a derive's accumulator).
    #[cfg(feature = "derive")]
    pub fn into_vec(self) -> Vec<syn::Error> {
        self.errors
    }

    pub fn into_tokens(self) -> TokenStream {
        self.errors
            .iter()
            .map(syn::Error::to_compile_error)
            .collect()
    }
}
