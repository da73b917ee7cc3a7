// A constructor's own field mask is a number, not a type.
tl_runtime::tl! {
    "e {f:#} x:f = E f;"
}

fn main() {}
