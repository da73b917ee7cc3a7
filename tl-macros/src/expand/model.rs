//! Queries over the validated schema, computed once before emitting: Rust names (with the
//! collision rules), the Rust shape of every field (flags, shared bits), enum variants, and which
//! variants and fields are boxed to keep every type finite and small.
//!
//! Naming rules, documented for users in `tl_runtime::tl!`:
//! - constructors and functions: UpperCamelCase of the name's last part, in modules named after
//!   the namespaces (snake_case); if two names in one module collide after case conversion, the
//!   later one gets its id in hex appended (`InputPeer5f3a1b2c`);
//! - boxed types: the same, in `enums`;
//! - variants: the constructor's type name, with the enum's name stripped from its front when
//!   the rest starts with a capital (`updatesTooLong` in `Updates` is `TooLong`); if that makes
//!   two variants equal, the enum uses full names;
//! - fields: snake_case; keywords raw (`r#type`); `self` as `self_`; a collision gets the field's
//!   position appended (`a_1`).

use crate::ident;
use std::collections::{HashMap, HashSet};
use tl_schema::{Definition, FieldKind, Section, Type, ast::is_bare_name};

/// Largest estimated size, in bytes, of a variant's payload stored inline in its enum; bigger
/// payloads are boxed so that every enum fits in a 64-byte cache line with its tag.
///
/// An enum's size is paid wherever it is stored, present or not: `types::Message` has some 20
/// optional fields of enum types, almost always `None`, and decoding moves it whole. At 120 it
/// was 960 bytes and decoding a realistic `messages.messagesSlice` took 7% longer (and asked
/// for 38% more memory) than at 56, with the same allocations: the variants boxed in addition
/// are the rarely present large ones.
const INLINE_PAYLOAD_LIMIT: usize = 56;

/// The Rust shape of a TL type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RType {
    Int,
    Long,
    Double,
    Bool,
    /// `#` not used as a flag source: a plain `u32`.
    Nat,
    String,
    Bytes,
    Int128,
    Int256,
    Int512,
    Object,
    /// `Vector<T>` (boxed) or `vector<T>` (bare).
    Vector {
        bare: bool,
        elem: Box<RType>,
    },
    /// `enums::T`.
    Enum(usize),
    /// `types::X`, encoded bare; `boxed` when it sits in a cycle of bare references.
    Struct {
        index: usize,
        boxed: bool,
    },
    /// A type parameter `X` (from `{X:Type}`).
    Param(String),
}

/// What a Rust field stores.
#[derive(Clone, Debug)]
pub enum FieldShape {
    /// Always present.
    Plain { ty: RType },
    /// `name:flags.N?T` alone on its bit: `Option<T>`.
    Optional { ty: RType, flag: usize, bit: u32 },
    /// `name:flags.N?true` alone (or with other `?true` fields) on its bit: `bool`.
    Flag { flag: usize, bit: u32 },
    /// Several valued fields on one bit: `Option<(A, B, ..)>`, all or none.
    Group {
        tys: Vec<RType>,
        flag: usize,
        bit: u32,
    },
    /// A `#` field that conditions refer to: the bits the schema does not know.
    Flags { tl: usize, known: u32 },
}

/// A Rust field.
#[derive(Clone, Debug)]
pub struct RField {
    pub name: String,
    pub shape: FieldShape,
    /// The TL text of the field(s), for docs.
    pub tl_text: String,
    pub docs: Vec<String>,
}

/// A `?true` field that shares its bit with other fields: a method returning whether the bit
/// is set, computed from the field that holds the bit.
#[derive(Clone, Debug)]
pub struct Alias {
    pub name: String,
    pub tl_name: String,
    /// The Rust field whose presence is the bit.
    pub field: usize,
}

/// What each TL field contributes to the wire, in order.
#[derive(Clone, Debug)]
pub enum WireStep {
    /// The Rust field at this index (Plain).
    Plain(usize),
    /// The Rust field at this index (Optional), written when present.
    Optional(usize),
    /// Member `k` of the Rust group field at this index.
    GroupMember(usize, usize),
    /// The `#` word of the Rust `Flags` field at this index, computed from the fields.
    Flags(usize),
    /// A `?true` field: nothing on the wire.
    Nothing,
}

