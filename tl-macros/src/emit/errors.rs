//! Error enums (`errors::F`, named as the function `F`): a variant per documented error, then
//! `Other(RpcError)`; `code`, `name` and `value`; conversions from and to `RpcError` without
//! loss; `Display` as `RpcError` writes it; `core::error::Error`.

use super::text::{self, str_lit};
use crate::ident;
use crate::model::errors::OTHER;
use crate::model::{Errors, Struct};
use crate::paths::{self, relative};

pub fn emit(s: &Struct, errors: &Errors, out: &mut String) {
    let depth = 1 + s.modules.len();
    let name = ident::text(&s.name);
    let function = relative(depth, "functions", &s.modules, &s.name);
    let role = if s.generics.is_empty() {
        "its `RemoteCall::Error`"
    } else {
        "not its `RemoteCall::Error`, which is its inner call's: convert an `Other` with `from`"
    };
    emit!(
        out,
        "#[doc = {}]\n#[doc = \"\"]\n#[doc = \" An error the list does not name, or a listed name sent with another code, is [`{OTHER}`](Self::{OTHER}).\"]\n",
        str_lit(&format!(
            " The errors TL function `{}` ([`{name}`]({function})) is documented to fail with: {role}.",
            s.tl_name
        )),
    );
    emit!(
        out,
        "#[derive({}, {}, {}, {})] pub enum {name} {{\n",
        paths::DEBUG,
        paths::CLONE,
        paths::PARTIAL_EQ,
        paths::EQ
    );
    for v in &errors.variants {
        let mut doc = format!("`{} {}`", v.code, v.tl_name);
        if !v.description.is_empty() {
            doc.push_str(": ");
            doc.push_str(&v.description);
        }
        text::doc(" ", &doc, out);
        out.push_str(&ident::text(&v.name));
        match &v.field {
            Some(field) => emit!(
                out,
                " {{ #[doc = \" The number in the name (its `%d`).\"] {}: u64 }},\n",
                ident::text(field)
            ),
            None => out.push_str(",\n"),
        }
    }
    emit!(
        out,
        "#[doc = \" Any other error.\"] {OTHER}({}),\n}}\n",
        paths::RPC_ERROR
    );

    // `code`, `name`, `value`.
    let pattern = |v: &crate::model::ErrorVariant| match &v.field {
        Some(_) => format!("Self::{} {{ .. }}", ident::text(&v.name)),
        None => format!("Self::{}", ident::text(&v.name)),
    };
    let mut code = String::new();
    let mut names = String::new();
    let mut values = String::new();
    let mut unnumbered = Vec::new();
    for v in &errors.variants {
        emit!(code, "{} => {},\n", pattern(v), v.code);
        emit!(names, "{} => {},\n", pattern(v), str_lit(&v.tl_name));
        match &v.field {
            Some(field) => emit!(
                values,
                "Self::{} {{ {field} }} => {}(*{field}),\n",
                ident::text(&v.name),
                paths::SOME,
                field = ident::text(field),
            ),
            None => unnumbered.push(pattern(v)),
        }
    }
    if !unnumbered.is_empty() {
        emit!(values, "{} => {},\n", unnumbered.join(" | "), paths::NONE);
    }
    emit!(
        out,
        "impl {name} {{\n\
         #[doc = \" The error code (`400`).\"] pub fn code(&self) -> i32 {{ match self {{\n{code}Self::{OTHER}(e) => e.code(),\n}} }}\n\
         #[doc = \" The name as listed, its number written `%d` (`FLOOD_WAIT_%d`).\"] pub fn name(&self) -> &str {{ match self {{\n{names}Self::{OTHER}(e) => e.name(),\n}} }}\n\
         #[doc = \" The number in the name: seconds to wait, a data center.\"] pub fn value(&self) -> {}<u64> {{ match self {{\n{values}Self::{OTHER}(e) => e.value(),\n}} }}\n\
         }}\n",
        paths::OPTION
    );

    // From `RpcError`: by code and name.
    let mut arms = String::new();
    for v in &errors.variants {
        let key = format!("({}, {})", v.code, str_lit(&v.tl_name));
        if let Some(field) = &v.field {
            emit!(
                arms,
                "{key} => match e.value() {{ {some}({field}) => Self::{} {{ {field} }}, {none} => Self::{OTHER}(e) }},\n",
                ident::text(&v.name),
                field = ident::text(field),
                some = paths::SOME,
                none = paths::NONE,
            );
        } else {
            emit!(arms, "{key} => Self::{},\n", ident::text(&v.name));
        }
    }
    let rpc = paths::RPC_ERROR;
    let from = paths::FROM;
    emit!(
        out,
        "impl {from}<{rpc}> for {name} {{ fn from(e: {rpc}) -> Self {{ match (e.code(), e.name()) {{\n{arms}_ => Self::{OTHER}(e),\n}} }} }}\n"
    );
    // Back to `RpcError`, and `Display` as it writes itself.
    let (back, display) = if errors.variants.is_empty() {
        (String::new(), String::new())
    } else {
        (
            format!("e => {rpc}::from_parts(e.code(), e.name(), e.value()),"),
            format!(
                "e => {}(f, e.code(), e.name(), e.value()),",
                paths::FMT_RPC_ERROR
            ),
        )
    };
    emit!(
        out,
        "impl {from}<{name}> for {rpc} {{ fn from(e: {name}) -> Self {{ match e {{ {name}::{OTHER}(e) => e, {back} }} }} }}\n\
         impl {} for {name} {{ fn fmt(&self, f: &mut {}<'_>) -> {} {{ match self {{ Self::{OTHER}(e) => {}::fmt(e, f), {display} }} }} }}\n\
         impl {} for {name} {{}}\n",
        paths::DISPLAY,
        paths::FORMATTER,
        paths::FMT_RESULT,
        paths::DISPLAY,
        paths::STD_ERROR,
    );
}
