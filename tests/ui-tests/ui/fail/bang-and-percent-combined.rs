tl_runtime::tl! {
    "a x:!%A = A;"
}

fn main() {}
