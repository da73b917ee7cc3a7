// A type that takes a field mask is given a number, not a type.
tl_runtime::tl! {
    "e {f:#} n:f.0?int = E f;"
    "d x:(E int) = D;"
}

fn main() {}
