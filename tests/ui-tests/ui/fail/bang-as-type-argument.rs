// `!X` cannot be a type argument.
tl_runtime::tl! {
    "box {T:Type} value:T = Box T;"
    "---functions---"
    "wrap {X:Type} query:!X inner:(Box !X) = X;"
}

fn main() {}
