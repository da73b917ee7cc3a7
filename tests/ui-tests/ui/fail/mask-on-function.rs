// A function takes its numbers as fields, not as a `{n:#}` parameter.
tl_runtime::tl! {
    "---functions---"
    "get {f:#} = Bool;"
}

fn main() {}
