//! `Any`: one enum over every boxed type and every function of the schema, decoded by the
//! constructor id that comes first. For servers and proxies that receive any call, for `Object`
//! payloads, for logging and for fuzzing. Generic functions such as `invokeWithLayer` hold an
//! `Any` inside, so a whole wrapped call decodes in one go.

use super::Ctx;
use super::model::RType;
use super::structs::rust_type;
use crate::ident;
use crate::paths::relative;
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};
use std::collections::{HashMap, HashSet};

pub fn emit(ctx: &Ctx<'_>) -> TokenStream {
    let p = &ctx.paths;
    let model = ctx.model;
    let rule = model.id_rule;
    let boxed = p.get("Box");
    let ser = p.get("Serialize");
    let de = p.get("Deserialize");
    let reader = p.get("Reader");
    let result = p.get("Result");
    let error = p.get("Error");
    let err = p.get("Err");
    let unknown = p.get("unknown_constructor");
    let derives = &ctx.derives;

    let mut names: HashSet<String> = HashSet::new();
    let mut unique = |base: String| {
        let mut name = base.clone();
        let mut n = 2;
        while !names.insert(name.clone()) {
            name = format!("{base}{n}");
            n += 1;
        }
        name
    };
    // Which variant decodes each id: the first definition with it, unless a later one's id is
    // its own CRC and the first one's is a frozen copy (`invokeWith…Prefix` reuse real ids).
    let mut owner: HashMap<u32, (usize, bool)> = HashMap::new();
    let mut claim = |id: u32, variant: usize, canonical: bool| match owner.get(&id) {
        Some(&(_, true)) => {}
        Some(&(_, false)) if !canonical => {}
        _ => {
            owner.insert(id, (variant, canonical));
        }
    };

    let mut variants = Vec::new();
    let mut variant_idents = Vec::new();
    for (e_index, e) in model.enums.iter().enumerate() {
        let mut base: String = e.modules.iter().map(|m| ident::type_name(m)).collect();
        base.push_str(&e.name);
        let name = ident::ident(&unique(base));
        let ty = rust_type(ctx, 0, &RType::Enum(e_index));
        let doc = format!(" The boxed type `{}`.", e.tl_name);
        variants.push(quote!(#[doc = #doc] #name(#ty),));
        for &v in &e.variants {
            let s = &model.types[v];
            claim(s.id(rule), variant_idents.len(), s.has_own_id(rule));
        }
        variant_idents.push(name);
    }
    for f in &model.functions {
        let mut base: String = f.modules.iter().map(|m| ident::type_name(m)).collect();
        base.push_str(&f.name);
        let name = ident::ident(&unique(base));
        let path = relative(0, "functions", &f.modules, &ident::ident(&f.name));
        let args = if f.generics.is_empty() {
            TokenStream::new()
        } else {
            let anys = f.generics.iter().map(|_| format_ident!("Any"));
            quote!(<#(#anys),*>)
        };
        let doc = format!(" The function `{}`.", f.def.name.value);
        variants.push(quote!(#[doc = #doc] #name(#boxed<#path #args>),));
        claim(f.id(rule), variant_idents.len(), f.has_own_id(rule));
        variant_idents.push(name);
    }

    // Group ids by the variant that decodes them.
    let mut by_variant: Vec<Vec<u32>> = vec![Vec::new(); variant_idents.len()];
    let mut ids: Vec<(&u32, &(usize, bool))> = owner.iter().collect();
    ids.sort();
    for (id, (variant, _)) in ids {
        by_variant[*variant].push(*id);
    }
    let enum_count = model.enums.len();
    let reads = by_variant
        .iter()
        .enumerate()
        .filter(|(_, ids)| !ids.is_empty())
        .map(|(i, ids)| {
            let name = &variant_idents[i];
            let ids = ids.iter().map(|id| Literal::u32_suffixed(*id));
            let read = if i < enum_count {
                p.get("read_any")
            } else {
                p.get("read_any_boxed")
            };
            quote!(#(#ids)|* => #read(r, Any::#name),)
        });
    let writes: Vec<TokenStream> = variant_idents
        .iter()
        .map(|name| quote!(Any::#name(x) => #ser::serialize(x, buf),))
        .collect();
    let lens: Vec<TokenStream> = variant_idents
        .iter()
        .map(|name| quote!(Any::#name(x) => #ser::serialized_len(x),))
        .collect();
    let serialize = super::enums::serialize_by_variant(ctx, &quote!(Any), &writes, &lens);

    quote! {
        /// Any value of this schema: a boxed type or a function, decoded by its constructor id.
        ///
        /// Functions are boxed; generic functions (`invokeWithLayer`) hold an `Any` inside.
        #[derive(#(#derives),*)]
        pub enum Any {
            #(#variants)*
        }

        #serialize

        #[automatically_derived]
        impl #de for Any {
            const MIN_SERIALIZED_LEN: usize = 4;
            fn deserialize(r: &mut #reader<'_>) -> #result<Self, #error> {
                let id = r.peek_u32()?;
                match id {
                    #(#reads)*
                    _ => #err(#unknown(r, "any type or function of this schema", id)),
                }
            }
        }
    }
}
