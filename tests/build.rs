//! Sets `cfg(tl_shared_schemas)` when the real schemas are beside the checkout
//! (`../shared/schemas`), so that the tests compiling them through `tl!` skip, and say so, on a
//! fresh clone without them; and writes the random schemas of `random_schema.rs` and
//! `named_schema.rs` to `OUT_DIR`, for `tests/random_schemas.rs` and `tests/named_schemas.rs` to
//! compile through `tl!`.

#[path = "random_schema.rs"]
mod random_schema;

#[path = "named_schema.rs"]
#[allow(dead_code)]
mod named_schema;

fn main() {
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    let write = |file: String, text: String| {
        std::fs::write(out.join(file), text).expect("write a generated schema");
    };
    for seed in random_schema::SEEDS {
        write(format!("random_{seed}.tl"), random_schema::schema(seed));
    }
    for seed in named_schema::SEEDS {
        write(format!("named_{seed}.tl"), named_schema::schema(seed));
    }
    println!("cargo::rerun-if-changed=random_schema.rs");
    println!("cargo::rerun-if-changed=named_schema.rs");
    println!("cargo::rustc-check-cfg=cfg(tl_shared_schemas)");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/schemas");
    println!("cargo::rerun-if-changed={}", dir.display());
    let shared = dir.join("..");
    if dir.join("api.tl").is_file()
        && shared.join("errors/raw-errors.json").is_file()
        && shared.join("pages/phone.discardCall.txt").is_file()
    {
        println!("cargo::rustc-cfg=tl_shared_schemas");
    }
}
