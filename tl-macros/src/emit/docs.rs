//! Rustdoc for generated items: the model's docs of each item (its comments, TDLib's field tags
//! split out), then its TL line.

use super::text::str_lit;
use crate::model::{Enum, Field, Struct};

/// `#[doc = "…"]` attributes, one per line, each line after a space.
fn lines(docs: &[String]) -> String {
    let mut out = String::new();
    for line in docs {
        emit!(out, "#[doc = {}]\n", str_lit(&format!(" {line}")));
    }
    out
}

/// `docs`, a blank line when there are any, then `tail`.
fn with_tail(docs: &[String], tail: &[String]) -> String {
    let mut all = docs.to_vec();
    if !all.is_empty() {
        all.push(String::new());
    }
    all.extend_from_slice(tail);
    lines(&all)
}

/// The docs of a constructor or function (`what`): its comments, then its TL line.
pub fn item(s: &Struct, what: &str) -> String {
    with_tail(
        &s.docs,
        &[
            format!("TL {what} `{}`:", s.tl_name),
            "```text".to_string(),
            s.tl_line.clone(),
            "```".to_string(),
        ],
    )
}

pub fn field(f: &Field) -> String {
    with_tail(&f.docs, &[format!("`{}`", f.tl_text)])
}

pub fn enum_docs(e: &Enum) -> String {
    with_tail(
        &e.docs,
        &[format!(
            "The TL type `{}`: one variant per constructor.",
            e.tl_name
        )],
    )
}
