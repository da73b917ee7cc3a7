//! `Any`: one enum over every boxed type and every function of the schema, decoded by the
//! constructor id that comes first. For servers and proxies that receive any call, for `Object`
//! payloads, for logging and for fuzzing. Generic functions such as `invokeWithLayer` hold an
//! `Any` inside, so a whole wrapped call decodes in one go.

use super::Ctx;
use super::model::RType;
use super::structs::{de, lifetime, rust_type, str_lit, u32_lit};
use crate::ident;
use crate::paths::{relative, rt};
use std::collections::{HashMap, HashSet};

/// `Any`, in the invoking module (which has the runtime alias when this is emitted).
pub fn emit(ctx: &Ctx<'_>, out: &mut String) {
    let model = ctx.model;
    let rule = model.id_rule;
    let boxed = rt("Box");
    // With `#[tl(borrowed)]`, `Any<'a>` when anything borrows.
    let lt = lifetime(
        model.enums.iter().any(|e| e.borrows) || model.functions.iter().any(|f| f.borrows),
    );
    let ty = format!("Any{lt}");
    let ser = rt("Serialize");

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

    let mut variants = String::new();
    let mut variant_idents = Vec::new();
    for (e_index, e) in model.enums.iter().enumerate() {
        let mut base: String = e.modules.iter().map(|m| ident::type_name(m)).collect();
        base.push_str(&e.name);
        let name = ident::text(&unique(base));
        let ty = rust_type(ctx, 0, &RType::Enum(e_index));
        let doc = str_lit(&format!(" The boxed type `{}`.", e.tl_name));
        emit!(variants, "#[doc = {doc}] {name}({ty}),\n");
        for &v in &e.variants {
            let s = &model.types[v];
            claim(s.id(rule), variant_idents.len(), s.has_own_id(rule));
        }
        variant_idents.push(name);
    }
    for f in &model.functions {
        let mut base: String = f.modules.iter().map(|m| ident::type_name(m)).collect();
        base.push_str(&f.name);
        let name = ident::text(&unique(base));
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
        let doc = str_lit(&format!(" The function `{}`.", f.def.name.value));
        emit!(variants, "#[doc = {doc}] {name}({boxed}<{path}{args}>),\n");
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
    let mut reads = String::new();
    for (i, ids) in by_variant.iter().enumerate() {
        if ids.is_empty() {
            continue;
        }
        let name = &variant_idents[i];
        let ids: Vec<String> = ids.iter().map(|id| u32_lit(*id)).collect();
        let read = if i < enum_count {
            rt("read_any")
        } else {
            rt("read_any_boxed")
        };
        emit!(reads, "{} => {read}(r, Any::{name}),\n", ids.join(" | "));
    }
    let mut writes = String::new();
    let mut lens = String::new();
    for name in &variant_idents {
        emit!(writes, "Any::{name}(x) => {ser}::serialize(x, buf),\n");
        emit!(lens, "Any::{name}(x) => {ser}::serialized_len(x),\n");
    }

    emit!(
        out,
        "/// Any value of this schema: a boxed type or a function, decoded by its constructor id.\n\
         ///\n\
         /// Functions are boxed; generic functions (`invokeWithLayer`) hold an `Any` inside.\n\
         #[derive({})] pub enum {ty} {{\n{variants}}}\n",
        ctx.derives
    );
    super::enums::serialize_by_variant((lt, &ty), &writes, &lens, out);
    emit!(
        out,
        "#[automatically_derived] impl<'a> {} for {ty} {{\n\
         const MIN_SERIALIZED_LEN: usize = 4;\n\
         fn deserialize(r: &mut {}<'a>) -> {}<Self, {}> {{\n\
         let id = r.peek_u32()?;\n\
         match id {{\n{reads}_ => {}({}(r, {}, id)),\n}}\n}}\n}}\n",
        de(),
        rt("Reader"),
        rt("Result"),
        rt("Error"),
        rt("Err"),
        rt("unknown_constructor"),
        str_lit("any type or function of this schema"),
    );
}
