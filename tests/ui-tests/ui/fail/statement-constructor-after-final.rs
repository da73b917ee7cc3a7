tl_runtime::tl! {
    r"
    foo x:int = Foo;
    Final Foo;
    bar y:int = Foo;
    "
}

fn main() {}
