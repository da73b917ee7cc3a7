//! The `tl!` procedural macro. Use it through `tl_runtime::tl!`.

use proc_macro::TokenStream;

/// Turns TL schema lines into Rust types. See the `tl-runtime` crate documentation.
#[proc_macro]
pub fn tl(input: TokenStream) -> TokenStream {
    let _ = input;
    TokenStream::new()
}
