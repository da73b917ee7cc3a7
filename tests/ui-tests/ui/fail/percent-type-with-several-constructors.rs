tl_runtime::tl! {
    "inputPeerEmpty#7f3b18ea = InputPeer;"
    "inputPeerSelf#7da07ec9 = InputPeer;"
    "peers list:vector<%InputPeer> = Peers;"
}

fn main() {}
