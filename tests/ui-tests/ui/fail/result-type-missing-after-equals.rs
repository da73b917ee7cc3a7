tl_runtime::tl! {
    "a x:int = ;"
}

fn main() {}
