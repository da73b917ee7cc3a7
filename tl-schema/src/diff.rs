//! What changed between two versions of a schema (a layer upgrade), each change classified by
//! whether the two versions still understand each other's bytes and whether code generated
//! from the old schema still compiles against the new.
//!
//! Definitions are matched by name, fields by name within a definition. Builtin lines (`int ? =
//! Int;`, `vector`, `true`, `boolTrue`…) are left out: the runtime provides them.
//!
//! ```
//! use tl_schema::{IdRule, Section, diff, parser};
//! let old = parser::parse("user#1 id:long = User;", 0, Section::Types).definitions;
//! let new = parser::parse("user#2 id:long name:string = User;", 0, Section::Types).definitions;
//! let changes = diff::diff(&old, &new, IdRule::Telegram);
//! assert_eq!(changes.len(), 2);
//! assert_eq!(changes[0].to_string(), "user: id #00000001 → #00000002");
//! assert_eq!(changes[1].to_string(), "user: field `name:string` added (field 2)");
//! // A new id breaks the wire, a new field also the code built on the old struct.
//! assert!(!changes[0].wire_compatible && changes[0].source_compatible);
//! assert!(!changes[1].wire_compatible && !changes[1].source_compatible);
//! ```

use crate::ast::{Definition, Field, FieldKind, Multiplier, Type};
use crate::id::IdRule;
use crate::lexer::Section;
use core::fmt;
use std::collections::{BTreeMap, HashMap};

/// One change from the old schema to the new.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The definition changed (for [`ChangeKind::ConstructorAdded`], the boxed type).
    pub name: String,
    /// What changed.
    pub kind: ChangeKind,
    /// Whether a peer speaking the old schema and one speaking the new still read each other's
    /// bytes for this definition (an id, a field or a result that changed does not; a `?true`
    /// flag added takes no bytes and, under Telegram's id rule, keeps the id).
    pub wire_compatible: bool,
    /// Whether Rust code written against the types generated from the old schema still
    /// compiles against the new: a new field breaks struct literals, a new constructor of an
    /// existing type breaks exhaustive `match`es, a changed id or a reordered field does not,
    /// unless it reorders the arguments of `tl!`'s `new` (the fields always present, where a
    /// definition has conditional ones).
    pub source_compatible: bool,
}

/// The kinds of change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    /// A definition only in the new schema.
    Added {
        /// Its section.
        section: Section,
        /// Its id on the wire.
        id: u32,
        /// Its line, normalized (`name#id fields = Result`).
        line: String,
    },
    /// A definition only in the old schema.
    Removed {
        /// Its section.
        section: Section,
        /// Its id on the wire.
        id: u32,
        /// Its line, normalized.
        line: String,
    },
    /// The same name with another id.
    IdChanged {
        /// The old id.
        old: u32,
        /// The new id.
        new: u32,
    },
    /// A constructor that became a function, or the other way.
    SectionMoved {
        /// The old section.
        old: Section,
        /// The new section.
        new: Section,
    },
    /// The type after `=`: a constructor moved to another type, a function that returns
    /// another type.
    ResultChanged {
        /// The old result.
        old: String,
        /// The new result.
        new: String,
    },
    /// A field only in the new definition.
    FieldAdded {
        /// Its name.
        field: String,
        /// The field as written (`name:flags.3?int`).
        text: String,
        /// Its position, from 1.
        position: usize,
    },
    /// A field only in the old definition.
    FieldRemoved {
        /// Its name.
        field: String,
        /// The field as written.
        text: String,
    },
    /// A field of the same name and condition with another type.
    FieldRetyped {
        /// Its name.
        field: String,
        /// The old type.
        old: String,
        /// The new type.
        new: String,
    },
    /// A field that moved to another flag bit, or became conditional or unconditional.
    FieldConditionChanged {
        /// Its name.
        field: String,
        /// The old condition (`flags.3`), `None` when it was always present.
        old: Option<String>,
        /// The new condition.
        new: Option<String>,
    },
    /// A field that kept its name but not its place among the fields both versions have.
    FieldMoved {
        /// Its name.
        field: String,
        /// Its old position among the shared fields, from 1.
        old: usize,
        /// Its new position among them.
        new: usize,
    },
    /// The modifiers before the name changed (VK's `@read` to `@write`): the same bytes, but a
    /// proxy that routes reads apart from writes treats the call otherwise.
    ModifiersChanged {
        /// The old modifiers, without their `@`.
        old: Vec<String>,
        /// The new ones.
        new: Vec<String>,
    },
    /// A boxed type of both versions gained a constructor.
    ConstructorAdded {
        /// The new constructor.
        constructor: String,
    },
}

