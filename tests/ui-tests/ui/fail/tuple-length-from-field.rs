// A tuple's length may be a `#` field declared before it (VK's counted lists); one declared
// after it is no count yet.
tl_runtime::tl! {
    "series xs:(tuple double n) n:# = Series;"
}

fn main() {}
