//! Arbitrary text never panics the parser or the validator (documentation pages' tables
//! included, as a browser copies them and in Markdown), and never loses a definition silently:
//! every text either yields definitions or diagnostics accounting for it.

use proptest::prelude::*;
use tl_schema::{Config, IdRule, Source, check, render};

/// Text built from TL's own pieces, so that the parser gets deep into its grammar.
fn tl_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("a".to_string()),
        Just("x.y".to_string()),
        Just("Vector".to_string()),
        Just("flags".to_string()),
        Just("flags.0".to_string()),
        Just("#".to_string()),
        Just("#1f".to_string()),
        Just(":".to_string()),
        Just("?".to_string()),
        Just("=".to_string()),
        Just(";".to_string()),
        Just("<".to_string()),
        Just(">".to_string()),
        Just("{".to_string()),
        Just("}".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just("4*".to_string()),
        Just("%".to_string()),
        Just("!".to_string()),
        // Polymorphic types: declared and undeclared variables, results and uses with
        // arguments.
        Just("{X:Type}".to_string()),
        Just("T".to_string()),
        Just("= P T X".to_string()),
        Just("(P int".to_string()),
        // TL-combinators' argument forms: anonymous fields, `_:`, groups, several variables.
        Just(" int ".to_string()),
        Just("_:".to_string()),
        Just("(a b:".to_string()),
        Just("{X Y:Type}".to_string()),
        Just("Final ".to_string()),
        Just("Empty ".to_string()),
        Just("New ".to_string()),
        Just("---functions---".to_string()),
        Just("---types---".to_string()),
        Just("//@description é".to_string()),
        Just("/*".to_string()),
        Just("*/".to_string()),
        Just("\n".to_string()),
        Just(" ".to_string()),
        // A documentation page's headings and rows.
        Just("\nParameters\n".to_string()),
        Just("\nName Type Description\n".to_string()),
        Just("\nResult\n".to_string()),
        Just("\nPossible errors\n".to_string()),
        Just("\nCode\tType\tDescription\n".to_string()),
        Just("\n400 A_%d x\n".to_string()),
        // A type's page: its tables and the layer selector.
        Just("\nConstructors\n".to_string()),
        Just("\nConstructor\tDescription\n".to_string()),
        Just("\nMethods\n".to_string()),
        Just("\nMethod Description\n".to_string()),
        Just("\nLayer 185\n".to_string()),
        Just("\t".to_string()),
        // The same page in Markdown: headings, fences, rules, pipe tables, links, escapes.
        Just("\n### Parameters\n".to_string()),
        Just("\n# ".to_string()),
        Just("\n```\n".to_string()),
        Just("\n======\n".to_string()),
        Just("\n| Name | Type | Description |\n|---|:-:|---|\n".to_string()),
        Just("\n| Code | Type | Description |\n".to_string()),
        Just("| ".to_string()),
        Just(" |".to_string()),
        Just("[a](/b)".to_string()),
        Just("](".to_string()),
        Just("![".to_string()),
        Just("\\_".to_string()),
        Just("\\|".to_string()),
        Just("\\".to_string()),
        Just("&lt;".to_string()),
        Just("**".to_string()),
        Just("`".to_string()),
        "[a-zA-Z_][a-zA-Z0-9_.]{0,6}",
        "\\PC{0,3}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|p| p.concat())
}

fn run(text: String) {
    for rule in [IdRule::Telegram, IdRule::Tdlib] {
        let sources = [
            Source::literal(text.clone()),
            Source::file("f.tl", text.clone()),
        ];
        let config = Config {
            id_rule: Some(rule),
            allow_id_mismatch: vec!["a".into(), "x.y".into()],
            ..Default::default()
        };
        let (_, diagnostics) = check(&sources, &config);
        for d in &diagnostics {
            assert!(!render(&sources, d).is_empty());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn tl_like_text_never_panics(text in tl_like()) { run(text) }

    #[test]
    fn any_text_never_panics(text in "\\PC{0,200}") { run(text) }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep = format!(
        "a x:{}int{} = A;",
        "Vector<".repeat(100_000),
        ">".repeat(100_000)
    );
    let bangs = format!("a x:{}int = A;", "!".repeat(100_000));
    let brackets = format!("a {} = A;", "[ ".repeat(100_000));
    for text in [deep, bangs, brackets] {
        let (_, diagnostics) = check(&[Source::literal(text)], &Config::default());
        assert!(!diagnostics.is_empty());
    }
}
