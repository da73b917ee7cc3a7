//! The TL schema front end: plain Rust over `&str`, with byte ranges instead of spans, so that the
//! `tl!` macro, tests and tools share it.
//!
//! [`check`] runs the whole pipeline: [`lexer`] (text to tokens), [`parser`] (tokens to the
//! [`ast`], local checks), then [`validate`] (checks across the schema: ids by the [`IdRule`],
//! duplicates, unknown types, flags). Every problem becomes a [`Diagnostic`]; nothing panics,
//! whatever the text.
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod ast;
pub mod builtin;
pub mod diag;
#[cfg(feature = "diff")]
pub mod diff;
pub mod errors;
pub mod id;
pub mod lexer;
pub mod page;
pub mod parser;
pub mod select;
pub mod validate;
pub mod zero;

pub use ast::{
    Definition, Field, FieldKind, Multiplier, SourceId, Spanned, Statement, StatementKind, Type,
    TypeParam,
};
pub use builtin::Builtin;
pub use diag::{Diagnostic, Origin, line_col};
pub use errors::{ErrorDoc, ErrorList};
pub use id::IdRule;
pub use lexer::Section;
pub use page::Page;
pub use validate::{Config, EVERY_ID, Spelling};

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
    /// The documentation pages among the sources ([`page`]), each with the definition it
    /// documents.
    pub pages: Vec<Page>,
    /// The rule its ids were computed by: [`Config::id_rule`], or the one its text implies
    /// ([`IdRule::detect`]).
    pub id_rule: IdRule,
    /// TL-formal's `New T;`, `Final T;` and `Empty T;`, in source order.
    pub statements: Vec<Statement>,
}

impl Schema {
    /// The types that an `Empty T;` declares: types without constructors.
    pub fn empty_types(&self) -> impl Iterator<Item = &str> {
        self.statements
            .iter()
            .filter(|s| s.kind == StatementKind::Empty)
            .map(|s| s.name.value.as_str())
    }
}

/// Parses and validates `sources` in order. A file starts in the types section; a literal
/// continues the section of the literal before it, so `"---functions---"` in one literal applies
/// to the next. A source that is a documentation page ([`page::is_page`]) starts in the types
/// section, as a file does, and so does the literal after it; it contributes its TL lines,
/// and its docs and tables are checked against the definition it documents. The schema is
/// returned even when there are diagnostics, for best-effort output.
pub fn check(sources: &[Source], config: &Config) -> (Schema, Vec<Diagnostic>) {
    let mut schema = Schema::default();
    let mut diagnostics = Vec::new();
    let mut literal_section = Section::Types;
    let mut long_applications = false;
    for (id, source) in sources.iter().enumerate() {
        let start = if source.path.is_some() {
            Section::Types
        } else {
            literal_section
        };
        let parsed = match page::read(&source.text, id) {
            // A page is whole, as a file is: it starts with types, and what follows it too.
            Some((masked, page, problems)) => {
                schema.pages.push(page);
                diagnostics.extend(problems);
                literal_section = Section::Types;
                parser::parse(&masked, id, Section::Types)
            }
            None => {
                let parsed = parser::parse(&source.text, id, start);
                if source.path.is_none() {
                    literal_section = parsed.end_section.unwrap_or(start);
                }
                parsed
            }
        };
        long_applications |= parsed.long_applications;
        schema.definitions.extend(parsed.definitions);
        schema.statements.extend(parsed.statements);
        schema.class_docs.extend(parsed.class_docs);
        diagnostics.extend(parsed.diagnostics);
    }
    drop_repeated_page_lines(&mut schema, sources);
    if long_applications {
        parser::group_by_arity(&mut schema.definitions);
    }
    schema.id_rule = config
        .id_rule
        .unwrap_or_else(|| IdRule::detect(&schema.definitions));
    let locate = Locator { sources };
    diagnostics.extend(validate::validate_by(
        &schema.definitions,
        &schema.statements,
        config,
        schema.id_rule,
        &locate,
    ));
    diagnostics.extend(page::check(&mut schema.pages, &schema.definitions, sources));
    (schema, diagnostics)
}

/// The layer that a `// LAYER N` line of the sources declares (Telegram's `api.tl` ends with
/// one; the last one counts), if any.
pub fn layer(sources: &[Source]) -> Option<u32> {
    sources
        .iter()
        .flat_map(|s| s.text.lines())
        .filter_map(|line| {
            let rest = line.trim().strip_prefix("//")?.trim_start();
            rest.strip_prefix("LAYER")?.trim().parse().ok()
        })
        .next_back()
}

/// Where a diagnostic points, as `(source, line, column)`, or `None` for an entry of the
/// allow list or of the extern list.
pub fn locate(sources: &[Source], diagnostic: &Diagnostic) -> Option<(SourceId, usize, usize)> {
    match &diagnostic.origin {
        Origin::Text { source, range } => {
            let text = sources.get(*source).map_or("", |s| s.text.as_str());
            let (line, col) = line_col(text, range.start);
            Some((*source, line, col))
        }
        Origin::AllowList(_) | Origin::ExternList(_) => None,
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

/// A page pasted next to the schema it comes from repeats the schema's lines: a page's line
/// that is the same text (single-spaced) as a definition of another source is that
/// definition, and is dropped, so its page documents the other. Pages pasted together repeat
/// each other's lines too (a type's page and its method's both hold the method's line): a
/// page's line that is the same text as one of an earlier page is dropped as well. A line that
/// differs, or that its own page repeats, stays, and validation reports the two definitions.
fn drop_repeated_page_lines(schema: &mut Schema, sources: &[Source]) {
    if schema.pages.is_empty() {
        return;
    }
    let page_sources: Vec<SourceId> = schema.pages.iter().map(|p| p.source).collect();
    let text = |d: &Definition| -> String {
        let raw = sources
            .get(d.source)
            .and_then(|s| s.text.get(d.range.clone()))
            .unwrap_or("");
        raw.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let elsewhere: std::collections::HashMap<&str, String> = schema
        .definitions
        .iter()
        .filter(|d| !page_sources.contains(&d.source))
        .map(|d| (d.name.value.as_str(), text(d)))
        .collect();
    // The lines kept from pages so far, by name: each with its source and text.
    let mut on_pages: std::collections::HashMap<&str, Vec<(SourceId, String)>> =
        std::collections::HashMap::new();
    let keep: Vec<bool> = schema
        .definitions
        .iter()
        .map(|d| {
            if !page_sources.contains(&d.source) {
                return true;
            }
            let line = text(d);
            let name = d.name.value.as_str();
            if elsewhere.get(name).is_some_and(|other| *other == line) {
                return false;
            }
            let kept = on_pages.entry(name).or_default();
            // Within one page a repeated line is a duplicate, as in any source.
            if kept.iter().any(|(s, l)| *s != d.source && *l == line) {
                return false;
            }
            kept.push((d.source, line));
            true
        })
        .collect();
    let mut keep = keep.into_iter();
    schema.definitions.retain(|_| keep.next().unwrap_or(true));
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
