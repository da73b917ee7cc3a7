//! `phone.discardCall`'s documentation page pasted as Markdown (as an HTML-to-Markdown converter
//! or a Markdown mirror of the docs writes it: `#` headings, the TL lines fenced, pipe tables
//! whose cells link their types, escaped underscores) gives what the page as a browser copies it
//! gives (`examples/discard_call.rs`): the function, its checked parameters, and the error type
//! from its Possible errors table.

use tl_runtime::{RemoteCall, RpcError, Serialize};

tl_runtime::tl! {
    r"# phone.discardCall

Refuse or end running call

```
updatesTooLong#e317af7e = Updates;
---functions---
phone.discardCall#b2cbc1c0 flags:# video:flags.0?true peer:InputPhoneCall duration:int reason:PhoneCallDiscardReason connection_id:long = Updates;
```

### Parameters

| Name | Type | Description |
| --- | --- | --- |
| flags | [#](/type/%23) | Flags, see [TL conditional fields](/mtproto/TL-combinators#conditional-fields) |
| video | [flags](/method/phone.discardCall#flags).0?[true](/constructor/true) | Whether this is a video call |
| peer | [InputPhoneCall](/type/InputPhoneCall) | The phone call |
| duration | [int](/type/int) | Call duration |
| reason | [PhoneCallDiscardReason](/type/PhoneCallDiscardReason) | Why was the call discarded |
| connection\_id | [long](/type/long) | Preferred libtgvoip relay ID |

### Result

[Updates](/type/Updates)

### Possible errors

| Code | Type | Description |
| --- | --- | --- |
| 400 | CALL\_ALREADY\_ACCEPTED | The call was already accepted. |
| 500 | CALL\_OCCUPY\_FAILED | The call failed because the user is already making another call. |
| 400 | CALL\_PEER\_INVALID | The provided call peer object is invalid. |
"
    "inputPhoneCall#1e36fded id:long access_hash:long = InputPhoneCall;"
    "phoneCallDiscardReasonHangup#57adc690 = PhoneCallDiscardReason;"
}

#[test]
fn the_markdown_page_gives_the_function_and_its_errors() {
    let call = functions::phone::DiscardCall {
        flags: tl_runtime::UnknownFlags::default(),
        video: true,
        peer: enums::InputPhoneCall::InputPhoneCall(types::InputPhoneCall {
            id: 1,
            access_hash: 2,
        }),
        duration: 3,
        reason: enums::PhoneCallDiscardReason::Hangup,
        connection_id: 4,
    };
    let bytes = call.to_bytes();
    assert_eq!(bytes[..8], [0xc0, 0xc1, 0xcb, 0xb2, 1, 0, 0, 0]);
    assert_eq!(bytes.len(), 4 + 4 + 4 + 16 + 4 + 4 + 8);

    // The table's errors, by their unescaped names, are the call's typed error.
    type E = errors::phone::DiscardCall;
    for (code, name, typed) in [
        (400, "CALL_ALREADY_ACCEPTED", E::CallAlreadyAccepted),
        (500, "CALL_OCCUPY_FAILED", E::CallOccupyFailed),
        (400, "CALL_PEER_INVALID", E::CallPeerInvalid),
    ] {
        let reply = RpcError::new(code, name).to_bytes();
        assert_eq!(
            functions::phone::DiscardCall::decode_reply(&reply),
            Ok(Err(typed))
        );
    }
    let flood = RpcError::new(420, "FLOOD_WAIT_42");
    assert_eq!(E::from(flood.clone()), E::Other(flood));
}
