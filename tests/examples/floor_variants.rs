//! For `scripts/build-floor.sh`: from the code `tl!` generated for a schema (written with
//! `TL_MACRO_DUMP`), writes the same code without any `impl` block (`derives.rs`: the types and
//! their derives) and without the derives either (`bare.rs`), beside a copy of it (`full.rs`).
//!
//! ```text
//! cargo run -p tl-tests --example floor_variants -- GENERATED.rs OUT_DIR
//! ```

use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [generated, out] = args.as_slice() else {
        eprintln!("usage: floor_variants GENERATED.rs OUT_DIR");
        std::process::exit(2);
    };
    let code = std::fs::read_to_string(generated).expect("read the generated code");
    let out = Path::new(out);
    let derives = without_impls(&code);
    let bare = without_derives(&derives);
    for (name, text) in [("full", &code), ("derives", &derives), ("bare", &bare)] {
        std::fs::write(out.join(format!("{name}.rs")), text).expect("write");
    }
}

/// `code` without its `#[derive(..)]` attributes.
fn without_derives(code: &str) -> String {
    let mut out = String::new();
    let mut rest = code;
    while let Some(at) = rest.find("#[derive(") {
        out.push_str(&rest[..at]);
        let end = rest[at..].find(")] ").map_or(rest.len(), |e| at + e + 3);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// `code` without its `impl` blocks: each starts at a line that begins with `impl` or
/// `#[automatically_derived] impl`, and ends at its matching brace (braces in string literals,
/// the docs, do not count).
fn without_impls(code: &str) -> String {
    let mut out = String::new();
    let mut lines = code.split_inclusive('\n');
    while let Some(line) = lines.next() {
        if !(line.starts_with("impl") || line.starts_with("#[automatically_derived] impl")) {
            out.push_str(line);
            continue;
        }
        let (mut depth, mut opened, mut in_str, mut escaped) = (0i32, false, false, false);
        let mut rest = Some(line);
        while let Some(l) = rest {
            for c in l.chars() {
                match (in_str, escaped, c) {
                    (true, true, _) => escaped = false,
                    (true, false, '\\') => escaped = true,
                    (true, false, '"') | (false, _, '"') => in_str = !in_str,
                    (false, _, '{') => (depth, opened) = (depth + 1, true),
                    (false, _, '}') => depth -= 1,
                    _ => {}
                }
            }
            rest = if opened && depth == 0 {
                None
            } else {
                lines.next()
            };
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn strips_impls_and_derives() {
        let code = "#[derive(A, B)] pub struct X;\n\
                    #[automatically_derived] impl T for X { fn f() { \"}\" ; } }\n\
                    impl X {\n fn g() {}\n}\n\
                    pub struct Y;\n";
        let derives = super::without_impls(code);
        assert_eq!(derives, "#[derive(A, B)] pub struct X;\npub struct Y;\n");
        assert_eq!(
            super::without_derives(&derives),
            "pub struct X;\npub struct Y;\n"
        );
    }
}
