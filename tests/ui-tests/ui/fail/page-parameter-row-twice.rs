// The same parameter in two rows.
tl_runtime::tl! {
    r"pong
pong#347773c5 msg_id:long ping_id:long = Pong;
Parameters
Name Type Description
msg_id long Message identifier
ping_id long The ping's id
msg_id long Again"
}

fn main() {}
