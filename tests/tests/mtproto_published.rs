//! The MTProto service lines as core.telegram.org publishes them, which tdesktop's copy (the
//! shared `mtproto.tl`) edits: `msg_container#73f1f8dc messages:vector<%Message>`, whose id is
//! the CRC of the line with `message` in place of `%Message`, and `http_wait`, a function whose
//! result `HttpWait` no constructor defines. gotd's copy writes `%message` for the same type.

use tl_runtime::{Deserialize, Identifiable, Object, RemoteCall, Serialize};

/// The published lines.
mod published {
    tl_runtime::tl! {
        #[tl(id_rule = "telegram")]
        r"
        message msg_id:long seqno:int bytes:int body:Object = Message;
        msg_container#73f1f8dc messages:vector<%Message> = MessageContainer;
        ---functions---
        http_wait#9299359f max_delay:int wait_after:int max_wait:int = HttpWait;
        "
    }
}

/// gotd's `%message`, without a written id: the id comes from the line.
mod gotd {
    tl_runtime::tl! {
        #[tl(id_rule = "telegram")]
        r"
        message msg_id:long seqno:int bytes:int body:Object = Message;
        msg_container messages:vector<%message> = MessageContainer;
        "
    }
}

/// The published lines with `#[tl(borrowed)]`: a body borrows from the input.
mod borrowed {
    tl_runtime::tl! {
        #[tl(id_rule = "telegram", borrowed)]
        r"
        message msg_id:long seqno:int bytes:int body:Object = Message;
        msg_container#73f1f8dc messages:vector<%Message> = MessageContainer;
        "
    }
}

/// `message` written by hand, its decoding derived from the line.
#[derive(Debug, PartialEq, tl_runtime::Serialize, tl_runtime::Deserialize)]
#[tl(line = "message msg_id:long seqno:int bytes:int body:Object = Message;")]
struct HandMessage {
    msg_id: i64,
    seqno: i32,
    bytes: i32,
    body: Object,
}

#[test]
fn percent_message_and_its_constructor_name_give_the_published_id() {
    assert_eq!(published::types::MsgContainer::CONSTRUCTOR_ID, 0x73f1f8dc);
    assert_eq!(gotd::types::MsgContainer::CONSTRUCTOR_ID, 0x73f1f8dc);
}

#[test]
fn both_spellings_are_the_bare_message() {
    let body = Object(vec![0xec, 0x77, 0xbe, 0x7a, 1, 0, 0, 0, 0, 0, 0, 0]);
    let published = published::types::MsgContainer {
        messages: vec![published::types::Message {
            msg_id: 7,
            seqno: 1,
            bytes: 12,
            body: body.clone(),
        }],
    };
    let gotd = gotd::types::MsgContainer {
        messages: vec![gotd::types::Message {
            msg_id: 7,
            seqno: 1,
            bytes: 12,
            body,
        }],
    };
    let bytes = published.to_bytes();
    assert_eq!(bytes, gotd.to_bytes());
    // Bare: a count, then the fields, with no constructor id before the message.
    assert_eq!(&bytes[..12], &[1, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0]);
    assert_eq!(gotd::types::MsgContainer::from_bytes(&bytes).unwrap(), gotd);
}

#[test]
fn http_wait_encodes_and_no_answer_decodes_as_its_empty_result() {
    let wait = published::functions::HttpWait {
        max_delay: 0,
        wait_after: 0,
        max_wait: 25_000,
    };
    assert_eq!(
        wait.to_bytes(),
        [
            0x9f, 0x35, 0x99, 0x92, 0, 0, 0, 0, 0, 0, 0, 0, 0xa8, 0x61, 0, 0
        ]
    );
    // The server answers `http_wait` with the messages it held, never with an `HttpWait`:
    // whatever comes as its result is an error that names the type.
    type Answer = <published::functions::HttpWait as RemoteCall>::Return;
    let container = published::types::MsgContainer { messages: vec![] };
    let answer = published::enums::MessageContainer::from(container).to_bytes();
    let error = Answer::from_bytes(&answer).unwrap_err().to_string();
    assert!(
        error.contains("expected HttpWait, found msg_container#73f1f8dc"),
        "{error}"
    );
    assert!(Answer::from_bytes(&[]).is_err());
}

#[test]
fn a_containers_messages_are_as_long_as_their_bytes_say() {
    // Two messages: the first body may not take the second one with it, as an `Object` alone
    // (all the remaining input) would.
    let first = Object(vec![0xec, 0x77, 0xbe, 0x7a, 1, 0, 0, 0, 0, 0, 0, 0]);
    let second = Object(vec![0x15, 0xc4, 0xb5, 0x1c, 0, 0, 0, 0]);
    let message = |msg_id, body: &Object| published::types::Message {
        msg_id,
        seqno: 1,
        bytes: body.0.len() as i32,
        body: body.clone(),
    };
    let container = published::types::MsgContainer {
        messages: vec![message(7, &first), message(9, &second)],
    };
    let bytes = container.to_bytes();
    assert_eq!(
        published::types::MsgContainer::from_bytes(&bytes).unwrap(),
        container
    );
    // Borrowed, each body is its own slice of the input.
    let view = borrowed::types::MsgContainer::from_bytes(&bytes).unwrap();
    assert_eq!(view.messages[0].body.0, &first.0[..]);
    assert_eq!(view.messages[1].body.0, &second.0[..]);
    assert_eq!(view.to_bytes(), bytes);
    // Derived, the same: after the count, two bare messages.
    let (hand, rest) = bytes[4..].split_at(16 + first.0.len());
    assert_eq!(HandMessage::from_bytes(hand).unwrap().body, first);
    assert_eq!(HandMessage::from_bytes(rest).unwrap().body, second);
    let mut two = hand.to_vec();
    two.extend(rest);
    let mut r = tl_runtime::Reader::new(&two);
    let a = <HandMessage as tl_runtime::Deserialize>::deserialize(&mut r).unwrap();
    let b = <HandMessage as tl_runtime::Deserialize>::deserialize(&mut r).unwrap();
    assert_eq!((a.msg_id, b.msg_id), (7, 9));

    // A length beyond the input, and a negative one, are errors, not a body cut short.
    let mut long = bytes.clone();
    long[16..20].copy_from_slice(&100i32.to_le_bytes());
    assert!(published::types::MsgContainer::from_bytes(&long).is_err());
    let mut negative = bytes.clone();
    negative[16..20].copy_from_slice(&(-4i32).to_le_bytes());
    let error = published::types::MsgContainer::from_bytes(&negative)
        .unwrap_err()
        .to_string();
    assert!(error.contains("negative"), "{error}");
}
