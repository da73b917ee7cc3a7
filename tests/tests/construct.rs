//! Building values: a struct with fields that TL makes optional (`x:flags.N?T`,
//! `x:flags.N?true`, its `#` words) has `new`, taking its other fields in order, and one with
//! only such fields is `Default`. Struct update syntax then sets what a call needs.

use tl_runtime::{Serialize, UnknownFlags};

mod schema {
    tl_runtime::tl! {
        #[tl(borrowed)]
        r"
        pair {X:Type} flags:# first:X second:flags.0?X = Pair X;
        note flags:# pinned:flags.0?true text:string = Note;
        alias flags:# new:flags.1?true old:flags.1?true tag:flags.1?int id:int = Alias;
        settings flags:# quiet:flags.0?true limit:flags.1?int tags:flags.2?Vector<string> = Settings;
        ---functions---
        send flags:# silent:flags.0?true to:int text:string pair:(Pair int) note:flags.1?Note = Pair string;
        "
    }
}

/// A schema of functions only may derive `Default` itself: its functions of optional fields
/// then have the derived impl, not a second one.
mod derived {
    tl_runtime::tl! {
        #[tl(derive(Default))]
        r"
        ---functions---
        ping flags:# quick:flags.0?true id:flags.1?long = Bool;
        get id:int = Bool;
        "
    }
}

use schema::{enums, functions, types};

#[test]
fn new_takes_what_tl_always_sends() {
    let note = types::Note::new("hi");
    assert_eq!(
        note,
        types::Note {
            flags: UnknownFlags::NONE,
            pinned: false,
            text: "hi",
        }
    );
    // Generic, and with a lifetime: the struct's own parameters.
    let pair: types::Pair<i32> = types::Pair::new(5);
    assert_eq!(pair.second, None);

    let call = functions::Send {
        silent: true,
        note: Some(
            types::Note {
                pinned: true,
                ..note.clone()
            }
            .into(),
        ),
        ..functions::Send::new(9, "text", pair.clone().into())
    };
    let mut expected = Vec::new();
    let id = <functions::Send as tl_runtime::Identifiable>::CONSTRUCTOR_ID;
    for word in [id, 1 | 1 << 1, 9] {
        expected.extend(word.to_le_bytes());
    }
    expected.extend(b"\x04text\x00\x00\x00");
    let pair_id = <types::Pair<i32> as tl_runtime::Identifiable>::CONSTRUCTOR_ID;
    for word in [pair_id, 0, 5] {
        expected.extend(word.to_le_bytes());
    }
    let note_id = <types::Note as tl_runtime::Identifiable>::CONSTRUCTOR_ID;
    for word in [note_id, 1] {
        expected.extend(word.to_le_bytes());
    }
    expected.extend(b"\x02hi\x00");
    assert_eq!(call.to_bytes(), expected);
}

#[test]
fn a_struct_of_optional_fields_is_default() {
    let settings = types::Settings {
        limit: Some(3),
        ..Default::default()
    };
    assert!(!settings.quiet && settings.tags.is_none());
    assert_eq!(settings.flags, UnknownFlags::NONE);
    let id = <types::Settings as tl_runtime::Identifiable>::CONSTRUCTOR_ID;
    let mut expected = Vec::new();
    for word in [id, 1 << 1, 3] {
        expected.extend(word.to_le_bytes());
    }
    assert_eq!(enums::Settings::from(settings).to_bytes(), expected);

    // The user's own derive, in a schema of functions only.
    let ping = derived::functions::Ping::default();
    assert!(!ping.quick && ping.id.is_none());
    assert_eq!(derived::functions::Get::default().id, 0);
}

/// A `?true` field that shares its bit is a method named after it; one named `new` would take
/// the constructor's name, so it is `new2`.
#[test]
fn a_flag_named_new_leaves_new_to_the_constructor() {
    let alias = types::Alias {
        tag: Some(1),
        ..types::Alias::new(4)
    };
    assert!(alias.new2() && alias.old());
    assert!(!types::Alias::new(4).new2());
}
