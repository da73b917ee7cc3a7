tl_runtime::tl! {
    "int128 4*[ int = Int128;"
}

fn main() {}
