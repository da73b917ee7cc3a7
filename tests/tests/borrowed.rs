//! `#[tl(borrowed)]`: strings, bytes and `Object` borrow from the input, every type that holds
//! one (directly, through a vector, an enum or a generic function) gets a lifetime, and the
//! others stay as they are. A small schema, so that this runs without the shared schemas.

use tl_runtime::{Deserialize, Serialize, UnknownFlags};

tl_runtime::tl! {
    #[tl(include = "tests/borrowed.tl", borrowed, any)]
}

/// Borrowed with `only`: `echo` and the types it needs, nothing else.
mod only_echo {
    tl_runtime::tl! {
        #[tl(include = "tests/borrowed.tl", borrowed, only(echo), decode_functions)]
    }
}

/// The same schema, owned, to compare with.
mod owned {
    tl_runtime::tl! {
        #[tl(include = "tests/borrowed.tl")]
    }
}

#[test]
fn strings_and_bytes_are_slices_of_the_input() {
    let owned = owned::types::Blob {
        flags: UnknownFlags::NONE,
        data: vec![1, 2, 3, 4, 5],
        points: vec![owned::types::Point { x: 1, y: 2 }.into()],
        note: Some("a note".to_string()),
    };
    let bytes = owned.to_bytes();
    let blob = types::Blob::from_bytes(&bytes).unwrap();
    let input = bytes.as_ptr_range();
    assert_eq!(blob.data, &[1, 2, 3, 4, 5]);
    assert!(input.contains(&blob.data.as_ptr()));
    let note = blob.note.unwrap();
    assert_eq!(note, "a note");
    assert!(input.contains(&note.as_ptr()));
    // A type without strings has no lifetime: it is the owned type's twin.
    let point: types::Point = types::Point { x: 1, y: 2 };
    assert_eq!(blob.points, vec![enums::Point::Point(point)]);
    assert_eq!(blob.to_bytes(), bytes);
}

#[test]
fn recursive_and_generic_types_borrow_through_every_level() {
    let text = owned::enums::RichText::TextConcat(owned::types::TextConcat {
        texts: vec![
            owned::enums::RichText::TextBold(Box::new(owned::types::TextBold {
                text: owned::enums::RichText::TextPlain(owned::types::TextPlain {
                    text: "deep".to_string(),
                }),
            })),
            owned::enums::RichText::TextEmpty,
        ],
    });
    let bytes = text.to_bytes();
    let borrowed = enums::RichText::from_bytes(&bytes).unwrap();
    assert_eq!(borrowed.to_bytes(), bytes);

    // `invokeWithLayer` over `echo`, decoded through `Any`.
    let call = functions::InvokeWithLayer {
        layer: 230,
        query: functions::Echo { text: borrowed },
    };
    let call_bytes = call.to_bytes();
    let any = Any::from_bytes(&call_bytes).unwrap();
    assert_eq!(any.to_bytes(), call_bytes);
    let Any::InvokeWithLayer(inner) = any else {
        panic!("decoded as {any:?}");
    };
    let Any::Echo(echo) = inner.query else {
        panic!("the query is echo");
    };
    let enums::RichText::TextConcat(concat) = echo.text else {
        panic!("the text is a textConcat");
    };
    let enums::RichText::TextBold(bold) = &concat.texts[0] else {
        panic!("the first is bold");
    };
    let enums::RichText::TextPlain(plain) = &bold.text else {
        panic!("bold holds plain text");
    };
    assert_eq!(plain.text, "deep");
    assert!(call_bytes.as_ptr_range().contains(&plain.text.as_ptr()));
}

#[test]
fn object_borrows_the_rest_of_the_input() {
    let point = types::Point { x: 7, y: 8 };
    let mut bytes = Vec::new();
    0xf35c_6d01u32.serialize(&mut bytes);
    5i64.serialize(&mut bytes);
    enums::Point::Point(point.clone()).serialize(&mut bytes);
    let enums::RpcResult::RpcResult(result) = enums::RpcResult::from_bytes(&bytes).unwrap();
    assert_eq!(result.req_msg_id, 5);
    assert_eq!(result.result.constructor_id(), Some(0xe3fe_70f4));
    assert_eq!(
        enums::Point::from_bytes(result.result.0).unwrap(),
        enums::Point::Point(point)
    );
}

#[test]
fn only_and_borrowed_together() {
    let call = only_echo::functions::Echo {
        text: only_echo::enums::RichText::TextPlain(only_echo::types::TextPlain { text: "hi" }),
    };
    let bytes = call.to_bytes();
    let back = only_echo::functions::Echo::from_bytes(&bytes).unwrap();
    assert_eq!(back, call);
    // The same bytes as the full borrowed schema's `echo`.
    let full = functions::Echo {
        text: enums::RichText::TextPlain(types::TextPlain { text: "hi" }),
    };
    assert_eq!(full.to_bytes(), bytes);
}
