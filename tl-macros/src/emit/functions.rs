//! Functions (`functions::F`): `RemoteCall` with the function's result type (their boxed
//! encoding is in `codec`). `{X:Type}` functions such as `invokeWithLayer` are generic, and
//! return what their inner call returns.

use super::Ctx;
use super::text::{bounds, generics, rust_type};
use crate::ident;
use crate::model::{RType, Struct};
use crate::paths::{self, relative};

pub fn impls(ctx: &Ctx<'_>, s: &Struct, out: &mut String) {
    let depth = 1 + s.modules.len();
    let gen_params = generics(s);
    emit!(
        out,
        "#[automatically_derived] impl{gen_params} {call} for {}{gen_params} {} {{ type Return = {}; type Error = {}; }}\n",
        ident::text(&s.name),
        bounds(s, paths::REMOTE_CALL),
        return_type(ctx, depth, &s.result),
        error_type(depth, s),
        call = paths::REMOTE_CALL,
    );
}

/// A function's `RemoteCall::Error`: its error enum, `RpcError` when it has none, and for a
/// function that returns what its inner call `X` returns, what `X` fails with.
fn error_type(depth: usize, s: &Struct) -> String {
    match (&s.result, &s.errors) {
        (RType::Param(name), _) => {
            format!("<{} as {}>::Error", ident::text(name), paths::REMOTE_CALL)
        }
        (_, Some(_)) => relative(depth, "errors", &s.modules, &s.name),
        (_, None) => paths::RPC_ERROR.to_string(),
    }
}

/// The Rust type of a function's result; a type parameter `X` stands for `X::Return`.
fn return_type(ctx: &Ctx<'_>, depth: usize, ty: &RType) -> String {
    rust_type(ctx, depth, &returned(ty))
}

/// `ty` with each type parameter `X` replaced by `X::Return` (`Vector<X>`, `Pair int X`).
fn returned(ty: &RType) -> RType {
    match ty {
        RType::Param(name) => RType::Extern {
            tl: name.clone(),
            rust: format!("<{name} as {}>::Return", paths::REMOTE_CALL),
            bare: false,
            own_min: true,
            with: None,
        },
        RType::Vector { bare, elem } => RType::Vector {
            bare: *bare,
            elem: Box::new(returned(elem)),
        },
        RType::Applied {
            target,
            args,
            boxed,
        } => RType::Applied {
            target: *target,
            args: args.iter().map(returned).collect(),
            boxed: *boxed,
        },
        other => other.clone(),
    }
}
