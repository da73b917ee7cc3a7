//! Any text through the schema front end (lexer, parser, validator, by both id rules and the
//! detected one, as a literal and as a file) and the `only` selection: never a panic, and every diagnostic renders.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tl_schema::{Config, IdRule, Source, Spelling, check, render};

fuzz_target!(|text: &str| {
    let sources = [Source::literal(text), Source::file("f.tl", text)];
    // `open` is a derive's line checked alone; `extern_types` is tl!'s `extern(...)`; the
    // messages as `tl!` and as `tl check` spell their remedies.
    let rules = [
        (Some(IdRule::Telegram), false, Spelling::Attribute),
        (Some(IdRule::Tdlib), true, Spelling::Attribute),
        (None, false, Spelling::Flags),
    ];
    for (id_rule, open, spelling) in rules {
        let config = Config {
            id_rule,
            allow_id_mismatch: vec!["a".into(), "b.c".into()],
            extern_types: vec!["A".into(), "X".into()],
            open,
            spelling,
        };
        let (schema, diagnostics) = check(&sources, &config);
        for d in &diagnostics {
            let _ = render(&sources, d);
        }
        let roots: Vec<String> = schema
            .definitions
            .iter()
            .take(3)
            .map(|d| d.name.value.clone())
            .collect();
        let _ = tl_schema::select::select(&schema.definitions, &roots);
    }
});
