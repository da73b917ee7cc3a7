// `Default` with `any` on a schema of functions only: no boxed type is generated, but `Any` is
// an enum of them all, none the default, so the derive is still an error at it (not rustc's
// E0665 at the whole call).
tl_runtime::tl! {
    #[tl(any, derive(Default))]
    "---functions---"
    "ping ping_id:long = Vector<long>;"
}

fn main() {}
