// A derive name (or a last segment) that does not resolve: rustc's error, at the name as
// written, where it was over the whole call (the rename after it was the call site's).
tl_runtime::tl! {
    #[tl(derive(Eq, Hsh))]
    "inputPeerEmpty = InputPeer;"
}

fn main() {}

mod other {
    tl_runtime::tl! {
        #[tl(derive(std::hash::Hash, tl_runtime::Serializ))]
        "inputPeerEmpty = InputPeer;"
    }
}