impl ChangeKind {
    /// A short, stable name of the kind, such as `field_added` (for JSON and filters).
    pub fn code(&self) -> &'static str {
        match self {
            ChangeKind::Added { .. } => "added",
            ChangeKind::Removed { .. } => "removed",
            ChangeKind::IdChanged { .. } => "id_changed",
            ChangeKind::SectionMoved { .. } => "section_moved",
            ChangeKind::ResultChanged { .. } => "result_changed",
            ChangeKind::FieldAdded { .. } => "field_added",
            ChangeKind::FieldRemoved { .. } => "field_removed",
            ChangeKind::FieldRetyped { .. } => "field_retyped",
            ChangeKind::FieldConditionChanged { .. } => "field_condition_changed",
            ChangeKind::FieldMoved { .. } => "field_moved",
            ChangeKind::ModifiersChanged { .. } => "modifiers_changed",
            ChangeKind::ConstructorAdded { .. } => "constructor_added",
        }
    }
}

fn section_word(section: Section) -> &'static str {
    match section {
        Section::Types => "constructor",
        Section::Functions => "function",
    }
}

/// One line per change: `name: what changed`.
impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = &self.name;
        match &self.kind {
            ChangeKind::Added { section, line, .. } => {
                write!(f, "{name}: {} added: {line}", section_word(*section))
            }
            ChangeKind::Removed { section, line, .. } => {
                write!(f, "{name}: {} removed: {line}", section_word(*section))
            }
            ChangeKind::IdChanged { old, new } => write!(f, "{name}: id #{old:08x} → #{new:08x}"),
            ChangeKind::SectionMoved { old, new } => write!(
                f,
                "{name}: was a {}, is a {}",
                section_word(*old),
                section_word(*new)
            ),
            ChangeKind::ResultChanged { old, new } => write!(f, "{name}: result {old} → {new}"),
            ChangeKind::FieldAdded { text, position, .. } => {
                write!(f, "{name}: field `{text}` added (field {position})")
            }
            ChangeKind::FieldRemoved { text, .. } => write!(f, "{name}: field `{text}` removed"),
            ChangeKind::FieldRetyped { field, old, new } => {
                write!(f, "{name}: field `{field}` type {old} → {new}")
            }
            ChangeKind::FieldConditionChanged { field, old, new } => {
                let show = |c: &Option<String>| c.clone().unwrap_or_else(|| "always".into());
                write!(
                    f,
                    "{name}: field `{field}` present {} → {}",
                    show(old),
                    show(new)
                )
            }
            ChangeKind::FieldMoved { field, old, new } => {
                write!(
                    f,
                    "{name}: field `{field}` moved from position {old} to {new}"
                )
            }
            ChangeKind::ModifiersChanged { old, new } => {
                let show = |m: &[String]| {
                    if m.is_empty() {
                        "none".to_string()
                    } else {
                        m.iter()
                            .map(|m| format!("@{m}"))
                            .collect::<Vec<_>>()
                            .join(" ")
                    }
                };
                write!(f, "{name}: modifiers {} → {}", show(old), show(new))
            }
            ChangeKind::ConstructorAdded { constructor } => {
                write!(f, "{name}: new constructor {constructor}")
            }
        }
    }
}

