//! A documentation page as Telegram publishes one per method and constructor
//! (`core.telegram.org/method/phone.discardCall`), pasted whole: the name, a description, the TL
//! lines, a "Parameters" table (`Name Type Description`), "Result" (or "Type"), and "Possible
//! errors" (`Code Type Description`). Columns are separated by spaces or tabs, as a browser
//! copies them.
//!
//! A type's page (`core.telegram.org/type/ChatPhoto`) has the type's name, a description, its
//! constructors' lines (and the lines of the methods that return it), a "Constructors" table
//! (`Constructor Description`) and, when methods return it, a "Methods" table (`Method
//! Description`).
//!
//! The same page in Markdown, as a converter or a Markdown mirror of the docs writes it, is read
//! too: `#` headings (or Setext underlines), the TL lines in a fenced code block, pipe tables
//! (`| Name | Type | Description |`, then `| --- | --- | --- |`), and in the cells and the prose
//! links (`[InputPhoneCall](/type/InputPhoneCall)`), code spans, `**` and backslash escapes
//! (`connection\_id`), which are read as their text.
//!
//! [`read`] finds a page in a source and returns the source with everything but the TL lines
//! blanked (byte offsets kept, so the parser and every diagnostic see the lines where they are),
//! and the page. [`check`] then holds the page against the definition or type it documents.

use crate::ast::{Definition, FieldKind, Multiplier, SourceId, Spanned};
use crate::diag::Diagnostic;
use crate::errors::{ErrorDoc, variant_name};
use core::ops::Range;
use std::collections::HashMap;

/// A page, read from one source.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    /// The source it is in.
    pub source: SourceId,
    /// The first line, when it is a name: the definition the page documents.
    pub title: Option<Spanned<String>>,
    /// The prose before the TL lines, a line each.
    pub description: Vec<String>,
    /// The "Parameters" table, when the page has one.
    pub params: Option<Table<ParamRow>>,
    /// The type under "Result" (or "Type"), as written.
    pub result: Option<Spanned<String>>,
    /// The "Possible errors" table, when the page has one.
    pub errors: Option<Table<ErrorDoc>>,
    /// A type's page: its "Constructors" table.
    pub constructors: Option<Table<NameRow>>,
    /// A type's page: its "Methods" table, the functions that return the type.
    pub methods: Option<Table<NameRow>>,
    /// The definition it documents (an index into the schema's definitions), once checked.
    pub documents: Option<usize>,
    /// The type it documents, once checked, when it is a type's page.
    pub documents_type: Option<String>,
}

impl Page {
    /// Whether it is a type's page: it has a "Constructors" or a "Methods" table.
    pub fn is_type_page(&self) -> bool {
        self.constructors.is_some() || self.methods.is_some()
    }
}

/// A table: its heading and its rows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table<T> {
    /// The heading line ("Parameters").
    pub heading: Range<usize>,
    pub rows: Vec<T>,
}

/// One row of a type page's "Constructors" or "Methods" table: `chatPhoto Group profile photo.`
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameRow {
    pub name: Spanned<String>,
    pub description: String,
}

/// One row of "Parameters": `peer InputPhoneCall The phone call`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParamRow {
    pub name: Spanned<String>,
    pub ty: Spanned<String>,
    pub description: String,
}

const PARAMETERS: &str = "Parameters";
const RESULT: [&str; 2] = ["Result", "Type"];
const ERRORS: &str = "Possible errors";
const CONSTRUCTORS: &str = "Constructors";
const METHODS: &str = "Methods";
/// Sections whose text is not read.
const OTHER: [&str; 2] = ["Related pages", "Bots can use this method"];

/// The text of a Markdown heading line (`### Parameters`, `**Parameters**`) without its
/// markers, or the line itself. No TL line starts with `#` or `**`.
fn heading_text(line: &str) -> &str {
    // Every line of a schema passes here ([`is_page`]): most leave at once, in `tl!`'s
    // unoptimized build too.
    if !matches!(line.as_bytes().first(), Some(b'#' | b'*')) {
        return line;
    }
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && line[hashes..].starts_with([' ', '\t']) {
        let inner = line[hashes..].trim();
        // An optional closing sequence: `## Parameters ##`.
        let closed = inner.trim_end_matches('#');
        return if closed.len() < inner.len() && closed.ends_with([' ', '\t']) {
            closed.trim_end()
        } else {
            inner
        };
    }
    line.strip_prefix("**")
        .and_then(|l| l.strip_suffix("**"))
        .filter(|l| !l.is_empty() && !l.contains("**"))
        .unwrap_or(line)
}

/// Whether a line is Markdown's decoration alone: a Setext heading's underline (`===`, `---`)
/// or a thematic break (`***`, `___`, `- - -`).
fn is_rule(line: &str) -> bool {
    let marks: Vec<u8> = line.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    marks.len() >= 3
        && matches!(marks[0], b'=' | b'-' | b'*' | b'_')
        && marks.iter().all(|&b| b == marks[0])
}

/// Whether a line opens or closes a fenced code block (`` ``` `` or `~~~`, with an info string
/// such as `` ```tl ``).
fn is_fence(line: &str) -> bool {
    line.starts_with("```") || line.starts_with("~~~")
}

/// A Markdown cell or line read as its text: a link or an image is its text, code spans and
/// `**` lose their marks, a backslash escape is the character it escapes, and `&lt;`, `&gt;`,
/// `&amp;` and `&quot;` are theirs.
fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Where the next `]` and `)` are, searched once past each offset, so that a line of many
    // `[` is read in linear time.
    let mut closes = (Next::new(b']'), Next::new(b')'));
    let mut at = 0;
    while let Some(c) = text[at..].chars().next() {
        let after = at + c.len_utf8();
        let escaped = text
            .as_bytes()
            .get(after)
            .filter(|b| b.is_ascii_punctuation());
        match c {
            '\\' if escaped.is_some() => {
                out.push_str(&text[after..after + 1]);
                at = after + 1;
            }
            '[' | '!' => {
                // `[text](target)` or `![text](target)`: the text, read in turn. It ends at
                // the first `]`, which must open the target at once: `[a] b` is text, and so
                // its `[` stays.
                let open = match c {
                    '!' => text[after..].starts_with('[').then_some(after + 1),
                    _ => Some(after),
                };
                let link = open.and_then(|open| {
                    let close = closes.0.at(text, open)?;
                    text[close + 1..].starts_with('(').then_some(())?;
                    let end = closes.1.at(text, close + 2)?;
                    Some((&text[open..close], end + 1))
                });
                match link {
                    Some((label, next)) => {
                        // The text holds no `]`, so no link: this goes no deeper.
                        out.push_str(&markdown_text(label));
                        at = next;
                    }
                    None => {
                        out.push(c);
                        at = after;
                    }
                }
            }
            '`' => at = after,
            '*' if text[after..].starts_with('*') => at = after + 1,
            '&' => {
                let entity = [("lt;", '<'), ("gt;", '>'), ("amp;", '&'), ("quot;", '"')]
                    .into_iter()
                    .find(|(name, _)| text[after..].starts_with(name));
                match entity {
                    Some((name, ch)) => {
                        out.push(ch);
                        at = after + name.len();
                    }
                    None => {
                        out.push('&');
                        at = after;
                    }
                }
            }
            _ => {
                out.push(c);
                at = after;
            }
        }
    }
    out
}

