// A `#` field counts one repetition: it is written from that one's length.
tl_runtime::tl! {
    "list n:# a:n*[ int ] b:n*[ int ] = List;"
}

fn main() {}
