// `Tree (Vector T)` inside `Tree T` would hold ever larger types.
tl_runtime::tl! {
    "tree {T:Type} value:T next:(Tree (Vector T)) = Tree T;"
}

fn main() {}
