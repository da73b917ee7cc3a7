// A function's type variable must be declared: `{X:Type}`.
tl_runtime::tl! {
    "a = A;"
    "---functions---"
    "get value:t = A;"
}

fn main() {}
