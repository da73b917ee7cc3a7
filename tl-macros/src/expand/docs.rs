//! Rustdoc for generated items: the comments above each TL line (TDLib's `//@description` and
//! `//@field` tags split out), then the line itself.

use super::Ctx;
use super::model::{Enum, RField};
use super::structs::str_lit;
use tl_schema::Definition;

fn lines(docs: impl IntoIterator<Item = String>, out: &mut String) {
    for line in docs {
        emit!(out, "#[doc = {}]\n", str_lit(&format!(" {line}")));
    }
}

/// The docs of a constructor or function: its comments, then its TL line.
pub fn item(ctx: &Ctx<'_>, def: &Definition, what: &str, out: &mut String) {
    let (mut docs, _) = super::model::split_docs(&def.docs);
    let text = ctx
        .sources
        .get(def.source)
        .and_then(|s| s.text.get(def.range.clone()))
        .unwrap_or("");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if !docs.is_empty() {
        docs.push(String::new());
    }
    docs.push(format!("TL {what} `{}`:", def.name.value));
    docs.push("```text".to_string());
    docs.push(text);
    docs.push("```".to_string());
    lines(docs, out);
}

pub fn field(f: &RField, out: &mut String) {
    let mut docs = f.docs.clone();
    if !docs.is_empty() {
        docs.push(String::new());
    }
    docs.push(format!("`{}`", f.tl_text));
    lines(docs, out);
}

pub fn enum_docs(e: &Enum<'_>, out: &mut String) {
    let mut docs = e.docs.clone();
    if !docs.is_empty() {
        docs.push(String::new());
    }
    docs.push(format!(
        "The TL type `{}`: one variant per constructor.",
        e.tl_name
    ));
    lines(docs, out);
}
