// `n` may be absent (`flags.0?#`, a number as VK's schemas write one), so no flag may test its
// bits.
tl_runtime::tl! {
    "a flags:# n:flags.0?# x:n.0?int = A;"
}

fn main() {}
