//! The whole macro, phase by phase: input → load → check → select → model → emit. Each phase
//! returns its result; errors from the first four accumulate, and only a schema without errors
//! is modelled and emitted.

use crate::diag::Errors;
use crate::model::Model;
use crate::timings::Timings;
use crate::tokens::{Error, Piece, Spot, Tree};
use crate::{emit, input, load, paths};

/// What the macro outputs: `head` (include tracking, errors, the runtime and derive aliases) as
/// pieces, then the generated `code` as text (see [`crate::emit`]).
pub struct Expansion {
    pub head: Vec<Piece>,
    pub code: String,
}

impl Expansion {
    fn head(head: Vec<Piece>) -> Self {
        Expansion {
            head,
            code: String::new(),
        }
    }
}

/// The message for generated text that does not lex. It always lexes (names are sanitized,
/// strings escaped, and the tests lex every expansion of the real schemas and their
/// truncations); if it did not, that would be a bug in `tl!`, reported rather than panicking.
pub fn internal_lex_error(e: &dyn std::fmt::Display) -> String {
    format!("tl: internal error, generated code does not lex: {e}")
}

/// The whole macro: input tokens to output. Never panics; every problem becomes a
/// `compile_error!`.
pub fn expand(input: &[Tree]) -> Expansion {
    let timings = Timings::start();
    // Input: the options and the literals.
    let input = match input::parse(input) {
        Ok(input) => input,
        Err(e) => return Expansion::head(vec![Piece::Error(e)]),
    };
    let mut errors = Errors::default();
    for e in &input.errors {
        errors.push(e.clone());
    }

    // Load: the included files and the literals, as sources.
    let loaded = load::load(&input, &mut errors);
    timings.lap("read input and include files");

    // Check: parse and validate the schema.
    let options = &input.options;
    let allow = &options.allow_id_mismatch.0;
    let config = tl_schema::Config {
        id_rule: options.id_rule,
        allow_id_mismatch: allow.iter().map(|(name, _)| name.clone()).collect(),
        extern_types: options.externs.iter().map(|e| e.name.clone()).collect(),
        open: false,
        spelling: tl_schema::Spelling::Attribute,
    };
    let (mut schema, diagnostics) = tl_schema::check(&loaded.sources, &config);
    timings.lap("parse and check the schema");
    let allow_tokens: Vec<usize> = allow.iter().map(|(_, id)| *id).collect();
    let extern_tokens: Vec<usize> = options.externs.iter().map(|e| e.id).collect();
    errors.push_schema(
        &loaded.sources,
        &loaded.tokens,
        &allow_tokens,
        &extern_tokens,
        &diagnostics,
    );

    if !options.borrowed {
        for e in options.externs.iter().filter(|e| e.borrows) {
            errors.push(Error::new(
                Spot::Token(e.id),
                format!(
                    "`{}` in `extern` names the lifetime `'a`, which only `borrowed` types have: add `borrowed`, or name an owned type",
                    e.name
                ),
            ));
        }
    }
    if let Some((_, id)) = options.serde {
        let span = Spot::Token(id);
        if options.borrowed {
            errors.push(Error::new(
                span,
                "`serde` and `borrowed` do not go together: serde's impls here are for owned \
                 values (decode the bytes borrowed, and convert to JSON from owned types)",
            ));
        } else if !cfg!(feature = "serde") {
            errors.push(Error::new(
                span,
                "`serde` generates serde impls: enable the `serde` feature of `tl-runtime`",
            ));
        }
    }

    // Select: what `only(...)` needs.
    select(&mut schema, &options.only.0, &mut errors);
    impossible_derives(&schema, options, &mut errors);

    let tracking = Piece::Text(loaded.tracking.clone());
    if !errors.is_empty() {
        let mut head = vec![tracking];
        head.extend(errors.into_pieces());
        return Expansion::head(head);
    }

    // Model, then emit.
    let settings = crate::model::Settings {
        id_rule: schema.id_rule,
        borrowed: options.borrowed,
        own_ids: options.any,
    };
    let model = match Model::new(
        &schema,
        &loaded.sources,
        settings,
        loaded.error_list.as_ref(),
        externs(&schema, &options.externs),
    ) {
        Ok(model) => model,
        Err(internal) => {
            let message = format!(
                "tl: internal error: {} (please report it: validation should have caught this)",
                internal.0
            );
            return Expansion::head(vec![
                tracking,
                Piece::Error(Error::new(Spot::CallSite, message)),
            ]);
        }
    };
    timings.lap("select and model");
    if let Some(error) = copy_blocker(&model, options) {
        return Expansion::head(vec![tracking, Piece::Error(error)]);
    }
    let mut derives = [paths::CLONE, paths::PARTIAL_EQ].join(", ");
    for (i, name) in options.derive_names.iter().enumerate() {
        // What every generated type already has (`Debug` written out, `Clone` and `PartialEq`
        // derived) is not derived twice: rustc would reject the second impl.
        if !name
            .standard()
            .is_some_and(|n| ALREADY_IMPLEMENTED.contains(&n))
        {
            derives.push_str(", ");
            derives.push_str(&paths::derive_alias(i));
        }
    }
    let code = emit::generate(
        &model,
        &emit::Options {
            derives,
            user_derives: options.derive.len(),
            user_default: options
                .derive_names
                .iter()
                .any(|d| d.last() == Some("Default")),
            externs: options.externs.len(),
            layer: options.layer.or_else(|| tl_schema::layer(&loaded.sources)),
            decode_functions: options.decode_functions || options.any,
            any: options.any,
            json: options.serde.map(|(mode, _)| mode),
        },
    );
    timings.lap("generate");

    let mut head = vec![tracking];
    // The runtime's alias: the wrapper's `$crate`, or `crate = "..."` at its literal.
    head.push(Piece::Text(paths::ALIAS_USE.to_string()));
    match &options.krate {
        Some((path, id)) => head.push(Piece::TextAt(path.clone(), *id)),
        None => head.push(Piece::Input(input.runtime.clone())),
    }
    head.push(Piece::Text(paths::ALIAS_AS.to_string()));
    // Each user derive imported where the user wrote it, as the user wrote it: a path that does
    // not resolve is an error at that path.
    for (i, path) in options.derive.iter().enumerate() {
        head.push(Piece::Text("#[allow(unused_imports)] use ".to_string()));
        head.push(Piece::Input(path.clone()));
        // The rename at the path's last token: the use tree's span is then the user's alone,
        // where a call-site `as` would stretch an unresolved import's error over the whole call.
        let alias = format!(" as {};", paths::derive_alias(i));
        match path.last() {
            Some(&last) => head.push(Piece::TextAt(alias, last)),
            None => head.push(Piece::Text(alias)),
        }
    }
    // Each extern type as a type alias where the user wrote it, so that generated modules at any
    // depth name it (each imports it from its parent), and a type that does not resolve is an
    // error at the user's path.
    for (i, e) in options.externs.iter().enumerate() {
        head.push(Piece::Text(format!(
            "#[allow(non_camel_case_types)] type {}{} = ",
            paths::extern_alias(i),
            crate::emit::text::lifetime(e.borrows)
        )));
        head.push(Piece::Input(e.ty.clone()));
        head.push(Piece::Text(";".to_string()));
    }
    Expansion { head, code }
}

