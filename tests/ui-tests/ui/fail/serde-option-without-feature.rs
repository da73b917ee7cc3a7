// `serde` generates serde impls, which need the `serde` feature of tl-runtime.
tl_runtime::tl! {
    #[tl(serde = "tdlib", id_rule = "tdlib")]
    "testInt value:int32 = TestInt;"
}

fn main() {}
