//! Rustdoc for generated items: the model's docs of each item (its comments, TDLib's field tags
//! split out), then its TL line.

use super::text::doc;
use crate::model::{Enum, Field, Struct};

/// Documentation ([`doc`]), one per line, each line after a space: `docs`, then a blank line
/// when there are any, then `tail`.
fn with_tail<'s>(docs: &'s [String], tail: &[&'s str]) -> String {
    let blank: &[&str] = if docs.is_empty() { &[] } else { &[""] };
    let mut out = String::new();
    for line in docs
        .iter()
        .map(String::as_str)
        .chain(blank.iter().copied())
        .chain(tail.iter().copied())
    {
        doc(" ", line, &mut out);
    }
    out
}

/// The docs of a constructor or function (`what`): its comments, then its TL line.
pub fn item(s: &Struct, what: &str) -> String {
    let heading = format!("TL {what} `{}`:", s.tl_name);
    with_tail(&s.docs, &[&heading, "```text", &s.tl_line, "```"])
}

pub fn field(f: &Field) -> String {
    with_tail(&f.docs, &[&format!("`{}`", f.tl_text)])
}

pub fn enum_docs(e: &Enum) -> String {
    let line = format!("The TL type `{}`: one variant per constructor.", e.tl_name);
    with_tail(&e.docs, &[&line])
}
