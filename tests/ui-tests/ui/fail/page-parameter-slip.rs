// A row whose name is a slip for a parameter's: the error names the parameter, and the
// parameter's own row is missing.
tl_runtime::tl! {
    r"ping
pong#347773c5 msg_id:long ping_id:long = Pong;
---functions---
ping#7abe77ec ping_id:long = Pong;
Parameters
Name Type Description
pign_id long Random number"
}

fn main() {}
