//! The front end on the real schemas in `../shared/schemas`: every one parses and validates,
//! with its frozen ids named or known, every written id matches the Telegram rule but those, and
//! corrupted ids are all caught at their lines.

use rand::rngs::StdRng;
use rand::seq::index::sample;
use rand::{Rng, SeedableRng};
use std::collections::BTreeSet;
use tl_schema::{Config, IdRule, Source, check, locate, render};

use tl_tests::frozen::{API as API_FROZEN, MTPROTO as MTPROTO_FROZEN, SECRET as SECRET_FROZEN};

fn schemas() -> Option<Vec<(&'static str, String, &'static [&'static str])>> {
    let dir = tl_tests::shared_schemas(module_path!())?;
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).expect("read schema");
    Some(vec![
        ("api.tl", read("api.tl"), API_FROZEN),
        ("mtproto.tl", read("mtproto.tl"), MTPROTO_FROZEN),
        ("secret_api.tl", read("secret_api.tl"), SECRET_FROZEN),
        ("e2e_api.tl", read("e2e_api.tl"), &[]),
    ])
}

fn config(allow: &[&str]) -> Config {
    Config {
        id_rule: Some(IdRule::Telegram),
        allow_id_mismatch: allow.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    }
}

#[test]
fn real_schemas_validate_with_only_their_frozen_ids_allowed() {
    let Some(schemas) = schemas() else { return };
    for (name, text, frozen) in schemas {
        let sources = [Source::file(name, text)];
        let (schema, diagnostics) = check(&sources, &config(frozen));
        let rendered: Vec<String> = diagnostics.iter().map(|d| render(&sources, d)).collect();
        assert_eq!(rendered, Vec::<String>::new(), "{name}");
        assert!(schema.definitions.len() > 40, "{name}");
    }
}

#[test]
fn every_written_id_matches_the_telegram_rule_except_the_frozen_ones() {
    let Some(schemas) = schemas() else { return };
    let mut checked = 0;
    for (name, text, frozen) in schemas {
        let sources = [Source::file(name, text.as_str())];
        let (schema, _) = check(&sources, &config(frozen));
        let mut mismatched = BTreeSet::new();
        for def in &schema.definitions {
            if let Some(written) = &def.id {
                checked += 1;
                if def.computed_id(IdRule::Telegram) != written.value {
                    mismatched.insert(def.name.value.as_str());
                }
            }
        }
        let expected: BTreeSet<&str> = frozen.iter().copied().collect();
        assert_eq!(mismatched, expected, "{name}");
        // Cross-check the parser's count with a plain line scan: uncommented lines whose first
        // word has a `#id`.
        let scanned = text
            .lines()
            .filter(|l| {
                let word = l.split_whitespace().next().unwrap_or("");
                !l.trim_start().starts_with("//")
                    && word.split_once('#').is_some_and(|(n, id)| {
                        !n.is_empty() && !id.is_empty() && id.bytes().all(|b| b.is_ascii_hexdigit())
                    })
            })
            .count();
        let parsed = schema.definitions.iter().filter(|d| d.id.is_some()).count();
        assert_eq!(parsed, scanned, "{name}");
    }
    assert_eq!(checked, 2_600, "written ids in the four schemas");
    eprintln!("checked {checked} written ids");
}

