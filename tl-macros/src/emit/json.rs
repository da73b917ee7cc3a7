//! `#[tl(serde)]`: serde `Serialize` and `Deserialize` of every struct and enum (and `Any`), as
//! maps tagged by TL names (the form is documented in `tl_runtime::json`). Each type implements
//! the runtime's `json::Tagged` (its tag, and its fields written and read in that form); its
//! serde impls are one call each into the runtime, which also buffers a map whose tag comes late.

use super::Ctx;
use super::text::{generics, group_member, group_tuple, str_lit};
use crate::attr::JsonMode;
use crate::ident;
use crate::model::{Enum, Holds, RType, Struct, TyId};
use crate::paths::{self, relative};

/// The runtime's `json` module and serde, as the output names them.
fn j() -> String {
    paths::JSON.to_string()
}

/// The key of the tag.
fn key(mode: JsonMode) -> &'static str {
    match mode {
        JsonMode::Tl => "_",
        JsonMode::Tdlib => "@type",
    }
}

/// The form a value of `ty` takes when its own serde impls are not it, or `None` when they are.
fn form(mode: JsonMode, ty: &RType) -> Option<String> {
    match ty {
        RType::Long if mode == JsonMode::Tdlib => Some(format!("{}::Str", j())),
        RType::Bytes | RType::Int128 | RType::Int256 | RType::Int512 => {
            Some(format!("{}::Base64", j()))
        }
        RType::Vector { elem, .. } => form(mode, elem).map(|f| format!("{}::Seq<{f}>", j())),
        // Always a form: serde's own impls stop at arrays of 32.
        RType::Array { elem, .. } => Some(format!("{}::Seq<{}>", j(), form_or_plain(mode, elem))),
        _ => None,
    }
}

/// The form as a type argument: its own impls are `Plain`.
fn form_or_plain(mode: JsonMode, ty: &RType) -> String {
    form(mode, ty).unwrap_or_else(|| format!("{}::Plain", j()))
}

/// A reference to the value `place` (`self.a`) to write, in its form.
fn write_value(mode: JsonMode, ty: &RType, place: &str) -> String {
    match form(mode, ty) {
        Some(f) => format!("&{}::ser::<{f}, _>({place})", j()),
        None => place.to_string(),
    }
}

/// Reads the next value of the map `m` in the form of `ty`, as an `Option` when `optional`
/// (`null` is `None`).
fn read_value(mode: JsonMode, ty: &RType, optional: bool) -> String {
    if optional {
        let f = form_or_plain(mode, ty);
        format!("m.next_value_seed({}::de::<{}::Opt<{f}>, _>())", j(), j())
    } else {
        match form(mode, ty) {
            Some(f) => format!("m.next_value_seed({}::de::<{f}, _>())", j()),
            None => "m.next_value()".to_string(),
        }
    }
}

/// `where X: Serialize + for<'x> Deserialize<'x>, ..` for each type parameter.
fn serde_bounds(params: &[String]) -> String {
    if params.is_empty() {
        return String::new();
    }
    let sd = paths::SERDE;
    super::text::bounds_of(
        params,
        &format!("{sd}::Serialize + for<'x> {sd}::Deserialize<'x>"),
    )
}

/// The serde impls of a generated type that implements `json::Tagged`.
fn serde_impls(gen_params: &str, ty: &str, bounds: &str, out: &mut String) {
    let (j, sd, res) = (j(), paths::SERDE, paths::RESULT);
    emit!(
        out,
        "#[automatically_derived] impl{gen_params} {sd}::Serialize for {ty} {bounds} {{\n\
         fn serialize<__S: {sd}::Serializer>(&self, s: __S) -> {res}<__S::Ok, __S::Error> {{ {j}::serialize(self, s) }}\n}}\n\
         #[automatically_derived] impl<'de, {}> {sd}::Deserialize<'de> for {ty} {bounds} {{\n\
         fn deserialize<__D: {sd}::Deserializer<'de>>(d: __D) -> {res}<Self, __D::Error> {{ {j}::deserialize(d) }}\n}}\n",
        gen_params.trim_start_matches('<').trim_end_matches('>'),
    );
}

