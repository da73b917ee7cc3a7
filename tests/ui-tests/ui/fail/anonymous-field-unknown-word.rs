// `id` lost its `:type`: read as an anonymous field, its type would be a constructor `id` that
// nothing defines.
tl_runtime::tl! {
    "user id int = User;"
}

fn main() {}
