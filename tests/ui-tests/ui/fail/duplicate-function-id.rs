tl_runtime::tl! {
    "pong#347773c5 msg_id:long ping_id:long = Pong;"
    "---functions---"
    "ping_delay_disconnect#f3427b8c ping_id:long disconnect_delay:int = Pong;"
    "ping#f3427b8c ping_id:long = Pong;"
}

fn main() {}
