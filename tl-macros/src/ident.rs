//! TL names to Rust names: UpperCamelCase types and variants, snake_case fields and modules,
//! keywords as raw identifiers, and `self`, `Self`, `super`, `crate` (which cannot be raw) with a
//! trailing `_`. Every function returns a valid identifier for any input.

use heck::{ToSnakeCase, ToUpperCamelCase};
use proc_macro2::{Ident, Span};

/// Rust keywords (all editions, reserved ones included), which become raw identifiers.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "dyn", "else", "enum", "extern", "false",
    "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "static", "struct", "trait", "true", "try", "type", "unsafe", "use", "where",
    "while", "abstract", "become", "box", "do", "final", "macro", "override", "priv", "typeof",
    "unsized", "virtual", "yield",
];

/// Keywords that cannot be raw identifiers: they get a trailing `_`.
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Makes `name` (already case-converted) a valid identifier string, without the `r#` prefix:
/// non-identifier characters become `_`, and a leading digit or an empty name gets a `_` in front.
fn sanitize(name: &str) -> String {
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

/// An identifier for `name`: raw for keywords, `name_` for the ones that cannot be raw.
pub fn ident(name: &str) -> Ident {
    let name = sanitize(name);
    if NOT_RAW.contains(&name.as_str()) {
        Ident::new(&format!("{name}_"), Span::call_site())
    } else if KEYWORDS.contains(&name.as_str()) {
        Ident::new_raw(&name, Span::call_site())
    } else {
        Ident::new(&name, Span::call_site())
    }
}

/// The UpperCamelCase name of a TL name's last part: `inputPhoneCall` → `InputPhoneCall`,
/// `p_q_inner_data` → `PQInnerData`, `server_DH_params_ok` → `ServerDhParamsOk`.
pub fn type_name(tl_base: &str) -> String {
    let camel = tl_base.to_upper_camel_case();
    if camel.is_empty() {
        sanitize(tl_base)
    } else {
        camel
    }
}

/// The snake_case name of a field: `srp_B` → `srp_b`, `M1` → `m1`.
pub fn field_name(tl_name: &str) -> String {
    let snake = tl_name.to_snake_case();
    if snake.is_empty() {
        sanitize(tl_name)
    } else {
        snake
    }
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
        assert_eq!(ident("type").to_string(), "r#type");
        assert_eq!(ident("self").to_string(), "self_");
        assert_eq!(ident("Self").to_string(), "Self_");
        assert_eq!(ident("crate").to_string(), "crate_");
        assert_eq!(ident("_").to_string(), "__");
        assert_eq!(ident("").to_string(), "__");
        assert_eq!(ident("0x").to_string(), "_0x");
        assert_eq!(ident("true").to_string(), "r#true");
        assert_eq!(ident(&type_name("_")).to_string(), "__");
    }
}