/// Every real schema validates without an allow list, its frozen ids known to `tl-schema`
/// (`tl_schema::id::FROZEN`); and that table is exactly what they need: each of its pairs is
/// written by one of them, and each id of theirs that is not the computed one is in it.
#[test]
fn real_schemas_validate_without_an_allow_list_and_freeze_exactly_the_known_ids() {
    let Some(dir) = tl_tests::shared_schemas(module_path!()) else {
        return;
    };
    let mut mismatched = BTreeSet::new();
    for name in [
        "api.tl",
        "mtproto.tl",
        "secret_api.tl",
        "e2e_api.tl",
        "td_api.tl",
        "ton_api.tl",
        "lite_api.tl",
        "tonlib_api.tl",
    ] {
        let text = std::fs::read_to_string(dir.join(name)).expect("read schema");
        let sources = [Source::file(name, text.as_str())];
        let (schema, diagnostics) = check(&sources, &Config::default());
        let rendered: Vec<String> = diagnostics.iter().map(|d| render(&sources, d)).collect();
        assert_eq!(rendered, Vec::<String>::new(), "{name}");
        for def in &schema.definitions {
            if let Some(written) = &def.id
                && !tl_schema::id::holds(&schema.definitions, def, schema.id_rule, written.value)
            {
                mismatched.insert((def.name.value.clone(), written.value));
            }
        }
    }
    // TDLib's `mtproto_api.tl` is not among the shared schemas (tl-schema's unit tests check
    // its line).
    let table: BTreeSet<(String, u32)> = tl_schema::id::FROZEN
        .iter()
        .filter(|&&(name, _)| name != "gzip_packed")
        .map(|&(name, id)| (name.to_owned(), id))
        .collect();
    assert_eq!(mismatched, table);
}

/// Changes one hex digit of each of 200 randomly chosen ids in `api.tl`: 200 errors, each at
/// the corrupted line.
#[test]
fn seeded_corruption_of_200_ids_gives_200_errors_at_their_lines() {
    let Some(schemas) = schemas() else { return };
    let (_, text, frozen) = &schemas[0];
    let sources = [Source::file("api.tl", text.clone())];
    let (schema, _) = check(&sources, &config(frozen));
    let candidates: Vec<_> = schema
        .definitions
        .iter()
        .filter(|d| d.id.is_some() && !frozen.contains(&d.name.value.as_str()))
        .collect();
    let mut rng = StdRng::seed_from_u64(0x7e1_5eed);
    let chosen = sample(&mut rng, candidates.len(), 200);
    let mut corrupted = text.clone().into_bytes();
    let mut lines = BTreeSet::new();
    for index in chosen {
        let def = candidates[index];
        let id = def.id.as_ref().unwrap();
        // A digit of the id (after the `#`), replaced by a different hex digit.
        let at = id.range.start + 1 + rng.random_range(0..id.range.len() - 1);
        let old = corrupted[at];
        let new = loop {
            let c = b"0123456789abcdef"[rng.random_range(0..16)];
            if c != old.to_ascii_lowercase() {
                break c;
            }
        };
        corrupted[at] = new;
        lines.insert(tl_schema::line_col(text, at).0);
    }
    assert_eq!(lines.len(), 200);
    let sources = [Source::file(
        "api.tl",
        String::from_utf8(corrupted).unwrap(),
    )];
    let (_, diagnostics) = check(&sources, &config(frozen));
    let mismatch_lines: BTreeSet<usize> = diagnostics
        .iter()
        .filter(|d| d.message.contains("declares #"))
        .map(|d| locate(&sources, d).unwrap().1)
        .collect();
    assert_eq!(mismatch_lines, lines);
    let rendered = render(&sources, &diagnostics[0]);
    assert!(rendered.starts_with("api.tl: line "), "{rendered}");
}

/// Without a named rule, each real schema gets the one its ids are by: Telegram's for
/// Telegram's schemas, TDLib's for TDLib's and TON's (which write no ids, or only frozen ones).
#[test]
fn each_real_schema_implies_its_id_rule() {
    let Some(dir) = tl_tests::shared_schemas(module_path!()) else {
        return;
    };
    let expected = [
        ("api.tl", IdRule::Telegram),
        ("mtproto.tl", IdRule::Telegram),
        ("secret_api.tl", IdRule::Telegram),
        ("e2e_api.tl", IdRule::Tdlib),
        ("td_api.tl", IdRule::Tdlib),
        ("ton_api.tl", IdRule::Tdlib),
        ("lite_api.tl", IdRule::Tdlib),
        ("tonlib_api.tl", IdRule::Tdlib),
    ];
    for (name, rule) in expected {
        let text = std::fs::read_to_string(dir.join(name)).expect("read schema");
        let (schema, _) = check(&[Source::file(name, text)], &Config::default());
        assert_eq!(schema.id_rule, rule, "{name}");
    }
}
