// `n` may be absent, so it cannot count a repetition.
tl_runtime::tl! {
    "a flags:# n:flags.0?# xs:n*[ int ] = A;"
}

fn main() {}
