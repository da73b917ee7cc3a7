tl_runtime::tl! {
    "a x:(Vector int = A;"
}

fn main() {}
