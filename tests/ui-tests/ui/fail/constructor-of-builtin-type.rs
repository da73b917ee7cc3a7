tl_runtime::tl! {
    "myInt x:int = Int;"
}

fn main() {}
