// The boxed `Tuple` would write `tuple`'s id before the elements: write the bare form.
tl_runtime::tl! {
    "pair x:(Tuple int 2) = Pair;"
}

fn main() {}
