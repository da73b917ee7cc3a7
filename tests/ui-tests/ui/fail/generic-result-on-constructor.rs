tl_runtime::tl! {
    "a = A int;"
}

fn main() {}