/// A constructor (`types::X`) or function (`functions::F`).
#[derive(Clone, Debug)]
pub struct Struct<'a> {
    pub def: &'a Definition,
    pub modules: Vec<String>,
    pub name: String,
    pub fields: Vec<RField>,
    pub aliases: Vec<Alias>,
    /// One step per named TL field, with the field's index.
    pub wire: Vec<(usize, WireStep)>,
    /// Type parameters, in order.
    pub generics: Vec<String>,
    /// The result type (for functions, what `RemoteCall::Return` is).
    pub result: RType,
    /// For constructors: its variant name in its enum, and whether it is boxed there.
    pub variant: String,
    pub boxed_in_enum: bool,
    /// With `#[tl(borrowed)]`: whether it holds data borrowed from the input, directly or
    /// through its fields' types (so it has a lifetime parameter).
    pub borrows: bool,
}

impl Struct<'_> {
    pub fn id(&self, rule: tl_schema::IdRule) -> u32 {
        self.def
            .id
            .as_ref()
            .map_or_else(|| self.def.computed_id(rule), |id| id.value)
    }

    /// Whether its id is the one the rule computes (not a frozen copy of another's).
    pub fn has_own_id(&self, rule: tl_schema::IdRule) -> bool {
        self.def
            .id
            .as_ref()
            .is_none_or(|id| id.value == self.def.computed_id(rule))
    }

    pub fn is_unit(&self) -> bool {
        self.fields.is_empty()
    }
}

/// A boxed type (`enums::T`).
#[derive(Clone, Debug)]
pub struct Enum<'a> {
    pub tl_name: &'a str,
    pub modules: Vec<String>,
    pub name: String,
    pub variants: Vec<usize>,
    pub docs: Vec<String>,
    /// With `#[tl(borrowed)]`: whether a variant borrows from the input.
    pub borrows: bool,
}

/// Everything the emitters need.
#[derive(Debug)]
pub struct Model<'a> {
    /// Constructors of the types section.
    pub types: Vec<Struct<'a>>,
    pub functions: Vec<Struct<'a>>,
    pub enums: Vec<Enum<'a>>,
    pub id_rule: tl_schema::IdRule,
    /// `#[tl(borrowed)]`: strings, bytes and `Object` borrow from the input.
    pub borrowed: bool,
}

/// Splits a TL name into its Rust modules and its last part.
fn modules_of(name: &str) -> (Vec<String>, &str) {
    let mut parts: Vec<&str> = name.split('.').collect();
    let base = parts.pop().unwrap_or(name);
    (parts.iter().map(|p| ident::module_name(p)).collect(), base)
}

impl<'a> Model<'a> {
    pub fn new(schema: &'a tl_schema::Schema, id_rule: tl_schema::IdRule, borrowed: bool) -> Self {
        let defs: Vec<&Definition> = schema.definitions.iter().filter(|d| !d.builtin).collect();
        let class_docs: HashMap<&str, &str> = schema
            .class_docs
            .iter()
            .map(|(name, doc)| (name.as_str(), doc.as_str()))
            .collect();

        // Enums: one per boxed type, in order of first constructor.
        let mut enums: Vec<Enum> = Vec::new();
        let mut enum_index: HashMap<&str, usize> = HashMap::new();
        for def in defs.iter().filter(|d| d.section == Section::Types) {
            let tl_name = def.result.name.as_str();
            if !enum_index.contains_key(tl_name) {
                let (modules, base) = modules_of(tl_name);
                enum_index.insert(tl_name, enums.len());
                enums.push(Enum {
                    tl_name,
                    modules,
                    name: ident::type_name(base),
                    variants: Vec::new(),
                    docs: class_docs
                        .get(tl_name)
                        .map(|d| vec![(*d).to_string()])
                        .unwrap_or_default(),
                    borrows: false,
                });
            }
        }
        let mut model = Model {
            types: Vec::new(),
            functions: Vec::new(),
            enums,
            id_rule,
            borrowed,
        };
        let ctor_index: HashMap<&str, usize> = defs
            .iter()
            .filter(|d| d.section == Section::Types)
            .enumerate()
            .map(|(i, d)| (d.name.value.as_str(), i))
            .collect();
        let resolver = Resolver {
            ctor_index: &ctor_index,
            enum_index: &enum_index,
            ctor_defs: defs
                .iter()
                .filter(|d| d.section == Section::Types)
                .copied()
                .collect(),
        };
        for def in &defs {
            let built = build_struct(def, &resolver);
            match def.section {
                Section::Types => model.types.push(built),
                Section::Functions => model.functions.push(built),
            }
        }
        for (i, ctor) in model.types.iter().enumerate() {
            if let Some(&e) = enum_index.get(ctor.def.result.name.as_str()) {
                model.enums[e].variants.push(i);
            }
        }
        dedupe_struct_names(&mut model.types, id_rule);
        dedupe_struct_names(&mut model.functions, id_rule);
        dedupe_enum_names(&mut model.enums);
        for e in 0..model.enums.len() {
            name_variants(&mut model, e);
        }
        Boxing::new(&mut model).run();
        if borrowed {
            model.find_borrowing();
        }
        model
    }

