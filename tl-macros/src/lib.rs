//! The `tl!` procedural macro. Use it through `tl_runtime::tl!`, which passes the runtime's path.
//!
//! # Design
//!
//! The macro is a pipeline of phases, each in its own place, each returning its own result
//! (`pipeline::expand` runs them in order):
//!
//! 1. **input**: the macro's tokens to the `#[tl(...)]` options and the schema literals. Every
//!    mistake in the options is an error at its own tokens, and reading goes on after it.
//! 2. **load**: the included files (relative to the invoking crate) and the literals, as
//!    sources; each included file is tracked so that Cargo rebuilds when it changes.
//! 3. **check**: `tl_schema::check` parses and validates the sources, plain Rust over `&str`
//!    with byte ranges; `diag` turns its diagnostics into compiler errors at the literal (or
//!    `include` path) holding the line, the message saying `line L, col C`.
//! 4. **select**: `only(...)` keeps what its roots need (`tl_schema::select`).
//! 5. **model**: only a schema without errors gets here. The model holds everything the output
//!    needs: Rust names, each field's shape, the plan of each TL field on the wire, boxing,
//!    borrowing, docs and ids. A state validation should have excluded is an internal error.
//! 6. **emit**: the model to source text, which the compiler lexes once (text because building a
//!    token at a time costs a call into the compiler per token; see `emit`). Emitters read
//!    only the model and never report user errors.
//!
//! # Files
//!
//! ```text
//! lib.rs            this entry point: tokens in, the pipeline, tokens out
//! pipeline.rs       input → load → check → select → model → emit
//! tokens.rs         the input as plain trees, the head as pieces: no syn (see there why)
//! input.rs          the macro input: runtime path, #[tl(...)], string literals
//! attr.rs           the options of #[tl(...)], each error at its own span
//! load.rs           include files, ${VAR} in their paths, the errors file, rebuild tracking
//! diag.rs           schema diagnostics (byte ranges) to spanned compiler errors
//! derive/mod.rs     #[derive(Serialize, Deserialize, Identifiable)]: darling receivers, impls
//! derive/line.rs    a derive's TL line: literal, schema file, or written from the fields
//! derive/fields.rs  the Rust fields against the line's model, each mismatch at the field
//! timings.rs        TL_MACRO_TIMINGS: how long each phase took
//! model/mod.rs      the model's types (Struct, Enum, Field, Step, ...) and Model::new
//! model/resolve.rs  TL types to Rust shapes; one enum per boxed type
//! model/fields.rs   one definition's Rust fields, flag words, aliases, and wire plan
//! model/docs.rs     comments and pages split into item and field docs, the TL line
//! model/errors.rs   a function's documented errors: its page's and the error list's
//! model/names.rs    unique Rust names (Taken::claim)
//! model/layout.rs   what is boxed: cycles (Tarjan) and large variants
//! model/borrow.rs   #[tl(borrowed)]: which types hold borrowed data
//! emit/mod.rs       module trees and generate(): the model to source text
//! emit/structs.rs   the struct of each constructor and function, Identifiable
//! emit/codec.rs     Serialize and Deserialize of structs, following the wire plan
//! emit/debug.rs     Debug of structs and enums, the derive's output with #[inline]
//! emit/enums.rs     one enum per boxed type, its codec and From/TryFrom
//! emit/functions.rs RemoteCall
//! emit/errors.rs    one error enum per documented function, to and from RpcError
//! emit/any.rs       #[tl(any)]: Any, decoded by constructor id
//! emit/json.rs      #[tl(serde)]: serde impls, maps tagged by TL names (TDLib's JSON too)
//! emit/docs.rs      rustdoc of the generated items
//! emit/text.rs      Rust types, generics and literals as text
//! ident.rs          TL names to Rust identifiers
//! paths.rs          every runtime item the output names, once
//! snapshots.rs      tests: expansion snapshots, odd and truncated input, every expansion parsed
//! ```
//!
//! Generated code is pinned by expansion snapshots (`snapshots/*.expected.rs`, blessed with
//! `TL_BLESS=1`), and every expansion in the tests is parsed as a Rust file. The file map
//! above is checked against `src/` by a test.
#![warn(clippy::pedantic)]
// The macro's own functions are private; documenting their errors repeats their signatures.
#![allow(clippy::missing_errors_doc)]
// Each writer is one template per generated item; splitting one over several functions makes
// the generated code harder to read as a whole.
#![allow(clippy::too_many_lines)]
// Prose names such as TDLib, UpperCamelCase and snake_case are not code.
#![allow(clippy::doc_markdown)]

