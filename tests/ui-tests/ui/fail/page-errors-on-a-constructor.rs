// Only functions fail: a constructor's page with a Possible errors table is an error.
tl_runtime::tl! {
    r"pong
pong#347773c5 msg_id:long ping_id:long = Pong;
Possible errors
Code Type Description
400 PONG_INVALID A constructor cannot fail."
}

fn main() {}
