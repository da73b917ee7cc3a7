//! TL names to Rust names: UpperCamelCase types and variants, snake_case fields and modules,
//! keywords as raw identifiers, and `self`, `Self`, `super`, `crate` (which cannot be raw) with a
//! trailing `_`. Every function returns a valid identifier for any input.

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Rust keywords (all editions, reserved ones included), which become raw identifiers. Sorted,
/// for `binary_search`.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let",
    "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return",
    "static", "struct", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use",
    "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers: they get a trailing `_`. Sorted.
const NOT_RAW: &[&str] = &["Self", "_", "crate", "self", "super"];

/// Makes `name` (already case-converted) a valid identifier string, without the `r#` prefix:
/// non-identifier characters become `_`, and a leading digit or an empty name gets a `_` in front.
///
/// Called for every name the generated code mentions (a few hundred thousand times for
/// Telegram's API, in a proc macro that Cargo builds unoptimized), so a name that is already an
/// identifier, the common case, is checked byte by byte and copied as it is.
fn sanitize(name: &str) -> String {
    if is_identifier(name) {
        return name.to_owned();
    }
    let mut out: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, '_');
    }
    out
}

/// Whether `name` is an identifier as it is: ASCII letters, digits and `_`, not starting with a
/// digit. An index loop with `matches!`: unoptimized, `iter().all` and `is_ascii_alphanumeric`
/// are calls per byte.
fn is_identifier(name: &str) -> bool {
    let bytes = name.as_bytes();
    let mut plain = matches!(bytes.first(), Some(b) if !b.is_ascii_digit());
    let mut i = 0;
    while plain && i < bytes.len() {
        plain = matches!(bytes[i], b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_');
        i += 1;
    }
    plain
}

/// Appends [`text`] of `name` to `out`, without a string of its own for a name that is an
/// identifier and no keyword, as nearly every name is.
pub fn push_text(name: &str, out: &mut String) {
    if is_identifier(name) && !may_be_keyword(name.as_bytes()) {
        out.push_str(name);
    } else {
        out.push_str(&text(name));
    }
}

/// The identifier for `name`, as source text: raw for keywords (`r#type`), `name_` for the ones
/// that cannot be raw.
pub fn text(name: &str) -> String {
    let name = sanitize(name);
    if !may_be_keyword(name.as_bytes()) {
        name
    } else if NOT_RAW.binary_search(&name.as_str()).is_ok() {
        format!("{name}_")
    } else if KEYWORDS.binary_search(&name.as_str()).is_ok() {
        format!("r#{name}")
    } else {
        name
    }
}

/// Whether a (non-empty) identifier could be in [`KEYWORDS`] or [`NOT_RAW`]: those are 1 to 8
/// bytes long and start with a lowercase letter, `S` (`Self`) or `_`.
fn may_be_keyword(bytes: &[u8]) -> bool {
    bytes.len() <= 8 && matches!(bytes[0], b'a'..=b'z' | b'S' | b'_')
}

/// The UpperCamelCase name of a TL name's last part: `inputPhoneCall` → `InputPhoneCall`,
/// `p_q_inner_data` → `PQInnerData`, `server_DH_params_ok` → `ServerDhParamsOk`.
pub fn type_name(tl_base: &str) -> String {
    // Most TL names are lowerCamelCase already (`inputPhoneCall`): heck would only capitalize
    // the first letter, and it is slow in the unoptimized macro (`simple_camel` below).
    if simple_camel(tl_base) {
        let mut name = tl_base.to_owned();
        name[..1].make_ascii_uppercase();
        return name;
    }
    let camel = tl_base.to_upper_camel_case();
    if camel.is_empty() {
        sanitize(tl_base)
    } else {
        camel
    }
}

/// The snake_case name of a field: `srp_B` → `srp_b`, `M1` → `m1`.
pub fn field_name(tl_name: &str) -> String {
    // Most TL field names are snake_case already (`access_hash`), which heck would return as
    // they are (`simple_snake` below).
    if simple_snake(tl_name) {
        return tl_name.to_owned();
    }
    let snake = tl_name.to_snake_case();
    if snake.is_empty() {
        sanitize(tl_name)
    } else {
        snake
    }
}

/// Whether heck's UpperCamelCase of `name` is `name` with its first letter capitalized: an ASCII
/// lowercase letter, then ASCII letters and digits where no capital follows another capital,
/// digits between them or not (heck reads `aBC` and `aB1C` as `a`, then one word that it
/// lowercases after its first letter). Tested against heck exhaustively on short names.
fn simple_camel(name: &str) -> bool {
    let bytes = name.as_bytes();
    let mut last_letter_upper = false;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'a'..=b'z' => last_letter_upper = false,
            b'A'..=b'Z' if i > 0 && !last_letter_upper => last_letter_upper = true,
            b'0'..=b'9' if i > 0 => {}
            _ => return false,
        }
    }
    !bytes.is_empty()
}