/// The head of a `json::Tagged` impl, its `KEY` and `has_tag`.
fn tagged_head(mode: JsonMode, gen_params: &str, ty: &str, bounds: &str, tags: &[&str]) -> String {
    let tests = if tags.is_empty() {
        "false".to_string()
    } else {
        let alternatives: Vec<String> = tags.iter().map(|t| str_lit(t)).collect();
        format!(
            "match tag {{ {} => true, _ => false }}",
            alternatives.join(" | ")
        )
    };
    format!(
        "#[automatically_derived] impl{gen_params} {}::Tagged for {ty} {bounds} {{\n\
         const KEY: &'static str = {};\n\
         #[inline] fn has_tag(tag: &str) -> bool {{ {tests} }}\n",
        j(),
        str_lit(key(mode)),
    )
}

/// The signatures of `write_entries` and `read_entries`, each followed by its body.
///
/// The generated methods' own type parameters (`__M`, `__A`, and `serialize`'s `__S` and
/// `deserialize`'s `__D`) start with `_`, as no type parameter from TL does: the type's own
/// come from TL's variables (`pair {A:Type} {B:Type} …` is `Pair<A, B>`), and a method's of
/// the same name would be rustc's E0403.
fn write_sig() -> String {
    format!(
        "fn write_entries<__M: {}::ser::SerializeMap>(&self, m: &mut __M) -> {}<(), __M::Error>",
        paths::SERDE,
        paths::RESULT
    )
}

fn read_sig() -> String {
    format!(
        "fn read_entries<'de, __A: {}::de::MapAccess<'de>>(tag: &str, m: &mut __A, side: &mut {}::Side) -> {}<Self, __A::Error>",
        paths::SERDE,
        j(),
        paths::RESULT
    )
}

