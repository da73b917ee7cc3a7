// What `only` does not reach is not generated.
tl_runtime::tl! {
    #[tl(only("phone.receivedCall"))]
    r"
    inputPhoneCall#1e36fded id:long access_hash:long = InputPhoneCall;
    inputPeerEmpty#7f3b18ea = InputPeer;
    ---functions---
    phone.receivedCall#17d54f61 peer:InputPhoneCall = Bool;
    contacts.block#2e2e8734 flags:# my_stories_from:flags.0?true id:InputPeer = Bool;
    "
}

fn main() {
    let _ = types::InputPeerEmpty;
}
