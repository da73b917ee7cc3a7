// `Copy` with `any`: `Any` holds each function in a `Box`, although every field is `Copy`.
tl_runtime::tl! {
    #[tl(any, derive(Copy))]
    "pong ping_id:long = Pong;"
    "---functions---"
    "ping ping_id:long = Pong;"
}

fn main() {}
