// A field mask is passed to a field's whole type or its vector's elements, not to a value
// under a flag.
tl_runtime::tl! {
    "e {f:#} n:f.0?int = E f;"
    "d g:# x:g.0?(E g) = D;"
}

fn main() {}
