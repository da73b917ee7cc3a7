//! The schema's sources: the `include = "..."` files (with `${VAR}` from the environment),
//! read relative to the invoking crate, then the string literals, in order; and the error list
//! of `errors = "..."`, read the same way.

use crate::diag::Errors;
use crate::input::Input;
use crate::tokens::{Error, Spot};
use std::path::PathBuf;
use tl_schema::Source;

/// The sources of one invocation.
pub struct Loaded {
    pub sources: Vec<Source>,
    /// The token each source's errors point at: its literal, or its `include` value.
    pub tokens: Vec<usize>,
    /// An `include_str!` of each file, as source text, so that Cargo rebuilds the crate when
    /// one changes.
    pub tracking: String,
    /// `errors = "..."`, read.
    pub error_list: Option<tl_schema::ErrorList>,
}

/// Reads the included files (an unreadable one is an error at its path) and the literals.
pub fn load(input: &Input, errors: &mut Errors) -> Loaded {
    let mut loaded = Loaded {
        sources: Vec::new(),
        tokens: Vec::new(),
        tracking: String::new(),
        error_list: None,
    };
    for (written, id) in &input.options.include {
        if let Some(text) = read_at(written, *id, "include", &mut loaded.tracking, errors) {
            loaded.sources.push(Source::file(written.as_str(), text));
            loaded.tokens.push(*id);
        }
    }
    if let Some((written, id)) = &input.options.errors {
        loaded.error_list = error_list(written, *id, &mut loaded.tracking, errors);
    }
    for (value, id) in &input.literals {
        loaded.sources.push(Source::literal(value.clone()));
        loaded.tokens.push(*id);
    }
    loaded
}

/// [`read`] for an option of `tl!`: the file is tracked, and an error is pushed at the token
/// `id` (the option's literal).
fn read_at(
    written: &str,
    id: usize,
    what: &str,
    tracking: &mut String,
    errors: &mut Errors,
) -> Option<String> {
    match read(written, what) {
        Ok((text, absolute)) => {
            tracking.push_str(&tracking_item(&absolute));
            Some(text)
        }
        Err(message) => {
            errors.push(Error::new(Spot::Token(id), message));
            None
        }
    }
}

/// Reads the file an option (`what`) names, relative to `CARGO_MANIFEST_DIR` after `${VAR}`
/// expansion: its text and its absolute path (for [`tracking_item`]), or the error's message.
pub fn read(written: &str, what: &str) -> Result<(String, String), String> {
    let expanded = expand_env(written)?;
    let path = match std::env::var_os("CARGO_MANIFEST_DIR") {
        Some(dir) => PathBuf::from(dir).join(&expanded),
        None => PathBuf::from(&expanded),
    };
    match std::fs::read_to_string(&path) {
        Ok(text) => Ok((text, path.to_string_lossy().into_owned())),
        Err(e) => Err(format!(
            "cannot read {what} file `{written}` (relative to CARGO_MANIFEST_DIR): {e}"
        )),
    }
}

/// The item that makes Cargo rebuild the crate when the file at `absolute` changes.
pub fn tracking_item(absolute: &str) -> String {
    format!(
        "const _: &str = ::core::include_str!({});\n",
        crate::emit::text::str_lit(absolute)
    )
}

/// Reads `errors = "..."`: JSON in the shape of Telegram's `raw-errors.json`, every name of which
/// must make a variant name.
#[cfg(feature = "errors-json")]
fn error_list(
    written: &str,
    id: usize,
    tracking: &mut String,
    errors: &mut Errors,
) -> Option<tl_schema::ErrorList> {
    let text = read_at(written, id, "errors", tracking, errors)?;
    let list = match tl_schema::ErrorList::from_json(&text) {
        Ok(list) => list,
        Err(e) => {
            errors.push(Error::new(
                Spot::Token(id),
                format!("`{written}` is not an error list like Telegram's `raw-errors.json`: {e}"),
            ));
            return None;
        }
    };
    let mut bad: Vec<&str> = list
        .errors
        .values()
        .map(|e| e.name.as_str())
        .filter(|n| tl_schema::errors::variant_name(n).is_none())
        .collect();
    if !bad.is_empty() {
        bad.sort_unstable();
        errors.push(Error::new(
            Spot::Token(id),
            format!(
                "error names in `{written}` that make no Rust identifier: {}",
                bad.join(", ")
            ),
        ));
        return None;
    }
    Some(list)
}