/// A type as TL writes it in a field: `Vector<InputUser>`, `%Message`, `!X`.
pub fn type_text(ty: &Type) -> String {
    let mut out = String::new();
    if ty.bang {
        out.push('!');
    }
    if ty.percent {
        out.push('%');
    }
    out.push_str(&ty.name);
    if !ty.args.is_empty() {
        out.push('<');
        let args: Vec<String> = ty.args.iter().map(type_text).collect();
        out.push_str(&args.join(","));
        out.push('>');
    }
    out
}

/// A field as written: `name:type`, `name:flags.N?type`, or `type` for an anonymous one.
pub fn field_text(field: &Field) -> String {
    // An anonymous field is its type alone.
    let name = field
        .name
        .as_ref()
        .map_or(String::new(), |n| format!("{}:", n.value));
    match &field.kind {
        FieldKind::Plain(ty) => format!("{name}{}", type_text(ty)),
        FieldKind::Conditional { flag, bit, ty } => {
            format!("{name}{}.{}?{}", flag.value, bit.value, type_text(ty))
        }
        FieldKind::Repeat {
            tuple: Some(ty), ..
        } => format!("{name}{}", type_text(ty)),
        FieldKind::Repeat {
            multiplier, fields, ..
        } => {
            let inner: Vec<String> = fields.iter().map(field_text).collect();
            let count = multiplier
                .as_ref()
                .map(Multiplier::prefix)
                .unwrap_or_default();
            format!("{name}{count}[ {} ]", inner.join(" "))
        }
        FieldKind::Opaque => "?".into(),
    }
}

/// A definition as one line: `name#id fields = Result`.
pub fn line_text(def: &Definition, rule: IdRule) -> String {
    let mut out = format!("{}#{:08x}", def.name.value, def.id(rule));
    for param in def.type_params.iter().filter(|p| !p.implicit) {
        out.push_str(&format!(" {{{}:{}}}", param.name.value, param.kind));
    }
    for field in &def.fields {
        out.push(' ');
        out.push_str(&field_text(field));
    }
    out.push_str(" = ");
    out.push_str(&type_text(&def.result));
    out
}

/// A field's condition (`flags.3`) and type.
fn condition_and_type(field: &Field) -> (Option<String>, String) {
    match &field.kind {
        FieldKind::Conditional { flag, bit, ty } => {
            (Some(format!("{}.{}", flag.value, bit.value)), type_text(ty))
        }
        FieldKind::Plain(ty) => (None, type_text(ty)),
        _ => (None, field_text(field)),
    }
}

/// Whether a field is a `?true` flag: no bytes, and no part of a Telegram id.
fn is_true_flag(field: &Field) -> bool {
    matches!(&field.kind, FieldKind::Conditional { ty, .. } if ty.name == "true")
}

/// The changes from `old` to `new`, ids computed by `rule` where a line writes none: for each
/// definition of the old schema in its order, what happened to it, then the definitions only
/// the new one has, in its order, then the boxed types of both that gained a constructor.
pub fn diff(old: &[Definition], new: &[Definition], rule: IdRule) -> Vec<Change> {
    let old_defs: Vec<&Definition> = old.iter().filter(|d| !d.builtin).collect();
    let new_defs: Vec<&Definition> = new.iter().filter(|d| !d.builtin).collect();
    let new_by_name: HashMap<&str, &Definition> = new_defs
        .iter()
        .map(|d| (d.name.value.as_str(), *d))
        .collect();
    let old_by_name: HashMap<&str, &Definition> = old_defs
        .iter()
        .map(|d| (d.name.value.as_str(), *d))
        .collect();
    let mut changes = Vec::new();
    for def in &old_defs {
        match new_by_name.get(def.name.value.as_str()) {
            Some(after) => compare(def, after, rule, &mut changes),
            None => changes.push(Change {
                name: def.name.value.clone(),
                kind: ChangeKind::Removed {
                    section: def.section,
                    id: def.id(rule),
                    line: line_text(def, rule),
                },
                wire_compatible: false,
                source_compatible: false,
            }),
        }
    }
    for def in &new_defs {
        if !old_by_name.contains_key(def.name.value.as_str()) {
            changes.push(Change {
                name: def.name.value.clone(),
                kind: ChangeKind::Added {
                    section: def.section,
                    id: def.id(rule),
                    line: line_text(def, rule),
                },
                wire_compatible: true,
                source_compatible: true,
            });
        }
    }
    // Boxed types of both versions, and the constructors the new one adds to them.
    let types = |defs: &[&Definition]| -> BTreeMap<String, Vec<String>> {
        let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for d in defs.iter().filter(|d| !d.is_function()) {
            map.entry(d.result.name.clone())
                .or_default()
                .push(d.name.value.clone());
        }
        map
    };
    let (old_types, new_types) = (types(&old_defs), types(&new_defs));
    for (ty, constructors) in &new_types {
        let Some(before) = old_types.get(ty) else {
            continue;
        };
        for constructor in constructors.iter().filter(|c| !before.contains(c)) {
            changes.push(Change {
                name: ty.clone(),
                kind: ChangeKind::ConstructorAdded {
                    constructor: constructor.clone(),
                },
                wire_compatible: false,
                source_compatible: false,
            });
        }
    }
    changes
}

