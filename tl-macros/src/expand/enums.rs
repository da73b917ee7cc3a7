//! One enum per boxed type (`enums::T`), a variant per constructor: the boxed encoding (id,
//! then the constructor's fields), and `From`/`TryFrom` between each variant's struct and the enum.

use super::Ctx;
use super::model::Enum;
use crate::ident;
use crate::paths::relative;
use proc_macro2::{Literal, TokenStream};
use quote::quote;

pub fn emit(ctx: &Ctx<'_>, e: &Enum<'_>) -> TokenStream {
    let p = &ctx.paths;
    let depth = 1 + e.modules.len();
    let name = ident::ident(&e.name);
    let derives = &ctx.derives;
    let boxed = p.get("Box");
    let ser = p.get("Serialize");
    let de = p.get("Deserialize");
    let reader = p.get("Reader");
    let result = p.get("Result");
    let error = p.get("Error");
    let ok = p.get("Ok");
    let err = p.get("Err");
    let write_u32 = p.get("write_u32");
    let unexpected = p.get("unexpected_constructor");
    let tl_name = e.tl_name;

    let mut variants = Vec::new();
    let mut writes = Vec::new();
    let mut lens = Vec::new();
    let mut reads = Vec::new();
    let mut conversions = Vec::new();
    let mut seen_ids = std::collections::HashSet::new();
    for &v in &e.variants {
        let s = &ctx.model.types[v];
        let variant = ident::ident(&s.variant);
        let id = Literal::u32_suffixed(s.id(ctx.model.id_rule));
        let path = relative(depth, "types", &s.modules, &ident::ident(&s.name));
        let doc = format!("`{}`", s.def.name.value);
        if s.is_unit() {
            variants.push(quote!(#[doc = #doc] #variant,));
            writes.push(quote!(Self::#variant => #write_u32(buf, #id),));
            lens.push(quote!(Self::#variant => 4,));
            if seen_ids.insert(s.id(ctx.model.id_rule)) {
                reads.push(quote!(#id => #ok(Self::#variant),));
            }
            conversions.push(conversion(
                ctx,
                &quote!(#name),
                &path,
                (&quote!(_), &quote!(Self::#variant)),
                (&quote!(#name::#variant), &quote!(#path)),
            ));
            continue;
        }
        let (payload, wrap, unwrap) = if s.boxed_in_enum {
            (quote!(#boxed<#path>), quote!(#boxed::new(x)), quote!(*x))
        } else {
            (quote!(#path), quote!(x), quote!(x))
        };
        variants.push(quote!(#[doc = #doc] #variant(#payload),));
        writes.push(quote!(Self::#variant(x) => {
            #write_u32(buf, #id);
            <#path as #ser>::serialize(x, buf)
        }));
        lens.push(quote!(Self::#variant(x) => 4 + <#path as #ser>::serialized_len(x),));
        let read = if s.boxed_in_enum {
            let f = p.get("read_boxed_variant");
            quote!(#f(r, <#path as #de>::deserialize, Self::#variant))
        } else {
            let f = p.get("read_variant");
            quote!(#f(r, <#path as #de>::deserialize, Self::#variant))
        };
        // A frozen id shared by two constructors decodes as the first.
        if seen_ids.insert(s.id(ctx.model.id_rule)) {
            reads.push(quote!(#id => #read,));
        }
        conversions.push(conversion(
            ctx,
            &quote!(#name),
            &path,
            (&quote!(x), &quote!(Self::#variant(#wrap))),
            (&quote!(#name::#variant(x)), &unwrap),
        ));
    }
    let docs = super::docs::enum_docs(e);
    let serialize = serialize_by_variant(ctx, &quote!(#name), &writes, &lens);
    quote! {
        #docs
        #[derive(#(#derives),*)]
        pub enum #name {
            #(#variants)*
        }

        #serialize

        #[automatically_derived]
        impl #de for #name {
            const MIN_SERIALIZED_LEN: usize = 4;
            fn deserialize(r: &mut #reader<'_>) -> #result<Self, #error> {
                let id = r.read_u32()?;
                match id {
                    #(#reads)*
                    _ => #err(#unexpected(r, #tl_name, id)),
                }
            }
        }

        #(#conversions)*
    }
}

/// `Serialize` for an enum whose every variant writes itself: `writes` and `lens` are the match
/// arms (`Self::V(x) => ...`).
pub fn serialize_by_variant(
    ctx: &Ctx<'_>,
    name: &TokenStream,
    writes: &[TokenStream],
    lens: &[TokenStream],
) -> TokenStream {
    let ser = ctx.paths.get("Serialize");
    let vec = ctx.paths.get("Vec");
    quote! {
        #[automatically_derived]
        impl #ser for #name {
            fn serialize(&self, buf: &mut #vec<u8>) {
                match self {
                    #(#writes)*
                }
            }
            fn serialized_len(&self) -> usize {
                match self {
                    #(#lens)*
                }
            }
        }
    }
}

/// `From<types::X> for enums::T` and `TryFrom<enums::T> for types::X` for one variant: `from` is
/// the argument pattern and the enum value built from it, `back` the variant pattern and the
/// struct taken out of it.
fn conversion(
    ctx: &Ctx<'_>,
    name: &TokenStream,
    path: &TokenStream,
    from: (&TokenStream, &TokenStream),
    back: (&TokenStream, &TokenStream),
) -> TokenStream {
    let p = &ctx.paths;
    let (from_trait, try_from, result, ok, err) = (
        p.get("From"),
        p.get("TryFrom"),
        p.get("Result"),
        p.get("Ok"),
        p.get("Err"),
    );
    let ((arg, built), (pattern, taken)) = (from, back);
    quote! {
        #[automatically_derived]
        impl #from_trait<#path> for #name {
            #[inline]
            fn from(#arg: #path) -> Self {
                #built
            }
        }
        #[automatically_derived]
        impl #try_from<#name> for #path {
            type Error = #name;
            #[allow(unreachable_patterns)]
            #[inline]
            fn try_from(value: #name) -> #result<Self, #name> {
                match value {
                    #pattern => #ok(#taken),
                    other => #err(other),
                }
            }
        }
    }
}