/// Appends formatted text to a `String`: the one writer of the emitters and the derives.
///
/// Formatted into a new string, then appended, rather than `write!` into `$out`: the macro is
/// built unoptimized, and `write!` calls `String`'s `fmt::Write` instantiated here (an inline
/// method), without optimization and with the standard library's debug checks, for every piece
/// of the template and every argument (two hundred per item), while `format!` runs the
/// precompiled, optimized copy in `alloc`. The macro's instructions for the Telegram API:
/// 1.247 G → 1.207 G.
macro_rules! emit {
    ($out:expr, $($fmt:tt)*) => {
        $out.push_str(&::std::format!($($fmt)*))
    };
}

mod attr;
#[cfg(feature = "derive")]
mod derive;
mod diag;
mod emit;
mod ident;
mod input;
mod load;
mod model;
mod paths;
mod pipeline;
#[cfg(test)]
mod snapshots;
mod timings;
mod tokens;

use proc_macro::TokenStream;

/// The implementation of `tl_runtime::tl!`. Its input starts with the runtime's path in
/// brackets (`[$crate]`), which the `macro_rules!` wrapper in `tl-runtime` supplies.
#[doc(hidden)]
#[proc_macro]
pub fn __tl(input: TokenStream) -> TokenStream {
    let timings = timings::Timings::start();
    let (trees, table) = tokens::compiler::read(input);
    let expansion = pipeline::expand(&trees);
    dump(&expansion.code);
    let mut output = tokens::compiler::write(&expansion.head, &table);
    if !expansion.code.is_empty() {
        output.extend(tokens::compiler::lex(&expansion.code));
    }
    timings.lap("hand the code to the compiler (the whole expansion)");
    output
}

/// `#[derive(tl_runtime::Serialize)]`: the TL encoding of a hand-written type, checked against
/// its `#[tl(line = "...")]`. See `tl_runtime`'s `derive` docs.
#[cfg(feature = "derive")]
#[proc_macro_derive(Serialize, attributes(tl))]
pub fn derive_serialize(input: TokenStream) -> TokenStream {
    derive::expand(input.into(), derive::Which::Serialize).into()
}

/// `#[derive(tl_runtime::Deserialize)]`: the strict decoding of a hand-written type, checked
/// against its `#[tl(line = "...")]`.
#[cfg(feature = "derive")]
#[proc_macro_derive(Deserialize, attributes(tl))]
pub fn derive_deserialize(input: TokenStream) -> TokenStream {
    derive::expand(input.into(), derive::Which::Deserialize).into()
}

/// `#[derive(tl_runtime::Identifiable)]`: a hand-written constructor's id, from its line.
#[cfg(feature = "derive")]
#[proc_macro_derive(Identifiable, attributes(tl))]
pub fn derive_identifiable(input: TokenStream) -> TokenStream {
    derive::expand(input.into(), derive::Which::Identifiable).into()
}

/// With `TL_MACRO_DUMP` set to a folder in the compiler's environment, each invocation writes
/// the code it generated there, as `<crate>-<n>.rs` (`n` counting the crate's invocations), for
/// reading or measuring it (`scripts/build-floor.sh`). Cargo does not rebuild when the variable
/// changes: touch the crate.
fn dump(code: &str) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let Some(dir) = std::env::var_os("TL_MACRO_DUMP") else {
        return;
    };
    let n = COUNT.fetch_add(1, Ordering::Relaxed);
    let krate = std::env::var("CARGO_CRATE_NAME").unwrap_or_else(|_| "crate".to_string());
    let path = std::path::Path::new(&dir).join(format!("{krate}-{n}.rs"));
    if let Err(e) = std::fs::write(&path, code) {
        eprintln!("tl!: TL_MACRO_DUMP: cannot write {}: {e}", path.display());
    }
}
