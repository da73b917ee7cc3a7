//! `tl!` writes `Debug` out instead of deriving it (less work for the compiler): its output must
//! be the derive's, `{:?}` and `{:#?}` alike. Each generated type here has a mirror below with the
//! same names and `#[derive(Debug)]`.

tl_runtime::tl! {
    r"
    inputPeerEmpty = InputPeer;
    inputPeerUser user_id:long access_hash:long = InputPeer;
    textPlain text:string = RichText;
    textBold text:RichText = RichText;
    entry flags:# pinned:flags.0?true peer:flags.1?InputPeer type:string views:flags.2?int forwards:flags.2?long ids:Vector<int> rich:RichText blob:bytes = Entry;
    "
}

/// The same shapes, derived.
mod mirror {
    #![allow(dead_code)]
    use tl_runtime::UnknownFlags;

    #[derive(Debug)]
    pub struct InputPeerEmpty;
    #[derive(Debug)]
    pub struct InputPeerUser {
        pub user_id: i64,
        pub access_hash: i64,
    }
    #[derive(Debug)]
    pub enum InputPeer {
        Empty,
        User(InputPeerUser),
    }
    #[derive(Debug)]
    pub struct TextPlain {
        pub text: String,
    }
    #[derive(Debug)]
    pub struct TextBold {
        pub text: RichText,
    }
    #[derive(Debug)]
    pub enum RichText {
        TextPlain(TextPlain),
        TextBold(Box<TextBold>),
    }
    #[derive(Debug)]
    pub struct Entry {
        pub flags: UnknownFlags,
        pub pinned: bool,
        pub peer: Option<InputPeer>,
        pub r#type: String,
        pub views_and_forwards: Option<(i32, i64)>,
        pub ids: Vec<i32>,
        pub rich: RichText,
        pub blob: Vec<u8>,
    }
}

/// A bold text around a plain one, with characters `Debug` escapes.
fn rich() -> (enums::RichText, mirror::RichText) {
    let plain = "a \"quoted\"\nline é".to_string();
    let ours = enums::RichText::from(types::TextBold {
        text: types::TextPlain {
            text: plain.clone(),
        }
        .into(),
    });
    let theirs = mirror::RichText::TextBold(Box::new(mirror::TextBold {
        text: mirror::RichText::TextPlain(mirror::TextPlain { text: plain }),
    }));
    (ours, theirs)
}

#[test]
fn debug_is_the_derives() {
    let (ours_rich, theirs_rich) = rich();
    let ours = types::Entry {
        flags: tl_runtime::UnknownFlags::from_word(1 << 9, 0b111),
        pinned: true,
        peer: Some(
            types::InputPeerUser {
                user_id: -1,
                access_hash: 2,
            }
            .into(),
        ),
        r#type: "t".into(),
        views_and_forwards: Some((3, 4)),
        ids: vec![5, 6],
        rich: ours_rich,
        blob: vec![0, 255],
    };
    let theirs = mirror::Entry {
        flags: tl_runtime::UnknownFlags::from_word(1 << 9, 0b111),
        pinned: true,
        peer: Some(mirror::InputPeer::User(mirror::InputPeerUser {
            user_id: -1,
            access_hash: 2,
        })),
        r#type: "t".into(),
        views_and_forwards: Some((3, 4)),
        ids: vec![5, 6],
        rich: theirs_rich,
        blob: vec![0, 255],
    };
    assert_eq!(format!("{ours:?}"), format!("{theirs:?}"));
    assert_eq!(format!("{ours:#?}"), format!("{theirs:#?}"));
    assert_eq!(
        format!("{:?}", enums::InputPeer::Empty),
        format!("{:?}", mirror::InputPeer::Empty)
    );
    assert_eq!(
        format!("{:#?}", types::InputPeerEmpty),
        format!("{:#?}", mirror::InputPeerEmpty)
    );
    // The field named `type` shows as `type`, as the derive shows `r#type`.
    assert!(format!("{ours:?}").contains(" type: \"t\""));
}
