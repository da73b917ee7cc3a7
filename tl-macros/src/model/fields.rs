//! One definition's Rust fields and the plan of its TL fields: which `#` fields are flag words,
//! which conditional fields become `Option`s, `bool`s, groups sharing a bit, or aliases.

use super::names::Taken;
use super::resolve::{Resolver, modules_of};
use super::{
    Alias, AnswerMask, BitHolder, Cond, Field, FieldId, Holds, Internal, MaskArg, Member, OWN_MASK,
    RType, Step, Struct, TlField, TyId, Word, WordId,
};
use crate::ident;
use rustc_hash::FxHashMap as HashMap;
use tl_schema::{Definition, FieldKind, IdRule, Multiplier, Source, Type};

/// A flag group of more valued fields than this is named after its bit, not after them.
const GROUP_NAMES_MAX: usize = 4;

fn is_true(ty: &Type) -> bool {
    // `%True` is the boxed `True`'s only constructor bare, `true` (VK's schemas write
    // `flags.4?%True`); `%true` is `true` itself.
    (ty.name == "true" || ty.name == "True" && ty.percent) && ty.args.is_empty() && !ty.bang
}

/// The TL text of field `i` of `def`, for its docs: as its schema wrote it
/// (`entities:flags.3?Vector<long>`, `messages:flags.3?(vector adnl.Message)`) where `source`
/// holds the definition single-spaced and without comments (`as_written`), as every real
/// schema's lines are, and where the text is the field's alone (not `x` of `(x y:int)`);
/// printed from its parts otherwise.
fn field_text(def: &Definition, source: Option<&str>, i: usize) -> String {
    let f = &def.fields[i];
    let name = f.name.as_ref().map(|n| n.value.as_str());
    match source.and_then(|s| s.get(f.range.clone())) {
        Some(text) if !text.is_empty() && name.is_none_or(|n| text.starts_with(n)) => {
            text.to_owned()
        }
        _ => tl_text(name, &f.kind),
    }
}

/// The TL text of a field printed from its parts.
fn tl_text(name: Option<&str>, kind: &FieldKind) -> String {
    // A counted tuple, as written (`xs:(Tuple int n)`).
    if let FieldKind::Repeat {
        tuple: Some(ty), ..
    } = kind
    {
        return match name {
            Some(name) => format!("{name}:{}", ty.nested()),
            None => ty.nested().to_string(),
        };
    }
    if let FieldKind::Repeat {
        multiplier: Some(multiplier),
        fields,
        ..
    } = kind
    {
        let inner: Vec<String> = fields
            .iter()
            .map(|f| tl_text(f.name.as_ref().map(|n| n.value.as_str()), &f.kind))
            .collect();
        let repetition = format!("{}[ {} ]", multiplier.prefix(), inner.join(" "));
        return match name {
            Some(name) => format!("{name}:{repetition}"),
            None => repetition,
        };
    }
    let Some(name) = name else {
        // An anonymous field, written as its type alone.
        return match kind {
            FieldKind::Plain(ty) => ty.nested().to_string(),
            _ => String::new(),
        };
    };
    // Every application in parentheses, as TL takes a field's type (`ids:(vector int)`,
    // `ends:(Pair (tuple int 2) string)`), where the id's text (`Pair tuple int 2 string`) is
    // hard to read; `%` puts its own around one (`%(Tuple point m)`).
    let (open, close) = match kind {
        FieldKind::Plain(ty) | FieldKind::Conditional { ty, .. }
            if !ty.args.is_empty() && !ty.is_percent_boxed() =>
        {
            ("(", ")")
        }
        _ => ("", ""),
    };
    match kind {
        FieldKind::Plain(ty) => format!("{name}:{open}{}{close}", ty.nested()),
        FieldKind::Conditional { flag, bit, ty } => {
            format!(
                "{name}:{}.{}?{open}{}{close}",
                flag.value,
                bit.value,
                ty.nested()
            )
        }
        FieldKind::Repeat { .. } | FieldKind::Opaque => name.to_string(),
    }
}

