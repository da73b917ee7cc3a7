// A length taken from a field is TL's dependent typing; a counted repetition says the same.
tl_runtime::tl! {
    "series n:# xs:(tuple double n) = Series;"
}

fn main() {}
