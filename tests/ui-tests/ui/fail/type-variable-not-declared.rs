tl_runtime::tl! {
    "box value:t = Box;"
}

fn main() {}
