// A row for a parameter the TL line does not have.
tl_runtime::tl! {
    r"ping
pong#347773c5 msg_id:long ping_id:long = Pong;
---functions---
ping#7abe77ec ping_id:long = Pong;
Parameters
Name Type Description
ping_id long Random number
msg_id long Not a parameter of ping"
}

fn main() {}
