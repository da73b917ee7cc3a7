//! grammers-tl-types' Rust names for TL names, shared by `build.rs` and the code-size crate that
//! `scripts/build-times.sh` writes (it includes this file by path).

/// grammers' Rust name for a TL name's last part (its `rusty_type_name` casing rule:
/// `_` starts a capital, a capital after a capital is lowered).
pub fn grammers_name(name: &str) -> String {
    let base = name.rsplit('.').next().unwrap_or(name);
    let mut out = String::new();
    // 0: upper next, 1: lower next, 2: keep
    let mut casing = 0;
    for c in base.chars() {
        if c == '_' {
            casing = 0;
            continue;
        }
        match casing {
            0 => {
                out.push(c.to_ascii_uppercase());
                casing = 1;
            }
            1 => {
                out.push(c.to_ascii_lowercase());
                casing = if c.is_ascii_uppercase() { 1 } else { 2 };
            }
            _ => {
                out.push(c);
                casing = if c.is_ascii_uppercase() { 1 } else { 2 };
            }
        }
    }
    out
}

/// The path of the grammers type for a TL name: `root` (`types`, `enums` or `functions`), then
/// the namespace modules and the name.
pub fn grammers_path(root: &str, name: &str) -> String {
    let mut path = format!("grammers_tl_types::{root}::");
    let parts: Vec<&str> = name.split('.').collect();
    for ns in &parts[..parts.len() - 1] {
        path.push_str(ns);
        path.push_str("::");
    }
    path.push_str(&grammers_name(name));
    path
}
