// An `extern` type named with the input's lifetime `'a` is a borrowed one: the types that hold
// it borrow too, which only `borrowed` makes them do. Without it, the error is at the name.
tl_runtime::tl! {
    #[tl(extern("b.full" = crate::Full<'a>))]
    "b.full.found = b.Full;"
    "holder x:b.full = Holder;"
}

pub struct Full<'a>(&'a [u8]);

fn main() {}
