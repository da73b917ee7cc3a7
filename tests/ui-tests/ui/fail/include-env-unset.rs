tl_runtime::tl! {
    #[tl(include = "${TL_UI_TEST_UNSET_VARIABLE}/api.tl")]
}

fn main() {}
