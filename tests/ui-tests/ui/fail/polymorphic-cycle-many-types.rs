// `P` holds itself with its arguments shifted and one of four types put first: 341 Rust types
// of `P`, which rustc's drop check refuses (E0320) on the code `tl!` would emit.
tl_runtime::tl! {
    "pNone {A:Type} {B:Type} {C:Type} {D:Type} = P A B C D;"
    "pSome {A:Type} {B:Type} {C:Type} {D:Type} a:A x:(P int A B C) y:(P long A B C) z:(P string A B C) w:(P double A B C) = P A B C D;"
}

fn main() {}
