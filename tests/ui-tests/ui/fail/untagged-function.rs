// `_` is VK's constructor without an id, not a function.
tl_runtime::tl! {
    "---functions---"
    "_ x:int = Bool;"
}

fn main() {}
