tl_runtime::tl! {
    r"
    New Bool;
    "
}

fn main() {}