/// The next offset of a byte at or after an offset that never decreases between calls: each
/// search starts where the last one found nothing or past the last find.
struct Next {
    byte: u8,
    /// The offset searched from, and what was found there.
    last: Option<(usize, Option<usize>)>,
}

impl Next {
    fn new(byte: u8) -> Self {
        Next { byte, last: None }
    }

    fn at(&mut self, text: &str, from: usize) -> Option<usize> {
        match self.last {
            Some((_, Some(found))) if found >= from => return Some(found),
            Some((searched, None)) if searched <= from => return None,
            _ => {}
        }
        let found = text.as_bytes()[from..]
            .iter()
            .position(|&b| b == self.byte)
            .map(|i| from + i);
        self.last = Some((from, found));
        found
    }
}

fn is_heading(line: &str) -> bool {
    line == PARAMETERS
        || RESULT.contains(&line)
        || line == ERRORS
        || line == CONSTRUCTORS
        || line == METHODS
        || OTHER.contains(&line)
}

/// Whether `text` is a page, not bare TL: a line of it is a section heading ("Parameters",
/// "Result", "Possible errors", a type's "Constructors"), which no TL line can be.
pub fn is_page(text: &str) -> bool {
    text.lines()
        .map(|l| heading_text(l.trim()))
        .any(|l| l == PARAMETERS || l == RESULT[0] || l == ERRORS || l == CONSTRUCTORS)
}

/// A line: its trimmed text (a Markdown heading's without its marks; empty for a fence or a
/// rule) and where that is, and the range of the whole trimmed line, which the masked text
/// blanks.
struct Line<'a> {
    text: &'a str,
    start: usize,
    whole: Range<usize>,
    /// A fence (`` ``` ``) of a fenced code block.
    fence: bool,
}

impl Line<'_> {
    fn range(&self) -> Range<usize> {
        self.start..self.start + self.text.len()
    }

    /// A Markdown table's row: `| a | b |`.
    fn is_pipe_row(&self) -> bool {
        self.text.starts_with('|')
    }

    /// The cells of a table row of `columns` columns: a Markdown row's cells between its pipes
    /// (read by [`markdown_text`]); otherwise the first `columns - 1` words and the rest of the
    /// line (the description, which has spaces), as a browser copies a table.
    fn cells(&self, columns: usize) -> Vec<Spanned<String>> {
        if !self.is_pipe_row() {
            let words = self.words();
            let mut out: Vec<Spanned<String>> = words
                .iter()
                .take(columns.saturating_sub(1))
                .map(owned)
                .collect();
            if let Some(first) = words.get(out.len()) {
                out.push(Spanned {
                    value: self.text[first.range.start - self.start..].to_string(),
                    range: first.range.start..self.start + self.text.len(),
                });
            }
            return out;
        }
        let mut out = Vec::new();
        // The text between the leading pipe and each unescaped pipe after it.
        let inner = &self.text[1..];
        let mut cell_start = 0;
        let mut escaped = false;
        for (i, b) in inner.bytes().enumerate() {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'|' {
                out.push(self.cell(1 + cell_start, 1 + i));
                cell_start = i + 1;
            }
        }
        if !inner[cell_start..].trim().is_empty() {
            out.push(self.cell(1 + cell_start, self.text.len()));
        }
        out
    }

    /// The cell between byte offsets `from` and `to` of the text, trimmed.
    fn cell(&self, from: usize, to: usize) -> Spanned<String> {
        let raw = &self.text[from..to];
        let trimmed = raw.trim();
        let start = self.start + from + (raw.len() - raw.trim_start().len());
        Spanned {
            value: markdown_text(trimmed),
            range: start..start + trimmed.len(),
        }
    }

    /// Whether it is a Markdown table's delimiter row: `| --- | :---: |`.
    fn is_delimiter_row(&self) -> bool {
        self.is_pipe_row()
            && self.text.contains('-')
            && self
                .text
                .bytes()
                .all(|b| matches!(b, b'|' | b'-' | b':' | b' ' | b'\t'))
    }

    /// The whitespace-separated words, with their ranges.
    fn words(&self) -> Vec<Spanned<&str>> {
        let mut out = Vec::new();
        let mut at = 0;
        for word in self.text.split_whitespace() {
            let offset = self.text[at..].find(word).map_or(at, |i| at + i);
            out.push(Spanned {
                value: word,
                range: self.start + offset..self.start + offset + word.len(),
            });
            at = offset + word.len();
        }
        out
    }
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for raw in text.split_inclusive('\n') {
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        let whole = start + lead..start + lead + trimmed.len();
        let fence = is_fence(trimmed);
        let text = if fence || is_rule(trimmed) {
            ""
        } else {
            heading_text(trimmed)
        };
        // Where the heading's text starts in the line (after its marks, which it cannot
        // start with); an empty text finds 0.
        let offset = trimmed.find(text).unwrap_or(0);
        out.push(Line {
            text,
            start: whole.start + offset,
            whole,
            fence,
        });
        start += raw.len();
    }
    out
}

/// Whether a line is a single TL name (`phone.discardCall`): a page's title.
fn is_name(line: &str) -> bool {
    line.starts_with(|c: char| c.is_ascii_alphabetic())
        && line
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
}

