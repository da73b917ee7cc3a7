tl_runtime::tl! {
    #[tl(include = "${CARGO_MANIFEST_DIR/api.tl")]
}

fn main() {}
