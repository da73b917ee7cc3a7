tl_runtime::tl! {
    "a x:flags.0?int flags:# = A;"
}

fn main() {}
