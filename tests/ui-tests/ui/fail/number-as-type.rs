// A number is a tuple's length, not a type of its own.
tl_runtime::tl! {
    "points xs:(vector 2) = Points;"
}

fn main() {}
