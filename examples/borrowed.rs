//! Decode without copying: with `#[tl(borrowed)]`, `string` is `&str` and `bytes` is `&[u8]`,
//! both pointing into the received buffer. The schema lines are pasted verbatim from Telegram's
//! `api.tl` (layer 228).
//!
//! Run it with `cargo run --example borrowed`.

use tl_runtime::{Deserialize, Serialize};

/// Borrowed types: every struct and enum that holds a string has a lifetime.
mod borrowed {
    tl_runtime::tl! {
        #[tl(borrowed)]
        "textWithEntities#751f3146 text:string entities:Vector<MessageEntity> = TextWithEntities;"
        "messageEntityBold#bd610bc9 offset:int length:int = MessageEntity;"
        "messageEntityTextUrl#76a6d327 offset:int length:int url:string = MessageEntity;"
    }
}

/// The same lines, owned, as a sender would build them.
mod owned {
    tl_runtime::tl! {
        "textWithEntities#751f3146 text:string entities:Vector<MessageEntity> = TextWithEntities;"
        "messageEntityBold#bd610bc9 offset:int length:int = MessageEntity;"
        "messageEntityTextUrl#76a6d327 offset:int length:int url:string = MessageEntity;"
    }
}

fn main() {
    // What arrives: an owned value, encoded.
    let sent = owned::types::TextWithEntities {
        text: "Read the plan before Monday".to_string(),
        entities: vec![
            owned::types::MessageEntityBold {
                offset: 0,
                length: 4,
            }
            .into(),
            owned::types::MessageEntityTextUrl {
                offset: 9,
                length: 4,
                url: "https://example.org/plan".to_string(),
            }
            .into(),
        ],
    };
    let received: Vec<u8> = sent.to_bytes();

    // Decoded in place: the text and the URL are slices of `received`.
    let text = borrowed::types::TextWithEntities::from_bytes(&received).expect("valid bytes");
    let inside = |s: &str| received.as_ptr_range().contains(&s.as_ptr());
    println!(
        "text {:?}, borrowed from the buffer: {}",
        text.text,
        inside(text.text)
    );
    for entity in &text.entities {
        match entity {
            borrowed::enums::MessageEntity::Bold(bold) => {
                println!("bold at {}..{}", bold.offset, bold.offset + bold.length);
            }
            borrowed::enums::MessageEntity::TextUrl(link) => println!(
                "link at {}..{} to {:?}, borrowed: {}",
                link.offset,
                link.offset + link.length,
                link.url,
                inside(link.url)
            ),
        }
    }

    // It encodes like the owned value.
    assert_eq!(text.to_bytes(), received);
    println!("re-encoded: the same {} bytes", received.len());
}
