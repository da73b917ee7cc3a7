tl_runtime::tl! {
    "a flags:# n:flags.0?# = A;"
}

fn main() {}
