tl_runtime::tl! {
    "a x:%Missing = A;"
}

fn main() {}
