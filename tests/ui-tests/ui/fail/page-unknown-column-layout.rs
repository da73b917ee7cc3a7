// A table whose header is not Telegram's: an error at the header row.
tl_runtime::tl! {
    r"pong
pong#347773c5 msg_id:long ping_id:long = Pong;
Parameters
Field Kind Meaning
msg_id long Message identifier
ping_id long The ping's id"
}

fn main() {}
