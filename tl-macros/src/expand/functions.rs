//! Functions (`functions::F`): `RemoteCall` with the function's result type (their boxed
//! encoding is in `structs`). `{X:Type}` functions such as `invokeWithLayer` are generic, and
//! return what their inner call returns.

use super::Ctx;
use super::model::{RType, Struct};
use super::structs::{bounds, generics, rust_type};
use crate::ident;
use crate::paths::rt;

pub fn impls(ctx: &Ctx<'_>, s: &Struct<'_>, out: &mut String) {
    let depth = 1 + s.modules.len();
    let name = ident::text(&s.name);
    let gen_params = generics(s);
    let call = rt("RemoteCall");
    emit!(
        out,
        "#[automatically_derived] impl{gen_params} {call} for {name}{gen_params} {} {{ type Return = {}; }}\n",
        bounds(s, &call),
        return_type(ctx, depth, &s.result),
    );
}

/// The Rust type of a function's result; a type parameter `X` stands for `X::Return`.
fn return_type(ctx: &Ctx<'_>, depth: usize, ty: &RType) -> String {
    match ty {
        RType::Param(name) => format!("<{} as {}>::Return", ident::text(name), rt("RemoteCall")),
        RType::Vector { elem, .. } => {
            format!("{}<{}>", rt("Vec"), return_type(ctx, depth, elem))
        }
        other => rust_type(ctx, depth, other),
    }
}
