//! A function's error type: the errors its page lists, then those Telegram's list (`errors =
//! "…"`) gives it, each a variant named by [`tl_schema::errors::variant_name`], made unique
//! within the enum (`Other`, the fallback, is taken first; a numbered name that makes a plain
//! one's variant gets `N`: `EmailUnconfirmed`, `EmailUnconfirmedN { code_length }`).

use super::names::Taken;
use super::{ErrorVariant, Errors};
use crate::ident;
use tl_schema::{Definition, ErrorDoc, ErrorList, Page};

/// The name of the fallback variant, which holds any error the lists do not name.
pub const OTHER: &str = "Other";

/// The errors of `def` (a function), or `None` when nothing documents them: then its
/// `RemoteCall::Error` is `RpcError`.
pub fn build(
    def: &Definition,
    id: u32,
    page: Option<&Page>,
    list: Option<&ErrorList>,
) -> Option<Errors> {
    let from_page: Option<&[ErrorDoc]> = page.and_then(|p| p.errors.as_ref()).map(|t| &t.rows[..]);
    let from_list = list.map(|l| l.for_method(&def.name.value, id));
    if from_page.is_none() && from_list.as_ref().is_none_or(Vec::is_empty) {
        return None;
    }
    let mut docs: Vec<&ErrorDoc> = from_page.into_iter().flatten().collect();
    for e in from_list.into_iter().flatten() {
        if !docs.iter().any(|d| d.name == e.name) {
            docs.push(e);
        }
    }
    // Plain names first, so that a numbered error whose name makes the same variant as a plain
    // one (`EMAIL_UNCONFIRMED`, `EMAIL_UNCONFIRMED_%d`) is the one that gets the suffix `N`,
    // whatever the order of the list.
    let mut taken = Taken::default();
    taken.claim(OTHER.to_string(), String::new);
    let mut names: Vec<Option<String>> = vec![None; docs.len()];
    for numbered in [false, true] {
        for (doc, slot) in docs.iter().zip(&mut names) {
            if doc.has_value() != numbered {
                continue;
            }
            // Validation reported names that make no identifier; they are not modelled.
            if let Some(name) = tl_schema::errors::variant_name(&doc.name) {
                let suffix = if numbered { "N" } else { "" };
                *slot = Some(taken.claim(name, || suffix.to_string()));
            }
        }
    }
    let variants = docs
        .into_iter()
        .zip(names)
        .filter_map(|(doc, name)| {
            let name = name?;
            let param = doc
                .param
                .clone()
                .or_else(|| list?.errors.get(&doc.name)?.param.clone());
            let field = doc.has_value().then(|| {
                let field = param.map_or_else(|| "value".to_string(), |p| ident::field_name(&p));
                if field.is_empty() {
                    "value".to_string()
                } else {
                    field
                }
            });
            Some(ErrorVariant {
                name,
                code: doc.code,
                tl_name: doc.name.clone(),
                description: doc.description.clone(),
                field,
            })
        })
        .collect();
    Some(Errors { variants })
}
