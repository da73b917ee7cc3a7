// A method in two rows of a type's Methods table.
tl_runtime::tl! {
    r"ChatOnlines
Chat info
chatOnlines#f041e250 onlines:int = ChatOnlines;
---functions---
messages.getOnlines#6e2be050 peer:InputPeer = ChatOnlines;
Constructors
Constructor Description
chatOnlines Number of online users in a chat
Methods
Method Description
messages.getOnlines Get count of online users in a chat
messages.getOnlines Again"
    "inputPeerEmpty#7f3b18ea = InputPeer;"
}

fn main() {}
