//! Rustdoc for generated items: the model's docs of each item (its comments, TDLib's field tags
//! split out), then its TL line.

use super::text::doc;
use crate::model::{Enum, Field, Struct};

/// Documentation ([`doc`]) for the item that follows, written to `out`, one per line, each line
/// after a space: `docs`, then a blank line when there are any, then `tail`. Written where the
/// item goes rather than returned: the macro is built unoptimized, where each intermediate
/// string is an allocation and a copy.
fn with_tail(docs: &[String], tail: &[&str], out: &mut String) {
    for line in docs {
        doc(" ", line, out);
    }
    if !docs.is_empty() {
        doc(" ", "", out);
    }
    for line in tail {
        doc(" ", line, out);
    }
}

/// The docs of a constructor or function (`what`): its comments, then its TL line.
pub fn item(s: &Struct, what: &str, out: &mut String) {
    let heading = format!("TL {what} `{}`:", s.tl_name);
    with_tail(&s.docs, &[&heading, "```text", &s.tl_line, "```"], out);
}

pub fn field(f: &Field, out: &mut String) {
    with_tail(&f.docs, &[&format!("`{}`", f.tl_text)], out);
}

pub fn enum_docs(e: &Enum, out: &mut String) {
    let line = format!("The TL type `{}`: one variant per constructor.", e.tl_name);
    with_tail(&e.docs, &[&line], out);
}
