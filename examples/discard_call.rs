//! Hang up a call: paste Telegram's documentation page of `phone.discardCall` whole, build the
//! call, print its bytes, and handle three answers a server may send: an `Updates`, the error
//! `400 CALL_PEER_INVALID` that the page lists (a typed variant), and `420 FLOOD_WAIT_42`, which
//! it does not (the fallback, an `RpcError` that says how long to wait).
//!
//! The page (core.telegram.org/method/phone.discardCall, layer 228) is pasted as a browser copies
//! it: its description becomes the function's rustdoc, its Parameters table the fields' rustdoc
//! (checked against the TL line at compile time), and its Possible errors table the error type
//! `errors::phone::DiscardCall`, which is `DiscardCall`'s `RemoteCall::Error`. The lines after it
//! are the types the page's lines refer to, each a real line of `api.tl`, but only some
//! constructors of each (this example decodes no others).
//!
//! Run it with `cargo run --example discard_call`.

use tl_runtime::{Identifiable, RemoteCall, RpcError, Serialize};

tl_runtime::tl! {
    r"phone.discardCall

Refuse or end running call

updatesTooLong#e317af7e = Updates;
updateShortMessage#313bc7f8 flags:# out:flags.1?true mentioned:flags.4?true media_unread:flags.5?true silent:flags.13?true id:int user_id:long message:string pts:int pts_count:int date:int fwd_from:flags.2?MessageFwdHeader via_bot_id:flags.11?long reply_to:flags.3?MessageReplyHeader entities:flags.7?Vector<MessageEntity> ttl_period:flags.25?int = Updates;
updateShortChatMessage#4d6deea5 flags:# out:flags.1?true mentioned:flags.4?true media_unread:flags.5?true silent:flags.13?true id:int from_id:long chat_id:long message:string pts:int pts_count:int date:int fwd_from:flags.2?MessageFwdHeader via_bot_id:flags.11?long reply_to:flags.3?MessageReplyHeader entities:flags.7?Vector<MessageEntity> ttl_period:flags.25?int = Updates;
updateShort#78d4dec1 update:Update date:int = Updates;
updatesCombined#725b04c3 updates:Vector<Update> users:Vector<User> chats:Vector<Chat> date:int seq_start:int seq:int = Updates;
updates#74ae4240 updates:Vector<Update> users:Vector<User> chats:Vector<Chat> date:int seq:int = Updates;
updateShortSentMessage#9015e101 flags:# out:flags.1?true id:int pts:int pts_count:int date:int media:flags.9?MessageMedia entities:flags.7?Vector<MessageEntity> ttl_period:flags.25?int = Updates;
---functions---
phone.discardCall#b2cbc1c0 flags:# video:flags.0?true peer:InputPhoneCall duration:int reason:PhoneCallDiscardReason connection_id:long = Updates;

Parameters

Name Type Description
flags # Flags, see TL conditional fields
video flags.0?true Whether this is a video call
peer InputPhoneCall The phone call
duration int Call duration
reason PhoneCallDiscardReason Why was the call discarded
connection_id long Preferred libtgvoip relay ID

Result

Updates

Possible errors

Code Type Description
400 CALL_ALREADY_ACCEPTED The call was already accepted.
500 CALL_OCCUPY_FAILED The call failed because the user is already making another call.
400 CALL_PEER_INVALID The provided call peer object is invalid."

    // What the page's lines refer to: `inputPhoneCall`, the discard reasons, and one
    // constructor of each type that the `Updates` constructors hold.
    "inputPhoneCall#1e36fded id:long access_hash:long = InputPhoneCall;"
    "phoneCallDiscardReasonMissed#85e42301 = PhoneCallDiscardReason;"
    "phoneCallDiscardReasonDisconnect#e095c1a0 = PhoneCallDiscardReason;"
    "phoneCallDiscardReasonHangup#57adc690 = PhoneCallDiscardReason;"
    "phoneCallDiscardReasonBusy#faf7e8c9 = PhoneCallDiscardReason;"
    "phoneCallDiscardReasonMigrateConferenceCall#9fbbf1f7 slug:string = PhoneCallDiscardReason;"
    "peerUser#59511722 user_id:long = Peer;"
    "userEmpty#d3bc4b7a id:long = User;"
    "chatEmpty#29562865 id:long = Chat;"
    "messageMediaEmpty#3ded6320 = MessageMedia;"
    "messageEntityBold#bd610bc9 offset:int length:int = MessageEntity;"
    "updatePhoneCallSignalingData#2661bf09 phone_call_id:long data:bytes = Update;"
    "messageReplyStoryHeader#e5af939 peer:Peer story_id:int = MessageReplyHeader;"
    "messageFwdHeader#4e4df4bb flags:# imported:flags.7?true saved_out:flags.11?true from_id:flags.0?Peer from_name:flags.5?string date:int channel_post:flags.2?int post_author:flags.3?string saved_from_peer:flags.4?Peer saved_from_msg_id:flags.4?int saved_from_id:flags.8?Peer saved_from_name:flags.9?string saved_date:flags.10?int psa_type:flags.6?string = MessageFwdHeader;"
}

