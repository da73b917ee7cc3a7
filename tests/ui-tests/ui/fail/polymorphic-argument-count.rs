// A polymorphic type used with too few arguments.
tl_runtime::tl! {
    "pair {X:Type} {Y:Type} a:X b:Y = Pair X Y;"
    "user p:(Pair int) = User;"
}

fn main() {}
