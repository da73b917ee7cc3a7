// An `extern(...)` type that does not resolve: rustc's error, at the path as written.
tl_runtime::tl! {
    #[tl(extern(BigBytes = crate::Missing))]
    "holder b:BigBytes = Holder;"
}

fn main() {}
