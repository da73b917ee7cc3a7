//! Writes a seed corpus for the decoding fuzz targets: valid bytes of every definition of a
//! shared schema (flags all set, none, random), one file each.
//!
//! `cargo run -p tl-tests --example fuzz_seeds -- api.tl fuzz/corpus/decode_api`

use tl_tests::generate::{Gen, Presence, load};

fn main() {
    let mut args = std::env::args().skip(1);
    let (schema_name, out) = (
        args.next().expect("schema name"),
        args.next().expect("output dir"),
    );
    let allow = match schema_name.as_str() {
        "api.tl" => tl_tests::frozen::API,
        "mtproto.tl" => tl_tests::frozen::MTPROTO,
        _ => &[],
    };
    let schema = load(&schema_name, allow).expect("shared schemas present");
    std::fs::create_dir_all(&out).expect("create output dir");
    let mut generator = Gen::new(&schema, 7, tl_schema::IdRule::Telegram);
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
