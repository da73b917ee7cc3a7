//! Every runtime path the expansion uses, and the paths between generated items, as source
//! text (see `expand` for why the output is text).

use proc_macro2::TokenStream;
use quote::quote;

/// `__tl::<name>`: an item of the runtime's hidden `__private` module, through the alias that
/// every generated module starts with ([`alias_item`]). A third of the tokens of the full path,
/// which the compiler reads thousands of times over.
pub fn rt(name: &str) -> String {
    format!("__tl::{name}")
}

/// The `use` that every generated module starts with, for [`rt`]: `runtime` is the runtime
/// crate's path (`$crate` from the `tl!` wrapper, or `#[tl(crate = "...")]`), which only tokens
/// can carry. No TL name becomes `__tl` (TL identifiers start with a letter).
pub fn alias_item(runtime: &TokenStream) -> TokenStream {
    quote! {
        #[allow(unused_imports)]
        use #runtime::__private as __tl;
    }
}

/// A path from an item `depth` modules below the `tl!` invocation to `root::modules::name`
/// (`root` is `types`, `enums` or `functions`).
pub fn relative(depth: usize, root: &str, modules: &[String], name: &str) -> String {
    let mut path = "super::".repeat(depth);
    path.push_str(root);
    for m in modules {
        path.push_str("::");
        path.push_str(&crate::ident::text(m));
    }
    path.push_str("::");
    path.push_str(&crate::ident::text(name));
    path
}
