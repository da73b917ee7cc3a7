// `errors = "..."` reads JSON, which needs the `errors-json` feature of tl-runtime.
tl_runtime::tl! {
    #[tl(errors = "raw-errors.json")]
    "pong#347773c5 msg_id:long ping_id:long = Pong;"
}

fn main() {}
