// The same error in two rows.
tl_runtime::tl! {
    r"ping
pong#347773c5 msg_id:long ping_id:long = Pong;
---functions---
ping#7abe77ec ping_id:long = Pong;
Possible errors
Code Type Description
400 PING_INVALID The ping is invalid.
400 PING_INVALID Listed again."
}

fn main() {}
