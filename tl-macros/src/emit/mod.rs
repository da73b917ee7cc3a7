//! The model to Rust source text: three module trees (`types`, `enums`, `functions`), and `Any`
//! when asked. Each writer below writes whole items, one template each.
//!
//! Text, parsed once by the compiler, rather than tokens built one by one: a proc macro's every
//! token is a call into the compiler, and the whole Telegram API is 1.7 million tokens, so
//! building them took a second (the macro built unoptimized, as Cargo builds it for `check` and
//! debug builds), while writing the text takes a fraction of that. Everything in the text names
//! the runtime through the alias `__tl` (see [`crate::paths`]), which each generated module
//! imports from its parent.

mod any;
pub mod codec;
mod debug;
mod docs;
pub mod enums;
mod errors;
mod functions;
/// Only with the `serde` feature: without it `#[tl(serde)]` is an error before anything is
/// emitted, and its callers are left out with it.
#[cfg(feature = "serde")]
mod json;
mod structs;
pub mod text;

use crate::model::{Model, Struct};
use crate::paths;

/// Which module tree a struct lives in.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Type,
    Function,
}

/// What the options of `#[tl(...)]` ask of the output (the model has the rest).
pub struct Options {
    /// The derives of every struct and enum: `__tl::Clone, __tl::PartialEq`, then the user's,
    /// through their aliases ([`crate::paths::derive_alias`]); `Debug` is written out
    /// (`debug.rs`).
    pub derives: String,
    /// How many user derives there are: each module imports their aliases.
    pub user_derives: usize,
    /// Whether the user derives `Default` (a schema of functions only may): no struct then gets
    /// the one `tl!` writes for a struct of optional fields.
    pub user_default: bool,
    /// How many `extern(...)` types there are: each module imports their aliases.
    pub externs: usize,
    /// Whether functions implement `Deserialize` (`#[tl(decode_functions)]` or `#[tl(any)]`):
    /// only servers and proxies decode requests, and a client's build is shorter without it.
    pub decode_functions: bool,
    /// `#[tl(any)]`.
    pub any: bool,
    /// The schema's layer (`// LAYER N`, or `#[tl(layer = N)]`): `LAYER`.
    pub layer: Option<u32>,
    /// `#[tl(serde)]`: serde impls in this JSON form.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub json: Option<crate::attr::JsonMode>,
}

/// What the writers share.
pub struct Ctx<'a> {
    pub model: &'a Model,
    pub options: &'a Options,
}

/// Items grouped by module path below one root (`types`, `enums`, `functions`).
///
/// The children are a list kept sorted by name: a schema has a few dozen namespaces, and a list
/// is less code than a `BTreeMap` in the macro's unoptimized build, which every crate holding a
/// schema waits for (BENCHMARKS.md, thirty-second measurement).
#[derive(Default)]
struct Tree {
    items: String,
    children: Vec<(String, Tree)>,
}

impl Tree {
    fn node(&mut self, modules: &[String]) -> &mut String {
        let mut node = self;
        for m in modules {
            let at = node.children.binary_search_by(|(name, _)| name.cmp(m));
            let at = at.unwrap_or_else(|at| {
                node.children.insert(at, (m.clone(), Tree::default()));
                at
            });
            node = &mut node.children[at].1;
        }
        &mut node.items
    }

    /// The module `name` with the items and child modules; every module imports the runtime
    /// alias (and those of the user's derives) from its parent.
    fn render(
        self,
        doc: &str,
        name: &str,
        what: &str,
        path: &str,
        imports: &str,
        out: &mut String,
    ) {
        text::doc("", doc, out);
        emit!(out, "pub mod {} {{\n{imports}", crate::ident::text(name));
        out.push_str(&self.items);
        for (name, child) in self.children {
            let doc = format!(" {what} of the TL namespace `{path}{name}`.");
            child.render(&doc, &name, what, &format!("{path}{name}."), imports, out);
        }
        out.push_str("}\n");
    }
}

