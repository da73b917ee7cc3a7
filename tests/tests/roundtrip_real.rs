//! Every constructor and function of the real schemas round-trips through the generated code:
//! valid bytes built from the schema (each flag field set, unset, and at random with unknown
//! bits) decode through `Any`, re-encode byte for byte, and decode again to an equal value.

tl_tests::skipped_without_shared_schemas!();

#[cfg(tl_shared_schemas)]
mod checks {
    use tl_runtime::{Deserialize, DeserializeOwned, Serialize};
    use tl_schema::{Definition, IdRule, Schema, Section};
    use tl_tests::generate::{Gen, Presence, load, round_trip_all};
    use tl_tests::real;

    /// Definitions whose frozen id is a copy of another definition's real id: `Any` decodes that id
    /// as the real one, so these are checked through their own types instead.
    fn shadowed(schema: &Schema, def: &Definition, rule: IdRule) -> bool {
        let id = |d: &Definition| d.id(rule);
        !def.has_own_id(rule)
            && schema
                .definitions
                .iter()
                .any(|d| !std::ptr::eq(d, def) && d.section == def.section && id(d) == id(def))
    }

    fn check_all<A>(schema: &Schema, seed: u64) -> usize
    where
        A: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
    {
        check_all_with::<A>(schema, seed, IdRule::Telegram)
    }

    fn check_all_with<A>(schema: &Schema, seed: u64, rule: IdRule) -> usize
    where
        A: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
    {
        round_trip_all::<A>(schema, seed, rule, |d| shadowed(schema, d, rule))
    }

    fn counts(schema: &Schema) -> (usize, usize) {
        let defs = schema.definitions.iter().filter(|d| !d.builtin);
        let types = defs.clone().filter(|d| d.section == Section::Types).count();
        (types, defs.count() - types)
    }

    #[test]
    fn every_api_constructor_and_function_round_trips() {
        let Some(schema) = load("api.tl", tl_tests::frozen::API) else {
            return;
        };
        let checked = check_all::<real::api::Any>(&schema, 1);
        let (types, functions) = counts(&schema);
        eprintln!("api.tl: {types} constructors and {functions} functions, {checked} checked");
        // SOURCES.md counts 1,648 constructors with `true`, `boolFalse` and `boolTrue`, which are
        // builtins here (Rust's `bool`).
        assert_eq!(
            (types, functions),
            (1645, 813),
            "constructors and functions of layer 228"
        );
        // The four `invokeWith…Prefix` functions reuse real functions' ids.
        assert_eq!(checked, types + functions - 4);
    }

    /// The `invokeWith…Prefix` functions, which `Any` cannot tell from the real ones, through their
    /// own types.
    #[test]
    fn shadowed_prefix_functions_round_trip_through_their_types() {
        use real::api::functions as f;
        let Some(schema) = load("api.tl", tl_tests::frozen::API) else {
            return;
        };
        let mut generator = Gen::new(&schema, 5, IdRule::Telegram);
        let mut checked = 0;
        for def in schema
            .definitions
            .iter()
            .filter(|d| shadowed(&schema, d, IdRule::Telegram))
        {
            let bytes = generator.boxed(def, Presence::Random);
            let encoded = match def.name.value.as_str() {
                "invokeWithBusinessConnectionPrefix" => {
                    f::InvokeWithBusinessConnectionPrefix::from_bytes(&bytes)
                        .unwrap()
                        .to_bytes()
                }
                "invokeWithGooglePlayIntegrityPrefix" => {
                    f::InvokeWithGooglePlayIntegrityPrefix::from_bytes(&bytes)
                        .unwrap()
                        .to_bytes()
                }
                "invokeWithApnsSecretPrefix" => f::InvokeWithApnsSecretPrefix::from_bytes(&bytes)
                    .unwrap()
                    .to_bytes(),
                "invokeWithReCaptchaPrefix" => f::InvokeWithReCaptchaPrefix::from_bytes(&bytes)
                    .unwrap()
                    .to_bytes(),
                other => panic!("unexpected shadowed definition {other}"),
            };
            assert_eq!(encoded, bytes, "{}", def.name.value);
            checked += 1;
        }
        assert_eq!(checked, 4);
    }

    #[test]
    fn every_mtproto_secret_and_e2e_definition_round_trips() {
        let schemas = [
            ("mtproto.tl", tl_tests::frozen::MTPROTO),
            ("secret_api.tl", tl_tests::frozen::SECRET),
            ("e2e_api.tl", &[][..]),
        ];
        for (name, allow) in schemas {
            // TDLib's own `e2e_api.tl` writes 4 ids of 32; the rest are TDLib's rule, as `tl!`
            // finds (tests/tests/id_rule.rs checks them against TDLib's generated header).
            let rule = if name == "e2e_api.tl" {
                IdRule::Tdlib
            } else {
                IdRule::Telegram
            };
            let Some(schema) = tl_tests::generate::load_with(name, allow, rule) else {
                return;
            };
            let checked = match name {
                "mtproto.tl" => check_all::<real::mtproto::Any>(&schema, 2),
                "secret_api.tl" => check_all::<real::secret::Any>(&schema, 3),
                _ => check_all_with::<real::e2e::Any>(&schema, 4, rule),
            };
            let (types, functions) = counts(&schema);
            eprintln!("{name}: {types} constructors and {functions} functions, {checked} checked");
            assert_eq!(checked, types + functions, "{name}");
        }
    }

    /// TDLib's and TON's schemas, by TDLib's id rule: every constructor and function decodes
    /// through `Any` and re-encodes byte-exact (all flags set, none, and at random).
    #[test]
    fn every_tdlib_and_ton_definition_round_trips() {
        let schemas = [
            ("td_api.tl", &[][..]),
            ("ton_api.tl", tl_tests::frozen::TON),
            ("lite_api.tl", tl_tests::frozen::LITE),
            ("tonlib_api.tl", &[][..]),
        ];
        for (name, allow) in schemas {
            let Some(schema) = tl_tests::generate::load_with(name, allow, IdRule::Tdlib) else {
                return;
            };
            let checked = match name {
                "td_api.tl" => check_all_with::<real::td::Any>(&schema, 6, IdRule::Tdlib),
                "ton_api.tl" => check_all_with::<real::ton::Any>(&schema, 7, IdRule::Tdlib),
                "lite_api.tl" => check_all_with::<real::lite::Any>(&schema, 8, IdRule::Tdlib),
                _ => check_all_with::<real::tonlib::Any>(&schema, 9, IdRule::Tdlib),
            };
            let (types, functions) = counts(&schema);
            eprintln!("{name}: {types} constructors and {functions} functions, {checked} checked");
            assert_eq!(checked, types + functions, "{name}");
        }
    }
}