/// The Rust type (its alias) of each `extern(...)` entry, by TL name; a custom builtin that
/// declares one (`bigBytes ? = BigBytes;`) by its constructor's name too.
fn externs(
    schema: &tl_schema::Schema,
    externs: &[crate::attr::Extern],
) -> rustc_hash::FxHashMap<String, String> {
    let mut map = rustc_hash::FxHashMap::default();
    for (i, e) in externs.iter().enumerate() {
        // A borrowing one takes the lifetime of the type that holds it ([`crate::model`]'s
        // borrow analysis reads it off this text).
        let alias = paths::extern_alias(i) + crate::emit::text::lifetime(e.borrows);
        for def in schema.definitions.iter().filter(|d| d.builtin) {
            if def.result.name == e.name {
                map.insert(def.name.value.clone(), alias.clone());
            }
        }
        map.insert(e.name.clone(), alias);
    }
    map
}

/// The derives of the standard library.
const STD_DERIVES: [&str; 9] = [
    "Clone",
    "Copy",
    "Debug",
    "Default",
    "Eq",
    "Hash",
    "Ord",
    "PartialEq",
    "PartialOrd",
];

/// The standard traits every generated struct and enum implements already, which a standard
/// derive of the same name leaves as they are (rather than implementing them twice).
const ALREADY_IMPLEMENTED: [&str; 3] = ["Debug", "Clone", "PartialEq"];

