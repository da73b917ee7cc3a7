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

/// A struct's: `Name { a: .., b: .. }`, or `Name` without fields. `name` is the struct's
/// identifier and `fields` its fields' (identifiers need no escape in a string literal).
pub fn struct_impl(
    (generics, ty, bounds): (&str, &str, &str),
    name: &str,
    fields: &[String],
    out: &mut String,
) {
    let body = if fields.is_empty() {
        format!("f.write_str(\"{}\")", shown(name))
    } else {
        let (mut names, mut values) = (String::new(), String::new());
        for f in fields {
            if !names.is_empty() {
                names.push(' ');
            }
            names.push_str(shown(f));
            values.push_str("&self.");
            values.push_str(f);
            values.push_str(", ");
        }
        format!(
            "{}(f, \"{}\", \"{names}\", &[{values}])",
            paths::DEBUG_STRUCT,
            shown(name),
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
            "Self::{variant} => f.write_str(\"{}\"),\n",
            shown(variant)
        );
    }

    /// A variant holding one value: `Name(..)`.
    pub fn tuple(&mut self, variant: &str) {
        emit!(
            self.0,
            "Self::{variant}(x) => {}(f, \"{}\", x),\n",
            paths::DEBUG_TUPLE,
            shown(variant)
        );
    }

    /// The enum's `impl Debug`.
    pub fn finish(self, (generics, ty, bounds): (&str, &str, &str), out: &mut String) {
        let body = if self.0.is_empty() {
            "match *self {}".to_string()
        } else {
            format!("match self {{\n{}}}", self.0)
        };
        debug_impl(generics, ty, bounds, &body, out);
    }
}
