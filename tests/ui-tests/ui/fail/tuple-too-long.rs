// A tuple is a Rust array held inline: at most 256 elements.
tl_runtime::tl! {
    "big x:(tuple int 1000) = Big;"
}

fn main() {}
