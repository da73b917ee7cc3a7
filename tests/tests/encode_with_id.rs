//! Generated types implement `Serialize` through the runtime's hidden `Encode` (one `encode`
//! per type, given the id to write first). A constructor type's `serialize_with_id` must be the
//! id, then exactly what `serialize` writes, as the trait's default is for a hand-written impl;
//! a value that writes its own id (an enum, a function) is no variant and ignores it; and a
//! `Box` of a generated type encodes as its contents.

use tl_runtime::{Identifiable, Serialize};

tl_runtime::tl! {
    #[tl(borrowed)]
    r"
    nothing = Nothing;
    point x:int y:long label:string = Shape;
    circle r:double = Shape;
    node value:int next:Node = Node;
    leaf = Node;
    ---functions---
    getShape id:int = Shape;
    "
}

/// A hand-written impl, which gets the trait's own `serialize_with_id`.
struct Word(u32);

impl Serialize for Word {
    fn serialize(&self, buf: &mut Vec<u8>) {
        buf.extend_from_slice(&self.0.to_le_bytes());
    }
}

/// `serialize_with_id(Some(id))` and `(None)` of `value`, against `id` (when `variant`) then
/// `serialize`.
fn check(value: &dyn Serialize, id: u32, variant: bool) {
    let plain = value.to_bytes();
    let mut none = Vec::new();
    value.serialize_with_id(None, &mut none);
    assert_eq!(none, plain);
    let mut with = Vec::new();
    value.serialize_with_id(Some(id), &mut with);
    let expected: Vec<u8> = match variant {
        true => id.to_le_bytes().iter().chain(&plain).copied().collect(),
        false => plain,
    };
    assert_eq!(with, expected);
}

#[test]
fn a_variant_writes_the_id_then_itself() {
    let point = types::Point {
        x: -1,
        y: 1 << 40,
        label: "a label",
    };
    check(&point, 0x0102_0304, true);
    check(&types::Nothing, 0x0a0b_0c0d, true);
    check(&types::Circle { r: 0.5 }, 7, true);
    let call = functions::GetShape { id: 9 };
    check(&call, 0xffff_ffff, false);
    assert_eq!(
        &call.to_bytes()[..4],
        &functions::GetShape::CONSTRUCTOR_ID.to_le_bytes()
    );
    let shape = enums::Shape::Point(point.clone());
    check(&shape, 3, false);
    check(&Word(5), 4, true);
    // An enum's variant is its struct's encoding after the variant's id.
    let mut expected = types::Point::CONSTRUCTOR_ID.to_le_bytes().to_vec();
    expected.extend(point.to_bytes());
    assert_eq!(shape.to_bytes(), expected);
}

#[test]
fn a_box_and_a_borrowed_field_encode_as_their_contents() {
    // `node` holds itself: `enums::Node`'s variant boxes it, and a box is written through.
    let leaf = types::Node {
        value: 2,
        next: enums::Node::Leaf,
    };
    let outer = types::Node {
        value: 1,
        next: leaf.clone().into(),
    };
    let boxed: Box<types::Node> = Box::new(outer.clone());
    assert_eq!(boxed.to_bytes(), outer.to_bytes());
    check(&boxed, 11, true);
    let mut expected = 1i32.to_le_bytes().to_vec();
    expected.extend(types::Node::CONSTRUCTOR_ID.to_le_bytes());
    expected.extend(2i32.to_le_bytes());
    expected.extend(types::Leaf::CONSTRUCTOR_ID.to_le_bytes());
    assert_eq!(outer.to_bytes(), expected);
    // `string` borrowed as `&str`, and `&[u8]`, encode as `str` and `[u8]` do.
    let text: &str = "borrowed";
    assert_eq!(text.to_bytes(), "borrowed".to_string().to_bytes());
    let raw: &[u8] = b"raw";
    assert_eq!(raw.to_bytes(), b"raw".to_vec().to_bytes());
}
