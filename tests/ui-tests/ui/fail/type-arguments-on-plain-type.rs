tl_runtime::tl! {
    "b = B;"
    "a x:B<int> = A;"
}

fn main() {}
