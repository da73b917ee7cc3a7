// serde's impls are for owned values: `serde` with `borrowed` is refused at `serde`.
tl_runtime::tl! {
    #[tl(borrowed, serde)]
    "pong#347773c5 msg_id:long ping_id:long = Pong;"
}

fn main() {}
