// `Ord` without the `PartialOrd` and `Eq` it needs: one error at the derive saying what to add
// (not rustc's two at the whole call for every generated type).
tl_runtime::tl! {
    #[tl(derive(Ord))]
    "inputPeerEmpty = InputPeer;"
    "inputPeerUser user_id:long = InputPeer;"
}

fn main() {}