/// `derive(Copy)` where a generated type holds a value that is not `Copy`: an error at the
/// derive naming the first such field (or boxed variant), as [`impossible_derives`] gives for
/// other derives; rustc's own would point at the whole call, once per type. Only what is
/// certainly not `Copy` is an error (an owned string, bytes or `Object`, a vector, a `Box`); an
/// `extern` type is left to rustc.
fn copy_blocker(model: &Model, options: &crate::attr::Options) -> Option<Error> {
    use crate::model::RType;
    /// What `ty` is in Rust, if that is certainly not `Copy`.
    fn not_copy(model: &Model, ty: &RType) -> Option<&'static str> {
        let borrowed = model.borrowed;
        match ty {
            RType::String if !borrowed => Some("a `string`, a `String`"),
            RType::Bytes if !borrowed => Some("`bytes`, a `Vec<u8>`"),
            RType::Object if !borrowed => Some("an `Object`, which holds a `Vec<u8>`"),
            RType::Vector { .. } => Some("a vector, a `Vec`"),
            RType::Struct { boxed: true, .. } | RType::Applied { boxed: true, .. } => {
                Some("a constructor on a cycle, in a `Box`")
            }
            RType::Array { elem, .. } => not_copy(model, elem),
            RType::Applied { target, args, .. } => model
                .kept_args(*target, args)
                .find_map(|a| not_copy(model, a)),
            _ => None,
        }
    }
    let at = options
        .derive
        .iter()
        .zip(&options.derive_names)
        .find(|(_, name)| name.standard() == Some("Copy"))?
        .0
        .last()?;
    let error = |what: String, remedy: &str| {
        Error::new(
            Spot::Token(*at),
            format!("`Copy` cannot be derived: {what}, which is not `Copy`; {remedy}"),
        )
    };
    let why = |what: String| error(what, "`only(...)` can leave out the types that hold one");
    let in_any = |what: String| error(what, "without the `any` option there is no `Any`");
    for s in model.types.iter().chain(&model.functions) {
        for field in &s.fields {
            let held = field.holds.inline_tys().into_iter();
            if let Some(what) = held
                .map(|ty| &s.tys[ty.0])
                .find_map(|ty| not_copy(model, ty))
            {
                return Some(why(format!(
                    "`{}` of `{}` holds {what}",
                    field.name, s.tl_name
                )));
            }
        }
    }
    for e in &model.enums {
        if let Some(&v) = e.variants.iter().find(|&&v| model.ctor(v).boxed_in_enum) {
            return Some(why(format!(
                "`{}` is large, so its variant of `{}` holds it in a `Box`",
                model.ctor(v).tl_name,
                e.tl_name
            )));
        }
    }
    if options.any {
        if !model.functions.is_empty() {
            return Some(in_any("`Any` holds each function in a `Box`".to_string()));
        }
        if let Some(e) = model.enums.iter().find(|e| e.boxed_in_any()) {
            return Some(in_any(format!("`Any` holds `{}` in a `Box`", e.tl_name)));
        }
    }
    None
}

