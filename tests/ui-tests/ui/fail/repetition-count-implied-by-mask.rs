// A repetition with no count written is counted by the last natural number before it: here the
// constructor's own field mask, which tests bits and does not count.
tl_runtime::tl! {
    "e {f:#} xs:[ int ] = E f;"
}

fn main() {}
