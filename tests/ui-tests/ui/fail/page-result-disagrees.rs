// The page's Result is not the TL line's result type.
tl_runtime::tl! {
    r"ping
pong#347773c5 msg_id:long ping_id:long = Pong;
---functions---
ping#7abe77ec ping_id:long = Pong;
Result
Bool"
}

fn main() {}
