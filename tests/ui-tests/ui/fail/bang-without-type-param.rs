tl_runtime::tl! {
    "pong#347773c5 msg_id:long ping_id:long = Pong;"
    "---functions---"
    "invokeWithLayer layer:int query:!X = X;"
}

fn main() {}
