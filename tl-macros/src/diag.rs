//! Schema diagnostics (byte ranges in a source) to compiler errors (at tokens).
//!
//! `Literal::subspan` gives spans inside a literal only on nightly, so every error points at the
//! literal (or the `include = "..."` value) holding the line and starts with `line L, col C:`.
//! One literal per line gives one span per line.

use crate::tokens::{Error, Piece, Spot};
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
    errors: Vec<Error>,
}

impl Errors {
    pub fn push(&mut self, error: Error) {
        self.errors.push(error);
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// Converts schema diagnostics, pointing each at the token of its source (its literal, or
    /// its `include` value) or of its allow-list or extern entry.
    pub fn push_schema(
        &mut self,
        sources: &[Source],
        source_tokens: &[usize],
        allow_tokens: &[usize],
        extern_tokens: &[usize],
        diagnostics: &[Diagnostic],
    ) {
        for diagnostic in diagnostics {
            let token = match &diagnostic.origin {
                Origin::Text { source, .. } => source_tokens.get(*source),
                Origin::AllowList(index) => allow_tokens.get(*index),
                Origin::ExternList(index) => extern_tokens.get(*index),
            };
            let spot = token.map_or(Spot::CallSite, |id| Spot::Token(*id));
            self.push(Error::new(spot, tl_schema::render(sources, diagnostic)));
        }
    }

    /// Each error as a `compile_error!` piece of the output.
    pub fn into_pieces(self) -> Vec<Piece> {
        self.errors.into_iter().map(Piece::Error).collect()
    }
}
