//! Functions (`functions::F`): the boxed encoding (id, then fields), decoding for servers and
//! proxies, and `RemoteCall` with the function's result type. `{X:Type}` functions such as
//! `invokeWithLayer` are generic, and return what their inner call returns.

use super::Ctx;
use super::model::{RType, Struct};
use super::structs::{bounds, generics, rust_type};
use crate::ident;
use proc_macro2::{Literal, TokenStream};
use quote::quote;

pub fn impls(ctx: &Ctx<'_>, s: &Struct<'_>) -> TokenStream {
    let p = &ctx.paths;
    let depth = 1 + s.modules.len();
    let name = ident::ident(&s.name);
    let gen_params = generics(s);
    let ser = p.get("Serialize");
    let de = p.get("Deserialize");
    let call = p.get("RemoteCall");
    let vec = p.get("Vec");
    let reader = p.get("Reader");
    let result = p.get("Result");
    let error = p.get("Error");
    let write_u32 = p.get("write_u32");
    let id = Literal::u32_suffixed(s.id(ctx.model.id_rule));
    let tl_name = &s.def.name.value;
    let ser_bounds = bounds(s, &ser);
    let de_bounds = bounds(s, &de);
    let call_bounds = bounds(s, &call);
    let returns = return_type(ctx, depth, &s.result);
    quote! {
        #[automatically_derived]
        impl #gen_params #ser for #name #gen_params #ser_bounds {
            #[inline]
            fn serialize(&self, buf: &mut #vec<u8>) {
                #write_u32(buf, #id);
                Self::__tl_write(self, buf)
            }
            #[inline]
            fn serialized_len(&self) -> usize {
                4 + Self::__tl_len(self)
            }
        }

        #[automatically_derived]
        impl #gen_params #de for #name #gen_params #de_bounds {
            const MIN_SERIALIZED_LEN: usize = 4 + Self::__TL_MIN_LEN;
            fn deserialize(reader: &mut #reader<'_>) -> #result<Self, #error> {
                reader.nest(|r| {
                    r.expect_id(#id, #tl_name)?;
                    Self::__tl_read(r)
                })
            }
        }

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
