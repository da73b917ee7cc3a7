// Every constructor of a type takes the same type arguments.
tl_runtime::tl! {
    "pair {X:Type} {Y:Type} a:X b:Y = Pair X Y;"
    "single {X:Type} a:X = Pair X;"
}

fn main() {}
