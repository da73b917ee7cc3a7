//! `Any`: one enum over every boxed type and every function of the schema, decoded by the
//! constructor id that comes first. For servers and proxies that receive any call, for `Object`
//! payloads, for logging and for fuzzing. Generic functions such as `invokeWithLayer` hold an
//! `Any` inside, so a whole wrapped call decodes in one go.

use super::Ctx;
use super::text::{self, lifetime, rust_type, str_lit, u32_lit};
use crate::ident;
use crate::model::{EnumId, RType, names::Taken};
use crate::paths::{self, relative};
use rustc_hash::FxHashMap as HashMap;

/// Which variant of `Any` decodes each id: the first definition with it, unless a later one's id
/// is its own CRC and the first one's is a frozen copy (`invokeWith…Prefix` reuse real ids).
#[derive(Default)]
struct Owners(HashMap<u32, (usize, bool)>);

impl Owners {
    fn claim(&mut self, id: u32, variant: usize, own_id: bool) {
        match self.0.get(&id) {
            Some(&(_, true)) => {}
            Some(&(_, false)) if !own_id => {}
            _ => {
                self.0.insert(id, (variant, own_id));
            }
        }
    }
}

/// `Any`, in the invoking module (which has the runtime alias when this is emitted).
pub fn emit(ctx: &Ctx<'_>, out: &mut String) {
    let model = ctx.model;
    // A type whose constructors take a field mask from outside (VK's) cannot be decoded by its
    // id alone: `Any` leaves it out.
    let held = || {
        model
            .enums
            .iter()
            .enumerate()
            .filter(|(_, e)| e.masked.is_none())
    };
    // With `#[tl(borrowed)]`, `Any<'a>` when anything it holds borrows (and only then, or `'a`
    // would be a lifetime no variant uses).
    let lt = lifetime(held().any(|(_, e)| e.borrows) || model.functions.iter().any(|f| f.borrows));
    let ty = format!("Any{lt}");
    let mut names = Taken::default();
    let mut owners = Owners::default();

    let mut variants = String::new();
    let mut variant_idents = Vec::new();
    // Whether each variant holds its value boxed (functions' always are).
    let mut variant_boxed: Vec<bool> = Vec::new();
    // For `#[tl(serde)]`: each variant, the TL names it reads, its payload, whether boxed.
    let mut json = Vec::new();
    for (e_index, e) in held() {
        let mut base: String = e.modules.iter().map(|m| ident::type_name(m)).collect();
        base.push_str(&e.name);
        let name = ident::text(&names.claim(base, String::new));
        // A polymorphic type holds `Any` in each of its parameters (as generic functions do),
        // boxed, since it may hold `Any` inline.
        let enum_ty = if e.generics.is_empty() {
            rust_type(ctx, 0, &RType::Enum(EnumId(e_index)))
        } else {
            let args = vec![ty.clone(); e.generics.len()];
            relative(0, "enums", &e.modules, &e.name) + &text::generics_of(e.borrows, &args)
        };
        let boxed = e.boxed_in_any();
        text::doc(
            " ",
            &format!("The boxed type `{}`.", e.tl_name),
            &mut variants,
        );
        if boxed {
            emit!(variants, "{name}({}<{enum_ty}>),\n", paths::BOX);
        } else {
            emit!(variants, "{name}({enum_ty}),\n");
        }
        let mut tags = Vec::new();
        for &v in &e.variants {
            let s = model.ctor(v);
            // VK's `_` has no id on the wire.
            if !s.untagged() {
                owners.claim(s.id, variant_idents.len(), s.own_id);
            }
            tags.push(s.tl_name.as_str());
        }
        json.push((name.clone(), tags, enum_ty, boxed));
        variant_idents.push(name);
        variant_boxed.push(boxed);
    }
    for f in &model.functions {
        let mut base: String = f.modules.iter().map(|m| ident::type_name(m)).collect();
        base.push_str(&f.name);
        let name = ident::text(&names.claim(base, String::new));
        let path = relative(0, "functions", &f.modules, &f.name);
        let mut args: Vec<&str> = Vec::new();
        if f.borrows {
            args.push("'a");
        }
        args.extend(f.generics.iter().map(|_| ty.as_str()));
        let args = if args.is_empty() {
            String::new()
        } else {
            format!("<{}>", args.join(", "))
        };
        let doc = str_lit(&format!(" The function `{}`.", f.tl_name));
        emit!(
            variants,
            "#[doc = {doc}] {name}({}<{path}{args}>),\n",
            paths::BOX
        );
        owners.claim(f.id, variant_idents.len(), f.own_id);
        json.push((
            name.clone(),
            vec![f.tl_name.as_str()],
            format!("{path}{args}"),
            true,
        ));
        variant_idents.push(name);
        variant_boxed.push(true);
    }

    // Group ids by the variant that decodes them.
    let mut by_variant: Vec<Vec<u32>> = vec![Vec::new(); variant_idents.len()];
    let mut ids: Vec<(u32, usize)> = owners.0.iter().map(|(&id, &(at, _))| (id, at)).collect();
    ids.sort_unstable();
    for (id, variant) in ids {
        by_variant[variant].push(id);
    }
    let mut reads = String::new();
    for (i, ids) in by_variant.iter().enumerate() {
        if ids.is_empty() {
            continue;
        }
        let ids: Vec<String> = ids.iter().map(|id| u32_lit(*id)).collect();
        // Every arm out of line (see the helpers): `Any` recurses through functions' queries,
        // and inlined, the arms' temporaries made its frame tens of KiB.
        let read = if variant_boxed[i] {
            paths::READ_ANY_BOXED_OUTLINED
        } else {
            paths::READ_ANY_OUTLINED
        };
        emit!(
            reads,
            "{} => {read}(r, Any::{}),\n",
            ids.join(" | "),
            variant_idents[i]
        );
    }
    let mut writes = String::new();
    for name in &variant_idents {
        emit!(
            writes,
            "Any::{name}(x) => {}::serialize(x, buf),\n",
            paths::SERIALIZE
        );
    }

    emit!(
        out,
        "/// Any value of this schema: a boxed type or a function, decoded by its constructor id.\n\
         ///\n\
         /// Functions are boxed; generic functions (`invokeWithLayer`) hold an `Any` inside.\n\
         #[derive({})] pub enum {ty} {{\n{variants}}}\n",
        ctx.options.derives
    );
    let mut debug = super::debug::Arms::default();
    for name in &variant_idents {
        debug.tuple(name);
    }
    debug.finish((lt, &ty, ""), out);
    out.push_str(&super::enums::serialize_by_variant((lt, &ty), &writes));
    out.push_str(&super::enums::deserialize_by_id(
        &ty,
        true,
        &reads,
        (
            paths::UNKNOWN_CONSTRUCTOR,
            "any type or function of this schema",
            "",
        ),
    ));
    #[cfg(feature = "serde")]
    super::json::any_impls(ctx, &ty, &json, out);
}
