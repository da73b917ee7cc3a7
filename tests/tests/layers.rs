//! Layer markers, as MadelineProto's secret-chat schema (`TL_secret.tl`) writes them: the
//! definitions after `===8===` are layer 8's, and a constructor that a later layer changed is
//! written again under the same name after that layer's marker. A peer on an old layer still
//! sends the old form, so `tl!` keeps each: the newest form keeps the name, an older one takes
//! its layer's number (`decryptedMessage` of layer 8 is `decryptedMessage8`, as TDLib's
//! `secret_api.tl` names it), and its written id, the CRC of the line under the unnumbered
//! name, passes the id check. The lines are the secret-chat schema's.

use tl_runtime::{Deserialize, Identifiable, Serialize};

mod tl {
    tl_runtime::tl! {
        r"
===8===
decryptedMessage#1f814f1f random_id:long random_bytes:bytes message:string
    media:DecryptedMessageMedia = DecryptedMessage;
decryptedMessageService#aa48327d random_id:long random_bytes:bytes
    action:DecryptedMessageAction = DecryptedMessage;
decryptedMessageMediaEmpty#89f5c4a = DecryptedMessageMedia;
decryptedMessageActionFlushHistory#6719e45c = DecryptedMessageAction;

===17===
decryptedMessage#204d3878 random_id:long ttl:int message:string
    media:DecryptedMessageMedia = DecryptedMessage;
decryptedMessageService#73164160 random_id:long action:DecryptedMessageAction =
    DecryptedMessage;
decryptedMessageLayer#1be31789 random_bytes:bytes layer:int in_seq_no:int out_seq_no:int
    message:DecryptedMessage = DecryptedMessageLayer;
        "
    }
}

use tl::enums::{DecryptedMessage, DecryptedMessageMedia};
use tl::types;

#[test]
fn each_layer_keeps_its_id_under_its_own_name() {
    assert_eq!(types::DecryptedMessage8::CONSTRUCTOR_ID, 0x1f81_4f1f);
    assert_eq!(types::DecryptedMessageService8::CONSTRUCTOR_ID, 0xaa48_327d);
    assert_eq!(types::DecryptedMessage::CONSTRUCTOR_ID, 0x204d_3878);
    assert_eq!(types::DecryptedMessageService::CONSTRUCTOR_ID, 0x7316_4160);
    assert_eq!(tl::name_for_id(0x1f81_4f1f), Some("decryptedMessage8"));
    assert_eq!(tl::name_for_id(0x204d_3878), Some("decryptedMessage"));
}

#[test]
fn a_message_of_either_layer_decodes_to_its_form() {
    let old = DecryptedMessage::from(types::DecryptedMessage8 {
        random_id: 7,
        random_bytes: vec![1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
        message: "hi".into(),
        media: DecryptedMessageMedia::Empty,
    });
    let new = DecryptedMessage::from(types::DecryptedMessage {
        random_id: 7,
        ttl: 5,
        message: "hi".into(),
        media: DecryptedMessageMedia::Empty,
    });
    for (value, id) in [(&old, 0x1f81_4f1fu32), (&new, 0x204d_3878)] {
        let bytes = value.to_bytes();
        assert_eq!(bytes[..4], id.to_le_bytes());
        assert_eq!(&DecryptedMessage::from_bytes(&bytes).unwrap(), value);
    }
    // Layer 8's form has `random_bytes` where layer 17's has `ttl`: 16 bytes against 4.
    assert_eq!(old.to_bytes().len(), new.to_bytes().len() + 12);
}
