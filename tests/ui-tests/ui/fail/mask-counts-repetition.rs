// A constructor's own field mask tests bits; it does not count a repetition.
tl_runtime::tl! {
    "e {f:#} xs:f*[ int ] = E f;"
}

fn main() {}
