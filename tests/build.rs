//! Sets `cfg(tl_shared_schemas)` when the real schemas are beside the checkout
//! (`../shared/schemas`), so that the tests compiling them through `tl!` skip, and say so, on a
//! fresh clone without them.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(tl_shared_schemas)");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/schemas");
    println!("cargo::rerun-if-changed={}", dir.display());
    if dir.join("api.tl").is_file() {
        println!("cargo::rustc-cfg=tl_shared_schemas");
    }
}
