// Each type variable names one argument of the result.
tl_runtime::tl! {
    "twice {X:Type} x:X = Twice X X;"
}

fn main() {}
