// A repetition is counted by a `#` field declared before it.
tl_runtime::tl! {
    "list items:n*[ int ] n:# = List;"
}

fn main() {}
