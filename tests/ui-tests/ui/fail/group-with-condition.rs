tl_runtime::tl! {
    "point flags:# (x y:flags.0?int) = Point;"
}

fn main() {}
