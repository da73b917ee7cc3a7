//! `Debug` of every struct and enum: what `#[derive(Debug)]` writes, written out.
//!
//! The output is the derive's (the same builders of `core::fmt`, through the runtime's
//! `debug_struct` and `debug_tuple`; `tests/tests/debug_output.rs` compares the two), for less
//! work in the compiler: the derive is expanded from the item's tokens and its `fmt` passes each
//! field to a helper of its own, while here one call takes the fields' names as one string and
//! their values as one slice. rustc's instructions to check `only(...)` of 20 functions of the
//! Telegram API: 0.983 of the derive's, peak memory 0.98 for the whole API (BENCHMARKS.md,
//! nineteenth measurement). `#[inline]`, as a derived `fmt` is in effect (rustc leaves a function
//! that small to the crates that call it): a type's `fmt` is compiled where it is printed.

use super::text::str_lit;
use crate::paths;

/// The name `Debug` shows for a field or variant: the identifier without `r#`.
fn shown(ident: &str) -> &str {
    ident.strip_prefix("r#").unwrap_or(ident)
}

/// `impl Debug` for `ty` (with `generics` and `bounds` as its other impls have them), its `fmt`
/// returning `body`.
fn debug_impl(generics: &str, ty: &str, bounds: &str, body: &str, out: &mut String) {
    emit!(
        out,
        "#[automatically_derived] impl{generics} {} for {ty} {bounds} {{ #[inline] fn fmt(&self, f: &mut {}<'_>) -> {} {{ {body} }} }}\n",
        paths::DEBUG,
        paths::FORMATTER,
        paths::FMT_RESULT,
    );
}

/// A struct's: `Name { a: .., b: .. }`, or `Name` without fields. `fields` are the Rust
/// fields' identifiers.
pub fn struct_impl(
    (generics, ty, bounds): (&str, &str, &str),
    name: &str,
    fields: &[String],
    out: &mut String,
) {
    let body = if fields.is_empty() {
        format!("f.write_str({})", str_lit(shown(name)))
    } else {
        let names: Vec<&str> = fields.iter().map(|f| shown(f)).collect();
        let values: Vec<String> = fields.iter().map(|f| format!("&self.{f}")).collect();
        format!(
            "{}(f, {}, {}, &[{}])",
            paths::DEBUG_STRUCT,
            str_lit(shown(name)),
            str_lit(&names.join(" ")),
            values.join(", ")
        )
    };
    debug_impl(generics, ty, bounds, &body, out);
}

/// The arms of an enum's `fmt`, one variant at a time.
#[derive(Default)]
pub struct Arms(String);

impl Arms {
    /// A variant without fields: `Name`.
    pub fn unit(&mut self, variant: &str) {
        emit!(
            self.0,
            "Self::{variant} => f.write_str({}),\n",
            str_lit(shown(variant))
        );
    }

    /// A variant holding one value: `Name(..)`.
    pub fn tuple(&mut self, variant: &str) {
        emit!(
            self.0,
            "Self::{variant}(x) => {}(f, {}, x),\n",
            paths::DEBUG_TUPLE,
            str_lit(shown(variant))
        );
    }

    /// The enum's `impl Debug`.
    pub fn finish(self, (generics, ty): (&str, &str), out: &mut String) {
        let body = if self.0.is_empty() {
            "match *self {}".to_string()
        } else {
            format!("match self {{\n{}}}", self.0)
        };
        debug_impl(generics, ty, "", &body, out);
    }
}
