//! Writes a seed corpus for the decoding fuzz targets: valid bytes of every definition of a
//! shared schema (flags all set, none, random), one file each.
//!
//! `cargo run -p tl-tests --example fuzz_seeds -- api.tl fuzz/corpus/decode_api`

use tl_schema::IdRule;
use tl_tests::generate::{Gen, Presence, load_with};

fn main() {
    let mut args = std::env::args().skip(1);
    let (schema_name, out) = (
        args.next().expect("schema name"),
        args.next().expect("output dir"),
    );
    let (allow, rule) = match schema_name.as_str() {
        "api.tl" => (tl_tests::frozen::API, IdRule::Telegram),
        "mtproto.tl" => (tl_tests::frozen::MTPROTO, IdRule::Telegram),
        "ton_api.tl" => (tl_tests::frozen::TON, IdRule::Tdlib),
        "lite_api.tl" => (tl_tests::frozen::LITE, IdRule::Tdlib),
        "td_api.tl" | "tonlib_api.tl" => (&[][..], IdRule::Tdlib),
        _ => (&[][..], IdRule::Telegram),
    };
    let schema = load_with(&schema_name, allow, rule).expect("shared schemas present");
    std::fs::create_dir_all(&out).expect("create output dir");
    let mut generator = Gen::new(&schema, 7, rule);
    let mut written = 0;
    for def in schema.definitions.iter().filter(|d| !d.builtin) {
        for (i, presence) in [Presence::All, Presence::None, Presence::Random]
            .into_iter()
            .enumerate()
        {
            let bytes = generator.boxed(def, presence);
            std::fs::write(format!("{out}/{}-{i}", def.name.value), bytes).expect("write seed");
            written += 1;
        }
    }
    println!("{written} seeds in {out}");
}
