// A tuple takes its element type and its length.
tl_runtime::tl! {
    "pair x:(tuple int) = Pair;"
}

fn main() {}
