// `Copy` where a generated type holds an owned `String`: an error at the derive naming the
// field (not rustc's at the whole call, once per type).
tl_runtime::tl! {
    #[tl(derive(Copy))]
    "inputPeerEmpty = InputPeer;"
    "inputPeerUsername user_id:long username:string = InputPeer;"
}

fn main() {}
