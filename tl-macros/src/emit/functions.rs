//! Functions (`functions::F`): `RemoteCall` with the function's result type (their boxed
//! encoding is in `codec`). `{X:Type}` functions such as `invokeWithLayer` are generic, and
//! return what their inner call `query:!X` returns; a type parameter that no `!X` field names
//! is a type of values, returned as it is.

use super::Ctx;
use super::text::{bounds, generics, own_type};
use crate::ident;
use crate::model::{AnswerMask, RType, Struct};
use crate::paths::{self, relative};

pub fn impls(ctx: &Ctx<'_>, s: &Struct, out: &mut String) {
    let depth = 1 + s.modules.len();
    let gen_params = generics(s);
    let bounds = if s.calls.len() == s.generics.len() {
        bounds(s, paths::REMOTE_CALL)
    } else {
        // A value's type is encoded in the call and decoded in its answer.
        let values = format!("{} + {}", paths::SERIALIZE, paths::DESERIALIZE_OWNED);
        let each: Vec<String> = s
            .generics
            .iter()
            .map(|g| {
                let bound = if s.calls.contains(g) {
                    paths::REMOTE_CALL
                } else {
                    &values
                };
                format!("{g}: {bound}")
            })
            .collect();
        format!("where {}", each.join(", "))
    };
    emit!(
        out,
        "#[automatically_derived] impl{gen_params} {call} for {}{gen_params} {bounds} {{ type Return = {}; type Error = {}; {}}}\n",
        ident::text(&s.name),
        return_type(ctx, depth, s),
        error_type(depth, s),
        read_answer(s),
        call = paths::REMOTE_CALL,
    );
}

/// For a function whose result takes a field mask from the request (VK's `= engine.ReadWriteMode
/// fields_mask`): `RemoteCall::read_answer`, decoding the answer under the request's mask as
/// the request writes it, then a space; nothing for any other function.
fn read_answer(s: &Struct) -> String {
    let Some(at) = s.answer_mask else {
        return String::new();
    };
    let places = super::codec::Places::of(s.fields.iter().map(|f| ident::text(&f.name)).collect());
    let mask = match at {
        AnswerMask::Const(n) => super::text::u32_lit(n),
        AnswerMask::Field(f) => places.fields[f.0].clone(),
        AnswerMask::Word(w) => {
            let mut value = String::new();
            super::codec::word_value(s, &places, w, true, &mut value);
            value
        }
    };
    format!(
        "fn read_answer(&self, r: &mut {}<'_>) -> {}<Self::Return, {}> {{ {}::deserialize_with(r, {mask}) }} ",
        paths::READER,
        paths::RESULT,
        paths::ERROR,
        paths::DESERIALIZE_WITH,
    )
}

/// A function's `RemoteCall::Error`: its error enum, `RpcError` when it has none, and for a
/// function that returns what its inner call `X` returns, what `X` fails with.
fn error_type(depth: usize, s: &Struct) -> String {
    match (&s.result, &s.errors) {
        (RType::Param(name), _) if s.calls.contains(name) => {
            format!("<{} as {}>::Error", ident::text(name), paths::REMOTE_CALL)
        }
        (_, Some(_)) => relative(depth, "errors", &s.modules, &s.name),
        (_, None) => paths::RPC_ERROR.to_string(),
    }
}

/// The Rust type of a function's result, which decodes through its own `Deserialize`; a type
/// parameter `X` that is a call stands for `X::Return`.
fn return_type(ctx: &Ctx<'_>, depth: usize, s: &Struct) -> String {
    own_type(ctx, depth, &returned(&s.result, &s.calls))
}

/// `ty` with each type parameter `X` of `calls` replaced by `X::Return` (`Vector<X>`,
/// `Pair int X`).
fn returned(ty: &RType, calls: &[String]) -> RType {
    match ty {
        RType::Param(name) if calls.contains(name) => RType::Extern {
            tl: name.clone(),
            rust: format!("<{name} as {}>::Return", paths::REMOTE_CALL),
            bare: false,
            own_min: true,
            with: None,
        },
        RType::Vector { bare, elem } => RType::Vector {
            bare: *bare,
            elem: Box::new(returned(elem, calls)),
        },
        RType::Array { elem, len } => RType::Array {
            elem: Box::new(returned(elem, calls)),
            len: *len,
        },
        RType::Applied {
            target,
            args,
            boxed,
        } => RType::Applied {
            target: *target,
            args: args.iter().map(|a| returned(a, calls)).collect(),
            boxed: *boxed,
        },
        other => other.clone(),
    }
}
