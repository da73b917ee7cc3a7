// A `#` field that counts a repetition cannot hold flags too.
tl_runtime::tl! {
    "list n:# x:n.0?int a:n*[ int ] = List;"
}

fn main() {}
