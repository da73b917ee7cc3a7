// A field mask written as a number fits 32 bits.
tl_runtime::tl! {
    "e {f:#} n:f.0?int = E f;"
    "d x:(E 4294967296) = D;"
}

fn main() {}
