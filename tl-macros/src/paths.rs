//! Every runtime path and generated local name the expansion uses, named once here.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// The runtime crate's path (`$crate` from the `tl!` wrapper, or `#[tl(crate = "...")]`) and the
/// paths under its hidden `__private` module.
#[derive(Clone)]
pub struct Paths {
    private: TokenStream,
}

impl Paths {
    pub fn new(runtime: &TokenStream) -> Self {
        Paths {
            private: quote!(#runtime::__private),
        }
    }

    /// The paths as seen from inside a generated module, which starts with [`Paths::alias_item`]:
    /// `__tl::<name>`, a third of the tokens of the full path, which the compiler reads thousands
    /// of times over.
    pub fn alias() -> Self {
        Paths {
            private: quote!(__tl),
        }
    }

    /// The `use` that every generated module starts with, for [`Paths::alias`]. No TL name
    /// becomes `__tl` (TL identifiers start with a letter).
    pub fn alias_item(runtime: &TokenStream) -> TokenStream {
        quote! {
            #[allow(unused_imports)]
            use #runtime::__private as __tl;
        }
    }

    /// `runtime::__private::<name>`.
    pub fn get(&self, name: &str) -> TokenStream {
        let private = &self.private;
        let name = format_ident!("{name}");
        quote!(#private::#name)
    }
}

/// A path from an item `depth` modules below the `tl!` invocation to `root::modules::name`
/// (`root` is `types`, `enums` or `functions`).
pub fn relative(
    depth: usize,
    root: &str,
    modules: &[String],
    name: &proc_macro2::Ident,
) -> TokenStream {
    let supers = (0..depth).map(|_| quote!(super::));
    let root = format_ident!("{root}");
    let modules = modules.iter().map(|m| crate::ident::ident(m));
    quote!(#(#supers)* #root :: #(#modules ::)* #name)
}
