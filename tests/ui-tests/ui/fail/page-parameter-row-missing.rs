// A parameter of the TL line with no row in the table: an error at the table's heading.
tl_runtime::tl! {
    r"pong
pong#347773c5 msg_id:long ping_id:long = Pong;
Parameters
Name Type Description
msg_id long Message identifier"
}

fn main() {}