fn compare(old: &Definition, new: &Definition, rule: IdRule, out: &mut Vec<Change>) {
    let name = || old.name.value.clone();
    let push = |out: &mut Vec<Change>, kind, wire, source| {
        out.push(Change {
            name: name(),
            kind,
            wire_compatible: wire,
            source_compatible: source,
        })
    };
    if old.section != new.section {
        let kind = ChangeKind::SectionMoved {
            old: old.section,
            new: new.section,
        };
        push(out, kind, false, false);
    }
    let (old_id, new_id) = (old.id(rule), new.id(rule));
    if old_id != new_id {
        let kind = ChangeKind::IdChanged {
            old: old_id,
            new: new_id,
        };
        push(out, kind, false, true);
    }
    let modifiers =
        |d: &Definition| -> Vec<String> { d.modifiers.iter().map(|m| m.value.clone()).collect() };
    let (old_modifiers, new_modifiers) = (modifiers(old), modifiers(new));
    if old_modifiers != new_modifiers {
        let kind = ChangeKind::ModifiersChanged {
            old: old_modifiers,
            new: new_modifiers,
        };
        push(out, kind, true, true);
    }
    let (old_result, new_result) = (type_text(&old.result), type_text(&new.result));
    if old_result != new_result {
        let kind = ChangeKind::ResultChanged {
            old: old_result,
            new: new_result,
        };
        push(out, kind, false, false);
    }
    let named = |d: &Definition| -> Vec<(String, Field)> {
        d.fields
            .iter()
            .enumerate()
            .map(|(i, f)| (d.field_label(i).into_owned(), f.clone()))
            .collect()
    };
    let (before, after) = (named(old), named(new));
    let has = |list: &[(String, Field)], n: &str| list.iter().any(|(m, _)| m == n);
    for (field, f) in &before {
        if !has(&after, field) {
            let kind = ChangeKind::FieldRemoved {
                field: field.clone(),
                text: field_text(f),
            };
            push(out, kind, is_true_flag(f), false);
        }
    }
    for (position, (field, f)) in after.iter().enumerate() {
        if !has(&before, field) {
            let kind = ChangeKind::FieldAdded {
                field: field.clone(),
                text: field_text(f),
                position: position + 1,
            };
            push(out, kind, is_true_flag(f), false);
        }
    }
    // Fields of both versions: their condition, type and order among themselves.
    let shared_old: Vec<&(String, Field)> = before.iter().filter(|(n, _)| has(&after, n)).collect();
    let shared_new: Vec<&(String, Field)> = after.iter().filter(|(n, _)| has(&before, n)).collect();
    // `tl!`'s `new` takes the fields that are always present, in order, where a definition has
    // conditional ones: a move among those reorders its arguments. The `#` words that
    // conditions name are not among them, nor the counts of repetitions (a `Vec`'s length).
    let arguments = |d: &Definition, shared: &[&(String, Field)]| -> Vec<String> {
        let words: Vec<&str> = d
            .fields
            .iter()
            .filter_map(|f| match &f.kind {
                FieldKind::Conditional { flag, .. } => Some(flag.value.as_str()),
                _ => None,
            })
            .collect();
        if words.is_empty() {
            return Vec::new();
        }
        let counts: Vec<&str> = d
            .fields
            .iter()
            .filter_map(|f| Some(f.kind.counted_by()?.value.as_str()))
            .collect();
        shared
            .iter()
            .filter(|(n, f)| {
                matches!(f.kind, FieldKind::Plain(_))
                    && !words.contains(&n.as_str())
                    && !counts.contains(&n.as_str())
            })
            .map(|(n, _)| n.clone())
            .collect()
    };
    let (old_args, new_args) = (arguments(old, &shared_old), arguments(new, &shared_new));
    for (old_pos, (field, f)) in shared_old.iter().enumerate() {
        let Some(new_pos) = shared_new.iter().position(|(n, _)| n == field) else {
            continue;
        };
        let g = &shared_new[new_pos].1;
        let (old_cond, old_ty) = condition_and_type(f);
        let (new_cond, new_ty) = condition_and_type(g);
        if old_cond != new_cond {
            // A flag that moves bit keeps its Rust type; one that becomes or stops being
            // optional does not (`T` against `Option<T>`), unless it is a `?true` flag.
            let source =
                (old_cond.is_some() && new_cond.is_some()) || (is_true_flag(f) && is_true_flag(g));
            let kind = ChangeKind::FieldConditionChanged {
                field: field.clone(),
                old: old_cond,
                new: new_cond,
            };
            push(out, kind, false, source);
        }
        if old_ty != new_ty {
            // `bytes` and `string` are the same bytes on the wire.
            let same_bytes = matches!(
                (old_ty.as_str(), new_ty.as_str()),
                ("bytes", "string") | ("string", "bytes")
            );
            let kind = ChangeKind::FieldRetyped {
                field: field.clone(),
                old: old_ty,
                new: new_ty,
            };
            push(out, kind, same_bytes, false);
        }
        if old_pos != new_pos {
            let at = |args: &[String]| args.iter().position(|a| a == field);
            let source = old_args.is_empty() || at(&old_args) == at(&new_args);
            let kind = ChangeKind::FieldMoved {
                field: field.clone(),
                old: old_pos + 1,
                new: new_pos + 1,
            };
            push(out, kind, false, source);
        }
    }
}

