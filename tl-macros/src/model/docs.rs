//! The documentation of a definition, read once: its comments split into the item's own text
//! and TDLib's `@field description` tags, its documentation page's description and parameter
//! table (when it was given one), and its TL line as written (single-spaced).

use rustc_hash::FxHashMap as HashMap;
use tl_schema::{Definition, Page, Source};

/// A definition's docs.
pub struct Docs {
    /// The item's text.
    pub item: Vec<String>,
    /// `@field text` tags, by TL field name.
    pub fields: HashMap<String, Vec<String>>,
    /// The definition's text, single-spaced.
    pub tl_line: String,
    /// Whether [`tl_line`](Docs::tl_line) is the text as written: each field's text can be
    /// taken from the source as it is.
    pub as_written: bool,
}

/// Splits the comment lines above `def` into the item's docs and TDLib's field tags, adds what
/// its page says (the description first, a parameter's row where no tag describes it), or what
/// a type's page says of it in its `row` when its own page has no description, and takes its
/// line from the source it was parsed from.
pub fn read(def: &Definition, sources: &[Source], page: Option<&Page>, row: Option<&str>) -> Docs {
    let (mut item, mut fields) = split(&def.docs);
    // Nearly every definition has neither: no vector is built for it.
    let description = match (page, row) {
        (Some(page), _) if !page.description.is_empty() => Some(page.description.clone()),
        (_, Some(row)) => Some(vec![row.to_string()]),
        _ => None,
    };
    if let Some(description) = description {
        put_first(&mut item, description);
    }
    if let Some(page) = page {
        for row in page.params.iter().flat_map(|t| &t.rows) {
            if !row.description.is_empty() {
                fields
                    .entry(row.name.value.clone())
                    .or_insert_with(|| vec![row.description.clone()]);
            }
        }
    }
    // From its first modifier (`@read`), which is part of the line as its schema wrote it.
    let start = def
        .modifiers
        .first()
        .map_or(def.range.start, |m| m.range.start);
    let text = sources
        .get(def.source)
        .and_then(|s| s.text.get(start..def.range.end))
        .unwrap_or("");
    let tl_line = single_spaced(text);
    // A comparison and a search in the standard library's optimized code, where a loop of ours
    // over each field's bytes would run unoptimized.
    let as_written = tl_line == text && !text.contains('/');
    Docs {
        item,
        fields,
        tl_line,
        as_written,
    }
}

/// Puts a page's `description` first in `docs`, the comments that were there after it and an
/// empty line.
pub fn put_first(docs: &mut Vec<String>, description: Vec<String>) {
    let comments = std::mem::replace(docs, description);
    if !comments.is_empty() {
        docs.push(String::new());
        docs.extend(comments);
    }
}

/// `text`'s words joined by single spaces. ASCII text, every real schema's, goes byte by byte:
/// `split_whitespace`, which decodes characters, was 4 % of the unoptimized macro's run on the
/// Telegram API; other text falls back to it.
fn single_spaced(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(bytes.len());
    // The start of the word being read, if any. A plain loop over indices: in an unoptimized
    // build, every iterator adapter and closure is a call per byte.
    let mut word = None;
    let mut i = 0;
    while i <= bytes.len() {
        let space = if i == bytes.len() {
            true
        } else {
            let b = bytes[i];
            if b >= 0x80 {
                return text.split_whitespace().collect::<Vec<_>>().join(" ");
            }
            // What `char::is_whitespace` calls whitespace in ASCII: space, tab to carriage return.
            matches!(b, b' ' | b'\t'..=b'\r')
        };
        match word {
            None if !space => word = Some(i),
            Some(start) if space => {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&text[start..i]);
                word = None;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

fn split(docs: &[String]) -> (Vec<String>, HashMap<String, Vec<String>>) {
    let mut item = Vec::new();
    let mut fields: HashMap<String, Vec<String>> = HashMap::default();
    let mut current: Option<String> = None;
    for line in docs {
        let text = line.trim();
        if let Some(rest) = text.strip_prefix('@') {
            // `@description text @field text ...` may share a line.
            for tagged in rest.split(" @") {
                let (tag, body) = tagged
                    .split_once(char::is_whitespace)
                    .unwrap_or((tagged, ""));
                let tag = tag.trim_start_matches('@');
                if tag == "description" {
                    item.push(body.trim().to_string());
                    current = None;
                } else {
                    fields
                        .entry(tag.to_string())
                        .or_default()
                        .push(body.trim().to_string());
                    current = Some(tag.to_string());
                }
            }
        } else if let Some(rest) = text.strip_prefix('-') {
            // TDLib continues a tag's text on lines starting with `-`.
            match &current {
                Some(tag) => fields
                    .entry(tag.clone())
                    .or_default()
                    .push(rest.trim().to_string()),
                None => item.push(rest.trim().to_string()),
            }
        } else {
            item.push(text.to_string());
        }
    }
    (item, fields)
}

#[cfg(test)]
mod tests {
    #[test]
    fn tdlib_tags_are_split_out() {
        let docs = [
            "@description Sends a message @chat_id Target chat".to_string(),
            "-continued here".to_string(),
            "@text The text".to_string(),
        ];
        let (item, fields) = super::split(&docs);
        assert_eq!(item, ["Sends a message"]);
        assert_eq!(fields["chat_id"], ["Target chat", "continued here"]);
        assert_eq!(fields["text"], ["The text"]);
    }

    #[test]
    fn single_spaced_is_split_whitespace_joined() {
        for text in [
            "",
            "  ",
            "a",
            " a#1 b:int\t\n\x0b= T;\r\n",
            "x:flags.0?true\x0c y:long = Y;  ",
            "caf\u{e9}\u{a0}b\u{2003} c",
        ] {
            let expected = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(super::single_spaced(text), expected, "{text:?}");
        }
    }
}
