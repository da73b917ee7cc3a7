// `_`, a constructor without an id, takes no field mask.
tl_runtime::tl! {
    "_ {f:#} x:f.0?int = A f;"
}

fn main() {}
