// A field under a bit of a mask passed from outside needs a zero value, written where the mask
// has the bit and the field is `None`: `Object` has none.
tl_runtime::tl! {
    "e {f:#} x:f.0?Object = E f;"
}

fn main() {}
