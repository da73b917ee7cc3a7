// A type variable that the result does not take: nothing would say what `X` is.
tl_runtime::tl! {
    "holder {X:Type} x:X = Holder;"
}

fn main() {}
