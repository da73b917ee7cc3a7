// A constructor's result takes its type variables, not types.
tl_runtime::tl! {
    "a = A int;"
}

fn main() {}
