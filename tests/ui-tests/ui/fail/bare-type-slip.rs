// A bare type that is neither a constructor nor a builtin, one letter from a builtin's name.
tl_runtime::tl! {
    "user id:long name:strin = User;"
}

fn main() {}
