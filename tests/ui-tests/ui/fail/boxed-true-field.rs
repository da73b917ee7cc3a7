tl_runtime::tl! {
    "a x:True = A;"
}

fn main() {}
