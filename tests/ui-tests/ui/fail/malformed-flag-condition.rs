tl_runtime::tl! {
    "a flags:# x:flags?int = A;"
}

fn main() {}
