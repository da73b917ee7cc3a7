//! The `tl!` procedural macro. Use it through `tl_runtime::tl!`, which passes the runtime's path.
//!
//! The pipeline: `input` parses the macro input (the `#[tl(...)]` options with syn's
//! `parse_nested_meta`, and the string literals), `tl_schema::check` parses and validates the
//! schema text over plain `&str`, `diag` turns its byte-range diagnostics into spanned compiler
//! errors, and `expand` turns the valid schema into source text, which the compiler lexes once.
//! Expansion never reports user errors: validation has checked everything it relies on.
#![warn(clippy::pedantic)]
// The macro's own functions are private; documenting their errors repeats their signatures.
#![allow(clippy::missing_errors_doc)]
// Each emitter is one `quote!` template per kind of item; splitting a template over several
// functions makes the generated code harder to read as a whole.
#![allow(clippy::too_many_lines)]
// Prose names such as TDLib, UpperCamelCase and snake_case are not code.
#![allow(clippy::doc_markdown)]

mod attr;
mod diag;
mod expand;
mod ident;
mod input;
mod paths;

use proc_macro::TokenStream;

/// The implementation of `tl_runtime::tl!`. Its input starts with the runtime's path in
/// brackets (`[$crate]`), which the `macro_rules!` wrapper in `tl-runtime` supplies.
#[doc(hidden)]
#[proc_macro]
pub fn __tl(input: TokenStream) -> TokenStream {
    let timings = expand::Timings::start();
    let expansion = expand::expand(input.into());
    let mut output: TokenStream = expansion.head.into();
    if !expansion.code.is_empty() {
        match expansion.code.parse::<TokenStream>() {
            Ok(code) => output.extend(code),
            Err(e) => {
                let message = expand::internal_lex_error(&e);
                output.extend(TokenStream::from(
                    quote::quote!(::core::compile_error!(#message);),
                ));
            }
        }
    }
    timings.lap("hand the code to the compiler (the whole expansion)");
    output
}
