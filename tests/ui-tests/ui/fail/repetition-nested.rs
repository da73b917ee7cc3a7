// A repetition repeats a field of a type, not another repetition.
tl_runtime::tl! {
    "list n:# m:# a:n*[ m*[ int ] ] = List;"
}

fn main() {}
