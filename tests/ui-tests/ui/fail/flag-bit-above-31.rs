tl_runtime::tl! {
    "a flags:# x:flags.32?int = A;"
}

fn main() {}
