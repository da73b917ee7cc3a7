//! The lossless property over the whole generated API, as a bounded fuzz run that CI repeats on
//! every change: valid bytes of random definitions of `api.tl` and `mtproto.tl`, mutated at
//! random (bytes flipped, cut, duplicated, spliced). Whatever decodes must re-encode to exactly
//! the input; nothing may panic.

tl_tests::skipped_without_shared_schemas!();

#[cfg(tl_shared_schemas)]
mod checks {
    use proptest::prelude::*;
    use std::sync::OnceLock;
    use tl_runtime::{DeserializeOwned, Serialize};
    use tl_schema::{IdRule, Schema};
    use tl_tests::generate::{Gen, Presence, load};
    use tl_tests::real::{api, mtproto};

    fn schemas() -> &'static (Schema, Schema) {
        static SCHEMAS: OnceLock<(Schema, Schema)> = OnceLock::new();
        SCHEMAS.get_or_init(|| {
            (
                load("api.tl", tl_tests::frozen::API).unwrap(),
                load("mtproto.tl", tl_tests::frozen::MTPROTO).unwrap(),
            )
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
            let (api_schema, mtproto_schema) = schemas();
            for (schema, is_api) in [(api_schema, true), (mtproto_schema, false)] {
                let defs: Vec<_> = schema.definitions.iter().filter(|d| !d.builtin).collect();
                let def = defs[pick % defs.len()];
                let mut bytes = Gen::new(schema, seed, IdRule::Telegram).boxed(def, Presence::Random);
                for m in &mutations {
                    apply(&mut bytes, m);
                }
                if is_api {
                    lossless::<api::Any>(&bytes);
                } else {
                    lossless::<mtproto::Any>(&bytes);
                }
            }
        }

        #[test]
        fn random_bytes_decode_losslessly(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
            lossless::<api::Any>(&bytes);
            lossless::<mtproto::Any>(&bytes);
        }
    }
}
