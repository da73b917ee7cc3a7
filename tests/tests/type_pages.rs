//! A type's documentation page and its method's, copied whole from core.telegram.org (layer 185,
//! `type/ChatOnlines` and `method/messages.getOnlines`), pasted together. Both pages hold the
//! method's line, and `chatOnlines`'s: the second copy of each is the first, not a duplicate.
//! The type page's description and rows are the rustdoc of `enums::ChatOnlines`,
//! `types::ChatOnlines` and `functions::messages::GetOnlines` (`tl-macros`' snapshot tests check
//! that); here the pages compile into working code.

use tl_runtime::{Identifiable, RemoteCall, RpcError, Serialize};

tl_runtime::tl! {
    r"ChatOnlines
Number of online users in a chat
Layer 185

chatOnlines#f041e250 onlines:int = ChatOnlines;

---functions---

messages.getOnlines#6e2be050 peer:InputPeer = ChatOnlines;

Constructors
Constructor	Description
chatOnlines	Number of online users in a chat

Methods
Method	Description
messages.getOnlines	Get count of online users in a chat"

    r"messages.getOnlines
Get count of online users in a chat

chatOnlines#f041e250 onlines:int = ChatOnlines;
---functions---
messages.getOnlines#6e2be050 peer:InputPeer = ChatOnlines;

Parameters
Name	Type	Description
peer	InputPeer	The chat

Result
ChatOnlines

Possible errors
Code	Type	Description
400	CHANNEL_PRIVATE	You haven't joined this channel/supergroup.
400	CHAT_ID_INVALID	The provided chat id is invalid.
400	PEER_ID_INVALID	The provided peer id is invalid."

    "inputPeerEmpty#7f3b18ea = InputPeer;"
}

use functions::messages::GetOnlines;

#[test]
fn the_pages_compile_into_the_call_and_its_answer() {
    let call = GetOnlines {
        peer: enums::InputPeer::Empty,
    };
    assert_eq!(GetOnlines::CONSTRUCTOR_ID, 0x6e2b_e050);
    let mut expected = 0x6e2b_e050_u32.to_le_bytes().to_vec();
    expected.extend(0x7f3b_18ea_u32.to_le_bytes());
    assert_eq!(call.to_bytes(), expected);

    let answer = enums::ChatOnlines::from(types::ChatOnlines { onlines: 3 });
    let bytes = answer.to_bytes();
    assert_eq!(bytes[..4], 0xf041_e250_u32.to_le_bytes());
    assert_eq!(GetOnlines::decode_reply(&bytes), Ok(Ok(answer)));

    // The method page's errors table is its error type.
    let failed = RpcError::new(400, "PEER_ID_INVALID").to_bytes();
    assert_eq!(
        GetOnlines::decode_reply(&failed),
        Ok(Err(errors::messages::GetOnlines::PeerIdInvalid))
    );
    let typed = <GetOnlines as RemoteCall>::Error::from(RpcError::new(400, "CHANNEL_PRIVATE"));
    assert_eq!(typed, errors::messages::GetOnlines::ChannelPrivate);
}
