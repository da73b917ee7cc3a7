//! The TL schema front end: plain Rust over `&str`, with byte ranges instead of spans, so that the
//! `tl!` macro, tests and tools share it.
//!
//! [`check`] runs the whole pipeline: [`lexer`] (text to tokens), [`parser`] (tokens to the
//! [`ast`], local checks), then [`validate`] (checks across the schema: ids by the [`IdRule`],
//! duplicates, unknown types, flags). Every problem becomes a [`Diagnostic`]; nothing panics,
//! whatever the text.

pub mod ast;
pub mod builtin;
pub mod diag;
pub mod id;
pub mod lexer;
pub mod parser;
pub mod select;
pub mod validate;

pub use ast::{Definition, Field, FieldKind, SourceId, Spanned, Type, TypeParam};
pub use builtin::Builtin;
pub use diag::{Diagnostic, Origin, line_col};
pub use id::IdRule;
pub use lexer::Section;
pub use validate::Config;

/// One piece of schema text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The text.
    pub text: String,
    /// A file's path (as the user wrote it), or `None` for a string literal.
    pub path: Option<String>,
}

impl Source {
    /// A string literal's text.
    pub fn literal(text: impl Into<String>) -> Self {
        Source {
            text: text.into(),
            path: None,
        }
    }

    /// A file's text and path.
    pub fn file(path: impl Into<String>, text: impl Into<String>) -> Self {
        Source {
            text: text.into(),
            path: Some(path.into()),
        }
    }
}

/// A parsed and validated schema.
#[derive(Clone, Debug, Default)]
pub struct Schema {
    /// Every definition that parsed, in source order.
    pub definitions: Vec<Definition>,
    /// TDLib's `//@class Name @description …`: (type name, description).
    pub class_docs: Vec<(String, String)>,
}

/// Parses and validates `sources` in order. A file starts in the types section; a literal
/// continues the section of the literal before it, so `"---functions---"` in one literal applies
/// to the next. The schema is returned even when there are diagnostics, for best-effort output.
pub fn check(sources: &[Source], config: &Config) -> (Schema, Vec<Diagnostic>) {
    let mut schema = Schema::default();
    let mut diagnostics = Vec::new();
    let mut literal_section = Section::Types;
    for (id, source) in sources.iter().enumerate() {
        let start = if source.path.is_some() {
            Section::Types
        } else {
            literal_section
        };
        let parsed = parser::parse(&source.text, id, start);
        if source.path.is_none() {
            literal_section = parsed.end_section.unwrap_or(start);
        }
        schema.definitions.extend(parsed.definitions);
        schema.class_docs.extend(parsed.class_docs);
        diagnostics.extend(parsed.diagnostics);
    }
    let locate = Locator { sources };
    diagnostics.extend(validate::validate(&schema.definitions, config, &locate));
    (schema, diagnostics)
}

/// Where a diagnostic points, as `(source, line, column)`, or `None` for an allow-list entry.
pub fn locate(sources: &[Source], diagnostic: &Diagnostic) -> Option<(SourceId, usize, usize)> {
    match &diagnostic.origin {
        Origin::Text { source, range } => {
            let text = sources.get(*source).map_or("", |s| s.text.as_str());
            let (line, col) = line_col(text, range.start);
            Some((*source, line, col))
        }
        Origin::AllowList(_) => None,
    }
}

/// Renders a diagnostic as `line L, col C: message` (with the file's path for files), quoting
/// nothing more: messages already quote the offending text.
pub fn render(sources: &[Source], diagnostic: &Diagnostic) -> String {
    match locate(sources, diagnostic) {
        Some((source, line, col)) => match sources.get(source).and_then(|s| s.path.as_deref()) {
            Some(path) => format!("{path}: line {line}, col {col}: {}", diagnostic.message),
            None => format!("line {line}, col {col}: {}", diagnostic.message),
        },
        None => diagnostic.message.clone(),
    }
}

struct Locator<'a> {
    sources: &'a [Source],
}

impl validate::Locate for Locator<'_> {
    fn describe(&self, def: &Definition) -> String {
        let source = self.sources.get(def.source);
        let text = source.map_or("", |s| s.text.as_str());
        let (line, _) = line_col(text, def.name.range.start);
        match source.and_then(|s| s.path.as_deref()) {
            Some(path) => format!("line {line} of {path}"),
            None if self.sources.len() > 1 => format!("line {line} of literal {}", def.source + 1),
            None => format!("line {line}"),
        }
    }
}
