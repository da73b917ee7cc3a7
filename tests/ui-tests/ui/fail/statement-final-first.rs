tl_runtime::tl! {
    r"
    Final Foo;
    foo x:int = Foo;
    "
}

fn main() {}