/// What is being built.
struct Builder<'d, 'r> {
    def: &'d Definition,
    id_rule: IdRule,
    resolver: &'r Resolver<'d>,
    fields: Vec<Field>,
    tl: Vec<TlField>,
    words: Vec<Word>,
    /// The word of each `#` field, by its TL index.
    word_of: HashMap<usize, WordId>,
    tys: Vec<RType>,
    taken: Taken,
    field_docs: HashMap<String, Vec<String>>,
    /// The zero values of the types under bits of the constructor's own field mask.
    zeros: Vec<(TyId, Vec<u8>)>,
}

impl Builder<'_, '_> {
    /// [`Self::ty`] of a field under a bit of the constructor's own mask, with its zero value.
    fn zeroed(&mut self, ty: &Type) -> Result<TyId, Internal> {
        let id = self.ty(ty)?;
        let zero = self
            .resolver
            .zeros(self.id_rule)
            .of(self.def, ty)
            .map_err(|why| {
                Internal(format!(
                    "`{ty}` in `{}` has no zero value: {why}",
                    self.def.name.value
                ))
            })?;
        self.zeros.push((id, zero));
        Ok(id)
    }

    fn ty(&mut self, ty: &Type) -> Result<TyId, Internal> {
        let resolved = self.resolver.resolve(self.def, ty)?;
        Ok(self.push_ty(resolved))
    }

    /// A type already resolved.
    fn push_ty(&mut self, resolved: RType) -> TyId {
        self.tys.push(resolved);
        TyId(self.tys.len() - 1)
    }

    fn push_field(&mut self, name: &str, index: usize, holds: Holds, tl_text: String) -> FieldId {
        let docs = self.field_docs.remove(name).unwrap_or_default();
        let tl_names = vec![name.to_string()];
        self.push_named(
            ident::field_name(name),
            index,
            holds,
            (tl_text, tl_names),
            docs,
        )
    }

    fn push_named(
        &mut self,
        rust: String,
        index: usize,
        holds: Holds,
        (tl_text, tl_names): (String, Vec<String>),
        docs: Vec<String>,
    ) -> FieldId {
        let name = self.taken.claim(rust, || format!("_{index}"));
        self.fields.push(Field {
            name,
            holds,
            tl_text,
            tl_names,
            docs,
        });
        FieldId(self.fields.len() - 1)
    }

    /// The condition `flag.bit` of the field at TL index `index`.
    fn cond(&self, flag: &str, bit: u32) -> Result<(usize, Cond), Internal> {
        let tl = flag_key(self.def, flag)?;
        let word = self.word_of.get(&tl).copied().ok_or_else(|| {
            Internal(format!(
                "the flag word `{flag}` of `{}` is used before it is declared",
                self.def.name.value
            ))
        })?;
        Ok((tl, Cond { word, bit }))
    }
}

/// The key of the word `flag` names: its `#` field's TL index, or [`OWN_MASK`] for the
/// constructor's own field mask.
fn flag_key(def: &Definition, flag: &str) -> Result<usize, Internal> {
    if !def.type_params.is_empty() && def.nat_param().is_some_and(|p| p.name.value == flag) {
        Ok(OWN_MASK)
    } else {
        flag_index(def, flag)
    }
}

/// The TL index of the `#` field named `flag`.
fn flag_index(def: &Definition, flag: &str) -> Result<usize, Internal> {
    let named = def.fields.iter().position(|f| {
        f.name.as_ref().is_some_and(|n| n.value == flag)
            && matches!(&f.kind, FieldKind::Plain(t) if t.is_nat())
    });
    match named {
        Some(i) => Ok(i),
        None => anonymous_nat(def, flag),
    }
}

/// The TL index of the anonymous `#` field whose label is `flag`: one that counts a repetition
/// written without a count (`# xs:[ int ]`).
fn anonymous_nat(def: &Definition, flag: &str) -> Result<usize, Internal> {
    (0..def.fields.len())
        .find(|&i| {
            def.fields[i].is_anonymous()
                && matches!(&def.fields[i].kind, FieldKind::Plain(t) if t.is_nat())
                && def.field_label(i) == flag
        })
        .ok_or_else(|| Internal(format!("`{}` has no `#` field `{flag}`", def.name.value)))
}

