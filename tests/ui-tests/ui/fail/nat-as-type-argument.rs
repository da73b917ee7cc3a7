tl_runtime::tl! {
    "a x:Vector<#> = A;"
}

fn main() {}
