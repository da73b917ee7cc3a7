//! The lossless property over the whole generated API, as a bounded fuzz run that CI repeats on
//! every change: valid bytes of random definitions of `api.tl`, `mtproto.tl`, TDLib's `td_api.tl`
//! and TON's `ton_api.tl`, mutated at random (bytes flipped, cut, duplicated, spliced). Whatever decodes must re-encode to exactly
//! the input; nothing may panic.

tl_tests::skipped_without_shared_schemas!();

#[cfg(tl_shared_schemas)]
mod checks {
    use proptest::prelude::*;
    use std::sync::OnceLock;
    use tl_runtime::{DeserializeOwned, Serialize};
    use tl_schema::{IdRule, Schema};
    use tl_tests::generate::{Gen, Presence, load_with};
    use tl_tests::real::{api, mtproto, td, ton};

    /// Each schema, its id rule, and the lossless check of its `Any`.
    type Case = (Schema, IdRule, fn(&[u8]));

    fn schemas() -> &'static [Case] {
        static SCHEMAS: OnceLock<Vec<Case>> = OnceLock::new();
        SCHEMAS.get_or_init(|| {
            let load = |name, allow, rule| load_with(name, allow, rule).unwrap();
            vec![
                (
                    load("api.tl", tl_tests::frozen::API, IdRule::Telegram),
                    IdRule::Telegram,
                    lossless::<api::Any>,
                ),
                (
                    load("mtproto.tl", tl_tests::frozen::MTPROTO, IdRule::Telegram),
                    IdRule::Telegram,
                    lossless::<mtproto::Any>,
                ),
                (
                    load("td_api.tl", &[], IdRule::Tdlib),
                    IdRule::Tdlib,
                    lossless::<td::Any>,
                ),
                (
                    load("ton_api.tl", tl_tests::frozen::TON, IdRule::Tdlib),
                    IdRule::Tdlib,
                    lossless::<ton::Any>,
                ),
            ]
        })
    }

    #[derive(Debug, Clone)]
    enum Mutation {
        Flip(usize, u8),
        Cut(usize),
        Duplicate(usize, usize),
        Insert(usize, Vec<u8>),
    }

    fn mutation() -> impl Strategy<Value = Mutation> {
        prop_oneof![
            (any::<usize>(), 1u8..).prop_map(|(at, x)| Mutation::Flip(at, x)),
            any::<usize>().prop_map(Mutation::Cut),
            (any::<usize>(), 1usize..16).prop_map(|(at, n)| Mutation::Duplicate(at, n)),
            (any::<usize>(), prop::collection::vec(any::<u8>(), 1..9))
                .prop_map(|(at, b)| Mutation::Insert(at, b)),
        ]
    }

    fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
        if bytes.is_empty() {
            return;
        }
        match m {
            Mutation::Flip(at, x) => {
                let i = at % bytes.len();
                bytes[i] ^= x;
            }
            Mutation::Cut(at) => bytes.truncate(at % bytes.len()),
            Mutation::Duplicate(at, n) => {
                let i = at % bytes.len();
                let end = (i + n).min(bytes.len());
                let copy = bytes[i..end].to_vec();
                bytes.splice(i..i, copy);
            }
            Mutation::Insert(at, b) => {
                let i = at % (bytes.len() + 1);
                bytes.splice(i..i, b.iter().copied());
            }
        }
    }

    fn lossless<T: Serialize + DeserializeOwned>(bytes: &[u8]) {
        if let Ok(value) = T::from_bytes(bytes) {
            assert_eq!(value.to_bytes(), bytes);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn mutated_real_bytes_decode_losslessly(
            seed: u64,
            pick: usize,
            mutations in prop::collection::vec(mutation(), 0..4),
        ) {
            for (schema, rule, check) in schemas() {
                let defs: Vec<_> = schema.definitions.iter().filter(|d| !d.builtin).collect();
                let def = defs[pick % defs.len()];
                let mut bytes = Gen::new(schema, seed, *rule).boxed(def, Presence::Random);
                for m in &mutations {
                    apply(&mut bytes, m);
                }
                check(&bytes);
            }
        }

        #[test]
        fn random_bytes_decode_losslessly(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
            for (_, _, check) in schemas() {
                check(&bytes);
            }
        }
    }
}
