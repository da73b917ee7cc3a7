//! Functions (`functions::F`): `RemoteCall` with the function's result type (their boxed
//! encoding is in `codec`). `{X:Type}` functions such as `invokeWithLayer` are generic, and
//! return what their inner call returns.

use super::Ctx;
use super::text::{bounds, generics, rust_type};
use crate::ident;
use crate::model::{RType, Struct};
use crate::paths;

pub fn impls(ctx: &Ctx<'_>, s: &Struct, out: &mut String) {
    let depth = 1 + s.modules.len();
    let gen_params = generics(s);
    emit!(
        out,
        "#[automatically_derived] impl{gen_params} {call} for {}{gen_params} {} {{ type Return = {}; }}\n",
        ident::text(&s.name),
        bounds(s, paths::REMOTE_CALL),
        return_type(ctx, depth, &s.result),
        call = paths::REMOTE_CALL,
    );
}

/// The Rust type of a function's result; a type parameter `X` stands for `X::Return`.
fn return_type(ctx: &Ctx<'_>, depth: usize, ty: &RType) -> String {
    match ty {
        RType::Param(name) => format!("<{} as {}>::Return", ident::text(name), paths::REMOTE_CALL),
        RType::Vector { elem, .. } => {
            format!("{}<{}>", paths::VEC, return_type(ctx, depth, elem))
        }
        other => rust_type(ctx, depth, other),
    }
}