/// A standard derive that some generated type of this schema cannot have is an error at the
/// derive, saying which type and why: rustc's own would point at the whole call, once for each
/// such type. `Default`: a boxed type is an enum of its constructors, and TL makes none of them
/// the default. `Eq`, `Hash` and `Ord`: a `double` (or VK's `float`) is an `f64` (`f32`), which
/// has none of them. `Ord` without `PartialOrd` and `Eq`, which it needs, is an error too (rustc
/// gives two at the whole call for every type).
///
/// So is a derive of a trait `tl!` implements itself (the runtime's codec traits, and serde's
/// with the `serde` option), and a path into `std` or `core` that names no derive.
fn impossible_derives(
    schema: &tl_schema::Schema,
    options: &crate::attr::Options,
    errors: &mut Errors,
) {
    use tl_schema::{Builtin, FieldKind, Section, Type};
    /// How the float in `ty` is written and what it is in Rust, if it holds one.
    fn float(ty: &Type) -> Option<&'static str> {
        match Builtin::from_name(&ty.name) {
            Some(Builtin::Double) => Some("a `double`, an `f64`"),
            Some(Builtin::Float) => Some("a `float`, an `f32`"),
            _ => ty.args.iter().find_map(float),
        }
    }
    fn holds_float(kind: &FieldKind) -> Option<&'static str> {
        match kind {
            FieldKind::Plain(ty) | FieldKind::Conditional { ty, .. } => float(ty),
            FieldKind::Repeat { fields, .. } => fields.iter().find_map(|f| holds_float(&f.kind)),
            FieldKind::Opaque => None,
        }
    }
    let defs = schema.definitions.iter().filter(|d| !d.builtin);
    for (names, derive) in options.derive.iter().zip(&options.derive_names) {
        let Some(&id) = names.last() else { continue };
        // The codec's own traits, which `tl!` implements: derived again, they conflict.
        let again = match derive.last() {
            Some(t @ ("Serialize" | "Deserialize" | "Identifiable"))
                if derive.crate_is(&["tl_runtime", "tl_macros"]) =>
            {
                Some(format!(
                    "every generated type implements `tl_runtime::{t}` already: drop this derive (it is for hand-written types)"
                ))
            }
            Some(t @ ("Serialize" | "Deserialize"))
                if options.serde.is_some() && derive.crate_is(&["serde", "serde_derive"]) =>
            {
                Some(format!(
                    "`serde` implements serde's `{t}` for every generated type already: drop this derive, or the `serde` option"
                ))
            }
            _ => None,
        };
        if let Some(again) = again {
            errors.push(Error::new(Spot::Token(id), again));
            continue;
        }
        // A path into `std` or `core` that names no derive (a trait such as `Display`): rustc
        // would say it cannot find the derive macro of `tl!`'s alias for it.
        if let Some(name) = derive.last().filter(|_| derive.crate_is(&["std", "core"]))
            && !STD_DERIVES.contains(&name)
        {
            errors.push(Error::new(
                Spot::Token(id),
                format!(
                    "`{name}` is not a derive of the standard library, whose derives are `{}`",
                    STD_DERIVES.join("`, `")
                ),
            ));
            continue;
        }
        let Some(name) = derive.standard() else {
            continue;
        };
        // What a standard derive needs of the others (`PartialEq` and `Clone` are always
        // there): a derive of that name, from any crate.
        let needs: &[&str] = if name == "Ord" {
            &["PartialOrd", "Eq"]
        } else {
            &[]
        };
        let missing: Vec<&str> = needs
            .iter()
            .copied()
            .filter(|need| {
                !options
                    .derive_names
                    .iter()
                    .any(|other| other.last() == Some(need))
            })
            .collect();
        if !missing.is_empty() {
            errors.push(Error::new(
                Spot::Token(id),
                format!(
                    "`{name}` needs {} as well: add {} to `derive(...)`",
                    missing
                        .iter()
                        .map(|m| format!("`{m}`"))
                        .collect::<Vec<_>>()
                        .join(" and "),
                    if missing.len() == 1 { "it" } else { "them" }
                ),
            ));
            continue;
        }
        let why = match name {
            "Default" => defs
                .clone()
                .find(|d| d.section == Section::Types)
                .map(|d| {
                    format!(
                        "`Default` cannot be derived: the boxed type `{}` is an enum of its constructors (`{}`, …), and TL makes none of them the default",
                        d.result.name, d.name.value
                    )
                })
                .or_else(|| {
                    options.any.then(|| {
                        "`Default` cannot be derived: `any` makes `Any`, an enum of every boxed type and function, none of them the default".to_string()
                    })
                }),
            "Eq" | "Hash" | "Ord" => defs.clone().find_map(|d| {
                let (i, what) = d
                    .fields
                    .iter()
                    .enumerate()
                    .find_map(|(i, f)| Some((i, holds_float(&f.kind)?)))?;
                Some(format!(
                    "`{name}` cannot be derived: `{}` of `{}` holds {what}, which is not `{name}`; `only(...)` can leave out the types that hold one",
                    d.field_label(i),
                    d.name.value
                ))
            }),
            _ => None,
        };
        if let Some(why) = why {
            errors.push(Error::new(Spot::Token(id), why));
        }
    }
}

/// Keeps only what the `only(...)` roots need; a root that names nothing is an error at it.
fn select(schema: &mut tl_schema::Schema, only: &[(String, usize)], errors: &mut Errors) {
    if only.is_empty() {
        return;
    }
    let roots: Vec<String> = only.iter().map(|(name, _)| name.clone()).collect();
    let selection = tl_schema::select::select(&schema.definitions, &roots);
    for index in selection.unknown {
        let (name, id) = &only[index];
        // A slip of one letter for a definition's or a type's name.
        let names = schema
            .definitions
            .iter()
            .flat_map(|d| [d.name.value.as_str(), d.result.name.as_str()]);
        errors.push(Error::new(
            Spot::Token(*id),
            format!(
                "`{name}` in `only` names no constructor, function or type of the schema{}",
                tl_schema::validate::did_you_mean(name, names, false)
            ),
        ));
    }
    // Pages point at definitions by index: renumber them for what is kept.
    let mut renumbered = vec![None; schema.definitions.len()];
    for (new, &old) in selection.kept.iter().enumerate() {
        if let Some(slot) = renumbered.get_mut(old) {
            *slot = Some(new);
        }
    }
    for page in &mut schema.pages {
        page.documents = page
            .documents
            .and_then(|i| renumbered.get(i).copied().flatten());
    }
    let mut keep = selection.kept.into_iter().peekable();
    let mut index = 0;
    schema.definitions.retain(|_| {
        let kept = keep.peek() == Some(&index);
        if kept {
            keep.next();
        }
        index += 1;
        kept
    });
}
