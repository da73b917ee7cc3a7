// A tuple's length is a number.
tl_runtime::tl! {
    "series xs:(tuple double (vector int)) = Series;"
}

fn main() {}
