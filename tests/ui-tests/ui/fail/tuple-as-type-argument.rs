// A tuple is a Rust array, which has no encoding of its own as a polymorphic type's parameter.
tl_runtime::tl! {
    "pair {X:Type} {Y:Type} a:X b:Y = Pair X Y;"
    "u p:(Pair (tuple int 2) int) = U;"
}

fn main() {}