    /// Marks every struct and enum that holds borrowed data, through any chain of fields and
    /// variants (a fixed point: types refer to each other in cycles).
    fn find_borrowing(&mut self) {
        loop {
            let mut changed = false;
            for i in 0..self.types.len() {
                if !self.types[i].borrows && self.fields_borrow(&self.types[i]) {
                    self.types[i].borrows = true;
                    changed = true;
                }
            }
            for e in 0..self.enums.len() {
                let borrows = self.enums[e]
                    .variants
                    .iter()
                    .any(|&v| self.types[v].borrows);
                if borrows && !self.enums[e].borrows {
                    self.enums[e].borrows = true;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        for i in 0..self.functions.len() {
            self.functions[i].borrows = self.fields_borrow(&self.functions[i]);
        }
    }

    fn fields_borrow(&self, s: &Struct<'_>) -> bool {
        s.fields.iter().any(|f| match &f.shape {
            FieldShape::Plain { ty } | FieldShape::Optional { ty, .. } => self.type_borrows(ty),
            FieldShape::Group { tys, .. } => tys.iter().any(|t| self.type_borrows(t)),
            FieldShape::Flag { .. } | FieldShape::Flags { .. } => false,
        })
    }

    /// Whether a value of `ty` borrows from the input (with `#[tl(borrowed)]`).
    fn type_borrows(&self, ty: &RType) -> bool {
        match ty {
            RType::String | RType::Bytes | RType::Object => self.borrowed,
            RType::Vector { elem, .. } => self.type_borrows(elem),
            RType::Enum(e) => self.enums[*e].borrows,
            RType::Struct { index, .. } => self.types[*index].borrows,
            _ => false,
        }
    }
}

struct Resolver<'r, 'a> {
    ctor_index: &'r HashMap<&'a str, usize>,
    enum_index: &'r HashMap<&'a str, usize>,
    ctor_defs: Vec<&'a Definition>,
}

impl Resolver<'_, '_> {
    /// The Rust shape of `ty` used in `def`. Validation guarantees that every name resolves.
    fn resolve(&self, def: &Definition, ty: &Type) -> RType {
        if def.type_params.iter().any(|p| p.name.value == ty.name) {
            return RType::Param(ty.name.clone());
        }
        let name = ty.name.as_str();
        if ty.percent {
            // `%T`: the only constructor of `T`.
            let ctor = self
                .ctor_defs
                .iter()
                .position(|d| d.result.name == name)
                .unwrap_or(0);
            return RType::Struct {
                index: ctor,
                boxed: false,
            };
        }
        match name {
            "int" | "Int" | "int32" | "Int32" => RType::Int,
            "long" | "Long" | "int53" | "Int53" | "int64" | "Int64" => RType::Long,
            "double" | "Double" => RType::Double,
            "string" | "String" | "secureString" | "SecureString" => RType::String,
            "bytes" | "Bytes" | "secureBytes" | "SecureBytes" => RType::Bytes,
            "int128" | "Int128" => RType::Int128,
            "int256" | "Int256" => RType::Int256,
            "int512" | "Int512" => RType::Int512,
            "Bool" => RType::Bool,
            "Object" => RType::Object,
            "#" => RType::Nat,
            "Vector" | "vector" => RType::Vector {
                bare: name == "vector",
                elem: Box::new(
                    ty.args
                        .first()
                        .map_or(RType::Int, |arg| self.resolve(def, arg)),
                ),
            },
            _ if is_bare_name(name) => RType::Struct {
                index: self.ctor_index.get(name).copied().unwrap_or(0),
                boxed: false,
            },
            _ => RType::Enum(self.enum_index.get(name).copied().unwrap_or(0)),
        }
    }
}

fn is_true(ty: &Type) -> bool {
    ty.name == "true" && ty.args.is_empty() && !ty.percent && !ty.bang
}

/// Splits `docs` (comment lines above a definition) into the item's docs and TDLib's
/// `@field description` docs.
pub fn split_docs(docs: &[String]) -> (Vec<String>, HashMap<String, Vec<String>>) {
    let mut item = Vec::new();
    let mut fields: HashMap<String, Vec<String>> = HashMap::new();
    let mut current: Option<String> = None;
    for line in docs {
        let text = line.trim();
        if let Some(rest) = text.strip_prefix('@') {
            // `@description text @field text ...` may share a line.
            for tagged in rest.split(" @") {
                let (tag, body) = tagged
                    .split_once(char::is_whitespace)
                    .unwrap_or((tagged, ""));
                let tag = tag.trim_start_matches('@');
                if tag == "description" {
                    item.push(body.trim().to_string());
                    current = None;
                } else {
                    fields
                        .entry(tag.to_string())
                        .or_default()
                        .push(body.trim().to_string());
                    current = Some(tag.to_string());
                }
            }
        } else if let Some(rest) = text.strip_prefix('-') {
            // TDLib continues a tag's text on lines starting with `-`.
            match &current {
                Some(tag) => fields
                    .entry(tag.clone())
                    .or_default()
                    .push(rest.trim().to_string()),
                None => item.push(rest.trim().to_string()),
            }
        } else {
            item.push(text.to_string());
        }
    }
    (item, fields)
}

fn build_struct<'a>(def: &'a Definition, resolver: &Resolver<'_, '_>) -> Struct<'a> {
    let (modules, base) = modules_of(&def.name.value);
    let (_, mut field_docs) = split_docs(&def.docs);
    let tl_fields = &def.fields;
    // The `#` fields that some condition refers to.
    let flag_sources: HashSet<&str> = tl_fields
        .iter()
        .filter_map(|f| match &f.kind {
            FieldKind::Conditional { flag, .. } => Some(flag.value.as_str()),
            _ => None,
        })
        .collect();
    let tl_index_of_flag = |name: &str| {
        tl_fields
            .iter()
            .position(|f| {
                f.name.as_ref().is_some_and(|n| n.value == name)
                    && matches!(&f.kind, FieldKind::Plain(t) if t.is_nat())
            })
            .unwrap_or(0)
    };
    // Members of each (flag field, bit).
    let mut members: HashMap<(usize, u32), Vec<usize>> = HashMap::new();
    for (i, f) in tl_fields.iter().enumerate() {
        if let FieldKind::Conditional { flag, bit, .. } = &f.kind {
            members
                .entry((tl_index_of_flag(&flag.value), bit.value))
                .or_default()
                .push(i);
        }
    }

    let mut used_names: HashSet<String> = HashSet::new();
    let mut unique = |name: String, index: usize| -> String {
        let name = if used_names.contains(&name) {
            format!("{name}_{index}")
        } else {
            name
        };
        used_names.insert(name.clone());
        name
    };
    let tl_name = |i: usize| {
        tl_fields[i]
            .name
            .as_ref()
            .map_or_else(String::new, |n| n.value.clone())
    };
    let tl_text = |i: usize| {
        let f = &tl_fields[i];
        match &f.kind {
            FieldKind::Plain(ty) => format!("{}:{ty}", tl_name(i)),
            FieldKind::Conditional { flag, bit, ty } => {
                format!("{}:{}.{}?{ty}", tl_name(i), flag.value, bit.value)
            }
            _ => tl_name(i),
        }
    };

    let mut fields: Vec<RField> = Vec::new();
    let mut aliases: Vec<Alias> = Vec::new();
    let mut wire: Vec<(usize, WireStep)> = Vec::new();
    // TL field index to (Rust field index, member index in a group).
    let mut placed: HashMap<usize, (usize, usize)> = HashMap::new();
    for (i, f) in tl_fields.iter().enumerate() {
        let Some(name) = &f.name else { continue };
        let docs = field_docs.remove(&name.value).unwrap_or_default();
        match &f.kind {
            FieldKind::Plain(ty) if ty.is_nat() && flag_sources.contains(name.value.as_str()) => {
                let known = members
                    .keys()
                    .filter(|(flag, _)| *flag == i)
                    .fold(0u32, |acc, (_, bit)| {
                        acc | 1u32.checked_shl(*bit).unwrap_or(0)
                    });
                let rust = unique(ident::field_name(&name.value), i);
                wire.push((i, WireStep::Flags(fields.len())));
                fields.push(RField {
                    name: rust,
                    shape: FieldShape::Flags { tl: i, known },
                    tl_text: tl_text(i),
                    docs,
                });
            }
            FieldKind::Plain(ty) if is_true(ty) => wire.push((i, WireStep::Nothing)),
            FieldKind::Plain(ty) => {
                let rust = unique(ident::field_name(&name.value), i);
                wire.push((i, WireStep::Plain(fields.len())));
                fields.push(RField {
                    name: rust,
                    shape: FieldShape::Plain {
                        ty: resolver.resolve(def, ty),
                    },
                    tl_text: tl_text(i),
                    docs,
                });
            }
            FieldKind::Conditional { flag, bit, ty } => {
                let flag_tl = tl_index_of_flag(&flag.value);
                let group = &members[&(flag_tl, bit.value)];
                let valued: Vec<usize> = group
                    .iter()
                    .copied()
                    .filter(|&m| matches!(&tl_fields[m].kind, FieldKind::Conditional { ty, .. } if !is_true(ty)))
                    .collect();
                if is_true(ty) {
                    wire.push((i, WireStep::Nothing));
                    // The first `?true` of a bit with no valued field holds the bit; any other
                    // `?true` on a bit is an alias of whichever field holds it.
                    let holder_tl = valued.first().copied().unwrap_or(group[0]);
                    if holder_tl == i {
                        let rust = unique(ident::field_name(&name.value), i);
                        placed.insert(i, (fields.len(), 0));
                        fields.push(RField {
                            name: rust,
                            shape: FieldShape::Flag {
                                flag: flag_tl,
                                bit: bit.value,
                            },
                            tl_text: tl_text(i),
                            docs,
                        });
                    } else {
                        aliases.push(Alias {
                            name: ident::field_name(&name.value),
                            tl_name: name.value.clone(),
                            field: holder_tl, // resolved to a Rust field below
                        });
                    }
                    continue;
                }
                if valued.len() == 1 {
                    let rust = unique(ident::field_name(&name.value), i);
                    placed.insert(i, (fields.len(), 0));
                    wire.push((i, WireStep::Optional(fields.len())));
                    fields.push(RField {
                        name: rust,
                        shape: FieldShape::Optional {
                            ty: resolver.resolve(def, ty),
                            flag: flag_tl,
                            bit: bit.value,
                        },
                        tl_text: tl_text(i),
                        docs,
                    });
                    continue;
                }
                // A group of valued fields: the first member creates the Rust field.
                let k = valued.iter().position(|&m| m == i).unwrap_or(0);
                if k == 0 {
                    let names: Vec<String> = valued
                        .iter()
                        .map(|&m| ident::field_name(&tl_name(m)))
                        .collect();
                    let rust = unique(names.join("_and_"), i);
                    let tys = valued
                        .iter()
                        .map(|&m| match &tl_fields[m].kind {
                            FieldKind::Conditional { ty, .. } => resolver.resolve(def, ty),
                            _ => RType::Int,
                        })
                        .collect();
                    let mut docs = docs;
                    for &m in &valued[1..] {
                        docs.extend(field_docs.remove(&tl_name(m)).unwrap_or_default());
                    }
                    fields.push(RField {
                        name: rust,
                        shape: FieldShape::Group {
                            tys,
                            flag: flag_tl,
                            bit: bit.value,
                        },
                        tl_text: valued
                            .iter()
                            .map(|&m| tl_text(m))
                            .collect::<Vec<_>>()
                            .join(" "),
                        docs,
                    });
                }
                let field = placed
                    .get(&valued[0])
                    .map_or(fields.len() - 1, |(field, _)| *field);
                placed.insert(i, (field, k));
                wire.push((i, WireStep::GroupMember(field, k)));
            }
            FieldKind::Repeat { .. } | FieldKind::Opaque => {}
        }
    }
    // Aliases point at the Rust field holding their bit.
    for alias in &mut aliases {
        alias.field = placed.get(&alias.field).map_or(0, |(field, _)| *field);
    }
    let mut alias_names: HashSet<String> = HashSet::new();
    aliases.retain(|a| alias_names.insert(a.name.clone()));

    Struct {
        def,
        modules,
        name: ident::type_name(base),
        fields,
        aliases,
        wire,
        generics: def
            .type_params
            .iter()
            .map(|p| p.name.value.clone())
            .collect(),
        result: resolver.resolve(def, &def.result),
        variant: String::new(),
        boxed_in_enum: false,
        borrows: false,
    }
}

fn dedupe_struct_names(structs: &mut [Struct<'_>], rule: tl_schema::IdRule) {
    let mut seen: HashSet<(Vec<String>, String)> = HashSet::new();
    for s in structs.iter_mut() {
        let key = (s.modules.clone(), s.name.clone());
        if !seen.insert(key) {
            s.name = format!("{}{:08x}", s.name, s.id(rule));
            seen.insert((s.modules.clone(), s.name.clone()));
        }
    }
}

fn dedupe_enum_names(enums: &mut [Enum<'_>]) {
    let mut seen: HashSet<(Vec<String>, String)> = HashSet::new();
    for e in enums.iter_mut() {
        let mut name = e.name.clone();
        let mut n = 2;
        while !seen.insert((e.modules.clone(), name.clone())) {
            name = format!("{}{n}", e.name);
            n += 1;
        }
        e.name = name;
    }
}

fn name_variants(model: &mut Model<'_>, e: usize) {
    let enum_name = model.enums[e].name.clone();
    let variants = model.enums[e].variants.clone();
    let short: Vec<String> = variants
        .iter()
        .map(|&v| {
            let full = &model.types[v].name;
            match full.strip_prefix(&enum_name) {
                Some(rest) if rest.starts_with(|c: char| c.is_ascii_uppercase()) => {
                    rest.to_string()
                }
                _ => full.clone(),
            }
        })
        .collect();
    let distinct: HashSet<&String> = short.iter().collect();
    let names = if distinct.len() == short.len() {
        short
    } else {
        // Full names, namespaces included, so that no two are equal.
        variants
            .iter()
            .map(|&v| {
                let s = &model.types[v];
                let mut name: String = s.modules.iter().map(|m| ident::type_name(m)).collect();
                name.push_str(&s.name);
                name
            })
            .collect()
    };
    let mut seen = HashSet::new();
    for (&v, name) in variants.iter().zip(names) {
        let mut name = name;
        if !seen.insert(name.clone()) {
            name = format!("{name}{:08x}", model.types[v].id(model.id_rule));
            seen.insert(name.clone());
        }
        model.types[v].variant = name;
    }
}

/// Decides what is boxed: variants and bare-struct fields on reference cycles (so every type has
/// a finite size), then the largest variants of any enum whose estimated size is over
/// [`INLINE_PAYLOAD_LIMIT`].
struct Boxing<'m, 'a> {
    model: &'m mut Model<'a>,
}

/// A node of the "stored inline in" graph.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Node {
    Struct(usize),
    Enum(usize),
}

impl<'m, 'a> Boxing<'m, 'a> {
    fn new(model: &'m mut Model<'a>) -> Self {
        Boxing { model }
    }

    /// The nodes that `node` stores inline.
    fn edges(&self, node: Node) -> Vec<Node> {
        match node {
            Node::Enum(e) => self.model.enums[e]
                .variants
                .iter()
                .filter(|&&v| !self.model.types[v].is_unit() && !self.model.types[v].boxed_in_enum)
                .map(|&v| Node::Struct(v))
                .collect(),
            Node::Struct(s) => {
                let mut out = Vec::new();
                for field in &self.model.types[s].fields {
                    for ty in field_types(&field.shape) {
                        match ty {
                            RType::Enum(e) => out.push(Node::Enum(*e)),
                            RType::Struct {
                                index,
                                boxed: false,
                            } => out.push(Node::Struct(*index)),
                            _ => {}
                        }
                    }
                }
                out
            }
        }
    }

    fn run(&mut self) {
        self.break_cycles();
        let mut sizes: HashMap<Node, usize> = HashMap::new();
        for e in 0..self.model.enums.len() {
            self.size_of(Node::Enum(e), &mut sizes);
        }
        for s in 0..self.model.types.len() {
            self.size_of(Node::Struct(s), &mut sizes);
        }
    }

    /// Tarjan's strongly connected components; every enum-to-variant edge and bare field inside
    /// a component is boxed.
    fn break_cycles(&mut self) {
        let nodes: Vec<Node> = (0..self.model.types.len())
            .map(Node::Struct)
            .chain((0..self.model.enums.len()).map(Node::Enum))
            .collect();
        let components = tarjan(&nodes, |n| self.edges(n));
        for component in components {
            let set: HashSet<Node> = component.iter().copied().collect();
            let cyclic = component.len() > 1 || self.edges(component[0]).contains(&component[0]);
            if !cyclic {
                continue;
            }
            for node in &component {
                match *node {
                    Node::Enum(e) => {
                        for v in self.model.enums[e].variants.clone() {
                            if set.contains(&Node::Struct(v)) {
                                self.model.types[v].boxed_in_enum = true;
                            }
                        }
                    }
                    Node::Struct(s) => {
                        for field in &mut self.model.types[s].fields {
                            for ty in field_types_mut(&mut field.shape) {
                                if let RType::Struct { index, boxed } = ty
                                    && set.contains(&Node::Struct(*index))
                                {
                                    *boxed = true;
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Estimated size; the graph is acyclic once cycles are broken.
    fn size_of(&mut self, node: Node, sizes: &mut HashMap<Node, usize>) -> usize {
        if let Some(&size) = sizes.get(&node) {
            return size;
        }
        // Guards against a cycle that was not broken (it cannot happen, but must not hang).
        sizes.insert(node, 8);
        let size = match node {
            Node::Struct(s) => {
                let shapes: Vec<FieldShape> = self.model.types[s]
                    .fields
                    .iter()
                    .map(|f| f.shape.clone())
                    .collect();
                let mut total = 0;
                for shape in &shapes {
                    total += self.shape_size(shape, sizes);
                }
                total.div_ceil(8) * 8
            }
            Node::Enum(e) => {
                let variants = self.model.enums[e].variants.clone();
                let mut payloads: Vec<(usize, usize)> = Vec::new();
                for v in variants {
                    let size = if self.model.types[v].is_unit() {
                        0
                    } else if self.model.types[v].boxed_in_enum {
                        8
                    } else {
                        self.size_of(Node::Struct(v), sizes)
                    };
                    payloads.push((v, size));
                }
                for &(v, size) in &payloads {
                    if size > INLINE_PAYLOAD_LIMIT && !self.model.types[v].boxed_in_enum {
                        self.model.types[v].boxed_in_enum = true;
                    }
                }
                let largest = payloads
                    .iter()
                    .map(|&(v, size)| {
                        if self.model.types[v].boxed_in_enum {
                            8.min(size)
                        } else {
                            size
                        }
                    })
                    .max()
                    .unwrap_or(0);
                8 + largest
            }
        };
        sizes.insert(node, size);
        size
    }

    fn shape_size(&mut self, shape: &FieldShape, sizes: &mut HashMap<Node, usize>) -> usize {
        match shape {
            FieldShape::Plain { ty, .. } => self.type_size(ty, sizes),
            FieldShape::Optional { ty, .. } => {
                let inner = self.type_size(ty, sizes);
                if has_niche(ty) { inner } else { inner + 8 }
            }
            FieldShape::Flag { .. } => 1,
            FieldShape::Flags { .. } => 4,
            FieldShape::Group { tys, .. } => {
                let mut total = 8;
                for ty in tys {
                    total += self.type_size(ty, sizes);
                }
                total
            }
        }
    }

    fn type_size(&mut self, ty: &RType, sizes: &mut HashMap<Node, usize>) -> usize {
        match ty {
            RType::Int | RType::Nat => 4,
            RType::Long | RType::Double | RType::Struct { boxed: true, .. } | RType::Param(_) => 8,
            RType::Bool => 1,
            RType::Int128 => 16,
            RType::Int256 => 32,
            RType::Int512 => 64,
            RType::String | RType::Bytes | RType::Object | RType::Vector { .. } => 24,
            RType::Enum(e) => self.size_of(Node::Enum(*e), sizes),
            RType::Struct { index, .. } => self.size_of(Node::Struct(*index), sizes),
        }
    }
}

/// Whether `Option<T>` is no bigger than `T`.
fn has_niche(ty: &RType) -> bool {
    matches!(
        ty,
        RType::Bool
            | RType::String
            | RType::Bytes
            | RType::Object
            | RType::Vector { .. }
            | RType::Enum(_)
            | RType::Struct { boxed: true, .. }
    )
}

/// The types stored inline by a field (not inside a vector).
pub fn field_types(shape: &FieldShape) -> Vec<&RType> {
    match shape {
        FieldShape::Plain { ty, .. } | FieldShape::Optional { ty, .. } => vec![ty],
        FieldShape::Group { tys, .. } => tys.iter().collect(),
        FieldShape::Flag { .. } | FieldShape::Flags { .. } => Vec::new(),
    }
}

fn field_types_mut(shape: &mut FieldShape) -> Vec<&mut RType> {
    match shape {
        FieldShape::Plain { ty, .. } | FieldShape::Optional { ty, .. } => vec![ty],
        FieldShape::Group { tys, .. } => tys.iter_mut().collect(),
        FieldShape::Flag { .. } | FieldShape::Flags { .. } => Vec::new(),
    }
}

/// Strongly connected components (iterative Tarjan, so a large schema cannot overflow the
/// macro's stack).
fn tarjan(nodes: &[Node], edges: impl Fn(Node) -> Vec<Node>) -> Vec<Vec<Node>> {
    let mut index: HashMap<Node, usize> = HashMap::new();
    let mut low: HashMap<Node, usize> = HashMap::new();
    let mut on_stack: HashSet<Node> = HashSet::new();
    let mut stack: Vec<Node> = Vec::new();
    let mut components = Vec::new();
    let mut next = 0;
    for &root in nodes {
        if index.contains_key(&root) {
            continue;
        }
        // (node, its edges, position in them)
        let mut work: Vec<(Node, Vec<Node>, usize)> = vec![(root, edges(root), 0)];
        index.insert(root, next);
        low.insert(root, next);
        next += 1;
        stack.push(root);
        on_stack.insert(root);
        while let Some((node, succ, pos)) = work.last_mut() {
            let node = *node;
            if let Some(&w) = succ.get(*pos) {
                *pos += 1;
                if let std::collections::hash_map::Entry::Vacant(entry) = index.entry(w) {
                    entry.insert(next);
                    low.insert(w, next);
                    next += 1;
                    stack.push(w);
                    on_stack.insert(w);
                    let e = edges(w);
                    work.push((w, e, 0));
                } else if on_stack.contains(&w) {
                    let lw = index[&w];
                    if let Some(l) = low.get_mut(&node) {
                        *l = (*l).min(lw);
                    }
                }
                continue;
            }
            work.pop();
            if let Some((parent, _, _)) = work.last() {
                let ln = low[&node];
                if let Some(lp) = low.get_mut(parent) {
                    *lp = (*lp).min(ln);
                }
            }
            if low[&node] == index[&node] {
                let mut component = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack.remove(&w);
                    component.push(w);
                    if w == node {
                        break;
                    }
                }
                components.push(component);
            }
        }
    }
    components
}
