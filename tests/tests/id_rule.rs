//! Which rule computes the ids when `tl!` is not told (`id_rule`): the schema's text decides,
//! and a TON schema gets TON's ids. TON's `pub.overlay name:bytes = PublicKey` is #34ba45cb on
//! the wire (everscale-crypto writes it as a constant); Telegram's rule, which reads `bytes` as
//! `string`, would give #672089f6.

use tl_runtime::{Identifiable, Serialize};

/// TON's way: no line writes its id, or only a frozen one.
mod ton_lines {
    tl_runtime::tl! {
        #[tl(allow_id_mismatch(frozen))]
        "pub.overlay name:bytes = PublicKey;"
        "pub.ed25519 key:int256 = PublicKey;"
        "frozen#00000001 version:int = Frozen;"
    }
}

/// Telegram's way: every line writes its id, and one without an id is read by Telegram's rule.
mod telegram_lines {
    tl_runtime::tl! {
        "inputPhoneCall#1e36fded id:long access_hash:long = InputPhoneCall;"
        "updatesTooLong#e317af7e = Updates;"
        "extra data:bytes = Extra;"
    }
}

/// The same TON lines with the rule named the other way.
mod ton_lines_as_telegram {
    tl_runtime::tl! {
        #[tl(id_rule = "telegram")]
        "pub.overlay name:bytes = PublicKey;"
    }
}

#[test]
fn a_ton_schema_gets_ton_ids() {
    assert_eq!(ton_lines::types::r#pub::Overlay::CONSTRUCTOR_ID, 0x34ba45cb);
    let key = ton_lines::enums::PublicKey::from(ton_lines::types::r#pub::Overlay {
        name: b"x".to_vec(),
    });
    assert_eq!(
        key.to_bytes(),
        [0xcb, 0x45, 0xba, 0x34, 1, b'x', 0, 0],
        "boxed: TON's id, then the bytes"
    );
    // CRC32 of `pub.ed25519 key:int256 = PublicKey` (no field where the rules differ).
    assert_eq!(ton_lines::types::r#pub::Ed25519::CONSTRUCTOR_ID, 0x4813b4c6);
    assert_eq!(ton_lines::types::Frozen::CONSTRUCTOR_ID, 1);
}

#[test]
fn a_telegram_schema_keeps_telegram_ids() {
    assert_eq!(
        telegram_lines::types::InputPhoneCall::CONSTRUCTOR_ID,
        0x1e36fded
    );
    // CRC32 of `extra data:string = Extra`; of `extra data:bytes = Extra` it is #09d384ed.
    assert_eq!(telegram_lines::types::Extra::CONSTRUCTOR_ID, 0xc89ba465);
}

#[test]
fn a_named_rule_wins() {
    assert_eq!(
        ton_lines_as_telegram::types::r#pub::Overlay::CONSTRUCTOR_ID,
        0x672089f6
    );
}

/// Every id of TDLib's `e2e_api.tl`, as TDLib's own generated `e2e_api.h` has them (`ID =` of
/// each class, as unsigned hex): 28 of the 32 lines write no id, and 5 of those differ between
/// the rules (a `bytes` field, or a `?true` one). `tl!`, not told the rule, must give TDLib's.
#[cfg(tl_shared_schemas)]
const E2E_IDS: [(&str, u32); 32] = [
    ("ok", 0xd4edbe69),
    ("e2e.callPacket", 0x40a6bee9),
    ("e2e.callPacketLargeMsgId", 0x1ce56c2d),
    ("e2e.handshakePrivateAccept", 0x99f91557),
    ("e2e.handshakePrivateFinish", 0x15161335),
    ("e2e.handshakeQR", 0xd37da15a),
    ("e2e.handshakeEncryptedMessage", 0x97400efc),
    ("e2e.handshakeLoginExport", 0xf6f07754),
    ("e2e.keyContactByUserId", 0x72c13e2b),
    ("e2e.keyContactByPublicKey", 0x6c4f8c98),
    ("e2e.personalUserId", 0x16a7b8e0),
    ("e2e.personalName", 0x68ea66d5),
    ("e2e.personalPhoneNumber", 0x4307fe1a),
    ("e2e.personalContactState", 0xc14ac456),
    ("e2e.personalEmojiNonces", 0x85fe42b7),
    ("e2e.personalData", 0x3ddb7846),
    ("e2e.personalOnClient", 0xeba65211),
    ("e2e.personalOnServer", 0xd04d2c83),
    ("e2e.valueContactByUserId", 0x06ca0713),
    ("e2e.valueContactByPublicKey", 0xab73bae1),
    ("e2e.chain.block", 0x639a3db6),
    ("e2e.chain.changeNoop", 0xdeb4a41b),
    ("e2e.chain.changeSetValue", 0xfe0139cc),
    ("e2e.chain.changeSetGroupState", 0x2cf17146),
    ("e2e.chain.changeSetSharedKey", 0x987a2158),
    ("e2e.chain.groupBroadcastNonceCommit", 0xd1512ae7),
    ("e2e.chain.groupBroadcastNonceReveal", 0x83f4f9d8),
    ("e2e.chain.groupParticipant", 0x18f3971f),
    ("e2e.chain.groupState", 0x1ddc7584),
    ("e2e.chain.sharedKey", 0x8a847e7f),
    ("e2e.chain.stateProof", 0xd6b679e6),
    ("e2e.nop", 0x5830d053),
];

#[cfg(tl_shared_schemas)]
#[test]
fn e2e_ids_are_tdlibs() {
    use tl_tests::real::e2e;
    for (name, id) in E2E_IDS {
        assert_eq!(e2e::id_for_name(name), Some(id), "{name}");
        assert_eq!(e2e::name_for_id(id), Some(name), "{id:08x}");
    }
    assert_eq!(
        e2e::types::e2e::PersonalContactState::CONSTRUCTOR_ID,
        0xc14ac456
    );
}

/// TON's schemas, included without `id_rule` (`tl_tests::real::ton`): TON's ids, frozen ones
/// kept.
#[cfg(tl_shared_schemas)]
#[test]
fn ton_ids_are_tons() {
    use tl_tests::real::ton;
    assert_eq!(ton::id_for_name("pub.overlay"), Some(0x34ba45cb));
    assert_eq!(ton::id_for_name("tonNode.capabilities"), Some(0xf5bf60c0));
}

/// The derives decide as `tl!` does: a line without an id is TON's way, and a `scheme` file
/// gets the rule its own text implies.
mod derived {
    use tl_runtime::{Deserialize, Identifiable, Serialize};

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
    #[tl(line = "pub.overlay name:bytes = PublicKey;")]
    pub struct Overlay {
        pub name: Vec<u8>,
    }

    #[cfg(tl_shared_schemas)]
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
    #[tl(scheme = "../../shared/schemas/ton_api.tl", id = "pub.overlay")]
    pub struct OverlayFromScheme {
        pub name: Vec<u8>,
    }
}

#[test]
fn derives_take_the_rule_as_tl_does() {
    assert_eq!(derived::Overlay::CONSTRUCTOR_ID, 0x34ba45cb);
    let value = derived::Overlay {
        name: b"x".to_vec(),
    };
    assert_eq!(
        value.to_bytes(),
        ton_lines::types::r#pub::Overlay {
            name: b"x".to_vec()
        }
        .to_bytes()
    );
    #[cfg(tl_shared_schemas)]
    assert_eq!(derived::OverlayFromScheme::CONSTRUCTOR_ID, 0x34ba45cb);
}

tl_tests::skipped_without_shared_schemas!();
