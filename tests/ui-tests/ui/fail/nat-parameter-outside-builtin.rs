// `{n:#}` parameters (dependent types) are for builtin lines only.
tl_runtime::tl! {
    "span {t:Type} {n:#} a:t = Span t n;"
}

fn main() {}
