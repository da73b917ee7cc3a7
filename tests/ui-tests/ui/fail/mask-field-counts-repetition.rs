// A `#` field that counts a repetition is not also a field mask.
tl_runtime::tl! {
    "e {f:#} = E f;"
    "d g:# n:g*[ int ] x:(E g) = D;"
}

fn main() {}
