tl_runtime::tl! {
    "a x:int = a;"
}

fn main() {}
