tl_runtime::tl! {
    "= A;"
}

fn main() {}
