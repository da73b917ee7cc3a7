//! Schema diagnostics (byte ranges in a source) to compiler errors (spans).
//!
//! `Literal::subspan` gives spans inside a literal only on nightly, so every error points at the
//! literal (or the `include = "..."` value) holding the line and starts with `line L, col C:`.
//! One literal per line gives one span per line.

use proc_macro2::{Span, TokenStream};
use tl_schema::{Diagnostic, Origin, Source};

/// ` (did you mean `x`?)` for the candidate nearest to `written`, when one is near enough;
/// empty otherwise. Every "unknown name" error of the macros suggests through this.
pub fn did_you_mean<'c>(written: &str, candidates: impl IntoIterator<Item = &'c str>) -> String {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(c, written), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| format!(" (did you mean `{c}`?)"))
        .unwrap_or_default()
}

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
