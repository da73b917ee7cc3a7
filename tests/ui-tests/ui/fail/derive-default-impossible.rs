// `Default` on generated types: a boxed type is an enum of its constructors, none of them the
// default, so the derive is an error at it (not rustc's at the whole call, once per enum).
tl_runtime::tl! {
    #[tl(derive(Default))]
    "inputPeerEmpty = InputPeer;"
    "inputPeerSelf = InputPeer;"
}

fn main() {}
