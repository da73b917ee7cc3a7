// `!X` is a function's field (a call to wrap), not a constructor's.
tl_runtime::tl! {
    "wrapped {X:Type} query:!X = Wrapped X;"
}

fn main() {}
