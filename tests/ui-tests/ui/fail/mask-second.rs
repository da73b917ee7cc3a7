// One field mask per constructor.
tl_runtime::tl! {
    "e {f:#} {g:#} a:f.0?int b:g.0?int = E f g;"
}

fn main() {}
