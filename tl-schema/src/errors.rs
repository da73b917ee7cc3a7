//! The errors a function is documented to return: rows of a page's "Possible errors" table
//! ([`crate::page`]) or entries of Telegram's published list ([`ErrorList`], read from the JSON
//! that `@mtcute/tl` ships as `raw-errors.json`, with the `json` feature).
//!
//! Each error becomes a variant of the function's error type: [`variant_name`] says which.

use core::ops::Range;
use heck::ToUpperCamelCase;
use std::collections::HashMap;

/// One documented error: `400 CALL_PEER_INVALID The provided call peer object is invalid.`
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorDoc {
    /// The code (`400`).
    pub code: i32,
    /// The name as listed, its number written `%d` (`FLOOD_WAIT_%d`).
    pub name: String,
    /// The description, as listed (may be empty).
    pub description: String,
    /// What the number is (`seconds`), where the list says.
    pub param: Option<String>,
    /// The row it was read from, for a page's table.
    pub range: Option<Range<usize>>,
}

impl ErrorDoc {
    /// Whether the name carries a number (`%d`).
    pub fn has_value(&self) -> bool {
        self.name.contains("%d")
    }
}

/// The Rust variant name of an error: UpperCamelCase of its name with the `%d` taken out
/// (`FLOOD_WAIT_%d` → `FloodWait`, `FILE_PART_%d_MISSING` → `FilePartMissing`), a leading digit
/// spelled out (`2FA_CONFIRM_WAIT_%d` → `TwoFaConfirmWait`). `None` when that is not an
/// identifier a variant can have: empty, `Self`, or not ASCII.
pub fn variant_name(name: &str) -> Option<String> {
    const DIGITS: [&str; 10] = [
        "Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine",
    ];
    let camel = name.replace("%d", "_").to_upper_camel_case();
    let mut out = String::with_capacity(camel.len() + 5);
    let mut chars = camel.chars();
    match chars.next() {
        Some(d @ '0'..='9') => {
            out.push_str(DIGITS[d as usize - '0' as usize]);
            // `2FA` → `Two` + `Fa`: the letters after the digit start a word.
            let rest: String = chars.collect();
            let mut rest_chars = rest.chars();
            if let Some(first) = rest_chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(rest_chars.as_str());
            }
        }
        Some(c) => {
            out.push(c);
            out.push_str(chars.as_str());
        }
        None => return None,
    }
    // ASCII only: every such name is an identifier to rustc (and Telegram's names are ASCII).
    let ident = out.starts_with(|c: char| c.is_ascii_alphabetic())
        && out.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    (ident && out != "Self").then_some(out)
}

/// Telegram's published error list: every error by name, and the errors each method returns.
#[derive(Clone, Debug, Default)]
pub struct ErrorList {
    /// Every error, by name.
    pub errors: HashMap<String, ErrorDoc>,
    /// Method (TL name, or an id in decimal for a few) to the names of its errors, in order.
    pub throws: HashMap<String, Vec<String>>,
}

impl ErrorList {
    /// The errors `method` (a TL name, with its id) returns, in the list's order; names the list
    /// does not describe are left out. Empty for a method the list does not name.
    pub fn for_method(&self, method: &str, id: u32) -> Vec<&ErrorDoc> {
        let by_name = self.throws.get(method);
        // A few methods are listed by id, in signed or unsigned decimal.
        let by_id = || {
            self.throws
                .get(&(id as i32).to_string())
                .or_else(|| self.throws.get(&id.to_string()))
        };
        by_name
            .or_else(by_id)
            .map(|names| names.iter().filter_map(|n| self.errors.get(n)).collect())
            .unwrap_or_default()
    }

