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

    let identifiable = p.get("Identifiable");
    let aliases = if s.aliases.is_empty() {
        TokenStream::new()
    } else {
        quote! {
            impl #gen_params #name #gen_params {
                #(#aliases)*
            }
        }
    };
    let codec = codec_impls(ctx, kind, s);

    quote! {
        #docs
        #[derive(#(#derives),*)]
        pub struct #name #gen_params #body

        #aliases

        #[automatically_derived]
        impl #gen_params #identifiable for #name #gen_params {
            const CONSTRUCTOR_ID: u32 = #id;
        }

        #codec
    }
}

/// `Serialize` and `Deserialize`: a constructor's struct is bare (fields only), a function's is
/// boxed (its id first).
fn codec_impls(ctx: &Ctx<'_>, kind: Kind, s: &Struct<'_>) -> TokenStream {
    let p = &ctx.paths;
    let depth = 1 + s.modules.len();
    let name = ident::ident(&s.name);
    let gen_params = generics(s);
    let ser = p.get("Serialize");
    let de = p.get("Deserialize");
    let vec = p.get("Vec");
    let reader = p.get("Reader");
    let result = p.get("Result");
    let error = p.get("Error");
    let ser_bounds = bounds(s, &ser);
    let de_bounds = bounds(s, &de);
    let write = write_body(ctx, s);
    let read = read_body(ctx, s);
    let (write_id, base, read_id) = match kind {
        Kind::Type => Default::default(),
        Kind::Function => {
            let id = Literal::u32_suffixed(s.id(ctx.model.id_rule));
            let tl_name = &s.def.name.value;
            let write_u32 = p.get("write_u32");
            (
                quote!(#write_u32(buf, #id);),
                4,
                quote!(r.expect_id(#id, #tl_name)?;),
            )
        }
    };
    let len = len_body(ctx, s, base);
    let min_len = min_len(ctx, depth, s, base);
    quote! {
        #[automatically_derived]
        impl #gen_params #ser for #name #gen_params #ser_bounds {
            #[inline]
            fn serialize(&self, buf: &mut #vec<u8>) {
                #write_id
                #write
            }
            #[inline]
            fn serialized_len(&self) -> usize {
                #len
            }
        }

        #[automatically_derived]
        impl #gen_params #de for #name #gen_params #de_bounds {
            const MIN_SERIALIZED_LEN: usize = #min_len;
            fn deserialize(r: &mut #reader<'_>) -> #result<Self, #error> {
                #read_id
                #read
            }
        }
    }
}

/// A lower bound of the encoded size: the always-present fields' minimums.
fn min_len(ctx: &Ctx<'_>, depth: usize, s: &Struct<'_>, base: usize) -> TokenStream {
    let de = ctx.paths.get("Deserialize");
    let mut known = base;
    let mut parts = Vec::new();
    for f in &s.fields {
        match &f.shape {
            FieldShape::Flags { .. } => known += 4,
            FieldShape::Plain { ty } => {
                if let Some(n) = fixed_min_len(ty) {
                    known += n;
                } else {
                    let ty = rust_type(ctx, depth, ty);
                    parts.push(quote!(+ <#ty as #de>::MIN_SERIALIZED_LEN));
                }
            }
            _ => {}
        }
    }
    quote!(#known #(#parts)*)
}

/// The smallest encoding of a value of `ty`, when it does not depend on another type's
/// constant: a bare struct's minimum is its own `MIN_SERIALIZED_LEN`.
fn fixed_min_len(ty: &RType) -> Option<usize> {
    Some(match ty {
        // A type parameter's own minimum is not known here (no bound on the const).
        RType::Param(_) | RType::Object => 0,
        // `string` and `bytes`: a 1-byte length and 3 bytes of padding.
        RType::Int
        | RType::Bool
        | RType::Nat
        | RType::Enum(_)
        | RType::String
        | RType::Bytes
        | RType::Vector { bare: true, .. } => 4,
        // A boxed vector: its id and the count.
        RType::Long | RType::Double | RType::Vector { bare: false, .. } => 8,
        RType::Int128 => 16,
        RType::Int256 => 32,
        RType::Int512 => 64,
        RType::Struct { .. } => return None,
    })
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

fn write_value(ctx: &Ctx<'_>, ty: &RType, value: &TokenStream) -> TokenStream {
    if is_bare_vec(ty) {
        let f = ctx.paths.get("serialize_bare_vec");
        quote!(#f(#value, buf);)
    } else {
        let ser = ctx.paths.get("Serialize");
        quote!(#ser::serialize(#value, buf);)
    }
}

fn len_value(ctx: &Ctx<'_>, ty: &RType, value: &TokenStream) -> TokenStream {
    if is_bare_vec(ty) {
        let f = ctx.paths.get("bare_vec_len");
        quote!(#f(#value))
    } else {
        let ser = ctx.paths.get("Serialize");
        quote!(#ser::serialized_len(#value))
    }
}

/// Reads one field's value, or returns the error with the field's place in it.
///
/// The value's type is left to inference (the struct literal fixes it), so the read does not
/// spell the type's path out again.
fn read_value(ctx: &Ctx<'_>, ty: &RType, ctor: &str, field: &str) -> TokenStream {
    let read = if is_bare_vec(ty) {
        let f = ctx.paths.get("deserialize_bare_vec");
        quote!(#f(r))
    } else if let RType::Struct { .. } = ty {
        // A bare struct can hold itself through an optional field: one level deeper.
        let f = ctx.paths.get("read_nested");
        quote!(#f(r))
    } else {
        let de = ctx.paths.get("Deserialize");
        quote!(#de::deserialize(r))
    };
    checked(ctx, &read, ctor, field)
}

/// `read`'s value, or a return of its error with the field's place in it.
fn checked(ctx: &Ctx<'_>, read: &TokenStream, ctor: &str, field: &str) -> TokenStream {
    let ok = ctx.paths.get("Ok");
    let err = ctx.paths.get("Err");
    quote! {
        match #read {
            #ok(v) => v,
            #err(e) => return #err(e.in_field(#ctor, #field)),
        }
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

fn write_body(ctx: &Ctx<'_>, s: &Struct<'_>) -> TokenStream {
    let words = flag_words(s);
    let write_u32 = ctx.paths.get("write_u32");
    let some = ctx.paths.get("Some");
    let steps = accesses(s).map(|access| match access {
        Access::Always(value, ty) => write_value(ctx, ty, &value),
        Access::IfSome {
            field,
            bind,
            value,
            ty,
        } => {
            let write = write_value(ctx, ty, &value);
            quote!(if let #some(#bind) = &self.#field { #write })
        }
        Access::Word(local) => quote!(#write_u32(buf, #local);),
        Access::Nothing => TokenStream::new(),
    });
    quote! {
        #words
        #(#steps)*
    }
}

/// The encoded size: `base` plus the fields', constant parts summed here.
fn len_body(ctx: &Ctx<'_>, s: &Struct<'_>, base: usize) -> TokenStream {
    let some = ctx.paths.get("Some");
    let none = ctx.paths.get("None");
    let mut known = base;
    let mut parts = Vec::new();
    for access in accesses(s) {
        match access {
            Access::Always(value, ty) => match fixed_len(ty) {
                Some(n) => known += n,
                None => parts.push(len_value(ctx, ty, &value)),
            },
            Access::IfSome {
                field,
                bind,
                value,
                ty,
            } => {
                let len = match fixed_len(ty) {
                    Some(n) => quote!(#n),
                    None => len_value(ctx, ty, &value),
                };
                parts.push(quote!(match &self.#field { #some(#bind) => #len, #none => 0 }));
            }
            Access::Word(_) => known += 4,
            Access::Nothing => {}
        }
    }
    quote!(#known #(+ #parts)*)
}

/// The encoded size of every value of `ty`, when that is one number.
fn fixed_len(ty: &RType) -> Option<usize> {
    Some(match ty {
        RType::Int | RType::Bool | RType::Nat => 4,
        RType::Long | RType::Double => 8,
        RType::Int128 => 16,
        RType::Int256 => 32,
        RType::Int512 => 64,
        _ => return None,
    })
}

fn read_body(ctx: &Ctx<'_>, s: &Struct<'_>) -> TokenStream {
    let ok = ctx.paths.get("Ok");
    let some = ctx.paths.get("Some");
    let none = ctx.paths.get("None");
    let unknown = ctx.paths.get("UnknownFlags");
    if s.is_unit() {
        return quote!(#ok(Self));
    }
    let ctor = s.def.name.value.as_str();
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
        match *step {
            WireStep::Plain(i) => {
                if let FieldShape::Plain { ty, .. } = &s.fields[i].shape {
                    let local = format_ident!("__tl_v_{i}");
                    let value = read_value(ctx, ty, ctor, &at);
                    reads.extend(quote!(let #local = #value;));
                }
            }
            WireStep::Optional(i) => {
                if let FieldShape::Optional { ty, flag, bit, .. } = &s.fields[i].shape {
                    let local = format_ident!("__tl_v_{i}");
                    let word = flag_local(*flag);
                    let mask = bit_mask(*bit);
                    let value = read_value(ctx, ty, ctor, &at);
                    reads.extend(quote! {
                        let #local = if #word & #mask != 0 { #some(#value) } else { #none };
                    });
                }
            }
            WireStep::GroupMember(i, k) => {
                if let FieldShape::Group { tys, flag, bit, .. } = &s.fields[i].shape {
                    let local = format_ident!("__tl_g_{i}_{k}");
                    let word = flag_local(*flag);
                    let mask = bit_mask(*bit);
                    let value = read_value(ctx, &tys[k], ctor, &at);
                    reads.extend(quote! {
                        let #local = if #word & #mask != 0 { #some(#value) } else { #none };
                    });
                }
            }
            WireStep::Flags(i) => {
                if let FieldShape::Flags { tl, .. } = s.fields[i].shape {
                    let local = flag_local(tl);
                    let value = checked(ctx, &quote!(r.read_u32()), ctor, &at);
                    reads.extend(quote!(let #local: u32 = #value;));
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
    quote! {
        #reads
        #ok(Self { #(#inits)* })
    }
}
