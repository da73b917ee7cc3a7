// `Vec<T>` encodes as the boxed `Vector`: a bare `vector` cannot be a type argument.
tl_runtime::tl! {
    "box {T:Type} value:T = Box T;"
    "user b:(Box (vector int)) = User;"
}

fn main() {}
