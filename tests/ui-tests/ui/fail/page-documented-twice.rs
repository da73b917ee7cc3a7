// Two pages for one definition: which description is its doc?
tl_runtime::tl! {
    r"pong
Answer to a ping.
pong#347773c5 msg_id:long ping_id:long = Pong;
Result
Pong"
    r"pong
Another description.
Result
Pong"
}

fn main() {}
