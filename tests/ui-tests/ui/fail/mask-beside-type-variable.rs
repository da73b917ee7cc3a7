// A constructor takes a field mask from outside (`{n:#}`, VK's) only without type variables.
tl_runtime::tl! {
    "span {t:Type} {n:#} a:t = Span t n;"
}

fn main() {}
