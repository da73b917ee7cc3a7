// Every constructor of a type that takes a field mask declares it.
tl_runtime::tl! {
    "e {f:#} = E f;"
    "e2 x:int = E f;"
}

fn main() {}