/// Without the `errors-json` feature, `errors = "..."` says what to enable.
#[cfg(not(feature = "errors-json"))]
fn error_list(
    _: &str,
    id: usize,
    _: &mut String,
    errors: &mut Errors,
) -> Option<tl_schema::ErrorList> {
    errors.push(Error::new(
        Spot::Token(id),
        "`errors = \"...\"` reads JSON: enable the `errors-json` feature of `tl-runtime`",
    ));
    None
}

/// Replaces `${NAME}` in an include path with the environment variable `NAME` at compile time
/// (such as `OUT_DIR`, or one a build script sets with `cargo::rustc-env`).
fn expand_env(path: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = path;
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find('}') else {
            return Err(format!("unclosed `${{` in include path `{path}`"));
        };
        let name = &after[..end];
        match std::env::var(name) {
            Ok(value) => out.push_str(&value),
            Err(_) => {
                return Err(format!(
                    "environment variable `{name}` in include path `{path}` is not set"
                ));
            }
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn env_in_include_paths() {
        // An existing variable: setting one would need `unsafe` (edition 2024).
        let home = std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo");
        assert_eq!(
            super::expand_env("${CARGO_MANIFEST_DIR}/a.tl").as_deref(),
            Ok(format!("{home}/a.tl").as_str())
        );
        assert!(super::expand_env("${TL_SURELY_UNSET_VARIABLE}").is_err());
        assert!(super::expand_env("${OPEN").is_err());
        assert_eq!(super::expand_env("plain.tl").as_deref(), Ok("plain.tl"));
    }
}

/// `errors = "..."` on files that are not a usable error list: each an error at the option,
/// saying what is wrong, and no list.
#[cfg(all(test, feature = "errors-json"))]
mod error_list_tests {
    use super::error_list;
    use crate::diag::Errors;

    fn read(file: &str, text: Option<&str>) -> (bool, String) {
        let path = std::env::temp_dir().join(format!("tl-macros-{}-{file}", std::process::id()));
        if let Some(text) = text {
            std::fs::write(&path, text).expect("write a temporary file");
        }
        let mut errors = Errors::default();
        let mut tracking = String::new();
        let path_text = path.to_string_lossy().into_owned();
        let list = error_list(&path_text, 0, &mut tracking, &mut errors);
        let _ = std::fs::remove_file(&path);
        let messages: Vec<String> = errors
            .into_pieces()
            .into_iter()
            .map(|p| format!("{p:?}"))
            .collect();
        (list.is_some(), messages.join("\n"))
    }

    #[test]
    fn unusable_lists_are_errors() {
        let (ok, message) = read("absent.json", None);
        assert!(
            !ok && message.contains("cannot read errors file"),
            "{message}"
        );
        let (ok, message) = read("not.json", Some("[tl] not json"));
        assert!(
            !ok && message.contains("is not an error list") && message.contains("not JSON"),
            "{message}"
        );
        let (ok, message) = read(
            "names.json",
            Some(
                r#"{"errors": {"SELF": {"code": 400}, "%d": {"code": 400}, "OK_NAME": {"code": 400}}}"#,
            ),
        );
        assert!(
            !ok && message.contains("make no Rust identifier: %d, SELF"),
            "{message}"
        );
        let (ok, message) = read(
            "good.json",
            Some(r#"{"errors": {"OK_NAME": {"code": 400}}, "throws": {"f": ["OK_NAME"]}}"#),
        );
        assert!(ok, "{message}");
    }
}
