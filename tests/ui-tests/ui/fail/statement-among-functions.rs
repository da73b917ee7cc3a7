tl_runtime::tl! {
    r"
    foo x:int = Foo;
    ---functions---
    Final Foo;
    "
}

fn main() {}
