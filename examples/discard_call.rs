//! Hang up a call: build `phone.discardCall`, print its bytes, decode them back, and decode an
//! `Updates` reply. The schema lines are pasted verbatim from Telegram's `api.tl` (layer 228):
//! the function and the closed subset of types it needs.
//!
//! Run it with `cargo run --example discard_call`.

use tl_runtime::{Deserialize, Identifiable, RemoteCall, Serialize, UnknownFlags};

tl_runtime::tl! {
    // A client sends functions and never decodes them; this example decodes its own request
    // back, as a server would, so it asks for that.
    #[tl(decode_functions)]

    "inputPhoneCall#1e36fded id:long access_hash:long = InputPhoneCall;"

    "phoneCallDiscardReasonMissed#85e42301 = PhoneCallDiscardReason;"
    "phoneCallDiscardReasonDisconnect#e095c1a0 = PhoneCallDiscardReason;"
    "phoneCallDiscardReasonHangup#57adc690 = PhoneCallDiscardReason;"
    "phoneCallDiscardReasonBusy#faf7e8c9 = PhoneCallDiscardReason;"
    "phoneCallDiscardReasonMigrateConferenceCall#9fbbf1f7 slug:string = PhoneCallDiscardReason;"

    // `Updates` has more constructors; these two need only this small `Update`.
    "updatesTooLong#e317af7e = Updates;"
    "updateShort#78d4dec1 update:Update date:int = Updates;"
    "updatePhoneCallSignalingData#2661bf09 phone_call_id:long data:bytes = Update;"

    "---functions---"
    "phone.discardCall#b2cbc1c0 flags:# video:flags.0?true peer:InputPhoneCall duration:int reason:PhoneCallDiscardReason connection_id:long = Updates;"
}

fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn main() -> Result<(), tl_runtime::Error> {
    let call = functions::phone::DiscardCall {
        flags: UnknownFlags::NONE,
        video: true,
        peer: types::InputPhoneCall {
            id: 0x1122_3344_5566_7788,
            access_hash: -42,
        }
        .into(),
        duration: 95,
        reason: enums::PhoneCallDiscardReason::Hangup,
        connection_id: 7,
    };
    let bytes = call.to_bytes();
    println!(
        "phone.discardCall#{:08x}, {} bytes:",
        functions::phone::DiscardCall::CONSTRUCTOR_ID,
        bytes.len()
    );
    println!("{}", hex(&bytes));

    let decoded = functions::phone::DiscardCall::from_bytes(&bytes)?;
    assert_eq!(decoded, call);
    println!("decoded back: {decoded:?}");

    // What the server might answer: `updateShort` carrying signaling data.
    let reply = enums::Updates::from(types::UpdateShort {
        update: enums::Update::PhoneCallSignalingData(types::UpdatePhoneCallSignalingData {
            phone_call_id: 0x1122_3344_5566_7788,
            data: b"\x01\x02\x03".to_vec(),
        }),
        date: 1_700_000_000,
    });
    let reply_bytes = reply.to_bytes();
    println!("reply, {} bytes: {}", reply_bytes.len(), hex(&reply_bytes));
    let answer = <functions::phone::DiscardCall as RemoteCall>::Return::from_bytes(&reply_bytes)?;
    match &answer {
        enums::Updates::UpdateShort(short) => {
            println!("answer: updateShort at {}: {:?}", short.date, short.update)
        }
        enums::Updates::TooLong => println!("answer: updatesTooLong"),
    }
    Ok(())
}
