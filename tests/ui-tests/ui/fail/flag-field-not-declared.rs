// `flags2` is never declared, and `reason` is an `int`, not a `#` field.
tl_runtime::tl! {
    "a#1 flags:# x:flags2.0?int reason:int y:reason.1?int = A;"
}

fn main() {}
