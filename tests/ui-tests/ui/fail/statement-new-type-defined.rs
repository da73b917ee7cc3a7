tl_runtime::tl! {
    r"
    foo x:int = Foo;
    New Foo;
    "
}

fn main() {}
