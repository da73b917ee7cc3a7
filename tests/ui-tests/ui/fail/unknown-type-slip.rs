// A field's type that no constructor defines, one letter from a defined type's name: the error
// names the type it was meant to be.
tl_runtime::tl! {
    "inputPeerEmpty = InputPeer;"
    "---functions---"
    "messages.getHistory peer:InputPer offset_id:int = Bool;"
}

fn main() {}
