tl_runtime::tl! {
    r"
    Empty Nothing;
    holder n:%Nothing = Holder;
    "
}

fn main() {}
