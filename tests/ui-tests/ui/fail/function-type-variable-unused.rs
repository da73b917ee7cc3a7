// A function's type variable that no field uses.
tl_runtime::tl! {
    "ok = Ok;"
    "---functions---"
    "ping {X:Type} id:long = Ok;"
}

fn main() {}
