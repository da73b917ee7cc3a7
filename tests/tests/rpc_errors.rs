//! `RpcError` on every error Telegram publishes (`../shared/errors/raw-errors.json`): each name
//! with a number (`FLOOD_WAIT_%d`) filled with any `u64` gives back its pattern and the number,
//! each plain name gives back itself (or, as `FILE_PART_0_MISSING`, a listed pattern and its
//! number), and the `Display` form reads back to the same error.

use proptest::prelude::*;
use std::sync::OnceLock;
use tl_runtime::{ErrorClass, RpcError};

/// (code, name) of every published error; empty, with a message, where the file is absent.
fn published() -> &'static [(i32, String)] {
    static ERRORS: OnceLock<Vec<(i32, String)>> = OnceLock::new();
    ERRORS.get_or_init(|| {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../shared/errors/raw-errors.json"
        );
        let Ok(text) = std::fs::read_to_string(path) else {
            tl_tests::skip(&format!("the published errors: {path} is absent"));
            return Vec::new();
        };
        let list = tl_schema::ErrorList::from_json(&text).expect("raw-errors.json reads");
        list.errors
            .into_values()
            .map(|e| (e.code, e.name))
            .collect()
    })
}

#[test]
fn every_published_name_parses() {
    let errors = published();
    if errors.is_empty() {
        return;
    }
    assert_eq!(errors.len(), 552, "SOURCES.md counts 552 errors");
    let patterns: Vec<&str> = errors
        .iter()
        .map(|(_, n)| n.as_str())
        .filter(|n| n.contains("%d"))
        .collect();
    assert_eq!(patterns.len(), 17);
    for (code, name) in errors {
        let e = RpcError::new(*code, name.replace("%d", "7"));
        if name.contains("%d") {
            assert_eq!((e.name(), e.value()), (name.as_str(), Some(7)), "{name}");
        } else if let Some(v) = e.value() {
            // A name listed on its own that is also an instance of a listed pattern.
            assert!(
                patterns.contains(&e.name()),
                "{name} parsed as {}",
                e.name()
            );
            assert_eq!(e.name().replace("%d", &v.to_string()), *name);
        } else {
            assert_eq!(e.name(), name, "{name}");
        }
        assert_eq!(e.class(), ErrorClass::of(*code));
    }
}

proptest! {
    #[test]
    fn numbered_names_keep_any_u64(pick: usize, value: u64) {
        let errors = published();
        let patterns: Vec<&(i32, String)> = errors.iter().filter(|(_, n)| n.contains("%d")).collect();
        if !patterns.is_empty() {
            let (code, pattern) = patterns[pick % patterns.len()];
            let e = RpcError::new(*code, pattern.replace("%d", &value.to_string()));
            prop_assert_eq!(e.name(), pattern.as_str());
            prop_assert_eq!(e.value(), Some(value));
            prop_assert!(e.is(pattern));
            prop_assert_eq!(e.to_string().parse::<RpcError>(), Ok(e));
        }
    }

    /// Any code and any message: `Display` reads back to the same error, and nothing panics.
    #[test]
    fn display_round_trips(code: i32, message in "[A-Z0-9_]{0,40}") {
        let e = RpcError::new(code, message);
        prop_assert_eq!(e.to_string().parse::<RpcError>(), Ok(e));
    }
}