/// Whether heck's snake_case of `name` is `name` itself: ASCII lowercase letters and digits in
/// words joined by single underscores, starting with a letter. Tested against heck exhaustively
/// on short names.
fn simple_snake(name: &str) -> bool {
    let bytes = name.as_bytes();
    let mut previous = b'_';
    for (i, &b) in bytes.iter().enumerate() {
        let ok = match b {
            b'a'..=b'z' => true,
            b'0'..=b'9' => i > 0,
            b'_' => previous != b'_',
            _ => false,
        };
        if !ok {
            return false;
        }
        previous = b;
    }
    previous != b'_'
}

/// The module for a namespace part: `tonNode` → `ton_node`.
pub fn module_name(tl_namespace: &str) -> String {
    field_name(tl_namespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(type_name("inputPhoneCall"), "InputPhoneCall");
        assert_eq!(type_name("p_q_inner_data"), "PQInnerData");
        assert_eq!(type_name("server_DH_params_ok"), "ServerDhParamsOk");
        assert_eq!(field_name("srp_B"), "srp_b");
        assert_eq!(field_name("M1"), "m1");
        assert_eq!(field_name("A"), "a");
        assert_eq!(module_name("tonNode"), "ton_node");
        assert_eq!(module_name("e2e"), "e2e");
    }

    #[test]
    fn keywords_and_odd_names_are_valid_idents() {
        assert_eq!(text("type"), "r#type");
        assert_eq!(text("self"), "self_");
        assert_eq!(text("Self"), "Self_");
        assert_eq!(text("crate"), "crate_");
        assert_eq!(text("_"), "__");
        assert_eq!(text(""), "__");
        assert_eq!(text("0x"), "_0x");
        assert_eq!(text("true"), "r#true");
        assert_eq!(text(&type_name("_")), "__");
        assert_eq!(text("yield"), "r#yield");
        assert_eq!(text("Selfie"), "Selfie");
        assert_eq!(text("InputPeer"), "InputPeer");
        assert_eq!(text("a-b"), "a_b");
    }

    /// `push_text` appends what `text` returns, whichever way it takes.
    #[test]
    fn push_text_is_text() {
        for name in [
            "type",
            "self",
            "Self",
            "crate",
            "_",
            "",
            "0x",
            "true",
            "yield",
            "Selfie",
            "InputPeer",
            "a-b",
            "messages",
            "r#x",
            "caf\u{e9}",
            "super",
            "abstract1",
        ] {
            let mut out = String::from("x::");
            super::push_text(name, &mut out);
            assert_eq!(out, format!("x::{}", text(name)), "{name:?}");
        }
    }

    /// Every name of up to 6 characters over an alphabet that has each kind of character
    /// (lowercase, uppercase, digit, underscore, other), so every boundary heck knows of.
    fn short_names() -> Vec<String> {
        let alphabet = ['a', 'b', 'A', 'B', '1', '_', '-'];
        let mut names = vec![String::new()];
        let mut all = Vec::new();
        for _ in 0..6 {
            names = names
                .iter()
                .flat_map(|n| alphabet.iter().map(move |c| format!("{n}{c}")))
                .collect();
            all.extend(names.iter().cloned());
        }
        all
    }

    /// The fast paths of `type_name` and `field_name` give what heck gives.
    #[test]
    fn fast_paths_agree_with_heck() {
        let mut fast = (0, 0);
        for name in short_names() {
            if simple_camel(&name) {
                fast.0 += 1;
                assert_eq!(type_name(&name), name.to_upper_camel_case(), "{name}");
            }
            if simple_snake(&name) {
                fast.1 += 1;
                assert_eq!(field_name(&name), name.to_snake_case(), "{name}");
            }
        }
        // Both paths are exercised.
        assert!(fast.0 > 1_000 && fast.1 > 1_000, "{fast:?}");
    }

    /// The filter in `text` passes every keyword and every name that cannot be raw on to the
    /// lookups.
    #[test]
    fn keyword_prefilter_catches_every_keyword() {
        for k in KEYWORDS.iter().chain(NOT_RAW) {
            assert!(may_be_keyword(k.as_bytes()), "{k}");
        }
        assert!(KEYWORDS.is_sorted() && NOT_RAW.is_sorted());
    }
}
