//! [`Diagnostic`]: a message and where it points, as a byte range in one source or an entry of
//! the `allow_id_mismatch` list. Callers turn these into compiler errors or text.

use crate::ast::SourceId;
use core::ops::Range;

/// Where a diagnostic points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Bytes of one source text.
    Text {
        /// The source.
        source: SourceId,
        /// The bytes.
        range: Range<usize>,
    },
    /// The `allow_id_mismatch` entry at this index.
    AllowList(usize),
    /// The `extern` entry at this index.
    ExternList(usize),
}

/// An error in a schema.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where it points.
    pub origin: Origin,
    /// What is wrong, lowercase, quoting the schema's own text.
    pub message: String,
}

impl Diagnostic {
    /// An error at `range` of `source`.
    pub fn new(source: SourceId, range: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            origin: Origin::Text { source, range },
            message: message.into(),
        }
    }
}

/// The 1-based line and column (in characters) of byte `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    #[test]
    fn line_col_counts_characters() {
        let text = "ab\ncdé f\n";
        assert_eq!(super::line_col(text, 0), (1, 1));
        assert_eq!(super::line_col(text, 3), (2, 1));
        assert_eq!(super::line_col(text, 7), (2, 4));
        assert_eq!(super::line_col(text, 999), (3, 1));
    }
}
