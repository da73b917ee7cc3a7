//! Functions (`functions::F`): `RemoteCall` with the function's result type (their boxed
//! encoding is in `structs`). `{X:Type}` functions such as
//! `invokeWithLayer` are generic, and return what their inner call returns.

use super::Ctx;
use super::model::{RType, Struct};
use super::structs::{bounds, generics, rust_type};
use crate::ident;
use proc_macro2::TokenStream;
use quote::quote;

pub fn impls(ctx: &Ctx<'_>, s: &Struct<'_>) -> TokenStream {
    let p = &ctx.paths;
    let depth = 1 + s.modules.len();
    let name = ident::ident(&s.name);
    let gen_params = generics(s);
    let call = p.get("RemoteCall");
    let call_bounds = bounds(s, &call);
    let returns = return_type(ctx, depth, &s.result);
    quote! {
        #[automatically_derived]
        impl #gen_params #call for #name #gen_params #call_bounds {
            type Return = #returns;
        }
    }
}

/// The Rust type of a function's result; a type parameter `X` stands for `X::Return`.
fn return_type(ctx: &Ctx<'_>, depth: usize, ty: &RType) -> TokenStream {
    match ty {
        RType::Param(name) => {
            let call = ctx.paths.get("RemoteCall");
            let name = ident::ident(name);
            quote!(<#name as #call>::Return)
        }
        RType::Vector { elem, .. } => {
            let vec = ctx.paths.get("Vec");
            let elem = return_type(ctx, depth, elem);
            quote!(#vec<#elem>)
        }
        other => rust_type(ctx, depth, other),
    }
}
