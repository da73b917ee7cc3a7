//! One struct per constructor (`types::X`, bare) and per function (`functions::F`, boxed):
//! the type, its docs, and the field-level encode, length and decode methods that the trait
//! impls of structs, enums and functions all call.

use super::Ctx;
use super::model::{FieldShape, RType, Struct, WireStep};
use crate::ident;
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

/// Which module tree a struct lives in.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Type,
    Function,
}

/// The Rust type of `ty` for an item `depth` modules below the invocation.
pub fn rust_type(ctx: &Ctx<'_>, depth: usize, ty: &RType) -> TokenStream {
    let p = &ctx.paths;
    match ty {
        RType::Int => quote!(i32),
        RType::Long => quote!(i64),
        RType::Double => quote!(f64),
        RType::Bool => quote!(bool),
        RType::Nat => quote!(u32),
        RType::String => p.get("String"),
        RType::Bytes => {
            let vec = p.get("Vec");
            quote!(#vec<u8>)
        }
        RType::Int128 => quote!([u8; 16]),
        RType::Int256 => quote!([u8; 32]),
        RType::Int512 => quote!([u8; 64]),
        RType::Object => p.get("Object"),
        RType::Vector { elem, .. } => {
            let vec = p.get("Vec");
            let elem = rust_type(ctx, depth, elem);
            quote!(#vec<#elem>)
        }
        RType::Enum(e) => {
            let e = &ctx.model.enums[*e];
            crate::paths::relative(depth, "enums", &e.modules, &ident::ident(&e.name))
        }
        RType::Struct { index, boxed } => {
            let s = &ctx.model.types[*index];
            let path = crate::paths::relative(depth, "types", &s.modules, &ident::ident(&s.name));
            if *boxed {
                let boxed = p.get("Box");
                quote!(#boxed<#path>)
            } else {
                path
            }
        }
        RType::Param(name) => {
            let name = ident::ident(name);
            quote!(#name)
        }
    }
}

/// The Rust type of a field.
fn field_type(ctx: &Ctx<'_>, depth: usize, shape: &FieldShape) -> TokenStream {
    let p = &ctx.paths;
    match shape {
        FieldShape::Plain { ty, .. } => rust_type(ctx, depth, ty),
        FieldShape::Optional { ty, .. } => {
            let option = p.get("Option");
            let ty = rust_type(ctx, depth, ty);
            quote!(#option<#ty>)
        }
        FieldShape::Flag { .. } => quote!(bool),
        FieldShape::Flags { .. } => p.get("UnknownFlags"),
        FieldShape::Group { tys, .. } => {
            let option = p.get("Option");
            let tys = tys.iter().map(|t| rust_type(ctx, depth, t));
            quote!(#option<(#(#tys,)*)>)
        }
    }
}

/// `impl<X, ..>` generics and `<X, ..>` type arguments.
pub fn generics(s: &Struct<'_>) -> TokenStream {
    if s.generics.is_empty() {
        return TokenStream::new();
    }
    let names = s.generics.iter().map(|g| ident::ident(g));
    quote!(<#(#names),*>)
}

/// `where X: Trait, ..` for every type parameter.
pub fn bounds(s: &Struct<'_>, bound: &TokenStream) -> TokenStream {
    if s.generics.is_empty() {
        return TokenStream::new();
    }
    let names = s.generics.iter().map(|g| ident::ident(g));
    quote!(where #(#names: #bound),*)
}

/// The struct and its inherent methods.
pub fn emit(ctx: &Ctx<'_>, kind: Kind, s: &Struct<'_>) -> TokenStream {
    let depth = 1 + s.modules.len();
    let p = &ctx.paths;
    let name = ident::ident(&s.name);
    let gen_params = generics(s);
    let id = Literal::u32_suffixed(s.id(ctx.model.id_rule));
    let derives = &ctx.derives;
    let docs = super::docs::item(
        ctx,
        s.def,
        match kind {
            Kind::Type => "constructor",
            Kind::Function => "function",
        },
    );

    let body = if s.is_unit() {
        quote!(;)
    } else {
        let fields = s.fields.iter().map(|f| {
            let fname = ident::ident(&f.name);
            let ty = field_type(ctx, depth, &f.shape);
            let docs = super::docs::field(f);
            quote!(#docs pub #fname: #ty,)
        });
        quote!({ #(#fields)* })
    };

    let aliases = s.aliases.iter().map(|a| {
        let method = ident::ident(&a.name);
        let field = &s.fields[a.field];
        let fname = ident::ident(&field.name);
        let doc = format!(
            "`{}`: shares its flag bit with `{}`, so it is set exactly when that field is.",
            a.tl_name, field.name
        );
        let value = if let FieldShape::Flag { .. } = field.shape {
            quote!(self.#fname)
        } else {
            quote!(self.#fname.is_some())
        };
        quote! {
            #[doc = #doc]
            #[inline]
            #[must_use]
            pub fn #method(&self) -> bool {
                #value
            }
        }
    });

    let ser = p.get("Serialize");
    let de = p.get("Deserialize");
    let write = write_body(ctx, depth, s);
    let len = len_body(ctx, depth, s);
    let read = read_body(ctx, depth, s);
    let vec = p.get("Vec");
    let reader = p.get("Reader");
    let result = p.get("Result");
    let error = p.get("Error");
    let identifiable = p.get("Identifiable");
    let ser_bounds = bounds(s, &ser);
    let de_bounds = bounds(s, &de);
    let min_len = min_len(ctx, depth, s);

    quote! {
        #docs
        #[derive(#(#derives),*)]
        pub struct #name #gen_params #body

        impl #gen_params #name #gen_params {
            #(#aliases)*

            #[doc(hidden)]
            #[inline]
            pub fn __tl_write(&self, __tl_buf: &mut #vec<u8>) #ser_bounds {
                #write
            }

            #[doc(hidden)]
            #[inline]
            pub fn __tl_len(&self) -> usize #ser_bounds {
                #len
            }

            #[doc(hidden)]
            pub const __TL_MIN_LEN: usize = #min_len;

            #[doc(hidden)]
            #[allow(unused_assignments, unused_mut)]
            pub fn __tl_read(__tl_r: &mut #reader<'_>) -> #result<Self, #error> #de_bounds {
                #read
            }
        }

        #[automatically_derived]
        impl #gen_params #identifiable for #name #gen_params {
            const CONSTRUCTOR_ID: u32 = #id;
        }
    }
}

/// A lower bound of the encoded size: the always-present fields' minimums.
fn min_len(ctx: &Ctx<'_>, depth: usize, s: &Struct<'_>) -> TokenStream {
    let de = ctx.paths.get("Deserialize");
    let parts = s.fields.iter().filter_map(|f| match &f.shape {
        FieldShape::Plain {
            ty: RType::Vector { bare: true, .. },
            ..
        }
        | FieldShape::Flags { .. } => Some(quote!(4)),
        // A type parameter's own minimum is not known here (no bound on the const).
        FieldShape::Plain {
            ty: RType::Param(_),
            ..
        } => None,
        FieldShape::Plain { ty, .. } => {
            let ty = rust_type(ctx, depth, ty);
            Some(quote!(<#ty as #de>::MIN_SERIALIZED_LEN))
        }
        _ => None,
    });
    quote!(0 #(+ #parts)*)
}

fn flag_local(tl: usize) -> proc_macro2::Ident {
    format_ident!("__tl_flags_{tl}")
}

fn bit_mask(bit: u32) -> Literal {
    Literal::u32_suffixed(1u32.checked_shl(bit).unwrap_or(0))
}

/// Whether the field's type is a bare `vector<T>` (encoded without the vector id).
fn is_bare_vec(ty: &RType) -> bool {
    matches!(ty, RType::Vector { bare: true, .. })
}

fn write_value(ctx: &Ctx<'_>, depth: usize, ty: &RType, value: &TokenStream) -> TokenStream {
    if is_bare_vec(ty) {
        let f = ctx.paths.get("serialize_bare_vec");
        quote!(#f(#value, __tl_buf);)
    } else {
        let ser = ctx.paths.get("Serialize");
        let ty = rust_type(ctx, depth, ty);
        quote!(<#ty as #ser>::serialize(#value, __tl_buf);)
    }
}

fn len_value(ctx: &Ctx<'_>, depth: usize, ty: &RType, value: &TokenStream) -> TokenStream {
    if is_bare_vec(ty) {
        let f = ctx.paths.get("bare_vec_len");
        quote!(#f(#value))
    } else {
        let ser = ctx.paths.get("Serialize");
        let ty = rust_type(ctx, depth, ty);
        quote!(<#ty as #ser>::serialized_len(#value))
    }
}

fn read_value(ctx: &Ctx<'_>, depth: usize, ty: &RType) -> TokenStream {
    if is_bare_vec(ty) {
        let f = ctx.paths.get("deserialize_bare_vec");
        quote!(#f(__tl_r)?)
    } else {
        let de = ctx.paths.get("Deserialize");
        let ty = rust_type(ctx, depth, ty);
        quote!(<#ty as #de>::deserialize(__tl_r)?)
    }
}

/// The `#` words, computed from the fields: the unknown bits kept from decoding, and a bit for
/// every present conditional field.
fn flag_words(s: &Struct<'_>) -> TokenStream {
    let mut out = TokenStream::new();
    for f in &s.fields {
        let FieldShape::Flags { tl, known } = f.shape else {
            continue;
        };
        let local = flag_local(tl);
        let fname = ident::ident(&f.name);
        let known = Literal::u32_suffixed(known);
        let bits = s.fields.iter().filter_map(|g| {
            let gname = ident::ident(&g.name);
            match &g.shape {
                FieldShape::Flag { flag, bit } if *flag == tl => {
                    let mask = bit_mask(*bit);
                    Some(quote!(if self.#gname { #mask } else { 0 }))
                }
                FieldShape::Optional { flag, bit, .. } | FieldShape::Group { flag, bit, .. }
                    if *flag == tl =>
                {
                    let mask = bit_mask(*bit);
                    Some(quote!(if self.#gname.is_some() { #mask } else { 0 }))
                }
                _ => None,
            }
        });
        out.extend(quote! {
            let #local: u32 = self.#fname.bits(#known) #(| #bits)*;
        });
    }
    out
}

/// What one TL field puts on the wire, seen from `&self`.
enum Access<'s> {
    /// `&self.field`, always written.
    Always(TokenStream, &'s RType),
    /// `value` (bound from `&self.field` by the pattern `Some(bind)`), written when present.
    IfSome {
        field: proc_macro2::Ident,
        bind: proc_macro2::Ident,
        value: TokenStream,
        ty: &'s RType,
    },
    /// The `#` word in this local.
    Word(proc_macro2::Ident),
    /// Nothing (a `?true` field).
    Nothing,
}

fn accesses<'s>(s: &'s Struct<'_>) -> impl Iterator<Item = Access<'s>> {
    s.wire.iter().map(move |(_, step)| match *step {
        WireStep::Plain(i) => match &s.fields[i].shape {
            FieldShape::Plain { ty } => {
                let field = ident::ident(&s.fields[i].name);
                Access::Always(quote!(&self.#field), ty)
            }
            _ => Access::Nothing,
        },
        WireStep::Optional(i) => match &s.fields[i].shape {
            FieldShape::Optional { ty, .. } => Access::IfSome {
                field: ident::ident(&s.fields[i].name),
                bind: format_ident!("__tl_v"),
                value: quote!(__tl_v),
                ty,
            },
            _ => Access::Nothing,
        },
        WireStep::GroupMember(i, k) => match &s.fields[i].shape {
            FieldShape::Group { tys, .. } => {
                let index = syn::Index::from(k);
                Access::IfSome {
                    field: ident::ident(&s.fields[i].name),
                    bind: format_ident!("__tl_g"),
                    value: quote!(&__tl_g.#index),
                    ty: &tys[k],
                }
            }
            _ => Access::Nothing,
        },
        WireStep::Flags(i) => match s.fields[i].shape {
            FieldShape::Flags { tl, .. } => Access::Word(flag_local(tl)),
            _ => Access::Nothing,
        },
        WireStep::Nothing => Access::Nothing,
    })
}

fn write_body(ctx: &Ctx<'_>, depth: usize, s: &Struct<'_>) -> TokenStream {
    let words = flag_words(s);
    let write_u32 = ctx.paths.get("write_u32");
    let some = ctx.paths.get("Some");
    let steps = accesses(s).map(|access| match access {
        Access::Always(value, ty) => write_value(ctx, depth, ty, &value),
        Access::IfSome {
            field,
            bind,
            value,
            ty,
        } => {
            let write = write_value(ctx, depth, ty, &value);
            quote!(if let #some(#bind) = &self.#field { #write })
        }
        Access::Word(local) => quote!(#write_u32(__tl_buf, #local);),
        Access::Nothing => TokenStream::new(),
    });
    quote! {
        #words
        #(#steps)*
    }
}

fn len_body(ctx: &Ctx<'_>, depth: usize, s: &Struct<'_>) -> TokenStream {
    let some = ctx.paths.get("Some");
    let none = ctx.paths.get("None");
    let parts = accesses(s).filter_map(|access| match access {
        Access::Always(value, ty) => Some(len_value(ctx, depth, ty, &value)),
        Access::IfSome {
            field,
            bind,
            value,
            ty,
        } => {
            let len = len_value(ctx, depth, ty, &value);
            Some(quote!(match &self.#field { #some(#bind) => #len, #none => 0 }))
        }
        Access::Word(_) => Some(quote!(4)),
        Access::Nothing => None,
    });
    quote!(0 #(+ #parts)*)
}

fn read_body(ctx: &Ctx<'_>, depth: usize, s: &Struct<'_>) -> TokenStream {
    let ok = ctx.paths.get("Ok");
    let some = ctx.paths.get("Some");
    let none = ctx.paths.get("None");
    let result = ctx.paths.get("Result");
    let error = ctx.paths.get("Error");
    let unknown = ctx.paths.get("UnknownFlags");
    if s.is_unit() {
        return quote!(#ok(Self));
    }
    let tl_fields = &s.def.fields;
    let tl_name = |tl: usize| {
        tl_fields[tl]
            .name
            .as_ref()
            .map_or_else(String::new, |n| n.value.clone())
    };
    // Reads, in wire order, into locals.
    let mut reads = TokenStream::new();
    for (tl, step) in &s.wire {
        let at = tl_name(*tl);
        let set_at = quote!(__tl_at = #at;);
        match *step {
            WireStep::Plain(i) => {
                if let FieldShape::Plain { ty, .. } = &s.fields[i].shape {
                    let local = format_ident!("__tl_v_{i}");
                    let value = read_value(ctx, depth, ty);
                    reads.extend(quote!(#set_at let #local = #value;));
                }
            }
            WireStep::Optional(i) => {
                if let FieldShape::Optional { ty, flag, bit, .. } = &s.fields[i].shape {
                    let local = format_ident!("__tl_v_{i}");
                    let word = flag_local(*flag);
                    let mask = bit_mask(*bit);
                    let value = read_value(ctx, depth, ty);
                    reads.extend(quote! {
                        #set_at
                        let #local = if #word & #mask != 0 { #some(#value) } else { #none };
                    });
                }
            }
            WireStep::GroupMember(i, k) => {
                if let FieldShape::Group { tys, flag, bit, .. } = &s.fields[i].shape {
                    let local = format_ident!("__tl_g_{i}_{k}");
                    let word = flag_local(*flag);
                    let mask = bit_mask(*bit);
                    let value = read_value(ctx, depth, &tys[k]);
                    reads.extend(quote! {
                        #set_at
                        let #local = if #word & #mask != 0 { #some(#value) } else { #none };
                    });
                }
            }
            WireStep::Flags(i) => {
                if let FieldShape::Flags { tl, .. } = s.fields[i].shape {
                    let local = flag_local(tl);
                    reads.extend(quote!(#set_at let #local: u32 = __tl_r.read_u32()?;));
                }
            }
            WireStep::Nothing => {}
        }
    }
    let inits = s.fields.iter().enumerate().map(|(i, f)| {
        let fname = ident::ident(&f.name);
        let value = match &f.shape {
            FieldShape::Plain { .. } | FieldShape::Optional { .. } => {
                let local = format_ident!("__tl_v_{i}");
                quote!(#local)
            }
            FieldShape::Flag { flag, bit } => {
                let word = flag_local(*flag);
                let mask = bit_mask(*bit);
                quote!(#word & #mask != 0)
            }
            FieldShape::Flags { tl, known } => {
                let word = flag_local(*tl);
                let known = Literal::u32_suffixed(*known);
                quote!(#unknown::from_word(#word, #known))
            }
            FieldShape::Group { tys, .. } => {
                let locals: Vec<_> = (0..tys.len())
                    .map(|k| format_ident!("__tl_g_{i}_{k}"))
                    .collect();
                let binds: Vec<_> = (0..tys.len()).map(|k| format_ident!("__tl_a{k}")).collect();
                quote! {
                    match (#(#locals,)*) {
                        (#(#some(#binds),)*) => #some((#(#binds,)*)),
                        _ => #none,
                    }
                }
            }
        };
        quote!(#fname: #value,)
    });
    let ctor_name = &s.def.name.value;
    quote! {
        let mut __tl_at: &'static str = "";
        let __tl_out = (|| -> #result<Self, #error> {
            #reads
            #ok(Self { #(#inits)* })
        })();
        __tl_out.map_err(|__tl_e| __tl_e.in_field(#ctor_name, __tl_at))
    }
}

/// `Serialize`/`Deserialize` for a constructor's bare struct, and the `From`/`TryFrom` impls
/// that connect it to its enum.
pub fn bare_impls(ctx: &Ctx<'_>, s: &Struct<'_>) -> TokenStream {
    let p = &ctx.paths;
    let name = ident::ident(&s.name);
    let ser = p.get("Serialize");
    let de = p.get("Deserialize");
    let vec = p.get("Vec");
    let reader = p.get("Reader");
    let result = p.get("Result");
    let error = p.get("Error");
    quote! {
        #[automatically_derived]
        impl #ser for #name {
            #[inline]
            fn serialize(&self, buf: &mut #vec<u8>) {
                Self::__tl_write(self, buf)
            }
            #[inline]
            fn serialized_len(&self) -> usize {
                Self::__tl_len(self)
            }
        }

        #[automatically_derived]
        impl #de for #name {
            const MIN_SERIALIZED_LEN: usize = Self::__TL_MIN_LEN;
            #[inline]
            fn deserialize(reader: &mut #reader<'_>) -> #result<Self, #error> {
                reader.nest(Self::__tl_read)
            }
        }
    }
}