/// The source text of everything generated for a valid schema's model.
pub fn generate(model: &Model, options: &Options) -> String {
    let ctx = Ctx { model, options };
    let mut types = Tree::default();
    let mut enums = Tree::default();
    let mut functions = Tree::default();
    let mut errors = Tree::default();
    for s in &model.types {
        structs::emit(&ctx, Kind::Type, s, types.node(&s.modules));
    }
    for e in &model.enums {
        enums::emit(&ctx, e, enums.node(&e.modules));
    }
    for s in &model.functions {
        let out = functions.node(&s.modules);
        structs::emit(&ctx, Kind::Function, s, out);
        // `RemoteCall::Return` is owned: a borrowed answer would borrow from the request's
        // lifetime, not from the bytes it is decoded from.
        if !model.borrowed {
            functions::impls(&ctx, s, out);
        }
        if let Some(e) = &s.errors {
            errors::emit(s, e, errors.node(&s.modules));
        }
    }
    let mut imports = format!(
        "#[allow(unused_imports)] use super::{};\n#[allow(unused_imports)] use super::{};\n",
        crate::paths::ALIAS,
        crate::paths::NAMES_ALIAS
    );
    for i in 0..options.user_derives {
        emit!(
            imports,
            "#[allow(unused_imports)] use super::{};\n",
            crate::paths::derive_alias(i)
        );
    }
    for i in 0..options.externs {
        emit!(
            imports,
            "#[allow(unused_imports)] use super::{};\n",
            crate::paths::extern_alias(i)
        );
    }
    let mut out = String::new();
    types.render(
        " TL constructors, one struct each, encoded bare (fields only).",
        "types",
        "Constructors",
        "",
        &imports,
        &mut out,
    );
    enums.render(
        " TL boxed types, one enum each with a variant per constructor, encoded boxed \
         (constructor id, then fields).",
        "enums",
        "Boxed types",
        "",
        &imports,
        &mut out,
    );
    functions.render(
        " TL functions, one struct each, encoded boxed; `RemoteCall::Return` is the result.",
        "functions",
        "Functions",
        "",
        &imports,
        &mut out,
    );
    // Only a schema given pages or an error list has error types: the output of one without
    // is as it was.
    if model.functions.iter().any(|s| s.errors.is_some()) {
        errors.render(
            " Error types of TL functions, one enum each, named as the function: a variant per \
             documented error, and `Other` for the rest.",
            "errors",
            "Error types",
            "",
            &imports,
            &mut out,
        );
    }
    if options.any {
        any::emit(&ctx, &mut out);
    }
    names(model, options.layer, &mut out);
    out
}

/// `name_for_id` and `id_for_name` over every constructor and function (sorted static tables,
/// searched without allocating), the alias generated enums name the first by, and `LAYER`.
fn names(model: &Model, layer: Option<u32>, out: &mut String) {
    let defs: Vec<&Struct> = model.types.iter().chain(&model.functions).collect();
    // Each sorted with its position, so that a frozen id shared by two definitions names the
    // first, as decoding takes the first. (Unstable sorts of plain pairs: a sort by a closure or
    // a stable sort is more of the standard library's code in the macro's unoptimized build.)
    let mut by_id: Vec<(u32, usize)> = defs.iter().enumerate().map(|(at, s)| (s.id, at)).collect();
    by_id.sort_unstable();
    by_id.dedup_by_key(|e| e.0);
    let mut by_name: Vec<(&str, usize)> = defs
        .iter()
        .enumerate()
        .map(|(at, s)| (s.tl_name.as_str(), at))
        .collect();
    by_name.sort_unstable();
    by_name.dedup_by_key(|e| e.0);
    let (opt, some, none, ok) = (paths::OPTION, paths::SOME, paths::NONE, paths::OK);
    let mut ids = String::new();
    for &(id, at) in &by_id {
        emit!(
            ids,
            "({}, {}), ",
            text::u32_lit(id),
            text::str_lit(&defs[at].tl_name)
        );
    }
    let mut names = String::new();
    for &(name, at) in &by_name {
        emit!(
            names,
            "({}, {}), ",
            text::str_lit(name),
            text::u32_lit(defs[at].id)
        );
    }
    emit!(
        out,
        "/// The TL name of a constructor or function id of this schema (`#1e36fded` is
         /// `inputPhoneCall`), for logs and errors; `None` for an id it does not have.
         pub fn name_for_id(id: u32) -> {opt}<&'static str> {{
         static NAMES: [(u32, &str); {}] = [{ids}];
         match NAMES.binary_search_by_key(&id, |e| e.0) {{ {ok}(i) => {some}(NAMES[i].1), _ => {none} }}
}}
         /// The id of a constructor or function of this schema by its TL name
         /// (`\"inputPhoneCall\"`), the inverse of [`name_for_id`].
         pub fn id_for_name(name: &str) -> {opt}<u32> {{
         static IDS: [(&str, u32); {}] = [{names}];
         match IDS.binary_search_by_key(&name, |e| e.0) {{ {ok}(i) => {some}(IDS[i].1), _ => {none} }}
}}
         #[doc(hidden)] #[allow(unused_imports)] use self::name_for_id as {};
",
        by_id.len(),
        by_name.len(),
        paths::NAMES_ALIAS,
    );
    if let Some(layer) = layer {
        emit!(
            out,
            "/// The schema's layer, as its `// LAYER {layer}` line (or `#[tl(layer = {layer})]`) says.
             pub const LAYER: i32 = {layer};
"
        );
    }
}
