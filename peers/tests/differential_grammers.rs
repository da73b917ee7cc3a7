//! Differential test against grammers-tl-types 0.11.0, the best Rust peer: its crate ships the
//! layer-230 `api.tl` it was generated from; the same file goes through `tl!` here. For every
//! constructor and function, bytes built from the schema (flags all set, none set, and at
//! random) must decode on both sides and re-encode byte-identically on both sides.

#[cfg(not(tl_grammers))]
#[test]
fn skipped() {
    tl_tests::skip(
        "the differential test: grammers-tl-types 0.11.0 source was not found in Cargo's registry",
    );
}

#[cfg(tl_grammers)]
#[test]
fn every_layer_230_definition_agrees_with_grammers() {
    use tl_peers::{grammers, layer230 as ours, layer230_borrowed as borrowed};
    use tl_runtime::{Deserialize, Serialize};
    use tl_tests::generate::{Gen, Presence};

    let text = std::fs::read_to_string(env!("TL_GRAMMERS_API")).unwrap();
    let sources = [tl_schema::Source::file("api.tl", text)];
    let (schema, diagnostics) = tl_schema::check(&sources, &tl_schema::Config::default());
    assert!(diagnostics.is_empty());
    let mut generator = Gen::new(&schema, 230, tl_schema::IdRule::Telegram);
    let mut compared = 0;
    let mut failures = Vec::new();
    let definitions: Vec<_> = schema.definitions.iter().filter(|d| !d.builtin).collect();
    for def in &definitions {
        let name = def.name.value.as_str();
        let mut agreed = true;
        for presence in [Presence::All, Presence::None, Presence::RandomKnown] {
            let bytes = generator.boxed(def, presence);
            // Ours: decode, re-encode.
            let ours = match ours::Any::from_bytes(&bytes) {
                Ok(value) => value,
                Err(e) => {
                    failures.push(format!("{name} ({presence:?}): ours failed to decode: {e}"));
                    agreed = false;
                    continue;
                }
            };
            if ours.to_bytes() != bytes {
                failures.push(format!(
                    "{name} ({presence:?}): ours re-encoded differently"
                ));
                agreed = false;
            }
            // Ours, borrowed: decode, re-encode.
            match borrowed::Any::from_bytes(&bytes) {
                Ok(value) if value.to_bytes() == bytes => {}
                Ok(_) => {
                    failures.push(format!(
                        "{name} ({presence:?}): borrowed re-encoded differently"
                    ));
                    agreed = false;
                }
                Err(e) => {
                    failures.push(format!(
                        "{name} ({presence:?}): borrowed failed to decode: {e}"
                    ));
                    agreed = false;
                }
            }
            // grammers: decode our bytes, re-encode.
            let theirs = match grammers::grammers_round_trip(name, &bytes) {
                Some(Ok(theirs)) => theirs,
                Some(Err(e)) => {
                    failures.push(format!(
                        "{name} ({presence:?}): grammers failed to decode: {e}"
                    ));
                    agreed = false;
                    continue;
                }
                None => {
                    failures.push(format!("{name}: grammers has no type for it"));
                    agreed = false;
                    continue;
                }
            };
            if theirs != bytes {
                failures.push(format!(
                    "{name} ({presence:?}): grammers re-encoded differently"
                ));
                agreed = false;
                continue;
            }
            // Bytes grammers produced decode on our side to the same value.
            match ours::Any::from_bytes(&theirs) {
                Ok(again) if again == ours => {}
                _ => {
                    failures.push(format!(
                        "{name} ({presence:?}): grammers' bytes decode differently"
                    ));
                    agreed = false;
                }
            }
        }
        if agreed {
            compared += 1;
        }
    }
    eprintln!(
        "compared {compared} of {} constructors and functions of layer 230 with grammers-tl-types",
        definitions.len()
    );
    assert_eq!(failures, Vec::<String>::new());
    assert_eq!(compared, definitions.len());
}

/// Borrowed mode decodes a real payload without copying its strings: every message's text is a
/// slice of the input, and the value re-encodes to the same bytes and equals the owned decoding
/// in every string.
#[cfg(tl_grammers)]
#[test]
fn borrowed_strings_are_slices_of_the_input() {
    use tl_peers::{layer230 as owned, layer230_borrowed as borrowed};
    use tl_runtime::{Deserialize, Serialize};

    let bytes = tl_tests::payload::messages_slice(None);
    let value = borrowed::enums::messages::Messages::from_bytes(&bytes).unwrap();
    assert_eq!(value.to_bytes(), bytes);
    let owned = owned::enums::messages::Messages::from_bytes(&bytes).unwrap();

    let borrowed::enums::messages::Messages::Slice(slice) = &value else {
        panic!("the payload is a messagesSlice");
    };
    let owned::enums::messages::Messages::Slice(owned_slice) = &owned else {
        panic!("the payload is a messagesSlice");
    };
    let input = bytes.as_ptr_range();
    let mut texts = 0;
    for (message, owned_message) in slice.messages.iter().zip(&owned_slice.messages) {
        let (borrowed::enums::Message::Message(m), owned::enums::Message::Message(o)) =
            (message, owned_message)
        else {
            continue;
        };
        assert!(input.contains(&m.message.as_ptr()), "a text was copied");
        assert_eq!(m.message, o.message);
        texts += 1;
    }
    assert_eq!(texts, 100);
}

/// Borrowed decoding of hostile bytes: the real payload cut at every offset is an error, and
/// with any byte changed it is an error or decodes to a value that re-encodes to exactly the
/// changed bytes (the lossless property), never a panic.
#[cfg(tl_grammers)]
#[test]
fn borrowed_decoding_survives_truncation_and_corruption() {
    use tl_peers::layer230_borrowed::enums::messages::Messages;
    use tl_runtime::{Deserialize, Serialize};

    let bytes = tl_tests::payload::messages_slice(None);
    for cut in 0..bytes.len() {
        assert!(
            Messages::from_bytes(&bytes[..cut]).is_err(),
            "{cut} bytes decoded"
        );
    }
    let mut decoded = 0;
    for (i, flip) in (0..bytes.len())
        .step_by(3)
        .zip([0x01u8, 0x80, 0xff, 0x20].iter().cycle())
    {
        let mut changed = bytes.clone();
        changed[i] ^= flip;
        if let Ok(value) = Messages::from_bytes(&changed) {
            assert_eq!(value.to_bytes(), changed, "byte {i} ^ {flip:#x}");
            decoded += 1;
        }
    }
    // Most single-byte changes land in data (ids, dates, text) and still decode.
    assert!(
        decoded > bytes.len() / 3 / 2,
        "only {decoded} changed payloads decoded"
    );
}
