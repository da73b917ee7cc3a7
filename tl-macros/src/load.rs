//! The schema's sources: the `include = "..."` files (with `${VAR}` from the environment),
//! read relative to the invoking crate, then the string literals, in order.

use crate::diag::Errors;
use crate::input::Input;
use proc_macro2::{Span, TokenStream};
use quote::quote;
use std::path::PathBuf;
use tl_schema::Source;

/// The sources of one invocation.
pub struct Loaded {
    pub sources: Vec<Source>,
    /// The span each source's errors point at: its literal, or its `include` value.
    pub spans: Vec<Span>,
    /// An `include_str!` of each file, so that Cargo rebuilds the crate when one changes.
    pub tracking: TokenStream,
}

/// Reads the included files (an unreadable one is an error at its path) and the literals.
pub fn load(input: &Input, errors: &mut Errors) -> Loaded {
    let mut loaded = Loaded {
        sources: Vec::new(),
        spans: Vec::new(),
        tracking: TokenStream::new(),
    };
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from);
    for (written, span) in &input.options.include {
        let span = *span;
        let written = written.as_str();
        let expanded = match expand_env(written) {
            Ok(expanded) => expanded,
            Err(message) => {
                errors.push(syn::Error::new(span, message));
                continue;
            }
        };
        let path = match &manifest_dir {
            Some(dir) => dir.join(&expanded),
            None => PathBuf::from(&expanded),
        };
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                let absolute = path.to_string_lossy().into_owned();
                loaded
                    .tracking
                    .extend(quote! { const _: &str = ::core::include_str!(#absolute); });
                loaded.sources.push(Source::file(written, text));
                loaded.spans.push(span);
            }
            Err(e) => errors.push(syn::Error::new(
                span,
                format!(
                    "cannot read include file `{written}` (relative to CARGO_MANIFEST_DIR): {e}"
                ),
            )),
        }
    }
    for literal in &input.literals {
        loaded.sources.push(Source::literal(literal.value()));
        loaded.spans.push(literal.span());
    }
    loaded
}

/// Replaces `${NAME}` in an include path with the environment variable `NAME` at compile time
/// (such as `OUT_DIR`, or one a build script sets with `cargo::rustc-env`).
fn expand_env(path: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = path;
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find('}') else {
            return Err(format!("unclosed `${{` in include path `{path}`"));
        };
        let name = &after[..end];
        match std::env::var(name) {
            Ok(value) => out.push_str(&value),
            Err(_) => {
                return Err(format!(
                    "environment variable `{name}` in include path `{path}` is not set"
                ));
            }
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn env_in_include_paths() {
        // An existing variable: setting one would need `unsafe` (edition 2024).
        let home = std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo");
        assert_eq!(
            super::expand_env("${CARGO_MANIFEST_DIR}/a.tl").as_deref(),
            Ok(format!("{home}/a.tl").as_str())
        );
        assert!(super::expand_env("${TL_SURELY_UNSET_VARIABLE}").is_err());
        assert!(super::expand_env("${OPEN").is_err());
        assert_eq!(super::expand_env("plain.tl").as_deref(), Ok("plain.tl"));
    }
}
