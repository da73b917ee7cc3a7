// `Copy` with `any` and no functions: `Any` holds a polymorphic type in a `Box` (it may hold
// `Any` itself), although every field is `Copy`.
tl_runtime::tl! {
    #[tl(any, derive(Copy))]
    "pair {X:Type} a:X b:int = Pair X;"
}

fn main() {}
