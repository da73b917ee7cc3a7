// The page's title names no definition of its lines.
tl_runtime::tl! {
    r"pingDelayDisconnect
pong#347773c5 msg_id:long ping_id:long = Pong;
---functions---
ping#7abe77ec ping_id:long = Pong;
Result
Pong"
}

fn main() {}
