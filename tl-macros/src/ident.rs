//! TL names to Rust names: UpperCamelCase types and variants, snake_case fields and modules,
//! keywords as raw identifiers, and `self`, `Self`, `super`, `crate` (which cannot be raw) with a
//! trailing `_`. Every function returns a valid identifier for any input.

use heck::{ToSnakeCase, ToUpperCamelCase};

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

/// The identifier for `name`, as source text: raw for keywords (`r#type`), `name_` for the ones
/// that cannot be raw.
pub fn text(name: &str) -> String {
    let name = sanitize(name);
    if NOT_RAW.contains(&name.as_str()) {
        format!("{name}_")
    } else if KEYWORDS.contains(&name.as_str()) {
        format!("r#{name}")
    } else {
        name
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
        assert_eq!(text("type"), "r#type");
        assert_eq!(text("self"), "self_");
        assert_eq!(text("Self"), "Self_");
        assert_eq!(text("crate"), "crate_");
        assert_eq!(text("_"), "__");
        assert_eq!(text(""), "__");
        assert_eq!(text("0x"), "_0x");
        assert_eq!(text("true"), "r#true");
        assert_eq!(text(&type_name("_")), "__");
    }
}