/// The model of one constructor or function, its names not yet made unique among its
/// siblings (see [`super::names`]) and nothing boxed yet (see [`super::layout`]).
pub fn build<'d>(
    def: &'d Definition,
    resolver: &Resolver<'d>,
    sources: &[Source],
    page: Option<&tl_schema::Page>,
    row: Option<&str>,
    id_rule: IdRule,
) -> Result<Struct, Internal> {
    let (modules, base) = modules_of(&def.name.value);
    let docs = super::docs::read(def, sources, page, row);
    let source = sources
        .get(def.source)
        .filter(|_| docs.as_written)
        .map(|s| s.text.as_str());
    let tl_fields = &def.fields;

    // The conditional fields on each (TL index of the `#` field, bit), in order.
    let mut members: HashMap<(usize, u32), Vec<usize>> = HashMap::default();
    for (i, f) in tl_fields.iter().enumerate() {
        if let FieldKind::Conditional { flag, bit, .. } = &f.kind {
            members
                .entry((flag_key(def, &flag.value)?, bit.value))
                .or_default()
                .push(i);
        }
    }
    let valued = |group: &[usize]| -> Vec<usize> {
        group
            .iter()
            .copied()
            .filter(|&m| {
                matches!(&tl_fields[m].kind, FieldKind::Conditional { ty, .. } if !is_true(ty))
            })
            .collect()
    };

    let mut b = Builder {
        def,
        id_rule,
        resolver,
        fields: Vec::new(),
        tl: Vec::new(),
        words: Vec::new(),
        word_of: HashMap::default(),
        tys: Vec::new(),
        taken: Taken::default(),
        field_docs: docs.fields,
        zeros: Vec::new(),
    };
    // The constructor's own field mask (VK's `{fields_mask:#}`): a word whose local is the
    // mask passed in, with no field of its own.
    let mask = if def.nat_param().is_some() {
        let word = WordId(b.words.len());
        b.words.push(Word {
            tl: OWN_MASK,
            field: None,
            passed: Vec::new(),
            known: bits_of(&members, OWN_MASK),
            patched: false,
        });
        b.word_of.insert(OWN_MASK, word);
        Some(word)
    } else {
        None
    };
    // The `#` fields passed to a type as its field mask: words, written whole before the
    // fields that take them. Only looked for in a schema with such types.
    // The types resolved on the way (TL index, type) are kept for the loop below.
    let mut passed: Vec<usize> = Vec::new();
    let mut known_types: Vec<(usize, RType)> = Vec::new();
    if resolver.has_masks() {
        for (i, f) in tl_fields.iter().enumerate() {
            if let FieldKind::Plain(ty) = &f.kind
                && !ty.args.is_empty()
            {
                let ty = resolver.resolve(def, ty)?;
                if let Some((MaskArg::Word(w), _)) = ty.masked() {
                    passed.push(w);
                }
                known_types.push((i, ty));
            }
        }
    }
    // The `#` fields that count a repetition: TL index of the count, of its repetition. A list,
    // nearly always empty: looked up for every field, where a map's lookup would cost the
    // unoptimized macro hundreds of instructions each.
    let mut counted: Vec<(usize, usize)> = Vec::new();
    for (i, f) in tl_fields.iter().enumerate() {
        if let Some(counter) = f.kind.counted_by() {
            counted.push((flag_index(def, &counter.value)?, i));
        }
    }
    // Where each count's step is in `b.tl`, and the TL index of its repetition: the
    // repetition's Rust field is only known once the loop has reached it.
    let mut counts: Vec<(usize, usize)> = Vec::new();
    let mut aliases: Vec<(String, String, usize)> = Vec::new();
    // The Rust field holding each conditional TL field.
    let mut placed: HashMap<usize, FieldId> = HashMap::default();
    // The plain `#` fields: TL index, Rust field (what a function's answer may take as its
    // field mask).
    let mut nats: Vec<(usize, FieldId)> = Vec::new();
    for (i, f) in tl_fields.iter().enumerate() {
        // An anonymous field (`int`, `_:int`) is called by its place: `arg2`.
        let label = def.field_label(i);
        let name = &*label;
        let text = field_text(def, source, i);
        // The repetition this field counts, if it is a `#` that counts one.
        let repetition = if counted.is_empty() {
            None
        } else {
            counted.iter().find(|c| c.0 == i).map(|c| c.1)
        };
        let step = match &f.kind {
            FieldKind::Plain(_) if repetition.is_some() => {
                b.field_docs.remove(name);
                counts.extend(repetition.map(|r| (b.tl.len(), r)));
                Step::Count {
                    field: FieldId(usize::MAX),
                }
            }
            FieldKind::Plain(ty)
                if ty.is_nat() && (members.keys().any(|(w, _)| *w == i) || passed.contains(&i)) =>
            {
                let known = bits_of(&members, i);
                // A word passed to a type is computed whole before it is written.
                let patched = !passed.contains(&i)
                    && members
                        .iter()
                        .any(|(&(w, _), group)| w == i && !valued(group).is_empty());
                let word = WordId(b.words.len());
                let field = b.push_field(name, i, Holds::Flags(word), text);
                b.words.push(Word {
                    tl: i,
                    field: Some(field),
                    passed: Vec::new(),
                    known,
                    patched,
                });
                b.word_of.insert(i, word);
                Step::Word(word)
            }
            FieldKind::Plain(ty) if is_true(ty) => {
                b.field_docs.remove(name);
                Step::Nothing
            }
            FieldKind::Plain(ty) => {
                let nat = ty.is_nat();
                // Nearly always empty: no search at all then.
                let found = if known_types.is_empty() {
                    None
                } else {
                    known_types.iter().position(|(at, _)| *at == i)
                };
                let ty = match found {
                    Some(at) => b.push_ty(known_types.swap_remove(at).1),
                    None => b.ty(ty)?,
                };
                let field = b.push_field(name, i, Holds::Value(ty), text);
                if nat {
                    nats.push((i, field));
                }
                let passed_to = match resolver.has_masks().then(|| b.tys[ty.0].masked()) {
                    Some(Some((MaskArg::Word(w), _))) => Some(w),
                    Some(Some((MaskArg::Own, _))) => Some(OWN_MASK),
                    _ => None,
                };
                if let Some(w) = passed_to {
                    let word = b.word_of.get(&w).copied().ok_or_else(|| {
                        Internal(format!(
                            "the field mask of `{name}` in `{}` is no word",
                            def.name.value
                        ))
                    })?;
                    b.words[word.0].passed.push(field);
                }
                Step::Value { field, ty }
            }
            FieldKind::Conditional { flag, bit, ty } => {
                let (flag_tl, cond) = b.cond(&flag.value, bit.value)?;
                let group = &members[&(flag_tl, bit.value)];
                let valued = valued(group);
                if is_true(ty) {
                    // The first `?true` of a bit with no valued field holds the bit; any other
                    // `?true` on a bit is an alias of whichever field holds it.
                    let holder = valued.first().copied().unwrap_or(group[0]);
                    if holder == i {
                        let field = b.push_field(name, i, Holds::Flag(cond), text);
                        placed.insert(i, field);
                    } else {
                        b.field_docs.remove(name);
                        aliases.push((ident::field_name(name), name.to_string(), holder));
                    }
                    Step::Nothing
                } else if valued.len() == 1 {
                    let ty = if flag_tl == OWN_MASK {
                        b.zeroed(ty)?
                    } else {
                        b.ty(ty)?
                    };
                    let field = b.push_field(name, i, Holds::Optional(ty), text);
                    placed.insert(i, field);
                    Step::Present {
                        field,
                        member: None,
                        ty,
                        cond,
                    }
                } else {
                    // A group of valued fields: the first member creates the Rust field, with
                    // every member's type, docs and TL text.
                    let k = valued.iter().position(|&m| m == i).unwrap_or(0);
                    if k == 0 {
                        let mut tys = Vec::new();
                        let mut docs = Vec::new();
                        let mut names = Vec::new();
                        let mut texts = Vec::new();
                        let mut tl_names = Vec::new();
                        for &m in &valued {
                            let (Some(_), FieldKind::Conditional { ty, .. }) =
                                (&tl_fields[m].name, &tl_fields[m].kind)
                            else {
                                return Err(Internal(format!(
                                    "a member of a flag group of `{}` is not conditional",
                                    def.name.value
                                )));
                            };
                            let member = def.field_label(m);
                            tys.push(if flag_tl == OWN_MASK {
                                b.zeroed(ty)?
                            } else {
                                b.ty(ty)?
                            });
                            docs.extend(b.field_docs.remove(&*member).unwrap_or_default());
                            names.push(ident::field_name(&member));
                            texts.push(field_text(def, source, m));
                            tl_names.push(member.into_owned());
                        }
                        // A large group (TON has 18 fields on one bit) is named after its bit.
                        let rust = if valued.len() > GROUP_NAMES_MAX {
                            format!("{}_{}", ident::field_name(&flag.value), bit.value)
                        } else {
                            names.join("_and_")
                        };
                        let field = b.push_named(
                            rust,
                            i,
                            Holds::Group(tys),
                            (texts.join(" "), tl_names),
                            docs,
                        );
                        placed.insert(i, field);
                    }
                    let field = placed.get(&valued[0]).copied().ok_or_else(|| {
                        Internal(format!("a flag group of `{}` has no field", def.name.value))
                    })?;
                    placed.insert(i, field);
                    let Holds::Group(tys) = &b.fields[field.0].holds else {
                        return Err(Internal(format!(
                            "a flag group of `{}` is not held by a group field",
                            def.name.value
                        )));
                    };
                    Step::Present {
                        field,
                        member: Some(Member {
                            index: k,
                            of: tys.len(),
                        }),
                        ty: tys[k],
                        cond,
                    }
                }
            }
            FieldKind::Repeat {
                multiplier: Some(multiplier),
                fields,
                ..
            } if matches!(multiplier, Multiplier::Field(_)) || f.fixed_count().is_some() => {
                let [
                    tl_schema::Field {
                        kind: FieldKind::Plain(elem),
                        ..
                    },
                ] = fields.as_slice()
                else {
                    return Err(Internal(format!(
                        "the repetition `{name}` of `{}` is not of one field",
                        def.name.value
                    )));
                };
                let elem = Box::new(resolver.resolve(def, elem)?);
                // A constant count: an array, encoded as any value is. A counted one: a `Vec`
                // whose length its `#` field is.
                if let Multiplier::Constant(len) = multiplier {
                    b.tys.push(RType::Array { elem, len: *len });
                    let ty = TyId(b.tys.len() - 1);
                    let field = b.push_field(name, i, Holds::Value(ty), text);
                    Step::Value { field, ty }
                } else {
                    b.tys.push(RType::Vector { bare: true, elem });
                    let ty = TyId(b.tys.len() - 1);
                    let field = b.push_field(name, i, Holds::Value(ty), text);
                    placed.insert(i, field);
                    Step::Repeat {
                        field,
                        ty,
                        id: f.kind.tuple_id(),
                    }
                }
            }
            FieldKind::Repeat { .. } | FieldKind::Opaque => continue,
        };
        b.tl.push(TlField {
            name: name.to_string(),
            step,
        });
    }

    for (at, repetition) in counts {
        let field = placed.get(&repetition).copied().ok_or_else(|| {
            Internal(format!(
                "a count of `{}` has no repetition after it",
                def.name.value
            ))
        })?;
        b.tl[at].step = Step::Count { field };
    }

    // Aliases point at the Rust field holding their bit; each method name once, and not `new`,
    // which a struct with optional fields has (`emit::structs`).
    let mut methods = Taken::default();
    if !aliases.is_empty() {
        methods.claim("new".to_string(), String::new);
    }
    let mut alias_list = Vec::new();
    for (method, tl_name, holder) in aliases {
        let holder = placed.get(&holder).copied().ok_or_else(|| {
            Internal(format!(
                "the flag `{tl_name}` of `{}` has no field holding its bit",
                def.name.value
            ))
        })?;
        let test = match b.fields[holder.0].holds {
            Holds::Flag(_) => BitHolder::Flag,
            Holds::Optional(_) | Holds::Group(_) => BitHolder::Present,
            Holds::Value(_) | Holds::Flags(_) => {
                return Err(Internal(format!(
                    "the bit of `{tl_name}` in `{}` is held by a field without a condition",
                    def.name.value
                )));
            }
        };
        alias_list.push(Alias {
            method: methods.claim(method, String::new),
            tl_name,
            holder,
            test,
        });
    }

    // A constructor's parameters that its fields use, with their places among its result's
    // arguments; a function's, all of them (validation has each used by a field).
    let names = super::resolve::param_names(def);
    let mut used: Vec<(&String, usize)> = Vec::new();
    for (p, name) in def.type_params.iter().zip(&names) {
        let at = def
            .result
            .args
            .iter()
            .position(|a| a.name == p.name.value)
            .unwrap_or(0);
        if def.section == tl_schema::Section::Functions || b.tys.iter().any(|t| uses(t, name)) {
            used.push((name, at));
        }
    }

    // `!X` is a whole field's type, plain or on a flag (validation refuses it elsewhere).
    let calls = def
        .type_params
        .iter()
        .zip(&names)
        .filter(|(p, _)| {
            def.fields.iter().any(|f| {
                matches!(&f.kind, FieldKind::Plain(ty) | FieldKind::Conditional { ty, .. }
                    if ty.bang && ty.name == p.name.value)
            })
        })
        .map(|(_, name)| name.clone())
        .collect();

    let result = resolver.resolve(def, &def.result)?;
    let answer_mask = match result.mask() {
        _ if def.section != tl_schema::Section::Functions => None,
        Some(MaskArg::Const(n)) => Some(AnswerMask::Const(n)),
        Some(MaskArg::Word(tl)) => Some(match b.word_of.get(&tl) {
            Some(&w) => AnswerMask::Word(w),
            None => AnswerMask::Field(
                nats.iter()
                    .find(|(t, _)| *t == tl)
                    .map(|(_, f)| *f)
                    .ok_or_else(|| {
                        Internal(format!(
                            "the field mask of `{}`'s result is no field",
                            def.name.value
                        ))
                    })?,
            ),
        }),
        Some(MaskArg::Own) | None => None,
    };
    Ok(Struct {
        tl_name: def.name.value.clone(),
        modules,
        // VK's `_` is named after its type: `ReqResultUntagged`, the variant `Untagged`.
        name: if tl_schema::ast::is_untagged_name(&def.name.value) {
            ident::type_name(&format!("{}Untagged", modules_of(&def.result.name).1))
        } else {
            ident::type_name(base)
        },
        id: def.id(id_rule),
        own_id: true,
        docs: docs.item,
        tl_line: docs.tl_line,
        generics: used.iter().map(|&(name, _)| name.clone()).collect(),
        positions: used.iter().map(|&(_, at)| at).collect(),
        calls,
        result,
        answer_mask,
        fields: b.fields,
        tl: b.tl,
        mask_bits: mask.map_or(0, |w| b.words[w.0].known),
        words: b.words,
        aliases: alias_list,
        tys: b.tys,
        variant: String::new(),
        boxed_in_enum: false,
        borrows: false,
        errors: None,
        mask,
        zeros: b.zeros,
    })
}

/// The bits that the conditions on the word at `key` test.
fn bits_of(members: &HashMap<(usize, u32), Vec<usize>>, key: usize) -> u32 {
    members
        .keys()
        .filter(|(w, _)| *w == key)
        .fold(0u32, |acc, (_, bit)| {
            acc | 1u32.checked_shl(*bit).unwrap_or(0)
        })
}

/// Whether `ty` names the type parameter `name` (Rust name).
fn uses(ty: &RType, name: &str) -> bool {
    match ty {
        RType::Param(p) => p == name,
        RType::Vector { elem, .. } | RType::Array { elem, .. } => uses(elem, name),
        RType::Applied { args, .. } => args.iter().any(|a| uses(a, name)),
        _ => false,
    }
}
