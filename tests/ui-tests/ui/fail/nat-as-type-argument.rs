// `#` is an element of a vector or a tuple, and of no other type.
tl_runtime::tl! {
    "pair {X:Type} x:X = Pair X;"
    "a x:(Pair #) = A;"
}

fn main() {}
