// The JSON forms are "tl" and "tdlib".
tl_runtime::tl! {
    #[tl(serde = "xml")]
    "pong#347773c5 msg_id:long ping_id:long = Pong;"
}

fn main() {}