/// `Tagged` and the serde impls of a constructor's or function's struct.
pub fn struct_impls(ctx: &Ctx<'_>, s: &Struct, out: &mut String) {
    let Some(mode) = ctx.options.json else {
        return;
    };
    let j = j();
    let (ok, err, some, none) = (paths::OK, paths::ERR, paths::SOME, paths::NONE);
    let name = ident::text(&s.name);
    let gen_params = generics(s);
    let ty = format!("{name}{gen_params}");
    let bounds = serde_bounds(&s.generics);
    let tag = str_lit(&s.tl_name);
    let ty_of = |t: &TyId| s.ty(*t);

    let mut writes = String::new();
    let mut locals = String::new();
    let mut arms = String::new();
    let mut built = String::new();
    for (i, f) in s.fields.iter().enumerate() {
        let field = ident::text(&f.name);
        let names: Vec<String> = f.tl_names.iter().map(|n| str_lit(n)).collect();
        let first = names.first().cloned().unwrap_or_else(|| str_lit(&f.name));
        match &f.holds {
            Holds::Value(t) => {
                let value = write_value(mode, ty_of(t), &format!("&self.{field}"));
                emit!(writes, "m.serialize_entry({first}, {value})?;\n");
                emit!(locals, "let mut f{i} = {none};\n");
                emit!(
                    arms,
                    "{first} => {j}::put(&mut f{i}, {first}, {})?,\n",
                    read_value(mode, ty_of(t), false)
                );
                emit!(
                    built,
                    "{field}: {j}::need::<_, __A::Error>(f{i}, {first})?,\n"
                );
            }
            Holds::Optional(t) => {
                let value = write_value(mode, ty_of(t), "v");
                emit!(
                    writes,
                    "if let {some}(v) = &self.{field} {{ m.serialize_entry({first}, {value})?; }}\n"
                );
                emit!(locals, "let mut f{i} = {none};\n");
                emit!(
                    arms,
                    "{first} => {j}::put(&mut f{i}, {first}, {})?,\n",
                    read_value(mode, ty_of(t), true)
                );
                emit!(built, "{field}: f{i}.flatten(),\n");
            }
            Holds::Flag(_) => {
                emit!(
                    writes,
                    "if self.{field} {{ m.serialize_entry({first}, &true)?; }}\n"
                );
                emit!(locals, "let mut f{i}: {}<bool> = {none};\n", paths::OPTION);
                emit!(
                    arms,
                    "{first} => {j}::put(&mut f{i}, {first}, m.next_value())?,\n"
                );
                emit!(built, "{field}: f{i}.unwrap_or(false),\n");
            }
            Holds::Flags(_) => {
                emit!(
                    writes,
                    "if self.{field}.0 != 0 {{ m.serialize_entry({first}, &self.{field})?; }}\n"
                );
                emit!(locals, "let mut f{i} = {none};\n");
                emit!(
                    arms,
                    "{first} => {j}::put(&mut f{i}, {first}, m.next_value())?,\n"
                );
                emit!(built, "{field}: f{i}.unwrap_or_default(),\n");
            }
            Holds::Group(tys) => {
                let of = tys.len();
                let mut members = String::new();
                let mut somes = Vec::new();
                let mut nones = Vec::new();
                let mut values = Vec::new();
                for (k, t) in tys.iter().enumerate() {
                    let member_name = names.get(k).cloned().unwrap_or_else(|| first.clone());
                    let place = format!("&g{}", group_member(k, of));
                    emit!(
                        members,
                        "m.serialize_entry({member_name}, {})?; ",
                        write_value(mode, ty_of(t), &place)
                    );
                    emit!(locals, "let mut f{i}_{k} = {none};\n");
                    emit!(
                        arms,
                        "{member_name} => {j}::put(&mut f{i}_{k}, {member_name}, {})?,\n",
                        read_value(mode, ty_of(t), true)
                    );
                    somes.push(format!("{some}(g{k})"));
                    nones.push(none.to_string());
                    values.push(format!("g{k}"));
                }
                emit!(writes, "if let {some}(g) = &self.{field} {{ {members}}}\n");
                let read_all: Vec<String> =
                    (0..of).map(|k| format!("f{i}_{k}.flatten()")).collect();
                let listed = f
                    .tl_names
                    .iter()
                    .map(|n| format!("`{n}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                emit!(
                    built,
                    "{field}: match {} {{ {} => {some}({}), {} => {none}, _ => return {err}({j}::partial_group({})) }},\n",
                    group_tuple(&read_all),
                    group_tuple(&somes),
                    group_tuple(&values),
                    group_tuple(&nones),
                    str_lit(&listed),
                );
            }
        }
    }

    out.push_str(&tagged_head(mode, &gen_params, &ty, &bounds, &[&s.tl_name]));
    let key_path = format!("<Self as {j}::Tagged>::KEY");
    emit!(
        out,
        "{} {{\nm.serialize_entry({key_path}, {tag})?;\n{writes}{ok}(())\n}}\n",
        write_sig()
    );
    let mismatch =
        format!("if tag != {tag} {{ return {err}({j}::unknown_tag(tag, &[{tag}])); }}\n");
    if s.is_unit() {
        emit!(
            out,
            "{} {{\n{mismatch}{j}::rest(m, side)?;\n{ok}(Self)\n}}\n}}\n",
            read_sig()
        );
    } else {
        emit!(
            out,
            "{} {{\n{mismatch}{locals}\
             while let {some}(key) = m.next_key::<{j}::Key<'de>>()? {{\n\
             match &*key.0 {{\n{arms}_ => side.other(&key.0, m)?,\n}}\n}}\n\
             {ok}(Self {{\n{built}}})\n}}\n}}\n",
            read_sig()
        );
    }
    serde_impls(&gen_params, &ty, &bounds, out);
}

/// `Tagged` and the serde impls of a boxed type's enum: each variant's struct writes and reads
/// itself; a unit variant is its tag alone.
pub fn enum_impls(ctx: &Ctx<'_>, e: &Enum, out: &mut String) {
    let Some(mode) = ctx.options.json else {
        return;
    };
    let j = j();
    let ok = paths::OK;
    let depth = 1 + e.modules.len();
    let ty = ident::text(&e.name);
    let key_path = format!("<Self as {j}::Tagged>::KEY");
    let mut tags = Vec::new();
    let mut writes = String::new();
    let mut reads = String::new();
    for &v in &e.variants {
        let s = ctx.model.ctor(v);
        let variant = ident::text(&s.variant);
        let tag = str_lit(&s.tl_name);
        tags.push(s.tl_name.as_str());
        let path =
            relative(depth, "types", &s.modules, &s.name) + &super::enums::variant_args(e, s);
        if s.is_unit() {
            emit!(
                writes,
                "Self::{variant} => m.serialize_entry({key_path}, {tag}),\n"
            );
            emit!(
                reads,
                "{tag} => {{ {j}::rest(m, side)?; {ok}(Self::{variant}) }}\n"
            );
        } else {
            emit!(
                writes,
                "Self::{variant}(x) => <{path} as {j}::Tagged>::write_entries(x, m),\n"
            );
            let read = format!("<{path} as {j}::Tagged>::read_entries(tag, m, side)?");
            let wrapped = if s.boxed_in_enum {
                format!("{}::new({read})", paths::BOX)
            } else {
                read
            };
            emit!(reads, "{tag} => {ok}(Self::{variant}({wrapped})),\n");
        }
    }
    let gen_params = super::text::generics_of(false, &e.generics);
    let ty = format!("{ty}{gen_params}");
    let bounds = serde_bounds(&e.generics);
    by_variant(
        mode,
        (&gen_params, &ty, &bounds),
        &tags,
        (&writes, &reads),
        out,
    );
}

/// `Tagged` of an enum whose variants write and read themselves (`writes` and `reads` are the
/// match arms, by variant and by tag), and its serde impls.
fn by_variant(
    mode: JsonMode,
    (gen_params, ty, bounds): (&str, &str, &str),
    tags: &[&str],
    (writes, reads): (&str, &str),
    out: &mut String,
) {
    out.push_str(&tagged_head(mode, gen_params, ty, bounds, tags));
    // An enum without variants has no value to match on.
    let scrutinee = if writes.is_empty() { "*self" } else { "self" };
    emit!(
        out,
        "{} {{ match {scrutinee} {{\n{writes}}} }}\n",
        write_sig()
    );
    emit!(
        out,
        "#[allow(unreachable_patterns)] {} {{ match tag {{\n{reads}_ => {}({}::unknown_tag(tag, &{})),\n}} }}\n}}\n",
        read_sig(),
        paths::ERR,
        j(),
        tag_list(tags)
    );
    serde_impls(gen_params, ty, bounds, out);
}

/// `[\"a\", \"b\", ]`: the tags a type knows, for an unknown tag's error.
fn tag_list(tags: &[&str]) -> String {
    let mut list = String::from("[");
    for t in tags {
        list.push_str(&str_lit(t));
        list.push_str(", ");
    }
    list.push(']');
    list
}

/// `Tagged` and the serde impls of `Any`: `variants` are its variants with, for each, the
/// TL names it decodes and the Rust type of its payload (`None` for a boxed type's enum, which
/// is written and read through its own impl; `Some(path)` for a function, held boxed).
pub fn any_impls(
    ctx: &Ctx<'_>,
    ty: &str,
    variants: &[(String, Vec<&str>, String, bool)],
    out: &mut String,
) {
    let Some(mode) = ctx.options.json else {
        return;
    };
    let j = j();
    let ok = paths::OK;
    let mut tags = Vec::new();
    let mut writes = String::new();
    let mut reads = String::new();
    for (variant, names, payload, boxed) in variants {
        emit!(
            writes,
            "Self::{variant}(x) => <{payload} as {j}::Tagged>::write_entries(x, m),\n"
        );
        if names.is_empty() {
            continue;
        }
        let read = format!("<{payload} as {j}::Tagged>::read_entries(tag, m, side)?");
        let wrapped = if *boxed {
            format!("{}::new({read})", paths::BOX)
        } else {
            read
        };
        let alternatives: Vec<String> = names.iter().map(|n| str_lit(n)).collect();
        emit!(
            reads,
            "{} => {ok}(Self::{variant}({wrapped})),\n",
            alternatives.join(" | ")
        );
        tags.extend(names.iter().copied());
    }
    by_variant(mode, ("", ty, ""), &tags, (&writes, &reads), out);
}
