// A TON line pasted with its id: a schema that writes its ids is read by Telegram's rule, which
// reads `bytes` as `string`; the message names the rule the id is by.
tl_runtime::tl! {
    "pub.overlay#34ba45cb name:bytes = PublicKey;"
}

fn main() {}
