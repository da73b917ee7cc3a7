tl_runtime::tl! {
    r"
    Empty Nothing;
    Empty Nothing;
    "
}

fn main() {}
