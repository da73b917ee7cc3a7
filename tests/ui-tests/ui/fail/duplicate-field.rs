tl_runtime::tl! {
    "a x:int x:long = A;"
}

fn main() {}