use functions::phone::DiscardCall;

fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a client does with the answer to any call: the result, or the call's own error type.
fn handle<F: RemoteCall>(
    what: &str,
    answer: &[u8],
) -> Result<Result<F::Return, F::Error>, tl_runtime::Error>
where
    F::Return: std::fmt::Debug,
{
    let reply = F::decode_reply(answer)?;
    match &reply {
        Ok(value) => println!("{what}: {value:?}"),
        Err(error) => println!("{what}: failed: {error}"),
    }
    Ok(reply)
}

fn main() -> Result<(), tl_runtime::Error> {
    let peer = types::InputPhoneCall {
        id: 0x1122_3344_5566_7788,
        access_hash: -42,
    };
    // `new` takes the fields TL always sends (peer, duration, reason, connection_id), in order,
    // and leaves the optional ones out; struct update syntax sets those the call needs.
    let call = DiscardCall {
        video: true,
        ..DiscardCall::new(peer.into(), 95, enums::PhoneCallDiscardReason::Hangup, 7)
    };
    let bytes = call.to_bytes();
    println!(
        "phone.discardCall#{:08x}, {} bytes:",
        DiscardCall::CONSTRUCTOR_ID,
        bytes.len()
    );
    println!("{}", hex(&bytes));

    // 1. The call succeeded: `updateShort` carrying signaling data.
    let updates = enums::Updates::from(types::UpdateShort {
        update: enums::Update::PhoneCallSignalingData(types::UpdatePhoneCallSignalingData {
            phone_call_id: 0x1122_3344_5566_7788,
            data: b"\x01\x02\x03".to_vec(),
        }),
        date: 1_700_000_000,
    });
    let answer = handle::<DiscardCall>("answer 1", &updates.to_bytes())?;
    assert_eq!(answer, Ok(updates));

    // 2. An error the page lists: its own variant, with the page's description as its docs.
    let invalid = RpcError::new(400, "CALL_PEER_INVALID").to_bytes();
    println!("answer 2, {} bytes: {}", invalid.len(), hex(&invalid));
    match handle::<DiscardCall>("answer 2", &invalid)? {
        Err(errors::phone::DiscardCall::CallPeerInvalid) => {
            println!("  the page's CALL_PEER_INVALID: ask for the call again")
        }
        other => panic!("expected CALL_PEER_INVALID, got {other:?}"),
    }

    // 3. An error the page does not list: the fallback holds the `RpcError`, its number taken
    //    out of the name.
    let flood = RpcError::new(420, "FLOOD_WAIT_42").to_bytes();
    match handle::<DiscardCall>("answer 3", &flood)? {
        Err(errors::phone::DiscardCall::Other(e)) if e.is("FLOOD_WAIT_%d") => {
            let seconds = e.value().unwrap_or(0);
            println!(
                "  {} ({:?}): wait {seconds} s, then send it again",
                e.name(),
                e.class()
            );
            assert_eq!(seconds, 42);
        }
        other => panic!("expected FLOOD_WAIT_42, got {other:?}"),
    }
    Ok(())
}
