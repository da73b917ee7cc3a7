tl_runtime::tl! {
    r"
    Empty nothing;
    "
}

fn main() {}
