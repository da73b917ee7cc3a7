// A path into the standard library that names a trait without a derive: an error at it, listing
// the standard derives (rustc would say it cannot find the derive macro of tl!'s alias).
tl_runtime::tl! {
    #[tl(derive(Eq, std::fmt::Display))]
    "inputPeerEmpty = InputPeer;"
}

fn main() {}
