// A Possible errors row whose first column is not a code.
tl_runtime::tl! {
    r"ping
pong#347773c5 msg_id:long ping_id:long = Pong;
---functions---
ping#7abe77ec ping_id:long = Pong;
Parameters
Name Type Description
ping_id long Random number
Possible errors
Code Type Description
400 PING_INVALID The ping is invalid.
BAD_REQUEST PING_ID_INVALID The code column holds a name."
}

fn main() {}