/// Whether a line is the page's layer selector, `Layer 185`, which a browser copies with the
/// page: not part of the description.
fn is_layer_selector(line: &str) -> bool {
    line.strip_prefix("Layer ")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Reads the page in `text`, if it is one ([`is_page`]): the text with every line that is not
/// TL blanked, the page, and what is malformed in its tables.
pub fn read(text: &str, source: SourceId) -> Option<(String, Page, Vec<Diagnostic>)> {
    if !is_page(text) {
        return None;
    }
    let mut masked = text.as_bytes().to_vec();
    let mut blank = |range: Range<usize>| {
        for b in &mut masked[range] {
            if !b.is_ascii_whitespace() {
                *b = b' ';
            }
        }
    };
    let mut page = Page {
        source,
        ..Page::default()
    };
    let mut diagnostics = Vec::new();
    let all = lines(text);
    let first_heading = all
        .iter()
        .position(|l| is_heading(l.text))
        .unwrap_or(all.len());
    // Markdown's marks (headings' `#`s, fences, rules) are blanked with their lines; the prose
    // and the cells of a Markdown page are read as text ([`markdown_text`]).
    let markdown = all
        .iter()
        .any(|l| l.fence || l.is_pipe_row() || l.whole.len() > l.text.len());
    let prose = |t: &str| {
        if markdown {
            markdown_text(t)
        } else {
            t.to_string()
        }
    };
    for line in all.iter().filter(|l| l.text.is_empty()) {
        blank(line.whole.clone());
    }

    // The head: prose and TL lines. In a page with a fenced code block, the TL lines are those
    // inside it. Otherwise a line is TL when it has `=` or `;`, is a comment or a section
    // marker, or continues a definition not yet ended by `;`.
    let fenced = all[..first_heading].iter().any(|l| l.fence);
    let mut in_fence = false;
    let mut open = false;
    let mut prose_seen = false;
    for line in &all[..first_heading] {
        if line.fence {
            in_fence = !in_fence;
            continue;
        }
        let t = line.text;
        if t.is_empty() {
            continue;
        }
        let marker = t.starts_with("//") || t.starts_with("---");
        if fenced {
            if in_fence {
                continue;
            }
        } else if open || marker || t.contains('=') || t.contains(';') {
            if !marker {
                let code = t.split("//").next().unwrap_or("").trim_end();
                if !code.is_empty() {
                    open = !code.ends_with(';');
                }
            }
            continue;
        }
        blank(line.whole.clone());
        if is_layer_selector(t) {
            continue;
        }
        let t = prose(t);
        if !prose_seen && is_name(&t) {
            page.title = Some(Spanned {
                value: t,
                range: line.range(),
            });
        } else {
            page.description.push(t);
        }
        prose_seen = true;
    }

    // The sections, each up to the next heading.
    let mut i = first_heading;
    while i < all.len() {
        let heading = &all[i];
        blank(heading.whole.clone());
        let end = all[i + 1..]
            .iter()
            .position(|l| is_heading(l.text))
            .map_or(all.len(), |p| i + 1 + p);
        let body: Vec<&Line<'_>> = all[i + 1..end]
            .iter()
            .filter(|l| !l.text.is_empty())
            .collect();
        for l in &body {
            blank(l.whole.clone());
        }
        let h = heading.text;
        if h == PARAMETERS {
            page.params = Some(Table {
                heading: heading.range(),
                rows: params(&body, source, &mut diagnostics),
            });
        } else if RESULT.contains(&h) {
            if let Some(l) = body.first() {
                page.result = Some(Spanned {
                    value: prose(l.text),
                    range: l.range(),
                });
            }
        } else if h == ERRORS {
            page.errors = Some(Table {
                heading: heading.range(),
                rows: errors(&body, source, &mut diagnostics),
            });
        } else if h == CONSTRUCTORS || h == METHODS {
            let (column, example, slot) = if h == CONSTRUCTORS {
                (
                    "Constructor",
                    "chatPhoto Group profile photo.",
                    &mut page.constructors,
                )
            } else {
                (
                    "Method",
                    "messages.getOnlines Get count of online users in a chat",
                    &mut page.methods,
                )
            };
            *slot = Some(Table {
                heading: heading.range(),
                rows: named(
                    &body,
                    [column, "Description"],
                    example,
                    h,
                    source,
                    &mut diagnostics,
                ),
            });
        }
        i = end;
    }
    let masked = String::from_utf8(masked).unwrap_or_default();
    Some((masked, page, diagnostics))
}

/// Checks a table's header row: `None` when the body is a sentence instead ("This method does
/// not require any parameters."), `Some(rows)` after a good header, and a diagnostic for any
/// other header.
fn header<'l, 'a>(
    body: &'l [&'l Line<'a>],
    expected: &[&str],
    what: &str,
    source: SourceId,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<&'l [&'l Line<'a>]> {
    let first = body.first()?;
    let words: Vec<String> = if first.is_pipe_row() {
        first
            .cells(expected.len())
            .into_iter()
            .map(|c| c.value)
            .collect()
    } else {
        first.text.split_whitespace().map(str::to_string).collect()
    };
    if words.iter().eq(expected) {
        // A Markdown table's delimiter row is not a row.
        let rows = &body[1..];
        return Some(match rows.first() {
            Some(l) if l.is_delimiter_row() => &rows[1..],
            _ => rows,
        });
    }
    if !(first.text.ends_with('.') && body.len() == 1) {
        diagnostics.push(Diagnostic::new(
            source,
            first.range(),
            format!(
                "unknown column layout `{}`: a {what} table has the columns `{}`",
                words.join(" "),
                expected.join(" ")
            ),
        ));
    }
    None
}

/// The rows of a table whose header must be `expected`, each read by `row` from its cells
/// ([`Line::cells`]), which reports what is malformed and returns `None` for it.
fn rows<T>(
    body: &[&Line<'_>],
    expected: &[&str],
    what: &str,
    source: SourceId,
    diagnostics: &mut Vec<Diagnostic>,
    mut row: impl FnMut(&Line<'_>, &[Spanned<String>], &mut Vec<Diagnostic>) -> Option<T>,
) -> Vec<T> {
    let Some(lines) = header(body, expected, what, source, diagnostics) else {
        return Vec::new();
    };
    lines
        .iter()
        .filter_map(|line| row(line, &line.cells(expected.len()), diagnostics))
        .collect()
}

/// The text of the cell at `index`, or nothing (a row without a description).
fn cell_text(cells: &[Spanned<String>], index: usize) -> String {
    cells
        .get(index)
        .map(|c| c.value.clone())
        .unwrap_or_default()
}

fn owned(word: &Spanned<&str>) -> Spanned<String> {
    Spanned {
        value: word.value.to_string(),
        range: word.range.clone(),
    }
}

fn params(
    body: &[&Line<'_>],
    source: SourceId,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<ParamRow> {
    let expected = ["Name", "Type", "Description"];
    rows(
        body,
        &expected,
        "Parameters",
        source,
        diagnostics,
        |line, cells, diagnostics| {
            if let [name, ty, ..] = cells {
                return Some(ParamRow {
                    name: name.clone(),
                    ty: ty.clone(),
                    description: cell_text(cells, 2),
                });
            }
            diagnostics.push(Diagnostic::new(
                source,
                line.range(),
                format!(
                    "malformed parameter row `{}`: expected `name type description`",
                    line.text
                ),
            ));
            None
        },
    )
}

/// A type page's table of names, each with a description (which may be empty); `example` is a
/// good row, for the message about a malformed one.
fn named(
    body: &[&Line<'_>],
    expected: [&str; 2],
    example: &str,
    what: &str,
    source: SourceId,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<NameRow> {
    rows(
        body,
        &expected,
        what,
        source,
        diagnostics,
        |line, cells, diagnostics| {
            if let Some(name) = cells.first().filter(|w| is_name(&w.value)) {
                return Some(NameRow {
                    name: name.clone(),
                    description: cell_text(cells, 1),
                });
            }
            diagnostics.push(Diagnostic::new(
                source,
                line.range(),
                format!(
                    "malformed row `{}` of {what}: expected a name and its description, as in `{example}`",
                    line.text
                ),
            ));
            None
        },
    )
}

fn errors(
    body: &[&Line<'_>],
    source: SourceId,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<ErrorDoc> {
    let expected = ["Code", "Type", "Description"];
    rows(
        body,
        &expected,
        "Possible errors",
        source,
        diagnostics,
        |line, cells, diagnostics| {
            let malformed = |why: String| {
                Diagnostic::new(
                    source,
                    line.range(),
                    format!(
                        "malformed error row `{}`: expected `CODE NAME description`, {why}",
                        line.text
                    ),
                )
            };
            let [code, name, ..] = cells else {
                diagnostics.push(malformed("and it has no name".into()));
                return None;
            };
            let Ok(code_value) = code.value.parse::<i32>() else {
                diagnostics.push(malformed(format!("and `{}` is not a code", code.value)));
                return None;
            };
            if variant_name(&name.value).is_none() {
                let camel = heck::ToUpperCamelCase::to_upper_camel_case(
                    name.value.replace("%d", "_").as_str(),
                );
                diagnostics.push(Diagnostic::new(
                source,
                name.range.clone(),
                format!(
                    "error name `{}` does not make a Rust identifier (its UpperCamelCase is `{camel}`): \
                     write the name as Telegram lists it, such as `CALL_PEER_INVALID` or `FLOOD_WAIT_%d`",
                    name.value,
                ),
            ));
                return None;
            }
            Some(ErrorDoc {
                code: code_value,
                name: name.value.clone(),
                description: cell_text(cells, 2),
                param: None,
                range: Some(line.range()),
            })
        },
    )
}

/// Finds the definition each page documents and holds its tables against it: every row names a
/// field of the line with the line's type, every field has a row, the result is the line's,
/// only functions list errors, and no error is listed twice.
pub fn check(
    pages: &mut [Page],
    defs: &[Definition],
    sources: &[crate::Source],
) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let mut documented = std::collections::HashSet::new();
    let mut documented_types = std::collections::HashSet::new();
    for page in pages.iter_mut() {
        if page.is_type_page() {
            check_type_page(page, defs, &mut documented_types, &mut diagnostics);
            continue;
        }
        let source = page.source;
        let on_page: Vec<usize> = (0..defs.len())
            .filter(|&i| defs[i].source == source && !defs[i].builtin)
            .collect();
        let found = match &page.title {
            Some(title) => {
                // On the page, or elsewhere when the page repeats the schema's line.
                let hit = on_page
                    .iter()
                    .copied()
                    .find(|&i| defs[i].name.value == title.value)
                    .or_else(|| defs.iter().position(|d| d.name.value == title.value));
                if hit.is_none() {
                    let names = on_page.iter().map(|&i| defs[i].name.value.as_str());
                    diagnostics.push(Diagnostic::new(
                        source,
                        title.range.clone(),
                        format!(
                            "the page is titled `{}`, but its TL lines do not define it{}",
                            title.value,
                            listing("they define", names)
                        ),
                    ));
                }
                hit
            }
            None => {
                let functions: Vec<usize> = on_page
                    .iter()
                    .copied()
                    .filter(|&i| defs[i].is_function())
                    .collect();
                match (&functions[..], &on_page[..]) {
                    ([one], _) | ([], [one]) => Some(*one),
                    _ => {
                        let at = page
                            .params
                            .as_ref()
                            .map(|t| t.heading.clone())
                            .or_else(|| page.errors.as_ref().map(|t| t.heading.clone()))
                            .or_else(|| page.result.as_ref().map(|r| r.range.clone()))
                            .unwrap_or(0..0);
                        diagnostics.push(Diagnostic::new(
                            source,
                            at,
                            "this page does not say which definition it documents: start it with \
                             the definition's name, as Telegram's pages do (`phone.discardCall`)",
                        ));
                        None
                    }
                }
            }
        };
        let Some(index) = found else { continue };
        let def = &defs[index];
        if !documented.insert(index) {
            let at = page.title.as_ref().map_or(0..0, |t| t.range.clone());
            diagnostics.push(Diagnostic::new(
                source,
                at,
                format!(
                    "a second page documents `{}`: give each definition one page",
                    def.name.value
                ),
            ));
            continue;
        }
        page.documents = found;
        // The line may be in another source, when the page repeats the schema's.
        let def_text = sources.get(def.source).map_or("", |s| s.text.as_str());
        let in_line = |r: &Range<usize>| unspaced(def_text.get(r.clone()).unwrap_or(""));
        let fields: HashMap<&str, String> = def
            .fields
            .iter()
            .filter_map(|f| {
                let name = f.name.as_ref()?;
                let ty = match &f.kind {
                    FieldKind::Plain(_)
                    | FieldKind::Conditional { .. }
                    | FieldKind::Repeat {
                        multiplier: Some(Multiplier::Field(_)),
                        ..
                    } => {
                        // The text after `name:`.
                        in_line(&(name.range.end..f.range.end))
                            .trim_start_matches(':')
                            .to_string()
                    }
                    _ => return None,
                };
                Some((name.value.as_str(), ty))
            })
            .collect();

        if let Some(table) = &page.params {
            let mut seen: HashMap<&str, &ParamRow> = HashMap::new();
            for row in &table.rows {
                let name = row.name.value.as_str();
                if seen.insert(name, row).is_some() {
                    diagnostics.push(Diagnostic::new(
                        source,
                        row.name.range.clone(),
                        format!("parameter `{name}` has a second row"),
                    ));
                    continue;
                }
                match fields.get(name) {
                    None => diagnostics.push(Diagnostic::new(
                        source,
                        row.name.range.clone(),
                        format!(
                            "the table lists a parameter `{name}` that the line `{}` does not have{}",
                            def.name.value,
                            crate::validate::did_you_mean(name, fields.keys().copied(), false)
                        ),
                    )),
                    Some(ty) if *ty != unspaced(&row.ty.value) => diagnostics.push(Diagnostic::new(
                        source,
                        row.ty.range.clone(),
                        format!(
                            "the table says `{name}` is `{}`, but the line `{}` says `{ty}`",
                            row.ty.value, def.name.value
                        ),
                    )),
                    Some(_) => {}
                }
            }
            for f in &def.fields {
                if let Some(name) = &f.name
                    && fields.contains_key(name.value.as_str())
                    && !seen.contains_key(name.value.as_str())
                {
                    diagnostics.push(Diagnostic::new(
                        source,
                        table.heading.clone(),
                        format!(
                            "the table has no row for `{}`, which the line `{}` has",
                            name.value, def.name.value
                        ),
                    ));
                }
            }
        }

        if let Some(result) = &page.result {
            let line_result = in_line(&def.result.range);
            if unspaced(&result.value) != line_result {
                diagnostics.push(Diagnostic::new(
                    source,
                    result.range.clone(),
                    format!(
                        "the page's result is `{}`, but the line `{}` says `{line_result}`",
                        result.value, def.name.value
                    ),
                ));
            }
        }

        if let Some(table) = &page.errors {
            if !def.is_function() && !table.rows.is_empty() {
                diagnostics.push(Diagnostic::new(
                    source,
                    table.heading.clone(),
                    format!(
                        "`{}` is a constructor: only functions have possible errors",
                        def.name.value
                    ),
                ));
            }
            let mut seen = HashMap::new();
            for row in &table.rows {
                if seen.insert(row.name.as_str(), ()).is_some() {
                    diagnostics.push(Diagnostic::new(
                        source,
                        row.range.clone().unwrap_or(0..0),
                        format!("error `{}` has a second row", row.name),
                    ));
                }
            }
        }
    }
    diagnostics
}

/// `text` without its whitespace: how a page's type is compared with the line's.
fn unspaced(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// ` (they define `a`, `b`)`: up to eight names after `what`, in parentheses, or nothing when
/// there are none.
fn listing<'a>(what: &str, names: impl Iterator<Item = &'a str>) -> String {
    let names: Vec<String> = names.take(8).map(|n| format!("`{n}`")).collect();
    if names.is_empty() {
        String::new()
    } else {
        format!(" ({what} {})", names.join(", "))
    }
}

/// Whether `ty` is `name` or holds it as an argument (`Vector<User>` for `User`).
fn mentions(ty: &crate::ast::Type, name: &str) -> bool {
    ty.name == name || ty.args.iter().any(|a| mentions(a, name))
}

/// Holds each row of a type page's table of `kind`s (`constructor`, `method`) against the
/// schema: a name in a second row, a name no line defines, or what `wrong` says of the
/// definition a row names, is an error at the row. Returns the names the rows give.
fn check_rows<'t>(
    table: &'t Table<NameRow>,
    kind: &str,
    defs: &[Definition],
    source: SourceId,
    diagnostics: &mut Vec<Diagnostic>,
    wrong: impl Fn(&Definition) -> Option<String>,
) -> std::collections::HashSet<&'t str> {
    let mut seen = std::collections::HashSet::new();
    for row in &table.rows {
        let name = row.name.value.as_str();
        let problem = if !seen.insert(name) {
            Some(format!("{kind} `{name}` has a second row"))
        } else {
            match defs.iter().find(|d| !d.builtin && d.name.value == name) {
                None => {
                    let names = defs.iter().map(|d| d.name.value.as_str());
                    Some(format!(
                        "the table lists a {kind} `{name}` that no line defines{}",
                        crate::validate::did_you_mean(name, names, false)
                    ))
                }
                Some(d) => wrong(d),
            }
        };
        if let Some(problem) = problem {
            diagnostics.push(Diagnostic::new(source, row.name.range.clone(), problem));
        }
    }
    seen
}

/// Finds the type a type's page documents and holds its tables against the schema: every row
/// of "Constructors" names a constructor of the type and every constructor of it has a row;
/// every row of "Methods" names a function that returns it.
fn check_type_page(
    page: &mut Page,
    defs: &[Definition],
    documented: &mut std::collections::HashSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let source = page.source;
    let heading = page
        .constructors
        .as_ref()
        .or(page.methods.as_ref())
        .map_or(0..0, |t| t.heading.clone());
    let of_type = |d: &Definition, ty: &str| !d.builtin && !d.is_function() && d.result.name == ty;
    let mut on_page: Vec<&str> = defs
        .iter()
        .filter(|d| d.source == source && !d.builtin && !d.is_function())
        .map(|d| d.result.name.as_str())
        .collect();
    on_page.sort_unstable();
    on_page.dedup();
    let ty = match &page.title {
        Some(title) if defs.iter().any(|d| of_type(d, &title.value)) => title.value.clone(),
        Some(title) => {
            diagnostics.push(Diagnostic::new(
                source,
                title.range.clone(),
                format!(
                    "the page is titled `{}`, but no constructor has that type{}",
                    title.value,
                    listing("its lines' constructors have", on_page.iter().copied())
                ),
            ));
            return;
        }
        None => match on_page[..] {
            [one] => one.to_string(),
            _ => {
                diagnostics.push(Diagnostic::new(
                    source,
                    heading,
                    "this page does not say which type it documents: start it with the type's \
                     name, as Telegram's pages do (`ChatPhoto`)",
                ));
                return;
            }
        },
    };
    if !documented.insert(ty.clone()) {
        let at = page.title.as_ref().map_or(heading, |t| t.range.clone());
        diagnostics.push(Diagnostic::new(
            source,
            at,
            format!("a second page documents the type `{ty}`: give each type one page"),
        ));
        return;
    }
    if let Some(table) = &page.constructors {
        let seen = check_rows(table, "constructor", defs, source, diagnostics, |d| {
            if d.is_function() {
                Some(format!(
                    "`{}` is a function, not a constructor of `{ty}`",
                    d.name.value
                ))
            } else if d.result.name != ty {
                Some(format!(
                    "the table lists `{}`, a constructor of `{}`, not of `{ty}`",
                    d.name.value, d.result.name
                ))
            } else {
                None
            }
        });
        for d in defs.iter().filter(|d| of_type(d, &ty)) {
            if !seen.contains(d.name.value.as_str()) {
                diagnostics.push(Diagnostic::new(
                    source,
                    table.heading.clone(),
                    format!(
                        "the table has no row for `{}`, a constructor of `{ty}`",
                        d.name.value
                    ),
                ));
            }
        }
    }
    if let Some(table) = &page.methods {
        check_rows(table, "method", defs, source, diagnostics, |d| {
            if !d.is_function() {
                Some(format!(
                    "`{}` is a constructor, not a method that returns `{ty}`",
                    d.name.value
                ))
            } else if !mentions(&d.result, &ty) {
                Some(format!(
                    "the table lists `{}`, which returns `{}`, not `{ty}`",
                    d.name.value, d.result
                ))
            } else {
                None
            }
        });
    }
    page.documents_type = Some(ty);
}

#[cfg(test)]
mod tests {
    use super::read;

    const PAGE: &str = "phone.discardCall\n\nRefuse or end running call\n\n\
        updatesTooLong#e317af7e = Updates;\n---functions---\n\
        phone.discardCall#b2cbc1c0 flags:# video:flags.0?true peer:InputPhoneCall = Updates;\n\n\
        Parameters\n\nName\tType\tDescription\nflags\t#\tFlags, see TL conditional fields\n\
        video flags.0?true Whether this is a video call\npeer InputPhoneCall The phone call\n\n\
        Result\n\nUpdates\n\nPossible errors\n\nCode Type Description\n\
        400 CALL_PEER_INVALID The provided call peer object is invalid.\n\
        420 FLOOD_WAIT_%d Wait %d seconds.\n";

    #[test]
    fn reads_a_page_and_keeps_the_lines_in_place() {
        let (masked, page, diagnostics) = read(PAGE, 0).unwrap();
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(masked.len(), PAGE.len());
        for (a, b) in masked.lines().zip(PAGE.lines()) {
            assert!(a.trim().is_empty() || a == b, "{a:?} / {b:?}");
        }
        assert!(masked.contains("phone.discardCall#b2cbc1c0"));
        assert!(!masked.contains("Refuse") && !masked.contains("CALL_PEER"));
        assert_eq!(page.title.unwrap().value, "phone.discardCall");
        assert_eq!(page.description, ["Refuse or end running call"]);
        let params = page.params.unwrap().rows;
        assert_eq!(params.len(), 3);
        assert_eq!(
            (params[1].ty.value.as_str(), params[1].description.as_str()),
            ("flags.0?true", "Whether this is a video call")
        );
        assert_eq!(&PAGE[params[2].ty.range.clone()], "InputPhoneCall");
        assert_eq!(page.result.unwrap().value, "Updates");
        let errors = page.errors.unwrap().rows;
        assert_eq!(errors[1].code, 420);
        assert_eq!(errors[1].name, "FLOOD_WAIT_%d");
        assert_eq!(
            errors[0].description,
            "The provided call peer object is invalid."
        );
    }

    /// The page in Markdown, as an HTML-to-Markdown converter writes it: `#` headings, the TL
    /// lines fenced, pipe tables, links in the cells and the prose, escaped underscores.
    const MARKDOWN: &str = "# phone.discardCall\n\nRefuse or end running [call](/api/end-to-end/voice-calls)\n\n\
        ```\nupdatesTooLong#e317af7e = Updates;\n---functions---\n\
        phone.discardCall#b2cbc1c0 flags:# video:flags.0?true peer:InputPhoneCall connection_id:long = Vector<Updates>;\n```\n\n\
        ### Parameters\n\n| Name | Type | Description |\n| --- | --- | --- |\n\
        | flags | [#](/type/%23) | Flags, see [TL conditional fields](/mtproto/TL-combinators#conditional-fields) |\n\
        | video | [flags](/method/phone.discardCall#).0?[true](/constructor/true) | Whether this is a **video** call |\n\
        | peer | [InputPhoneCall](/type/InputPhoneCall) | The phone call |\n\
        | connection\\_id | [long](/type/long) | Preferred relay ID, `a \\| b` |\n\n\
        Result\n------\n\n[Vector](/type/Vector%20t)&lt;[Updates](/type/Updates)&gt;\n\n\
        ### Possible errors ###\n\n| Code | Type | Description |\n|:----:|------|-------------|\n\
        | 400 | CALL\\_PEER\\_INVALID | The provided call peer object is invalid. |\n\
        | 420 | FLOOD\\_WAIT\\_%d | Wait %d seconds. |\n";

    #[test]
    fn reads_a_markdown_page() {
        let (masked, page, diagnostics) = read(MARKDOWN, 0).unwrap();
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        // Only the TL lines are left, where they were.
        assert_eq!(masked.len(), MARKDOWN.len());
        let kept: Vec<&str> = masked
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(kept.len(), 3, "{kept:?}");
        assert!(kept[2].starts_with("phone.discardCall#b2cbc1c0"));
        assert_eq!(page.title.as_ref().unwrap().value, "phone.discardCall");
        assert_eq!(&MARKDOWN[page.title.unwrap().range], "phone.discardCall");
        assert_eq!(page.description, ["Refuse or end running call"]);
        let params = page.params.unwrap().rows;
        let read: Vec<(&str, &str, &str)> = params
            .iter()
            .map(|r| (&*r.name.value, &*r.ty.value, &*r.description))
            .collect();
        assert_eq!(
            read,
            [
                ("flags", "#", "Flags, see TL conditional fields"),
                ("video", "flags.0?true", "Whether this is a video call"),
                ("peer", "InputPhoneCall", "The phone call"),
                ("connection_id", "long", "Preferred relay ID, a | b"),
            ]
        );
        // A cell's range is the cell as written, for diagnostics.
        assert_eq!(
            &MARKDOWN[params[2].ty.range.clone()],
            "[InputPhoneCall](/type/InputPhoneCall)"
        );
        assert_eq!(page.result.unwrap().value, "Vector<Updates>");
        let errors = page.errors.unwrap().rows;
        let read: Vec<(i32, &str, &str)> = errors
            .iter()
            .map(|e| (e.code, &*e.name, &*e.description))
            .collect();
        assert_eq!(
            read,
            [
                (
                    400,
                    "CALL_PEER_INVALID",
                    "The provided call peer object is invalid."
                ),
                (420, "FLOOD_WAIT_%d", "Wait %d seconds."),
            ]
        );
    }

    #[test]
    fn markdown_text_is_the_text_a_reader_sees() {
        use super::markdown_text as md;
        assert_eq!(md("[a](/x) and ![b](/y.png)"), "a and b");
        assert_eq!(
            md("[Vector](/type/Vector%20t)&lt;[long](/type/long)&gt;"),
            "Vector<long>"
        );
        assert_eq!(md("`code` **bold** a\\_b \\| c"), "code bold a_b | c");
        // What is not a link or an escape is kept.
        assert_eq!(md("[a] (b) x & y \\d *e*"), "[a] (b) x & y \\d *e*");
        // Brackets that are not a link, then a link.
        assert_eq!(md("[a] and [b](/x), [c]"), "[a] and b, [c]");
        assert_eq!(md("![a] ![b](/x.png) ![](/y) !"), "![a] b  !");
        // Many brackets that open no link, and many links without their `)`, are read once
        // each (the searches for `]` and `)` do not start over at each `[`).
        for line in ["[".repeat(200_000), "[a](".repeat(50_000) + "]"] {
            assert_eq!(md(&line), line);
        }
    }

    #[test]
    fn bare_tl_is_not_a_page() {
        assert!(read("a#1 = A;\nb#2 x:int = B;", 0).is_none());
    }

    #[test]
    fn malformed_tables_are_reported() {
        let text = "f\nf#1 = X;\nParameters\nName Description\nPossible errors\nCode Type Description\nabc X Y\n400\n400 SELF bad\n";
        let (_, page, diagnostics) = read(text, 0).unwrap();
        let messages: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages.len(), 4, "{messages:?}");
        assert!(messages[0].starts_with("unknown column layout `Name Description`"));
        assert!(messages[1].contains("`abc` is not a code"));
        assert!(messages[2].contains("has no name"));
        assert!(messages[3].contains("`SELF` does not make a Rust identifier"));
        assert!(page.errors.unwrap().rows.is_empty());
    }

    #[test]
    fn a_sentence_instead_of_a_table() {
        let text = "help.getConfig\n---functions---\nhelp.getConfig#c4f9186b = Config;\nParameters\nThis method does not require any parameters.\nResult\nConfig\n";
        let (_, page, diagnostics) = read(text, 0).unwrap();
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert!(page.params.unwrap().rows.is_empty());
    }
}

#[cfg(test)]
mod check_tests {
    use crate::{Config, Source, check};

    fn messages(text: &str) -> Vec<String> {
        let (_, diagnostics) = check(&[Source::literal(text)], &Config::default());
        diagnostics.into_iter().map(|d| d.message).collect()
    }

    fn page(rows: &str, result: &str) -> String {
        format!(
            "phone.discardCall\nEnd a call\ninputPhoneCall#1e36fded id:long access_hash:long = InputPhoneCall;\nupdatesTooLong#e317af7e = Updates;\n---functions---\nphone.discardCall flags:# video:flags.0?true peer:InputPhoneCall duration:int = Updates;\nParameters\nName Type Description\n{rows}\nResult\n{result}\n"
        )
    }

    #[test]
    fn a_table_that_agrees_checks_clean() {
        let rows = "flags # Flags\nvideo flags.0?true Video\npeer InputPhoneCall The call\nduration int Seconds";
        assert_eq!(messages(&page(rows, "Updates")), Vec::<String>::new());
        let (schema, _) = check(
            &[Source::literal(page(rows, "Updates"))],
            &Config::default(),
        );
        let documented = schema.pages[0].documents.unwrap();
        assert_eq!(
            schema.definitions[documented].name.value,
            "phone.discardCall"
        );
    }

    #[test]
    fn disagreeing_rows_are_errors_at_the_row() {
        let rows = "flags # Flags\nvideo flags.1?true Video\npeer InputUser The call\nextra int Not in the line\nflags # Again";
        let m = messages(&page(rows, "Bool"));
        assert_eq!(m.len(), 6, "{m:?}");
        assert!(m[0].contains("says `video` is `flags.1?true`, but the line"));
        assert!(m[1].contains("`peer` is `InputUser`"));
        assert!(m[2].contains("parameter `extra` that the line"));
        assert!(m[3].contains("`flags` has a second row"));
        assert!(m[4].contains("no row for `duration`"));
        assert!(m[5].contains("result is `Bool`"));
    }

    #[test]
    fn a_misspelt_row_names_the_parameter_it_meant() {
        let rows = "flags # Flags\nvideo flags.0?true Video\npeer InputPhoneCall The call\nduraton int Seconds";
        assert_eq!(
            messages(&page(rows, "Updates")),
            [
                "the table lists a parameter `duraton` that the line `phone.discardCall` does not have (did you mean `duration`?)",
                "the table has no row for `duration`, which the line `phone.discardCall` has",
            ]
        );
    }

    #[test]
    fn a_markdown_table_is_held_against_the_line() {
        let text = "## phone.discardCall\nEnd a call\n```tl\n\
            inputPhoneCall#1e36fded id:long access_hash:long = InputPhoneCall;\n\
            updatesTooLong#e317af7e = Updates;\n---functions---\n\
            phone.discardCall flags:# video:flags.0?true peer:InputPhoneCall duration:int = Updates;\n```\n\
            ## Parameters\n| Name | Type | Description |\n|---|---|---|\n\
            | flags | [#](/type/%23) | Flags |\n\
            | video | [flags](/method/phone.discardCall#).0?[true](/constructor/true) | Video |\n\
            | peer | [InputUser](/type/InputUser) | The call |\n\
            | duration | [int](/type/int) | Seconds |\n\
            ## Result\n[Updates](/type/Updates)\n";
        let (schema, diagnostics) = check(&[Source::literal(text)], &Config::default());
        let m: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            m,
            [
                "the table says `peer` is `InputUser`, but the line `phone.discardCall` says `InputPhoneCall`"
            ]
        );
        let crate::diag::Origin::Text { range, .. } = &diagnostics[0].origin else {
            panic!("{:?}", diagnostics[0].origin);
        };
        assert_eq!(&text[range.clone()], "[InputUser](/type/InputUser)");
        assert!(schema.pages[0].documents.is_some());
    }

    #[test]
    fn one_page_a_definition() {
        let rows = "flags # Flags\nvideo flags.0?true Video\npeer InputPhoneCall The call\nduration int Seconds";
        let one = Source::literal(page(rows, "Updates"));
        let again = Source::literal("phone.discardCall\nAgain\nResult\nUpdates\n");
        let (_, diagnostics) = check(&[one, again], &Config::default());
        let m: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            m,
            ["a second page documents `phone.discardCall`: give each definition one page"]
        );
    }

    #[test]
    fn the_title_must_name_a_definition_of_the_page() {
        let text = page("", "Updates").replacen("phone.discardCall\n", "phone.acceptCall\n", 1);
        let m = messages(&text);
        assert!(m[0].contains("titled `phone.acceptCall`"), "{m:?}");
    }
}

#[cfg(test)]
mod type_pages {
    use crate::{Config, Source, check};

    /// `core.telegram.org/type/ChatOnlines` as a browser copies it: the constructor's line and
    /// the line of the method that returns the type, then the two tables.
    const PAGE: &str = "ChatOnlines\nChat info\nLayer 185\n\nchatOnlines#f041e250 onlines:int = ChatOnlines;\n\n\
        ---functions---\n\nmessages.getOnlines#6e2be050 peer:InputPeer = ChatOnlines;\n\n\
        Constructors\nConstructor\tDescription\nchatOnlines\tNumber of online users in a chat\n\n\
        Methods\nMethod\tDescription\nmessages.getOnlines\tGet count of online users in a chat\n";
    const INPUT_PEER: &str = "inputPeerEmpty#7f3b18ea = InputPeer;";

    fn messages(sources: &[Source]) -> Vec<String> {
        let (_, diagnostics) = check(sources, &Config::default());
        diagnostics.into_iter().map(|d| d.message).collect()
    }

    #[test]
    fn a_type_page_documents_its_type() {
        let (parsed, diagnostics) = check(
            &[Source::file("s.tl", INPUT_PEER), Source::literal(PAGE)],
            &Config::default(),
        );
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(parsed.definitions.len(), 3);
        let page = &parsed.pages[0];
        assert_eq!(page.documents_type.as_deref(), Some("ChatOnlines"));
        assert_eq!(page.documents, None);
        assert_eq!(page.description, ["Chat info"]);
        let rows = &page.constructors.as_ref().unwrap().rows;
        assert_eq!(
            (rows[0].name.value.as_str(), rows[0].description.as_str()),
            ("chatOnlines", "Number of online users in a chat")
        );
        let rows = &page.methods.as_ref().unwrap().rows;
        assert_eq!(rows[0].name.value, "messages.getOnlines");
        assert_eq!(&PAGE[rows[0].name.range.clone()], "messages.getOnlines");
    }

    #[test]
    fn a_markdown_type_page_documents_its_type() {
        let page = "ChatOnlines\n===========\n\nChat info\n\n```\n\
            chatOnlines#f041e250 onlines:int = ChatOnlines;\n---functions---\n\
            messages.getOnlines#6e2be050 peer:InputPeer = ChatOnlines;\n```\n\n\
            ### Constructors\n\n| Constructor | Description |\n| --- | --- |\n\
            | [chatOnlines](/constructor/chatOnlines) | Number of online users in a chat |\n\n\
            ### Methods\n\n| Method | Description |\n| --- | --- |\n\
            | [messages.getOnlines](/method/messages.getOnlines) | Get count of online users in a chat |\n";
        let (parsed, diagnostics) = check(
            &[Source::file("s.tl", INPUT_PEER), Source::literal(page)],
            &Config::default(),
        );
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let page_read = &parsed.pages[0];
        assert_eq!(page_read.documents_type.as_deref(), Some("ChatOnlines"));
        assert_eq!(page_read.description, ["Chat info"]);
        let rows = &page_read.methods.as_ref().unwrap().rows;
        assert_eq!(rows[0].name.value, "messages.getOnlines");
        assert_eq!(rows[0].description, "Get count of online users in a chat");
        // A row naming what the schema does not define is an error at its cell.
        let wrong = page.replace(
            "[chatOnlines](/constructor/chatOnlines)",
            "[chatOnline](/constructor/chatOnline)",
        );
        let m = messages(&[Source::file("s.tl", INPUT_PEER), Source::literal(wrong)]);
        assert!(
            m.iter().any(|m| m
                .starts_with("the table lists a constructor `chatOnline` that no line defines")),
            "{m:?}"
        );
    }

    #[test]
    fn without_a_title_the_type_is_its_constructors() {
        let page = PAGE.replacen("ChatOnlines\n", "\n", 1);
        let (parsed, diagnostics) = check(
            &[Source::file("s.tl", INPUT_PEER), Source::literal(page)],
            &Config::default(),
        );
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(
            parsed.pages[0].documents_type.as_deref(),
            Some("ChatOnlines")
        );
        let two = PAGE.replacen("ChatOnlines\n", "\n", 1).replacen(
            "\n---functions---",
            "peerUser#59511722 user_id:long = Peer;\n---functions---",
            1,
        );
        let m = messages(&[Source::file("s.tl", INPUT_PEER), Source::literal(two)]);
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(m[0].starts_with("this page does not say which type it documents"));
    }

    /// A type's page and its method's page pasted together both hold the method's line: the
    /// second is the first, not a duplicate.
    #[test]
    fn pages_pasted_together_share_their_lines() {
        let method = "messages.getOnlines\nGet count of online users in a chat\n\
            chatOnlines#f041e250 onlines:int = ChatOnlines;\n---functions---\n\
            messages.getOnlines#6e2be050 peer:InputPeer = ChatOnlines;\nParameters\n\
            Name Type Description\npeer InputPeer The chat\nResult\nChatOnlines\n";
        let sources = [
            Source::file("s.tl", INPUT_PEER),
            Source::literal(PAGE),
            Source::literal(method),
        ];
        let (parsed, diagnostics) = check(&sources, &Config::default());
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(parsed.definitions.len(), 3);
        let documented = parsed.pages[1].documents.unwrap();
        assert_eq!(
            parsed.definitions[documented].name.value,
            "messages.getOnlines"
        );
        // A line that differs is still a second definition.
        let differs = method.replace("peer:InputPeer = ChatOnlines", "peer:InputPeer = Bool");
        let m = messages(&[
            sources[0].clone(),
            sources[1].clone(),
            Source::literal(differs),
        ]);
        assert!(
            m.iter()
                .any(|m| m.starts_with("duplicate function `messages.getOnlines`")),
            "{m:?}"
        );
        // So is a line that its own page repeats, as in any source.
        let twice = PAGE.replacen(
            "chatOnlines#f041e250 onlines:int = ChatOnlines;",
            "chatOnlines#f041e250 onlines:int = ChatOnlines;\nchatOnlines#f041e250 onlines:int = ChatOnlines;",
            1,
        );
        let m = messages(&[sources[0].clone(), Source::literal(twice)]);
        assert!(
            m.iter()
                .any(|m| m.starts_with("duplicate constructor `chatOnlines`")),
            "{m:?}"
        );
    }

    #[test]
    fn rows_are_held_against_the_schema() {
        let page =
            PAGE.replacen(
                "chatOnlines#f041e250 onlines:int = ChatOnlines;",
                "chatOnlines#f041e250 onlines:int = ChatOnlines;\n\
                 chatOnlinesNone = ChatOnlines;\npeerUser user_id:long = Peer;",
                1,
            )
            .replacen(
                "messages.getOnlines#6e2be050 peer:InputPeer = ChatOnlines;",
                "messages.getOnlines#6e2be050 peer:InputPeer = ChatOnlines;\n\
                 messages.getPeer = Peer;",
                1,
            )
            .replacen(
                "chat\n\nMethods",
                "chat\nchatOnlines Again\npeerUser A user\nchatOffline Nobody\n\
                 messages.getPeer Not one\n(bad) row\n\nMethods",
                1,
            ) + "messages.getPeer A peer\nchatOnlines Not a method\nmessages.getNothing No\n";
        let m = messages(&[Source::file("s.tl", INPUT_PEER), Source::literal(page)]);
        assert_eq!(
            m,
            [
                "malformed row `(bad) row` of Constructors: expected a name and its \
                 description, as in `chatPhoto Group profile photo.`",
                "constructor `chatOnlines` has a second row",
                "the table lists `peerUser`, a constructor of `Peer`, not of `ChatOnlines`",
                "the table lists a constructor `chatOffline` that no line defines",
                "`messages.getPeer` is a function, not a constructor of `ChatOnlines`",
                "the table has no row for `chatOnlinesNone`, a constructor of `ChatOnlines`",
                "the table lists `messages.getPeer`, which returns `Peer`, not `ChatOnlines`",
                "`chatOnlines` is a constructor, not a method that returns `ChatOnlines`",
                "the table lists a method `messages.getNothing` that no line defines",
            ]
        );
    }

    #[test]
    fn the_title_must_be_a_type_and_each_type_has_one_page() {
        let m = messages(&[
            Source::file("s.tl", INPUT_PEER),
            Source::literal(PAGE.replacen("ChatOnlines\n", "ChatOffline\n", 1)),
        ]);
        assert_eq!(
            m,
            [
                "the page is titled `ChatOffline`, but no constructor has that type \
              (its lines' constructors have `ChatOnlines`)"
            ]
        );
        let m = messages(&[
            Source::file("s.tl", INPUT_PEER),
            Source::literal(PAGE),
            Source::literal(PAGE),
        ]);
        assert_eq!(
            m,
            ["a second page documents the type `ChatOnlines`: give each type one page"]
        );
    }
}

#[cfg(test)]
mod beside_the_schema {
    use crate::{Config, Source, check};

    /// A page pasted next to the schema it comes from: its repeated lines are the schema's, a
    /// line that differs is a duplicate.
    #[test]
    fn repeated_lines_are_the_schemas() {
        let schema = Source::file(
            "api.tl",
            "updatesTooLong#e317af7e = Updates;\n---functions---\nping ping_id:long = Updates;\n",
        );
        let page = "ping\nPings\nupdatesTooLong#e317af7e = Updates;\n---functions---\nping  ping_id:long = Updates;\nParameters\nName Type Description\nping_id long An id\n";
        let (parsed, diagnostics) =
            check(&[schema.clone(), Source::literal(page)], &Config::default());
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(parsed.definitions.len(), 2);
        let documented = parsed.pages[0].documents.unwrap();
        assert_eq!(parsed.definitions[documented].source, 0);

        let differs = page.replace("ping_id:long = Updates", "ping_id:int = Updates");
        let (_, diagnostics) = check(&[schema, Source::literal(differs)], &Config::default());
        assert!(!diagnostics.is_empty());
    }
}
