//! Schemas named to collide with what generated code is made of (`tests/named_schema.rs`,
//! written to `OUT_DIR` by the build script, one per seed of `SEEDS`) compile through `tl!` with
//! the options their seed picks, and every definition is known to `name_for_id` by its TL name.
//! `scripts/names-sweep.sh` compiles thousands more.

use tl_schema::Source;

/// One module per seed of `named_schema::SEEDS`, with the options `named_schema::options` picks
/// for it (which the test below checks).
macro_rules! named_schemas {
    ($($module:ident = $seed:literal, $file:literal, ($($options:tt)*);)*) => {
        $(#[allow(dead_code)] mod $module {
            tl_runtime::tl! { #[tl($($options)* include = $file)] }
        })*
        /// Each seed compiled above: its options as written, and its names by id.
        const COMPILED: &[(u64, &str, fn(u32) -> Option<&'static str>)] =
            &[$(($seed, stringify!($($options)*), $module::name_for_id)),*];
    };
}

named_schemas! {
    seed_1 = 1, "${OUT_DIR}/named_1.tl", (any, decode_functions, derive(PartialOrd, Ord, Eq),);
    seed_3 = 3, "${OUT_DIR}/named_3.tl", (any, serde, decode_functions, only("type", "offset"),);
    seed_4 = 4, "${OUT_DIR}/named_4.tl", (any,);
    seed_5 = 5, "${OUT_DIR}/named_5.tl", (only("self"),);
    seed_11 = 11, "${OUT_DIR}/named_11.tl", (any, borrowed,);
    seed_14 = 14, "${OUT_DIR}/named_14.tl", (decode_functions, only("state", "new.value.option"),);
    seed_24 = 24, "${OUT_DIR}/named_24.tl", (borrowed,);
    seed_26 = 26, "${OUT_DIR}/named_26.tl", (any, borrowed, decode_functions,);
}

#[path = "../named_schema.rs"]
#[allow(dead_code)]
mod named_schema;

/// Without spaces, which `stringify!` puts where it likes.
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn every_named_schema_compiles_with_its_options_and_names_every_definition() {
    let compiled: Vec<u64> = COMPILED.iter().map(|(seed, ..)| *seed).collect();
    assert_eq!(compiled, named_schema::SEEDS, "compile every seed");
    for (seed, options, name_for_id) in COMPILED {
        let picked = named_schema::options(*seed);
        let comma = if picked.is_empty() { "" } else { "," };
        assert_eq!(
            squeeze(options),
            squeeze(&format!("{picked}{comma}")),
            "seed {seed}: the options written above are not the ones it picks"
        );
        let path = format!("{}/named_{seed}.tl", env!("OUT_DIR"));
        let text = std::fs::read_to_string(&path).expect("the build script wrote it");
        let (schema, diagnostics) =
            tl_schema::check(&[Source::file(path, text)], &tl_schema::Config::default());
        assert!(diagnostics.is_empty(), "seed {seed}: {diagnostics:?}");
        // `only(...)` leaves out of the names what it leaves out of the output, but never
        // the names it is given.
        let roots: Vec<&str> = picked
            .split_once("only(")
            .map(|(_, rest)| rest.split('"').skip(1).step_by(2).collect())
            .unwrap_or_default();
        for def in schema.definitions.iter().filter(|d| !d.builtin) {
            let (id, name) = (def.id(schema.id_rule), def.name.value.as_str());
            let found = name_for_id(id);
            if roots.is_empty() || roots.contains(&name) {
                assert_eq!(found, Some(name), "seed {seed}: #{id:08x}");
            } else {
                assert!(
                    found.is_none() || found == Some(name),
                    "seed {seed}: {found:?}"
                );
            }
        }
    }
}
