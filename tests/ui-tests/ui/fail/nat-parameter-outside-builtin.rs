// `{n:#}` parameters (dependent types) are for builtin lines only.
tl_runtime::tl! {
    "tuple {t:Type} {n:#} a:t = Tuple t n;"
}

fn main() {}
