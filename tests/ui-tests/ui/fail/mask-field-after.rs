// The `#` field passed as a field mask must come before the field that takes it.
tl_runtime::tl! {
    "e {f:#} n:f.0?int = E f;"
    "d x:(E y) y:# = D;"
}

fn main() {}
