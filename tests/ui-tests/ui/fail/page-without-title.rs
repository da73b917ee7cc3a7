// No title, and two functions: which one does the page document?
tl_runtime::tl! {
    r"pong#347773c5 msg_id:long ping_id:long = Pong;
---functions---
ping#7abe77ec ping_id:long = Pong;
ping_delay_disconnect#f3427b8c ping_id:long disconnect_delay:int = Pong;
Parameters
Name Type Description
ping_id long Random number"
}

fn main() {}
