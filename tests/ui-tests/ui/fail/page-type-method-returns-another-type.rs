// A type's Methods table lists a method that returns another type.
tl_runtime::tl! {
    r"ChatOnlines
Chat info
chatOnlines#f041e250 onlines:int = ChatOnlines;
---functions---
messages.getOnlines#6e2be050 peer:InputPeer = ChatOnlines;
ping#7abe77ec ping_id:long = Pong;
Constructors
Constructor Description
chatOnlines Number of online users in a chat
Methods
Method Description
messages.getOnlines Get count of online users in a chat
ping Ping the server"
    "inputPeerEmpty#7f3b18ea = InputPeer;"
    "pong#347773c5 msg_id:long ping_id:long = Pong;"
}

fn main() {}