/// Counts of a list of changes: how many in all, how many break the wire, how many break
/// source.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Every change.
    pub changes: usize,
    /// Changes that are not wire-compatible.
    pub wire_breaking: usize,
    /// Changes that are not source-compatible.
    pub source_breaking: usize,
}

/// The [`Summary`] of `changes`.
pub fn summary(changes: &[Change]) -> Summary {
    Summary {
        changes: changes.len(),
        wire_breaking: changes.iter().filter(|c| !c.wire_compatible).count(),
        source_breaking: changes.iter().filter(|c| !c.source_compatible).count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser;

    fn defs(text: &str) -> Vec<Definition> {
        let parsed = parser::parse(text, 0, Section::Types);
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        parsed.definitions
    }

    fn changes(old: &str, new: &str) -> Vec<Change> {
        diff(&defs(old), &defs(new), IdRule::Telegram)
    }

    fn one(old: &str, new: &str) -> Change {
        let mut all = changes(old, new);
        assert_eq!(all.len(), 1, "{all:#?}");
        all.remove(0)
    }

    #[test]
    fn identical_schemas_have_no_changes() {
        let text = "user#1 id:long = User;\n---functions---\nping#2 id:long = Pong;";
        assert!(changes(text, text).is_empty());
        // Spacing and comments do not matter, nor does `<>` against a space.
        let other = "// a user\nuser#1   id:long = User;\n---functions---\nping#2 id:long = Pong;";
        assert!(changes(text, other).is_empty());
    }

    #[test]
    fn added_and_removed_definitions() {
        let c = one("a#1 = A;", "a#1 = A;\nb#2 x:int = B;");
        assert_eq!(c.kind.code(), "added");
        assert_eq!(c.to_string(), "b: constructor added: b#00000002 x:int = B");
        assert!(c.wire_compatible && c.source_compatible);
        let c = one("a#1 = A;\n---functions---\nf#3 = A;", "a#1 = A;");
        assert_eq!(c.to_string(), "f: function removed: f#00000003 = A");
        assert!(!c.wire_compatible && !c.source_compatible);
    }

    #[test]
    fn modifiers_change_neither_the_wire_nor_the_types() {
        // VK's engines: a nop that proxies should route as a write from now on.
        let c = one(
            "t = True;\n---functions---\n@read engine.nop#1 = True;",
            "t = True;\n---functions---\n@write @internal engine.nop#1 = True;",
        );
        assert_eq!(c.kind.code(), "modifiers_changed");
        assert_eq!(
            c.to_string(),
            "engine.nop: modifiers @read → @write @internal"
        );
        assert!(c.wire_compatible && c.source_compatible);
        let c = one("@any f#1 = A;", "f#1 = A;");
        assert_eq!(c.to_string(), "f: modifiers @any → none");
    }

    #[test]
    fn id_changes_break_the_wire_only() {
        let c = one("a#1 x:int = A;", "a#2 x:int = A;");
        assert_eq!(c.kind, ChangeKind::IdChanged { old: 1, new: 2 });
        assert!(!c.wire_compatible && c.source_compatible);
        // Without a written id, the computed one is compared.
        assert!(changes("a x:int = A;", "a x:int = A;").is_empty());
        let all = changes("a x:int = A;", "a x:long = A;");
        let codes: Vec<&str> = all.iter().map(|c| c.kind.code()).collect();
        assert_eq!(codes, ["id_changed", "field_retyped"]);
    }

    #[test]
    fn a_constructor_of_an_existing_type_breaks_matches() {
        let all = changes("a#1 = T;", "a#1 = T;\nb#2 = T;\nc#3 = U;");
        let codes: Vec<&str> = all.iter().map(|c| c.kind.code()).collect();
        assert_eq!(codes, ["added", "added", "constructor_added"]);
        assert_eq!(all[2].to_string(), "T: new constructor b");
        assert!(!all[2].wire_compatible && !all[2].source_compatible);
    }

    #[test]
    fn section_and_result_changes() {
        let c = &changes("a#1 = A;", "---functions---\na#1 = A;")[0];
        assert_eq!(c.to_string(), "a: was a constructor, is a function");
        assert!(!c.wire_compatible && !c.source_compatible);
        let c = one(
            "---functions---\nf#1 = Vector<int>;",
            "---functions---\nf#1 = Vector<long>;",
        );
        assert_eq!(c.to_string(), "f: result Vector<int> → Vector<long>");
        // A constructor moved to another type: that type gains it.
        let all = changes("a#1 = A;\nb#2 = B;", "a#1 = B;\nb#2 = B;");
        assert_eq!(all[0].to_string(), "a: result A → B");
        assert_eq!(all[1].to_string(), "B: new constructor a");
        assert_eq!(all.len(), 2);
    }

    #[test]
    fn fields_added_removed_retyped() {
        let c = one("a#1 x:int = A;", "a#1 x:int y:string = A;");
        assert_eq!(c.to_string(), "a: field `y:string` added (field 2)");
        assert!(!c.wire_compatible && !c.source_compatible);
        let c = one("a#1 x:int y:string = A;", "a#1 x:int = A;");
        assert_eq!(c.to_string(), "a: field `y:string` removed");
        let c = one("a#1 x:Vector<int> = A;", "a#1 x:Vector<long> = A;");
        assert_eq!(
            c.to_string(),
            "a: field `x` type Vector<int> → Vector<long>"
        );
        assert!(!c.wire_compatible && !c.source_compatible);
        // The same bytes, another Rust type.
        let c = one("a#1 x:string = A;", "a#1 x:bytes = A;");
        assert!(c.wire_compatible && !c.source_compatible);
    }

    #[test]
    fn a_true_flag_takes_no_bytes() {
        let c = one(
            "a#1 flags:# x:flags.0?int = A;",
            "a#1 flags:# x:flags.0?int pinned:flags.1?true = A;",
        );
        assert_eq!(
            c.to_string(),
            "a: field `pinned:flags.1?true` added (field 3)"
        );
        assert!(c.wire_compatible && !c.source_compatible);
    }

    #[test]
    fn flags_that_move() {
        let c = one(
            "a#1 flags:# x:flags.0?int = A;",
            "a#1 flags:# x:flags.2?int = A;",
        );
        assert_eq!(c.to_string(), "a: field `x` present flags.0 → flags.2");
        assert!(!c.wire_compatible && c.source_compatible);
        let c = one("a#1 flags:# x:int = A;", "a#1 flags:# x:flags.2?int = A;");
        assert_eq!(c.to_string(), "a: field `x` present always → flags.2");
        assert!(!c.wire_compatible && !c.source_compatible);
        // To a second flags word.
        let all = changes(
            "a#1 flags:# x:flags.0?true = A;",
            "a#1 flags:# x:flags2.0?true flags2:# = A;",
        );
        let codes: Vec<&str> = all.iter().map(|c| c.kind.code()).collect();
        assert_eq!(codes, ["field_added", "field_condition_changed"]);
        assert!(all[1].source_compatible);
    }

    #[test]
    fn reordered_fields() {
        let all = changes("a#1 x:int y:long = A;", "a#1 y:long x:int = A;");
        assert_eq!(all.len(), 2);
        let c = &all[0];
        assert_eq!(c.to_string(), "a: field `x` moved from position 1 to 2");
        assert!(!c.wire_compatible && c.source_compatible);
        // A field inserted before others moves nothing.
        let c = one("a#1 x:int y:long = A;", "a#1 w:int x:int y:long = A;");
        assert_eq!(c.kind.code(), "field_added");
        // Beside a conditional field, the fields always present are `new`'s arguments in
        // order: swapping two of them breaks its callers, moving one past an optional field
        // does not.
        let all = changes(
            "a#1 flags:# x:int y:int z:flags.0?int = A;",
            "a#1 flags:# y:int x:int z:flags.0?int = A;",
        );
        assert_eq!(all.len(), 2);
        assert!(all.iter().all(|c| !c.source_compatible), "{all:?}");
        let all = changes(
            "a#1 flags:# x:int z:flags.0?int y:int = A;",
            "a#1 flags:# z:flags.0?int x:int y:int = A;",
        );
        assert_eq!(all.len(), 2);
        assert!(all.iter().all(|c| c.source_compatible), "{all:?}");
        // A repetition's count is its `Vec`'s length, not an argument: moving the count past
        // an argument leaves `new(x, xs)` as it was.
        let all = changes(
            "a#1 flags:# x:int n:# xs:n*[ int ] z:flags.0?int = A;",
            "a#1 flags:# n:# x:int xs:n*[ int ] z:flags.0?int = A;",
        );
        assert_eq!(all.len(), 2, "{all:?}");
        assert!(all.iter().all(|c| c.source_compatible), "{all:?}");
    }

    #[test]
    fn summary_counts() {
        let all = changes("a#1 x:int = A;", "a#2 x:int = A;\nb#3 = B;");
        assert_eq!(
            summary(&all),
            Summary {
                changes: 2,
                wire_breaking: 1,
                source_breaking: 0
            }
        );
    }

    #[test]
    fn builtins_are_left_out() {
        assert!(changes("int ? = Int;\na#1 = A;", "a#1 = A;").is_empty());
    }
}
