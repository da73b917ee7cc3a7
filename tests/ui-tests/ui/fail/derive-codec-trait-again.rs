// The runtime's derives on generated types, which implement those traits already: an error at
// each derive (they are for hand-written types), not rustc's conflicting impls.
tl_runtime::tl! {
    #[tl(derive(tl_runtime::Serialize, tl_runtime::Identifiable))]
    "inputPeerEmpty = InputPeer;"
}

fn main() {}
