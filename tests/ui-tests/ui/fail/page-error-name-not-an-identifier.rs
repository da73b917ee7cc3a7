// An error name whose UpperCamelCase (`Self`) cannot name a variant.
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
400 SELF Pinged itself."
}

fn main() {}
