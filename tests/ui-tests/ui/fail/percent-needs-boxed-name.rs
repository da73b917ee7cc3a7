tl_runtime::tl! {
    "b = B;"
    "a x:%b = A;"
}

fn main() {}