    /// Reads the JSON shape of `raw-errors.json` (`@mtcute/tl`): `errors` maps each name to
    /// `{ code, name, description, _paramNames? }`, `throws` maps methods to error names.
    /// Other keys are ignored. The message says what is wrong where.
    #[cfg(feature = "json")]
    pub fn from_json(text: &str) -> Result<Self, String> {
        use serde_json::Value;
        let json: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
        let Some(errors) = json.get("errors").and_then(Value::as_object) else {
            return Err("expected an object `errors` mapping names to errors".into());
        };
        let mut list = ErrorList::default();
        for (key, e) in errors {
            let field = |name: &str| e.get(name);
            let code = field("code")
                .and_then(Value::as_i64)
                .and_then(|c| i32::try_from(c).ok())
                .ok_or_else(|| format!("error `{key}`: expected an integer `code`"))?;
            let name = field("name").and_then(Value::as_str).unwrap_or(key);
            let description = field("description")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let param = field("_paramNames")
                .and_then(Value::as_array)
                .and_then(|names| names.first())
                .and_then(Value::as_str)
                .map(str::to_string);
            list.errors.insert(
                key.clone(),
                ErrorDoc {
                    code,
                    name: name.to_string(),
                    description: description.to_string(),
                    param,
                    range: None,
                },
            );
        }
        if let Some(throws) = json.get("throws") {
            let throws = throws
                .as_object()
                .ok_or("expected `throws` to map methods to lists of error names")?;
            for (method, names) in throws {
                let names = names
                    .as_array()
                    .ok_or_else(|| format!("`throws.{method}`: expected a list of names"))?;
                let names = names
                    .iter()
                    .map(|n| n.as_str().map(str::to_string))
                    .collect::<Option<Vec<_>>>()
                    .ok_or_else(|| format!("`throws.{method}`: expected names as strings"))?;
                list.throws.insert(method.clone(), names);
            }
        }
        Ok(list)
    }
}

#[cfg(test)]
mod tests {
    use super::variant_name;

    #[test]
    fn variant_names() {
        let cases = [
            ("CALL_PEER_INVALID", Some("CallPeerInvalid")),
            ("FLOOD_WAIT_%d", Some("FloodWait")),
            ("FILE_PART_%d_MISSING", Some("FilePartMissing")),
            ("INTERDC_%d_CALL_ERROR", Some("InterdcCallError")),
            (
                "PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_%dMIN",
                Some("PreviousChatImportActiveWaitMin"),
            ),
            ("2FA_CONFIRM_WAIT_%d", Some("TwoFaConfirmWait")),
            ("MD5_CHECKSUM_INVALID", Some("Md5ChecksumInvalid")),
            ("Invalid msgs_ack query", Some("InvalidMsgsAckQuery")),
            ("Timeout", Some("Timeout")),
            ("SELF", None),
            ("X²", None),
            ("ÜBER_FAIL", None),
            ("%d", None),
            ("___", None),
            ("", None),
        ];
        for (name, want) in cases {
            assert_eq!(variant_name(name).as_deref(), want, "{name}");
        }
    }

    #[cfg(feature = "json")]
    #[test]
    fn reads_the_json_shape() {
        let list = super::ErrorList::from_json(
            r#"{"base": {"FLOOD": 420},
                "errors": {
                  "FLOOD_WAIT_%d": {"code": 420, "name": "FLOOD_WAIT_%d", "description": "Wait %d seconds", "_paramNames": ["seconds"]},
                  "CALL_PEER_INVALID": {"code": 400, "name": "CALL_PEER_INVALID", "description": "Bad peer."}},
                "throws": {"phone.discardCall": ["CALL_PEER_INVALID", "NOT_LISTED"], "-1": ["FLOOD_WAIT_%d"]}}"#,
        )
        .unwrap();
        let names = |m, id| {
            list.for_method(m, id)
                .iter()
                .map(|e| e.name.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(names("phone.discardCall", 0), ["CALL_PEER_INVALID"]);
        assert_eq!(names("x", u32::MAX), ["FLOOD_WAIT_%d"]);
        assert!(names("y", 7).is_empty());
        assert_eq!(
            list.errors["FLOOD_WAIT_%d"].param.as_deref(),
            Some("seconds")
        );
        for bad in [
            "[]",
            "{}",
            r#"{"errors": {"A": {}}}"#,
            "{",
            r#"{"errors": {}, "throws": {"m": [1]}}"#,
        ] {
            assert!(super::ErrorList::from_json(bad).is_err(), "{bad}");
        }
    }
}
