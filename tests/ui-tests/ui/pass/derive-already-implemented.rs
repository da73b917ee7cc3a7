// `Debug`, `Clone` and `PartialEq`, which every generated type implements already, asked for
// again (as a name or a path) are accepted and implemented once; `Copy` is derived where every
// field is `Copy` (numbers, flags, and with `borrowed` strings and bytes, which are `&str` and
// `&[u8]` there).
tl_runtime::tl! {
    #[tl(derive(Debug, std::clone::Clone, core::cmp::PartialEq, Copy, Eq, Hash), borrowed)]
    "inputPeerEmpty = InputPeer;"
    "inputPeerUser flags:# user_id:long name:string = InputPeer;"
    "pair {X:Type} {Y:Type} a:X b:Y = Pair X Y;"
    "holder p:(Pair int InputPeer) key:int128 = Holder;"
    "---functions---"
    "getHolder peer:InputPeer = Holder;"
}

fn main() {
    let peer = enums::InputPeer::Empty;
    let holder = types::Holder {
        p: enums::Pair::Pair(types::Pair { a: 1, b: peer }),
        key: [0; 16],
    };
    let copy = holder;
    // Still usable after the copy, and equal to it.
    assert_eq!(holder, copy);
    assert_eq!(format!("{peer:?}"), "Empty");
}
