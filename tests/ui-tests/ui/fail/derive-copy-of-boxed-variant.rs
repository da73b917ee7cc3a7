// `Copy` where a large constructor is held in a `Box` in its enum: an error at the derive
// naming it, although its fields are all `Copy`.
tl_runtime::tl! {
    #[tl(derive(Copy))]
    "inputKeyEmpty = InputKey;"
    "inputKey a:int256 b:int256 = InputKey;"
}

fn main() {}
