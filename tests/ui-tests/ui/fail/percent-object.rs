tl_runtime::tl! {
    "a x:%Object = A;"
}

fn main() {}
