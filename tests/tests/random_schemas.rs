//! Random valid schemas (`tests/random_schema.rs`, written to `OUT_DIR` by the build script, one
//! per seed of `SEEDS`) compile through `tl!`, and every constructor and function of each
//! round-trips through its `Any`: decode, re-encode byte-exact, decode to the same value (a
//! constructor that takes a field mask inside the types that give it one).

use tl_schema::{Section, Source};

/// One module per seed of `random_schema::SEEDS` (which the test below checks it covers).
macro_rules! random_schemas {
    ($($module:ident = $seed:literal, $file:literal;)*) => {
        $(mod $module {
            tl_runtime::tl! { #[tl(include = $file, any)] }
        })*
        /// The seeds compiled above, each with its `Any`'s round trip.
        const COMPILED: &[(u64, fn(&tl_schema::Schema, u64) -> usize)] = &[$((
            $seed,
            |schema, seed| {
                // A constructor that takes a field mask is not in `Any` (its id alone does not
                // say how to read it): it round-trips inside the types that give it one.
                tl_tests::generate::round_trip_all::<$module::Any>(schema, seed, schema.id_rule, |d| {
                    d.nat_param().is_some()
                })
            },
        )),*];
    };
}

random_schemas! {
    seed_1 = 1, "${OUT_DIR}/random_1.tl";
    seed_2 = 2, "${OUT_DIR}/random_2.tl";
    seed_3 = 3, "${OUT_DIR}/random_3.tl";
    seed_4 = 4, "${OUT_DIR}/random_4.tl";
    seed_5 = 5, "${OUT_DIR}/random_5.tl";
    seed_6 = 6, "${OUT_DIR}/random_6.tl";
    seed_7 = 7, "${OUT_DIR}/random_7.tl";
    seed_8 = 8, "${OUT_DIR}/random_8.tl";
}

#[path = "../random_schema.rs"]
#[allow(dead_code)]
mod random_schema;

#[test]
fn every_definition_of_every_random_schema_round_trips() {
    let compiled: Vec<u64> = COMPILED.iter().map(|(seed, _)| *seed).collect();
    assert_eq!(compiled, random_schema::SEEDS, "compile every seed");
    for (seed, round_trip) in COMPILED {
        let path = format!("{}/random_{seed}.tl", env!("OUT_DIR"));
        let text = std::fs::read_to_string(&path).expect("the build script wrote it");
        let (schema, diagnostics) =
            tl_schema::check(&[Source::file(path, text)], &tl_schema::Config::default());
        assert!(diagnostics.is_empty(), "seed {seed}: {diagnostics:?}");
        let checked = round_trip(&schema, *seed);
        let defs = schema
            .definitions
            .iter()
            .filter(|d| !d.builtin && d.nat_param().is_none());
        let functions = defs
            .clone()
            .filter(|d| d.section == Section::Functions)
            .count();
        let total = defs.count();
        eprintln!(
            "seed {seed}: {} constructors and {functions} functions round-trip",
            total - functions
        );
        assert_eq!(checked, total, "seed {seed}");
    }
}
