// TL tells bare from boxed by the case of the name: a field typed with a boxed type's name in
// lowercase asks for a constructor that does not exist, and the error names the boxed type and,
// as the line writes no id, how to keep the id its text gives (`extern`).
tl_runtime::tl! {
    "inputPeerEmpty = InputPeer;"
    "inputPeerSelf = InputPeer;"
    "---functions---"
    "messages.getHistory peer:inputPeer offset_id:int = InputPeer;"
}

fn main() {}
