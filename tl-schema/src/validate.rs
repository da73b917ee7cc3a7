//! Checks that need the whole schema: ids, duplicates, unknown types, flag references, type
//! parameters and `%T`. Parsing did the local checks; code generation may assume all of these.

use crate::ast::{
    Definition, Field, FieldKind, Multiplier, Statement, StatementKind, Type, is_bare_name,
};
use crate::builtin::Builtin;
use crate::diag::{Diagnostic, Origin};
use crate::id::IdRule;
use crate::lexer::Section;
use std::collections::{HashMap, HashSet};

/// What validation needs besides the definitions.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// How ids are computed; `None` (the default) leaves it to the schema's own text
    /// ([`IdRule::detect`]). [`crate::Schema::id_rule`] says which rule was used.
    pub id_rule: Option<IdRule>,
    /// Constructors and functions whose written id is deliberately not the computed one.
    pub allow_id_mismatch: Vec<String>,
    /// Types defined outside the schema (`tl!`'s `extern(FutureSalts = ...)`, a custom builtin
    /// such as TON's `bigBytes ? = BigBytes;`): uses of these names, boxed or bare, are known.
    pub extern_types: Vec<String>,
    /// Every name the schema does not define is defined outside it: a single line checked on
    /// its own (a derive's `#[tl(line = "...")]`), whose types are the Rust fields' types.
    pub open: bool,
    /// How messages name the options above when they suggest one.
    pub spelling: Spelling,
}

/// How messages name the options that keep a schema as written: `tl!`'s attribute or
/// `tl check`'s flags. A user reads the remedy in the form they can write.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Spelling {
    /// `tl!`'s `extern(Name = path::to::Type)` and `allow_id_mismatch(name)`.
    #[default]
    Attribute,
    /// `tl check`'s `--extern NAME` and `--allow-id-mismatch NAME`.
    Flags,
}

impl Spelling {
    /// "name the Rust type … with `extern(name = path::to::Type)`", or the flag that does the
    /// same for `tl check`; `what` says what the Rust type is ("the Rust type that encodes it").
    fn name_extern(self, name: &str, what: &str) -> String {
        let entry = format!("extern({} = path::to::Type)", name_in_list(name));
        match self {
            Spelling::Attribute => format!("name {what} with `{entry}`"),
            Spelling::Flags => format!("pass `--extern {name}` (`tl!` takes {what}: `{entry}`)"),
        }
    }

    /// `id_rule = "tdlib"`, or the flag that does the same for `tl check`.
    fn id_rule(self, named: &str) -> String {
        match self {
            Spelling::Attribute => format!("`id_rule = \"{named}\"`"),
            Spelling::Flags => format!("`--id-rule {named}`"),
        }
    }

    /// The allow list, as a message names it when it speaks of an entry.
    fn allow_list(self) -> &'static str {
        match self {
            Spelling::Attribute => "allow_id_mismatch",
            Spelling::Flags => "`--allow-id-mismatch`",
        }
    }

    /// The extern list, as a message names it when it speaks of an entry.
    fn extern_list(self) -> &'static str {
        match self {
            Spelling::Attribute => "`extern`",
            Spelling::Flags => "`--extern`",
        }
    }

    /// `allow_id_mismatch(*)`, or the flag that does the same for `tl check`.
    fn allow_every_id(self) -> &'static str {
        match self {
            Spelling::Attribute => "`allow_id_mismatch(*)`",
            Spelling::Flags => "`--allow-id-mismatch '*'`",
        }
    }

    /// "name it in `allow_id_mismatch(name)`", or the flag that does the same for `tl check`.
    fn allow_id_mismatch(self, name: &str) -> String {
        match self {
            Spelling::Attribute => {
                format!("name it in `allow_id_mismatch({})`", name_in_list(name))
            }
            Spelling::Flags => format!("pass `--allow-id-mismatch {name}`"),
        }
    }
}

impl Config {
    /// Whether `name` is defined outside the schema.
    pub fn is_extern(&self, name: &str) -> bool {
        self.open || self.extern_types.iter().any(|e| e == name)
    }
}

/// Where a definition is, for messages that point back to it ("first defined at line 12").
pub trait Locate {
    /// A short description of where `def` is, such as `line 12` or `line 12 of schema/api.tl`.
    fn describe(&self, def: &Definition) -> String;
}

/// Validates `defs` and returns every problem found.
pub fn validate(defs: &[Definition], config: &Config, locate: &dyn Locate) -> Vec<Diagnostic> {
    let rule = config.id_rule.unwrap_or_else(|| IdRule::detect(defs));
    validate_by(defs, &[], config, rule, locate)
}

/// [`validate`] with the id rule already decided (`crate::check` keeps it in the schema).
pub(crate) fn validate_by(
    defs: &[Definition],
    statements: &[Statement],
    config: &Config,
    rule: IdRule,
    locate: &dyn Locate,
) -> Vec<Diagnostic> {
    let mut v = Validator {
        defs,
        config,
        rule,
        locate,
        diagnostics: Vec::new(),
        boxed: HashMap::new(),
        bare: HashMap::new(),
        polymorphic: HashMap::new(),
        dependent: HashMap::new(),
        nats_before: Vec::new(),
        missing: HashMap::new(),
        results_only: HashMap::new(),
        custom_builtins: HashMap::new(),
        zeros: None,
    };
    v.index();
    v.statements(statements);
    v.duplicate_names();
    v.ids();
    for def in defs {
        v.definition(def);
    }
    v.polymorphic_cycles();
    v.missing_summary();
    v.unused_externs();
    v.diagnostics
}

struct Validator<'a> {
    defs: &'a [Definition],
    config: &'a Config,
    /// `config.id_rule`, or the one the definitions imply.
    rule: IdRule,
    locate: &'a dyn Locate,
    diagnostics: Vec<Diagnostic>,
    /// Boxed type name to its constructors (types section only). Hash maps here, not B-trees:
    /// the order matters only to messages, which sort or take the least name. The macro's
    /// unoptimized build of this crate, which every crate holding a schema waits for, compiled
    /// 110,641 lines of LLVM IR with the B-trees and 92,960 without.
    boxed: HashMap<&'a str, Vec<&'a Definition>>,
    /// Constructor names (types section only).
    bare: HashMap<&'a str, &'a Definition>,
    /// The polymorphic types and their constructors (by both names), with their number of type
    /// arguments as the first constructor gives it: what every other name lacks.
    polymorphic: HashMap<&'a str, usize>,
    /// The types (by both names) whose first constructor takes a field mask from outside,
    /// `{fields_mask:#}` (VK's schemas): empty in nearly every schema.
    dependent: HashMap<&'a str, &'a Definition>,
    /// The `#` fields of the definition being checked declared before the field being checked:
    /// what may be passed to a type that takes a field mask (only kept while `dependent` is
    /// not empty).
    nats_before: Vec<&'a str>,
    /// Boxed types used but never defined, with the first use and the number of uses.
    missing: HashMap<String, (Origin, usize)>,
    /// Boxed types no constructor defines that functions name only as their result (MTProto's
    /// `http_wait … = HttpWait`), with the first such use: empty types, unless a field uses
    /// them too or they look like a slip.
    results_only: HashMap<&'a str, (Origin, usize)>,
    /// Builtin lines that declare a type the runtime does not have (`bigBytes ? = BigBytes;`),
    /// by both the type's and the constructor's name.
    custom_builtins: HashMap<&'a str, &'a Definition>,
    /// The zero values of the schema's types, collected on the first field under a bit of a
    /// field mask passed from outside (nearly no schema has one).
    zeros: Option<crate::zero::Zeros<'a>>,
}

impl<'a> Validator<'a> {
    /// [`Self::zeros`], collected once.
    fn zeros(&mut self) -> &crate::zero::Zeros<'a> {
        let (defs, rule) = (self.defs, self.rule);
        self.zeros
            .get_or_insert_with(|| crate::zero::Zeros::new(defs, rule))
    }

    fn push(&mut self, def: &Definition, range: core::ops::Range<usize>, message: String) {
        self.diagnostics
            .push(Diagnostic::new(def.source, range, message));
    }

    fn index(&mut self) {
        for def in self.defs.iter().filter(|d| d.section == Section::Types) {
            self.bare.entry(def.name.value.as_str()).or_insert(def);
            if def.builtin && Builtin::from_name(&def.result.name).is_none() {
                self.custom_builtins.insert(def.result.name.as_str(), def);
                self.custom_builtins.insert(def.name.value.as_str(), def);
            }
            if !def.builtin {
                let ctors = self.boxed.entry(def.result.name.as_str()).or_default();
                ctors.push(def);
                let arity = ctors[0].result.args.len();
                if arity > 0 {
                    self.polymorphic.insert(def.result.name.as_str(), arity);
                }
                if !def.result.args.is_empty() {
                    self.polymorphic
                        .entry(def.name.value.as_str())
                        .or_insert(def.result.args.len());
                }
                if ctors[0].nat_param().is_some() {
                    self.dependent.insert(def.result.name.as_str(), ctors[0]);
                }
                if def.nat_param().is_some() {
                    self.dependent.insert(def.name.value.as_str(), def);
                }
            }
        }
    }

    /// `New T;` with no constructor of `T` before it, `Final T;` with one before it and none
    /// after, `Empty T;` with none at all; each about a boxed type, in the types section. An
    /// empty type is then a known type without constructors.
    fn statements(&mut self, statements: &'a [Statement]) {
        let mut empty: Vec<&str> = Vec::new();
        for st in statements {
            let name = st.name.value.as_str();
            let keyword = st.kind.keyword();
            let push = |v: &mut Self, message: String| {
                v.diagnostics
                    .push(Diagnostic::new(st.source, st.range.clone(), message));
            };
            if st.section == Section::Functions {
                push(
                    self,
                    format!(
                        "`{keyword} {name};` is about a type: write it among the types, before `---functions---`"
                    ),
                );
                continue;
            }
            if Builtin::from_name(name).is_some() {
                // `Final Bool;` closes a builtin type, which the schema cannot add to anyway.
                if st.kind != StatementKind::Final {
                    push(
                        self,
                        format!(
                            "`{keyword} {name};` declares a new type, but `{name}` is a builtin"
                        ),
                    );
                }
                continue;
            }
            if is_bare_name(name) {
                push(
                    self,
                    format!("`{keyword} {name};` needs a boxed type (capitalized), found `{name}`"),
                );
                continue;
            }
            let ctors = self.boxed.get(name).map(Vec::as_slice).unwrap_or_default();
            let before = ctors.iter().copied().find(|d| st.follows(d));
            let after = ctors.iter().copied().find(|d| !st.follows(d));
            match (st.kind, before, after) {
                (StatementKind::New | StatementKind::Empty, Some(first), _) => {
                    let where_ = self.locate.describe(first);
                    push(
                        self,
                        format!(
                            "`{keyword} {name};` declares a new type, but `{name}` has the constructor `{}` before it ({where_})",
                            first.name.value
                        ),
                    );
                }
                (StatementKind::Empty, None, _) if empty.contains(&name) => {
                    push(self, format!("`{name}` is declared empty twice"));
                }
                (StatementKind::Final, None, _) => {
                    push(
                        self,
                        format!(
                            "`Final {name};` comes before any constructor of `{name}`: it closes a type that has its constructors"
                        ),
                    );
                }
                _ => {}
            }
            // A `Final` with nothing to close is reported above, not each constructor after it.
            let closes = st.kind == StatementKind::Empty
                || (st.kind == StatementKind::Final && before.is_some());
            if closes && let Some(late) = after {
                let message = format!(
                    "constructor `{}` comes after `{keyword} {name};`, which says `{name}` has no more",
                    late.name.value
                );
                self.push(late, late.name.range.clone(), message);
            }
            if st.kind == StatementKind::Empty {
                empty.push(name);
            }
        }
        for name in empty {
            self.boxed.entry(name).or_default();
        }
    }

    fn duplicate_names(&mut self) {
        let mut seen: HashMap<(Section, &str), &Definition> = HashMap::new();
        for def in self.defs {
            let key = (def.section, def.name.value.as_str());
            if let Some(first) = seen.get(&key) {
                let what = kind_of(def);
                let message = format!(
                    "duplicate {what} `{}`: first defined at {}",
                    def.name.value,
                    self.locate.describe(first)
                );
                self.push(def, def.name.range.clone(), message);
            } else {
                seen.insert(key, def);
            }
        }
    }

    /// Whether `def`'s written id may differ from the computed one: it is in the allow list, or
    /// it is one of the ids the published schemas freeze ([`crate::id::FROZEN`]).
    fn allowed(&self, def: &Definition) -> bool {
        let name = def.name.value.as_str();
        self.config
            .allow_id_mismatch
            .iter()
            .any(|a| a == name || a == EVERY_ID)
            || def
                .id
                .as_ref()
                .is_some_and(|w| crate::id::frozen(name, w.value))
    }

    fn ids(&mut self) {
        let rule = self.rule;
        // Written ids against the rule: those that differ, allowed or not.
        let mut written = 0;
        let mut differ = Vec::new();
        for def in self.defs {
            if let Some(id) = &def.id {
                written += 1;
                if !crate::id::holds(self.defs, def, rule, id.value) {
                    differ.push((def, id));
                }
            }
        }
        let any_differs = !differ.is_empty();
        // A line with a word that lost its `:type` is reported for that (see `definition`);
        // its id was computed from another text.
        differ.retain(|(def, _)| {
            !self.allowed(def) && !def.fields.iter().any(|f| self.lost_type(def, f))
        });
        // A schema whose written ids are mostly not computed ones assigns them by hand (VK's
        // do): the first mismatch says how to take them all.
        let wrong = differ.len();
        let mut by_hand = (wrong >= 4 && 2 * wrong > written).then(|| {
            format!(
                "; {wrong} of the schema's {written} written ids differ from the computed ones: if it assigns its ids by hand (as VK's schemas do), {} takes every written id as it is",
                self.config.spelling.allow_every_id()
            )
        });
        for (def, written) in differ {
            let computed = def.computed_id(rule);
            // A numbered name whose unnumbered one the schema defines is an older layer's
            // form (`decryptedMessage8`), whose id the check also takes: name that one too.
            let older = crate::id::unnumbered(&def.name.value)
                .filter(|base| self.defs.iter().any(|d| d.name.value == *base))
                .zip(crate::id::of_older_layer(def, rule))
                .map_or(String::new(), |(base, id)| {
                    format!(" (#{id:08x} as an older layer's form of `{base}`)")
                });
            let mut message = format!(
                "{} `{}` declares #{:0width$x} but its id is #{computed:08x}{older}",
                kind_of(def),
                def.name.value,
                written.value,
                // As the user wrote it: `#7efe0e` stays six digits.
                width = written.range.len().saturating_sub(1),
            );
            // The id may be right by the other rule: then the rule is what is wrong.
            let (other, named) = match rule {
                IdRule::Telegram => (IdRule::Tdlib, "tdlib"),
                IdRule::Tdlib => (IdRule::Telegram, "telegram"),
            };
            // How to keep an id that is meant: a derive's line takes it written twice;
            // `tl!` takes a list (gotd's `invokeWithTrace#104be9ab` is its own id).
            let keep = if self.config.open {
                format!("write it again as `id = {:#010x}`", written.value)
            } else {
                self.config.spelling.allow_id_mismatch(&def.name.value)
            };
            if def.computed_id(other) == written.value {
                // The rule is wrong for the whole schema, or this one line keeps an id
                // computed the other way (tgl's layer-46 `account.passwordInputSettings`).
                message.push_str(&format!(
                    " by {} rule; it is by {}: if the schema's ids are, {}; if only this line's is, {keep}",
                    rule_name(rule),
                    rule_name(other),
                    self.config.spelling.id_rule(named),
                ));
            } else {
                message.push_str(&format!(
                    "; if #{:08x} is meant (a frozen or private id), {keep}",
                    written.value
                ));
            }
            message.extend(by_hand.take());
            self.push(def, written.range.clone(), message);
        }
        // The allow list: every entry must name a definition whose written id really differs.
        for (index, name) in self.config.allow_id_mismatch.iter().enumerate() {
            let matching: Vec<&Definition> =
                self.defs.iter().filter(|d| &d.name.value == name).collect();
            let list = self.config.spelling.allow_list();
            let message = if name == EVERY_ID {
                (!any_differs).then(|| {
                    format!(
                        "`*` in {list}: every written id is the computed one, so none needs taking as it is"
                    )
                })
            } else if matching.is_empty() {
                let names = self.defs.iter().map(|d| d.name.value.as_str());
                Some(format!(
                    "`{name}` in {list} matches no constructor or function{}",
                    did_you_mean(name, names, false)
                ))
            } else if matching.iter().all(|d| d.has_own_id(rule)) {
                let id = matching[0].id(rule);
                let remove = match self.config.spelling {
                    Spelling::Attribute => "remove it from the list",
                    Spelling::Flags => "drop that flag",
                };
                Some(format!(
                    "`{name}` in {list} already has the computed id #{id:08x}: {remove}"
                ))
            } else {
                None
            };
            if let Some(message) = message {
                self.diagnostics.push(Diagnostic {
                    origin: Origin::AllowList(index),
                    message,
                });
            }
        }
        // Ids must be unique among types and among functions.
        let mut seen: HashMap<(Section, u32), &Definition> = HashMap::new();
        for def in self.defs {
            let id = def.id(rule);
            match seen.get(&(def.section, id)) {
                // A repeated name is reported once, as a duplicate name.
                Some(first)
                    if first.name.value != def.name.value
                        && !self.allowed(def)
                        && !self.allowed(first) =>
                {
                    let range = def
                        .id
                        .as_ref()
                        .map_or(def.name.range.clone(), |i| i.range.clone());
                    let message = format!(
                        "{} `{}` has id #{id:08x}, already used by `{}` at {}",
                        kind_of(def),
                        def.name.value,
                        first.name.value,
                        self.locate.describe(first)
                    );
                    self.push(def, range, message);
                }
                Some(_) => {}
                None => {
                    seen.insert((def.section, id), def);
                }
            }
        }
    }

    fn definition(&mut self, def: &'a Definition) {
        if def.builtin {
            // Builtin lines describe the runtime's primitives; their fields are not Rust fields.
            return;
        }
        if def.nat_param().is_some() {
            self.nat_params(def);
        }
        if crate::ast::is_untagged_name(&def.name.value) {
            self.untagged(def);
        }
        if def.section == Section::Functions {
            self.unused_params(def);
        }
        if def.section == Section::Types {
            let result = &def.result;
            if self.config.extern_types.contains(&result.name) {
                let message = format!(
                    "constructor `{}` defines `{result}`, which is declared extern (defined outside the schema): remove one of the two",
                    def.name.value
                );
                self.push(def, def.name.range.clone(), message);
            }
            let builtin = Builtin::from_name(&result.name);
            if is_bare_name(&result.name) || result.bang || result.percent {
                let message = format!(
                    "the result of constructor `{}` must be a boxed type (capitalized), found `{result}`",
                    def.name.value
                );
                self.push(def, result.range.clone(), message);
            } else if builtin.is_some_and(|b| b != Builtin::Object) {
                let message = format!(
                    "constructor `{}` cannot add a constructor to the builtin type `{result}`",
                    def.name.value
                );
                self.push(def, result.range.clone(), message);
            } else if builtin == Some(Builtin::Object)
                && let Some(first) = result.args.first()
            {
                // TON's `liteServer.query data:bytes = Object;` is a constructor of `Object`,
                // which is any boxed value and has no variables to give.
                let message = format!("type `{}` takes no type arguments", result.name);
                self.push(def, first.range.clone(), message);
            }
            self.polymorphic_result(def);
            if def.nat_param().is_none()
                && let Some(first) = self.dependent.get(def.result.name.as_str())
            {
                let message = format!(
                    "`{}` takes a field mask here as `{}` does ({}): every constructor of a type that takes one declares it, `{{{}:#}}`",
                    def.result.name,
                    first.name.value,
                    self.locate.describe(first),
                    first
                        .nat_param()
                        .map_or("fields_mask", |p| p.name.value.as_str())
                );
                self.push(def, def.result.range.clone(), message);
            }
        } else if self.is_empty_type(def, &def.result) {
            let entry = self
                .results_only
                .entry(def.result.name.as_str())
                .or_insert_with(|| {
                    let origin = Origin::Text {
                        source: def.source,
                        range: def.result.range.clone(),
                    };
                    (origin, 0)
                });
            entry.1 += 1;
        } else {
            if !self.dependent.is_empty() {
                self.nats_before = def.flag_fields().collect();
                if let Some(misplaced) = self.misplaced_dependent(&def.result, 1) {
                    self.misplaced(def, misplaced);
                }
            }
            self.type_ref(def, &def.result);
        }
        let mut nat_fields: Vec<&str> = Vec::new();
        let mut field_names: Vec<&str> = Vec::new();
        // Whether a `#` field counts a repetition (then [`Self::counters`] checks each counts one).
        let mut counted = false;
        for field in &def.fields {
            if !self.dependent.is_empty() {
                self.nats_before.clone_from(&nat_fields);
                self.dependent_places(def, field);
            }
            let own_name = field.own_name();
            if let Some(name) = own_name {
                if field_names.contains(&name.value.as_str()) {
                    let message =
                        format!("duplicate field `{}` in `{}`", name.value, def.name.value);
                    self.push(def, name.range.clone(), message);
                }
                field_names.push(&name.value);
            }
            match &field.kind {
                FieldKind::Plain(ty) => {
                    if ty.is_nat() {
                        if let Some(name) = own_name {
                            nat_fields.push(&name.value);
                        }
                    } else if self.lost_type(def, field) {
                        // `user id int = User;`: a name without its `:type` reads as an
                        // anonymous field of an unknown type.
                        let message = format!(
                            "`{}` is neither a field `name:type` nor a known type: write `{}:type` for a field, or define the constructor `{}`",
                            ty.name, ty.name, ty.name
                        );
                        self.push(def, ty.range.clone(), message);
                    } else if !held_call(def, field) {
                        self.type_ref(def, ty);
                    }
                }
                FieldKind::Conditional { flag, bit, ty } => {
                    // A `{flags:#}` parameter's bits: the parameter's own error says it.
                    if !nat_fields.contains(&flag.value.as_str()) && !is_nat_param(def, &flag.value)
                    {
                        let message = if def.fields.iter().any(|f| {
                            f.name.as_ref().is_some_and(|n| n.value == flag.value)
                                && matches!(&f.kind, FieldKind::Plain(t) if t.is_nat())
                        }) {
                            format!(
                                "flag condition `{}.{}` names the `#` field `{}`, which is declared after it",
                                flag.value, bit.value, flag.value
                            )
                        } else if is_conditional_nat(def, &flag.value) {
                            format!(
                                "flag condition `{}.{}` names `{}`, a `#` field that is itself conditional: the field whose bits are tested must always be present",
                                flag.value, bit.value, flag.value
                            )
                        } else {
                            format!(
                                "flag condition `{}.{}` names no `#` field declared before it in `{}`{}",
                                flag.value,
                                bit.value,
                                def.name.value,
                                did_you_mean(&flag.value, nat_fields.iter().copied(), false)
                            )
                        };
                        self.push(def, flag.range.clone(), message);
                    }
                    if bit.value > 31 {
                        let message = format!(
                            "flag bit {} of `{}` is above 31: a `#` field has 32 bits",
                            if bit.value == u32::MAX {
                                "(too large)".to_string()
                            } else {
                                bit.value.to_string()
                            },
                            flag.value
                        );
                        self.push(def, bit.range.clone(), message);
                    }
                    // `t:fields_mask.10?#` (VK's schemas) is a number that may be absent,
                    // as `t:fields_mask.10?int` is; it counts and flags nothing.
                    if !ty.is_nat() {
                        self.type_ref(def, ty);
                    }
                    if is_nat_param(def, &flag.value)
                        && let Err(why) = self.zeros().of(def, ty)
                    {
                        let message = format!(
                            "`{ty}` under a bit of `{}`, a field mask passed from outside, needs a zero value: where the mask has the bit and the value is absent, VK's encoding writes one (0, empty, `boolFalse`, a boxed type's first constructor), but {why}: hold it in a vector, or under a bit of a `#` field of `{}`",
                            flag.value, def.name.value
                        );
                        self.push(def, ty.range.clone(), message);
                    }
                }
                FieldKind::Repeat {
                    multiplier: Some(Multiplier::Field(counter)),
                    fields,
                    ..
                } => {
                    // A count not written is the natural number the parser found before it.
                    let written = !counter.range.is_empty();
                    let implied = if written {
                        ""
                    } else {
                        "the repetition has no count written, so TL counts it by the last natural number before it: "
                    };
                    if is_nat_param(def, &counter.value) {
                        let message = format!(
                            "{implied}repetition count `{}` is the field mask passed to `{}` from outside, which `tl!` takes only for flag conditions: count a repetition with a `#` field (`n:# items:n*[ int ]`)",
                            counter.value, def.name.value
                        );
                        self.push(def, counter.range.clone(), message);
                    } else if is_conditional_nat(def, &counter.value) {
                        let message = format!(
                            "{implied}repetition count `{}` names a `#` field that is itself conditional: the count must always be present",
                            counter.value
                        );
                        self.push(def, counter.range.clone(), message);
                    } else if written && !nat_fields.contains(&counter.value.as_str()) {
                        let message = format!(
                            "repetition count `{}` names no `#` field declared before it in `{}`{}",
                            counter.value,
                            def.name.value,
                            did_you_mean(&counter.value, nat_fields.iter().copied(), false)
                        );
                        self.push(def, counter.range.clone(), message);
                    }
                    self.repetition(def, &counter.value, fields, field);
                    counted = true;
                }
                FieldKind::Repeat {
                    multiplier: Some(Multiplier::Constant(n)),
                    fields,
                    ..
                } if field.fixed_count().is_some() => {
                    let n = *n;
                    if n > crate::ast::MAX_FIXED_COUNT {
                        let message = format!(
                            "a repetition of a constant count holds at most {} elements (a Rust array, held inline), not {n}",
                            crate::ast::MAX_FIXED_COUNT
                        );
                        self.push(def, field.range.clone(), message);
                    }
                    self.repetition(def, &n.to_string(), fields, field);
                    // An array holds its elements inline: a bare constructor could hold the
                    // array's own definition, a cycle no box can break. (A Rust type named by
                    // `extern`, or a derive's, is the user's to lay out.)
                    if let [
                        Field {
                            kind: FieldKind::Plain(ty),
                            ..
                        },
                    ] = fields.as_slice()
                        && self.bare_constructor(def, ty)
                    {
                        let message = format!(
                            "a repetition of a constant count repeats a boxed or builtin type (`{n}*[ int ]`, `{n}*[ Point ]`), not the bare constructor `{ty}`"
                        );
                        self.push(def, ty.range.clone(), message);
                    }
                }
                FieldKind::Repeat { .. } | FieldKind::Opaque => {}
            }
        }
        if counted {
            self.counters(def);
        }
    }

    /// A repetition `n*[ T ]` (`multiplier` is `n` as written): one field repeated, of a type
    /// that any field could have.
    fn repetition(&mut self, def: &Definition, multiplier: &str, fields: &[Field], field: &Field) {
        match fields {
            [
                Field {
                    kind: FieldKind::Plain(ty),
                    ..
                },
            ] if !ty.is_nat() && !ty.bang => self.type_ref(def, ty),
            [inner] => {
                let what = match &inner.kind {
                    FieldKind::Plain(ty) if ty.bang => "a call (`!X`)",
                    FieldKind::Plain(_) => "a `#` field",
                    FieldKind::Conditional { .. } => "a field with a flag condition",
                    FieldKind::Repeat { .. } => "another repetition",
                    FieldKind::Opaque => "`?`",
                };
                let message = format!(
                    "a repetition repeats a field of a type, as in `{multiplier}*[ int ]`, not {what}"
                );
                self.push(def, inner.range.clone(), message);
            }
            _ => {
                let message = format!(
                    "a repetition of {} fields is not supported: repeat one field (`{multiplier}*[ int ]`), or a constructor holding them (`{multiplier}*[ point ]`)",
                    fields.len(),
                );
                self.push(def, field.range.clone(), message);
            }
        }
    }

    /// Each `#` field that counts a repetition counts that one alone: it is written from the
    /// repetition's length, so it cannot also hold flags or count another.
    fn counters(&mut self, def: &Definition) {
        let mut counted: Vec<&str> = Vec::new();
        for field in &def.fields {
            let Some(counter) = field.kind.counted_by() else {
                continue;
            };
            let name = counter.value.as_str();
            // One that may be absent, or a `{n:#}` parameter, has its own error already.
            if is_conditional_nat(def, name) || is_nat_param(def, name) {
                continue;
            }
            let message = if counted.contains(&name) {
                format!(
                    "`#` field `{name}` counts two repetitions: give each a `#` field of its own"
                )
            } else if def.fields.iter().any(
                |f| matches!(&f.kind, FieldKind::Conditional { flag, .. } if flag.value == name),
            ) {
                format!(
                    "`#` field `{name}` counts a repetition and holds flags: give each a `#` field of its own"
                )
            } else {
                counted.push(name);
                continue;
            };
            self.push(def, counter.range.clone(), message);
        }
    }

    /// A constructor's result `Pair X Y`: its arguments are its type variables, each once, as
    /// many as the type's first constructor has; each `{X:Type}` it declares is one of them
    /// (else nothing would say what `X` is). A function's `{X:Type}` must be used by a field.
    fn polymorphic_result(&mut self, def: &'a Definition) {
        let result = &def.result;
        let mut seen: Vec<&str> = Vec::new();
        for arg in &result.args {
            let is_var = arg.args.is_empty()
                && !arg.bang
                && !arg.percent
                && def.type_params.iter().any(|p| p.name.value == arg.name);
            if !is_var {
                let message = format!(
                    "the arguments of a constructor's result are its type variables (`pair {{X:Type}} {{Y:Type}} x:X y:Y = Pair X Y`), found `{arg}` in `{result}`"
                );
                self.push(def, arg.range.clone(), message);
            } else if seen.contains(&arg.name.as_str()) {
                let message = format!(
                    "type variable `{}` is repeated in the result `{result}`",
                    arg.name
                );
                self.push(def, arg.range.clone(), message);
            }
            seen.push(&arg.name);
        }
        // A variable that only a held call names (`engine.query {X:Type} query:!X`) is no
        // argument of the result.
        let call = def
            .fields
            .last()
            .filter(|f| held_call(def, f))
            .and_then(|f| match &f.kind {
                FieldKind::Plain(ty) => Some(ty.name.as_str()),
                _ => None,
            });
        for param in def.type_params.iter().filter(|p| !p.implicit) {
            if !seen.contains(&param.name.value.as_str()) && call != Some(param.name.value.as_str())
            {
                let message = format!(
                    "type variable `{}` of constructor `{}` is not an argument of its result: write `= {} … {}`",
                    param.name.value, def.name.value, result.name, param.name.value
                );
                self.push(def, param.name.range.clone(), message);
            }
        }
        // Without any polymorphic type, every constructor has none of them.
        if result.args.is_empty() && self.polymorphic.is_empty() {
            return;
        }
        let first = self
            .boxed
            .get(result.name.as_str())
            .and_then(|ctors| ctors.first().copied());
        if let Some(first) = first
            && first.result.args.len() != result.args.len()
        {
            let message = format!(
                "`{}` takes {} here but {} in `{}` ({}): every constructor of a type has the same type arguments",
                result.name,
                arguments(result.args.len()),
                arguments(first.result.args.len()),
                first.name.value,
                self.locate.describe(first)
            );
            self.push(def, result.range.clone(), message);
        }
    }

    /// VK's `_` (`_ {X:Type} result:X = ReqResult X;`): a constructor written without an id,
    /// read when the id ahead is none of its type's others', of a type that takes no field
    /// mask; no function. (A second `_` is a duplicate name.)
    fn untagged(&mut self, def: &Definition) {
        let message = if def.section == Section::Functions {
            "`_` names a constructor without an id (VK's `_ {X:Type} result:X = ReqResult X;`), not a function"
        } else if def.nat_param().is_some() {
            "`_`, a constructor without an id, cannot take a field mask: its type's others would have to, and `_` is read by what the others are not"
        } else {
            return;
        };
        self.push(def, def.name.range.clone(), message.to_string());
    }

    /// A constructor's `{fields_mask:#}` (VK's field mask, passed from outside): one, on a
    /// constructor, with no `{X:Type}` beside it. Its conditions are checked with the fields.
    fn nat_params(&mut self, def: &Definition) {
        let first = def.nat_param().map(|p| p.name.value.as_str());
        for param in def.type_params.iter() {
            let message = if def.section == Section::Functions && param.kind == "#" {
                format!(
                    "`{{{}:#}}` on a function: a function takes its numbers as fields (`{}:#`), which its result may name (`= T {}`)",
                    param.name.value, param.name.value, param.name.value
                )
            } else if def.section == Section::Functions {
                continue;
            } else if param.kind == "#" && Some(param.name.value.as_str()) != first {
                format!(
                    "`{{{}:#}}` is a second natural-number parameter of `{}`: `tl!` takes one field mask per constructor (VK's `{{fields_mask:#}}`)",
                    param.name.value, def.name.value
                )
            } else if param.kind != "#" {
                format!(
                    "`{{{}:{}}}` beside a field mask: `tl!` takes a constructor's `{{{}:#}}` only without type variables",
                    param.name.value,
                    param.kind,
                    first.unwrap_or_default()
                )
            } else {
                continue;
            };
            self.push(def, param.name.range.clone(), message);
        }
    }

    /// The field mask passed to `ty`, a type that takes one (`(engine.ReadWriteMode
    /// fields_mask)`): a `#` field declared before it, the constructor's own `{n:#}`, or a
    /// number.
    fn dependent_args(&mut self, def: &Definition, ty: &Type) {
        for arg in &ty.args {
            let plain = arg.args.is_empty() && !arg.bang && !arg.percent;
            let name = arg.name.as_str();
            let message = if plain && arg.is_number() {
                if arg.constant().is_some() {
                    continue;
                }
                format!(
                    "the field mask `{arg}` passed to `{}` is beyond 32 bits",
                    ty.name
                )
            } else if plain && is_nat_param(def, name) {
                continue;
            } else if plain && self.nats_before.contains(&name) {
                if def
                    .fields
                    .iter()
                    .any(|f| f.kind.counted_by().is_some_and(|c| c.value == name))
                {
                    format!(
                        "`#` field `{name}` counts a repetition and is passed to `{}`: give each a `#` field of its own",
                        ty.name
                    )
                } else {
                    continue;
                }
            } else if plain && nat_field(def, name).is_some() {
                format!(
                    "`{name}`, passed to `{}`, must be a `#` field declared before it and always present",
                    ty.name
                )
            } else {
                format!(
                    "`{arg}` passed to `{}`, which takes a field mask (`{{fields_mask:#}}`), not a type: pass a `#` field declared before it, a number, or the constructor's own `{{n:#}}`",
                    ty.name
                )
            };
            self.push(def, arg.range.clone(), message);
        }
    }

    /// Where a type that takes a field mask is given one: a field's whole type, or its vector's
    /// elements; not under a flag condition, in a repetition, a tuple or another type's
    /// arguments.
    fn dependent_places(&mut self, def: &Definition, field: &Field) {
        let misplaced = match &field.kind {
            FieldKind::Plain(ty) => self.misplaced_dependent(ty, 2),
            FieldKind::Conditional { ty, .. } => self.misplaced_dependent(ty, 0),
            FieldKind::Repeat { fields, .. } => fields.iter().find_map(|f| match &f.kind {
                FieldKind::Plain(ty) | FieldKind::Conditional { ty, .. } => {
                    self.misplaced_dependent(ty, 0)
                }
                _ => None,
            }),
            FieldKind::Opaque => None,
        };
        if let Some(ty) = misplaced {
            self.misplaced(def, ty);
        }
    }

    fn misplaced(&mut self, def: &Definition, ty: &Type) {
        let message = format!(
            "`{ty}` is given a field mask here, where `tl!` cannot pass it: a field's whole type may take one (`x:(T fields_mask)`), or its vector's elements (`xs:(vector (T fields_mask))`), and a function's result (`= T fields_mask`); not a flag's value, a repetition, a tuple or another type's argument"
        );
        self.push(def, ty.range.clone(), message);
    }

    /// The first use in `ty` of a type that takes a field mask, given one, where `level` does
    /// not let it be: 2 is a field's whole type (itself or its vector's elements), 1 a vector's
    /// elements or a function's result (itself), 0 anywhere else.
    fn misplaced_dependent<'t>(&self, ty: &'t Type, level: u8) -> Option<&'t Type> {
        if !ty.args.is_empty() && self.dependent.contains_key(ty.name.as_str()) {
            return (level == 0).then_some(ty);
        }
        let inner = if level == 2 && Builtin::from_name(&ty.name) == Some(Builtin::Vector) {
            1
        } else {
            0
        };
        ty.args
            .iter()
            .find_map(|a| self.misplaced_dependent(a, inner))
    }

    /// A function's `{X:Type}` that no field uses.
    fn unused_params(&mut self, def: &Definition) {
        if def.type_params.is_empty() {
            return;
        }
        // A repetition's elements too: `n:# xs:n*[ X ]` is a `Vec<X>`, as `xs:vector<X>` is.
        let types = def.field_types();
        // A `{n:#}` has an error of its own on a function.
        for param in def.type_params.iter().filter(|p| p.kind != "#") {
            let used = types
                .iter()
                .any(|ty| mentions_directly(ty, &param.name.value));
            if !used {
                let message = format!(
                    "type variable `{}` of function `{}` is used by no field (as `!{}`, or as a field's type or its vector's elements): write a field such as `query:!{}`, or remove it",
                    param.name.value, def.name.value, param.name.value, param.name.value
                );
                self.push(def, param.name.range.clone(), message);
            }
        }
    }

    /// The number of type arguments `ty`'s name takes: 1 for `Vector`, 0 for other builtins,
    /// its constructors' result arguments for a type or constructor of the schema (`None` when
    /// the schema does not define it, and `ty` has arguments).
    fn arity(&self, ty: &Type, builtin: Option<Builtin>) -> Option<usize> {
        if let Some(builtin) = builtin {
            return Some(usize::from(builtin.is_generic()));
        }
        let name = ty.name.as_str();
        // Nearly every name, in nearly every schema: no lookup at all (a hash map's lookup is a
        // thousand instructions in the unoptimized macro, paid for every field).
        if !self.polymorphic.is_empty()
            && let Some(&arity) = self.polymorphic.get(name)
        {
            return Some(arity);
        }
        // Every other name of the schema takes none.
        let defined = ty.args.is_empty()
            || if is_bare_name(name) && !ty.percent {
                self.bare.contains_key(name)
            } else {
                self.boxed.contains_key(name)
            };
        defined.then_some(0)
    }

    /// The arguments of a polymorphic type of the schema (`Pair int string`): any type but `#`
    /// and `!X` (a bare vector is `tl_runtime::BareVector` there, a tuple `Tuple`); in a
    /// constructor, a type variable only as a whole argument, so that no type holds itself with
    /// ever larger arguments (a function is no type: `Pair X (Vector X)` is fine as its result).
    fn polymorphic_args(&mut self, def: &Definition, ty: &Type) {
        for arg in &ty.args {
            let message = if arg.bang {
                Some(format!(
                    "`{arg}` cannot be an argument of `{}`: `!X` is only a function's field",
                    ty.name
                ))
            } else if !arg.args.is_empty()
                && def.section == Section::Types
                && def.type_params.iter().any(|p| mentions(arg, &p.name.value))
            {
                Some(format!(
                    "`{arg}` as an argument of `{}`: a type variable may be a whole argument (`{} X`), not part of one",
                    ty.name, ty.name
                ))
            } else {
                None
            };
            if let Some(message) = message {
                self.push(def, arg.range.clone(), message);
            }
        }
    }

    /// A polymorphic type that holds itself, directly or through others, with arguments other
    /// than its type variables (`P long C X` inside `P A B C`) is another Rust type at every
    /// turn of the cycle: `P<A, B, C>` holds `P<i64, C, X>`, which holds `P<i64, X, X>`, … The
    /// arguments come from a finite set, so the types are finitely many, but rustc's drop check
    /// walks them one after another and gives up at a depth of 128 (E0320, "overflow while
    /// adding drop-check rules") on code `tl!` would emit. Where one type makes more than
    /// [`POLYMORPHIC_INSTANCES`] of itself so, that is an error at the first argument that
    /// makes them; a cycle that passes on its variables (`Tree T` in `tree`), or a few others,
    /// is fine.
    fn polymorphic_cycles(&mut self) {
        if self.polymorphic.is_empty() {
            return;
        }
        /// An argument of one of the Rust types made from the first: one of its variables, or
        /// a type without variables, by its text.
        #[derive(Clone, PartialEq, Eq, Hash)]
        enum Arg {
            Var(usize),
            Fixed(String),
        }
        /// Which of `def`'s type variables `arg` is, by its place in `def`'s result.
        fn variable(def: &Definition, arg: &Type) -> Option<usize> {
            if !arg.args.is_empty() {
                return None;
            }
            def.result.args.iter().position(|v| v.name == arg.name)
        }
        fn applications<'t>(ty: &'t Type, out: &mut Vec<&'t Type>) {
            if !ty.args.is_empty() {
                out.push(ty);
            }
            for arg in &ty.args {
                applications(arg, out);
            }
        }
        // The polymorphic type a name written in a field stands for, if any: a boxed type, or
        // a bare constructor's type.
        let target = |name: &str| -> Option<&'a str> {
            if !self.polymorphic.contains_key(name) {
                return None;
            }
            match self.boxed.get(name) {
                Some(ctors) => ctors.first().map(|c| c.result.name.as_str()),
                None => self.bare.get(name).map(|c| c.result.name.as_str()),
            }
        };
        // Per polymorphic type, in the order of its first constructor: each constructor with
        // the applications of polymorphic types its fields hold.
        type Uses<'a> = Vec<(&'a Definition, Vec<(&'a Type, &'a str)>)>;
        let mut types: Vec<(&'a str, Uses<'a>)> = Vec::new();
        for def in self
            .defs
            .iter()
            .filter(|d| d.section == Section::Types && !d.builtin && !d.result.args.is_empty())
        {
            let mut found = Vec::new();
            for ty in def.field_types() {
                applications(ty, &mut found);
            }
            let held: Vec<(&Type, &str)> = found
                .into_iter()
                .filter_map(|ty| Some((ty, target(&ty.name)?)))
                .collect();
            let of = def.result.name.as_str();
            match types.iter_mut().find(|(name, _)| *name == of) {
                Some((_, uses)) => uses.push((def, held)),
                None => types.push((of, vec![(def, held)])),
            }
        }
        let uses_of = |name: &str| types.iter().find(|(n, _)| *n == name).map(|(_, u)| u);
        let reaches = |from: &str, to: &str| {
            let mut seen: Vec<&str> = vec![from];
            let mut stack = vec![from];
            while let Some(at) = stack.pop() {
                if at == to {
                    return true;
                }
                for (_, held) in uses_of(at).into_iter().flatten() {
                    for &(_, next) in held {
                        if !seen.contains(&next) {
                            seen.push(next);
                            stack.push(next);
                        }
                    }
                }
            }
            false
        };
        let mut reported = Vec::new();
        for (root, ctors) in &types {
            let arity = ctors[0].0.result.args.len();
            let first = (*root, (0..arity).map(Arg::Var).collect::<Vec<_>>());
            let mut seen: HashSet<(&str, Vec<Arg>)> = HashSet::new();
            let mut stack = vec![first.clone()];
            seen.insert(first);
            while let Some((ty, args)) = stack.pop() {
                if seen.len() > POLYMORPHIC_INSTANCES {
                    break;
                }
                for (def, held) in uses_of(ty).into_iter().flatten() {
                    for &(app, to) in held {
                        let made: Vec<Arg> = app
                            .args
                            .iter()
                            .map(|a| match variable(def, a).and_then(|i| args.get(i)) {
                                Some(arg) => arg.clone(),
                                None => Arg::Fixed(a.to_string()),
                            })
                            .collect();
                        if seen.insert((to, made.clone())) {
                            stack.push((to, made));
                        }
                    }
                }
            }
            if seen.len() <= POLYMORPHIC_INSTANCES {
                continue;
            }
            // The first argument, in a constructor on the cycle, that is not a variable of
            // its constructor; or, where every one is, the first that is not in its place.
            let mut culprit = None;
            for loose in [true, false] {
                for (_, ctors) in types
                    .iter()
                    .filter(|(n, _)| reaches(root, n) && reaches(n, root))
                {
                    for (def, held) in ctors {
                        for &(app, to) in held {
                            if !reaches(to, root) {
                                continue;
                            }
                            let at = app.args.iter().enumerate().find(|(i, a)| {
                                let var = variable(def, a);
                                if loose {
                                    var.is_none()
                                } else {
                                    var != Some(*i)
                                }
                            });
                            if let Some((_, arg)) = at {
                                culprit = culprit.or(Some((*def, app, arg)));
                            }
                        }
                    }
                }
                if culprit.is_some() {
                    break;
                }
            }
            let Some((def, app, arg)) = culprit else {
                continue;
            };
            let key = (def.source, arg.range.start);
            if reported.contains(&key) {
                continue;
            }
            reported.push(key);
            let own: Vec<&str> = ctors[0]
                .0
                .result
                .args
                .iter()
                .map(|a| a.name.as_str())
                .collect();
            let message = format!(
                "`{arg}` as an argument of `{}` here makes `{root}` hold itself with other arguments than its type variables: more than {POLYMORPHIC_INSTANCES} Rust types of it, which rustc's drop check cannot follow (E0320); in a cycle, pass on type variables (`{root} {}`)",
                app.name,
                own.join(" "),
            );
            self.push(def, arg.range.clone(), message);
        }
    }

    /// Whether `ty` is a plain name (no arguments, `!` or `%`) that is neither a builtin, a
    /// builtin line's type nor one of `def`'s type variables: what [`Self::is_empty_type`] and
    /// [`Self::unknown_word`] ask first.
    fn plain_unknown(&self, def: &Definition, ty: &Type) -> bool {
        let name = ty.name.as_str();
        ty.args.is_empty()
            && !ty.bang
            && !ty.percent
            && Builtin::from_name(name).is_none()
            && !self.custom_builtins.contains_key(name)
            && !def.type_params.iter().any(|p| p.name.value == name)
    }

    /// Whether `ty`, the result of the function `def`, is a plain boxed name that nothing
    /// defines: neither a constructor, a builtin, an extern type nor a type variable.
    fn is_empty_type(&self, def: &Definition, ty: &Type) -> bool {
        let name = ty.name.as_str();
        !is_bare_name(name)
            && name.chars().count() > 1
            && !self.boxed.contains_key(name)
            && !self.config.is_extern(name)
            && self.plain_unknown(def, ty)
    }

    /// A function that has `name` as its result and is named like its constructor (`dataJSON`
    /// for `DataJSON`): a constructor pasted after `---functions---`, a common slip.
    fn misplaced_constructor(&self, name: &str) -> Option<&'a Definition> {
        let mut lowered = crate::ast::base_name(name).to_string();
        if let Some(first) = lowered.get_mut(..1) {
            first.make_ascii_lowercase();
        }
        self.defs.iter().find(|d| {
            d.section == Section::Functions
                && d.result.name == name
                && crate::ast::base_name(&d.name.value).starts_with(&lowered)
        })
    }

    /// Whether `field` is a word that lost its `:type` (the `id` of `user id int = User;`):
    /// written as a type alone, a word that names nothing ([`Self::unknown_word`]). Not a name
    /// with a namespace, which no field has: tycho-consensus's `journal.point ref_count:int32
    /// journal.pointStoredData = journal.Point;` means the type `journal.PointStoredData`.
    fn lost_type(&self, def: &Definition, field: &Field) -> bool {
        matches!(&field.kind, FieldKind::Plain(ty)
            if field.name.is_none() && !ty.name.contains('.') && self.unknown_word(def, ty))
    }

    /// Whether `ty` is a lowercase word that names nothing the schema or the runtime defines:
    /// not a builtin, a constructor, an extern type or one of `def`'s type variables.
    fn unknown_word(&self, def: &Definition, ty: &Type) -> bool {
        let name = ty.name.as_str();
        is_bare_name(name)
            && !self.bare.contains_key(name)
            // Not `is_extern`: a derive's line, where every name may be defined outside, is
            // where a forgotten `:type` is likeliest.
            && !self.config.extern_types.iter().any(|e| e == name)
            && self.plain_unknown(def, ty)
    }

    /// Checks that a type used in `def` exists.
    fn type_ref(&mut self, def: &Definition, ty: &Type) {
        let is_param = def.type_params.iter().any(|p| p.name.value == ty.name);
        if ty.bang {
            if def.section == Section::Types {
                let message = format!(
                    "`!{}` is only for functions (a field holding a call): a constructor's field is `x:{}`, or, holding any call as its bytes, its last field with `{}` not in its result (`query:!{}`)",
                    ty.name, ty.name, ty.name, ty.name
                );
                self.push(def, ty.range.clone(), message);
            } else if !is_param {
                let message = format!(
                    "`!{}` needs a type parameter `{{{}:Type}}` before the fields of `{}`",
                    ty.name, ty.name, def.name.value
                );
                self.push(def, ty.range.clone(), message);
            }
            return;
        }
        if is_param {
            if is_nat_param(def, &ty.name) {
                let message = format!(
                    "`{}` is the field mask `{{{}:#}}` of `{}`, a number, not a type: it may be tested by flag conditions (`x:{}.0?int`) or passed to a type that takes one (`(T {})`)",
                    ty.name, ty.name, def.name.value, ty.name, ty.name
                );
                self.push(def, ty.range.clone(), message);
            }
            return;
        }
        if ty.is_nat() {
            let message = "`#` may only be the type of a whole field, or an element of a vector or a tuple (`%(Vector #)`, `%(Tuple # 8)`)".to_string();
            self.push(def, ty.range.clone(), message);
            return;
        }
        let name = ty.name.as_str();
        let builtin = Builtin::from_name(name);
        if builtin == Some(Builtin::Tuple) {
            self.tuple(def, ty);
            return;
        }
        let generic = builtin.is_some_and(Builtin::is_generic);
        // A type that takes a field mask (VK's): its argument is a number, not a type.
        let dependent =
            !self.dependent.is_empty() && !ty.args.is_empty() && self.dependent.contains_key(name);
        match (generic, self.arity(ty, builtin), ty.args.len()) {
            // A type the schema does not define: its error is its own, below (and a type
            // defined outside, in a derive's line or `extern`, takes what its Rust type takes).
            (true, _, 1) | (false, Some(0) | None, 0) | (false, None, _) => {}
            (true, _, n) => {
                let message = format!("`{name}` takes one type argument, found {n}");
                self.push(def, ty.range.clone(), message);
            }
            (false, Some(0), _) => {
                let message = format!("type `{name}` takes no type arguments");
                self.push(def, ty.range.clone(), message);
            }
            (false, Some(k), n) if k != n => {
                let message = format!("type `{name}` takes {}, found {n}", arguments(k));
                self.push(def, ty.range.clone(), message);
            }
            (false, Some(_), _) if dependent => self.dependent_args(def, ty),
            (false, Some(_), _) => self.polymorphic_args(def, ty),
        }
        for arg in ty.args.iter().filter(|_| !dependent) {
            // `%(Vector #)`: a vector of numbers.
            if !(generic && arg.is_nat()) {
                self.type_ref(def, arg);
            }
        }
        let external = self.config.is_extern(name)
            || self
                .custom_builtins
                .get(name)
                .is_some_and(|d| self.config.is_extern(&d.result.name));
        if builtin.is_none() && external {
            // Defined outside: its constructors, and whether it has one, are not known here.
            return;
        }
        // `%` before a bare name (`%message`, `%int`) changes nothing: that type is bare.
        if ty.is_percent_boxed() {
            // A builtin with one constructor (`%Int`, `%Vector<T>`) is its bare form; `Bool` has
            // two constructors and `Object` any number.
            let count = match builtin {
                Some(Builtin::Bool) => 2,
                Some(Builtin::Object) => 0,
                Some(_) => 1,
                None => self.boxed.get(name).map_or(0, Vec::len),
            };
            if count != 1 {
                let message = if builtin == Some(Builtin::Object) {
                    format!("`%{name}` names no constructor: `{name}` is any boxed value")
                } else if count == 0 && self.boxed.contains_key(name) {
                    format!("`%{name}` names no constructor: `{name}` is declared `Empty`")
                } else if count == 0 {
                    format!("unknown type `{name}` in `%{name}`")
                } else {
                    format!(
                        "`%{name}` needs a type with exactly one constructor, but `{name}` has {count}"
                    )
                };
                self.push(def, ty.range.clone(), message);
            }
            return;
        }
        if let (None, Some(declared)) = (builtin, self.custom_builtins.get(name)) {
            let message = format!(
                "`{name}` is a builtin that `{}` declares, but the runtime has no such type (its builtins are int, long, double, float, string, bytes, int128, int256, int512, Bool, true, Vector, tuple and Object): {}",
                declared.name.value,
                self.config
                    .spelling
                    .name_extern(&declared.result.name, "the Rust type that encodes it")
            );
            self.push(def, ty.range.clone(), message);
            return;
        }
        let known = builtin.is_some()
            || if is_bare_name(name) {
                self.bare.contains_key(name)
            } else {
                self.boxed.contains_key(name)
            };
        // Not a type at all: a number, or a `#` field, which only this rare path asks about.
        if !known && let Some(message) = not_a_type(def, ty) {
            self.push(def, ty.range.clone(), message);
            return;
        }
        // TL's type variables are single letters (`t`, `X`): an unknown one is undeclared.
        if !known && name.chars().count() == 1 {
            let message = if def.section == Section::Types {
                format!(
                    "type variable `{name}` is not an argument of the result of `{}`: write `= {} {name}` (declaring `{{{name}:Type}}` before the fields is optional)",
                    def.name.value, def.result.name
                )
            } else {
                format!(
                    "type variable `{name}` is not declared in `{}`: declare it as `{{{name}:Type}}` before the fields",
                    def.name.value
                )
            };
            self.push(def, ty.range.clone(), message);
            return;
        }
        if is_bare_name(name) {
            if builtin.is_none() && !self.bare.contains_key(name) {
                // `peer:inputPeer` for `peer:InputPeer`: TL tells bare from boxed by case.
                // The first such type by name, so that a schema always gets the same hint.
                let hint = self
                    .boxed
                    .keys()
                    .filter(|boxed| boxed.eq_ignore_ascii_case(name))
                    .min()
                    .map(|boxed| match def.id {
                        Some(_) => format!(" (did you mean the boxed type `{boxed}`?)"),
                        // The id is computed from the text: mending it changes the id, which
                        // a schema that another program's ids come from (tycho's) cannot.
                        None => format!(
                            " (did you mean the boxed type `{boxed}`? That changes the id computed for `{}`; to keep it, {})",
                            def.name.value,
                            self.config.spelling.name_extern(name, "the Rust type")
                        ),
                    })
                    // `name:strin`, `%mesage`: a slip for a constructor or a builtin.
                    .unwrap_or_else(|| self.slip(name));
                let message = format!("unknown constructor `{name}` used as a bare type{hint}");
                self.push(def, ty.range.clone(), message);
            }
        } else if builtin.is_none() && !self.boxed.contains_key(name) {
            let origin = Origin::Text {
                source: def.source,
                range: ty.range.clone(),
            };
            let entry = self.missing.entry(name.to_string()).or_insert((origin, 0));
            entry.1 += 1;
        }
    }

    /// A tuple, `(tuple double 2)` or `%(Tuple # 8)`: an element type and a number. (One
    /// counted by a `#` field before it, boxed or bare, is a repetition by now: the parser's
    /// `counted_tuples`.) The boxed `(Tuple T 2)` would write `tuple`'s id before the elements:
    /// not taken.
    fn tuple(&mut self, def: &Definition, ty: &Type) {
        let [elem, len] = ty.args.as_slice() else {
            let message = format!(
                "`{}` takes an element type and a length, as in `(tuple double 2)`; found {}",
                ty.name,
                arguments(ty.args.len())
            );
            self.push(def, ty.range.clone(), message);
            return;
        };
        if !is_bare_name(&ty.name) && !ty.percent {
            let message = format!(
                "the boxed `{ty}` is not supported: write the bare `(tuple {elem} {len})` or `%(Tuple {elem} {len})`, its elements alone"
            );
            self.push(def, ty.range.clone(), message);
        }
        match (len.constant(), len.is_number()) {
            (Some(n), _) if n <= crate::ast::MAX_FIXED_COUNT => {}
            // A number beyond `u32` too.
            (Some(_), _) | (None, true) => {
                let message = format!(
                    "a tuple holds at most {} elements (a Rust array, held inline), not {}",
                    crate::ast::MAX_FIXED_COUNT,
                    len.name
                );
                self.push(def, len.range.clone(), message);
            }
            (None, false) if len.args.is_empty() && !len.bang && !len.percent => {
                let message = format!(
                    "the length of `{}` must be a number, as in `({} {elem} 2)`, or a `#` field declared before it and always present, as in `n:# xs:({} {elem} n)`: `{}` is neither (a length taken from a type's natural-number parameter is TL's dependent typing, which `tl!` does not support)",
                    ty.name, ty.name, ty.name, len.name
                );
                self.push(def, len.range.clone(), message);
            }
            (None, false) => {
                let message = format!(
                    "the length of `{}` must be a number, as in `({} {elem} 2)`",
                    ty.name, ty.name
                );
                self.push(def, len.range.clone(), message);
            }
        }
        if elem.is_nat() {
            return;
        }
        self.type_ref(def, elem);
        // Held inline, as a repetition of a constant count is: no bare constructor of the
        // schema, which could hold the tuple's own definition.
        if self.bare_constructor(def, elem) {
            let message = format!(
                "a tuple holds a boxed or builtin type (`(tuple int 2)`, `(tuple Point 2)`), not the bare constructor `{elem}`"
            );
            self.push(def, elem.range.clone(), message);
        }
    }

    /// Whether `ty`, an array's element, is a bare constructor of the schema (`point`, or `%T`),
    /// which an array may not hold: it holds its elements inline, and such a constructor could
    /// hold the array's own definition, a cycle no box can break. Not a builtin, a type
    /// variable, a type defined outside (the user's to lay out) or a number (an error of its
    /// own).
    fn bare_constructor(&self, def: &Definition, ty: &Type) -> bool {
        ty.percent
            || is_bare_name(&ty.name)
                && Builtin::from_name(&ty.name).is_none()
                && !def.type_params.iter().any(|p| p.name.value == ty.name)
                && !self.config.is_extern(&ty.name)
                && !ty.is_number()
    }

    /// One error per undefined type at its first use, and one list of them all. A type only
    /// functions return is an empty type (TL allows one: nothing decodes as it), unless its
    /// name is one letter or a swap away from a defined type's, or another function returns it
    /// and one named like its constructor suggests that constructor pasted after
    /// `---functions---`: those are errors. A function that alone returns a type named like
    /// itself is a function (tycho's `blockchain.getZerostateProof = blockchain.GetZerostateProof;`).
    fn missing_summary(&mut self) {
        // The defined type a result-only name is a slip for.
        let mut meant: Vec<(&str, &str)> = Vec::new();
        for (name, (origin, uses)) in std::mem::take(&mut self.results_only) {
            // The first near type by name, so that a schema always gets the same hint.
            let near = self
                .boxed
                .keys()
                .copied()
                .filter(|defined| near_miss(defined, name))
                .min();
            if let Some(entry) = self.missing.get_mut(name) {
                entry.1 += uses;
            } else if near.is_some() || (uses > 1 && self.misplaced_constructor(name).is_some()) {
                self.missing.insert(name.to_string(), (origin, uses));
                if let Some(near) = near {
                    meant.push((name, near));
                }
            }
        }
        if self.missing.is_empty() {
            return;
        }
        // Sorted as names alone: one sort of `&str` for the crate (every sort of another type
        // or by another closure is its own copy of the standard library's sort).
        let missing = std::mem::take(&mut self.missing);
        let mut names: Vec<&str> = missing.keys().map(String::as_str).collect();
        names.sort_unstable();
        let list = names
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let mut first_origin = None;
        for &name in &names {
            let (origin, uses) = &missing[name];
            let more = match uses {
                1 => String::new(),
                n => format!(" (used {n} times)"),
            };
            first_origin.get_or_insert_with(|| origin.clone());
            // A constructor pasted after `---functions---` is a common slip: say so.
            let hint = if let Some(d) = self.misplaced_constructor(name) {
                format!(
                    " (`{}` has it as its result, but is in a `---functions---` section)",
                    d.name.value
                )
            } else {
                match meant.iter().find(|(written, _)| *written == name) {
                    Some((_, defined)) => format!(" (did you mean `{defined}`?)"),
                    // `peer:InputPer`: a slip for a defined type or a builtin.
                    None => self.slip(name),
                }
            };
            self.diagnostics.push(Diagnostic {
                origin: origin.clone(),
                message: format!(
                    "unknown type `{name}`{more}: no constructor has it as its result{hint}"
                ),
            });
        }
        if let (true, Some(origin)) = (names.len() > 1, first_origin) {
            self.diagnostics.push(Diagnostic {
                origin,
                message: format!(
                    "the schema uses {} types it does not define: {list}; add their constructors, {}, or remove the fields that use them",
                    names.len(),
                    match self.config.spelling {
                        Spelling::Attribute =>
                            "name the Rust types of those defined elsewhere with `extern(Name = path::to::Type, ...)`",
                        Spelling::Flags => "pass those defined elsewhere as `--extern NAME`",
                    }
                ),
            });
        }
    }

    /// The hint for an unknown type `name` ([`did_you_mean`]): a constructor or a bare builtin
    /// for a bare name, a boxed type or a boxed builtin for a boxed one.
    fn slip(&self, name: &str) -> String {
        let bare = is_bare_name(name);
        let mut known: Vec<&str> = if bare {
            self.bare.keys().copied().collect()
        } else {
            self.boxed.keys().copied().collect()
        };
        // One by one: each `&'static str` shortens to the maps' lifetime.
        for n in Builtin::names().filter(|n| is_bare_name(n) == bare) {
            known.push(n);
        }
        did_you_mean(name, known.into_iter(), true)
    }

    /// An extern entry that no field or function result of the schema names is an error at the
    /// entry: a misspelt name would otherwise be ignored, and the schema's own error about the
    /// name it meant would point elsewhere.
    fn unused_externs(&mut self) {
        fn names<'t>(ty: &'t Type, out: &mut Vec<&'t str>) {
            out.push(&ty.name);
            for arg in &ty.args {
                names(arg, out);
            }
        }
        if self.config.open || self.config.extern_types.is_empty() {
            return;
        }
        let mut used: Vec<&str> = Vec::new();
        for def in self.defs {
            if def.section == Section::Functions {
                names(&def.result, &mut used);
            }
            for ty in def.field_types() {
                names(ty, &mut used);
            }
        }
        // A custom builtin's constructor name stands for its type (`bigBytes ? = BigBytes;`).
        for def in self.defs.iter().filter(|d| d.builtin) {
            if used.contains(&def.name.value.as_str()) {
                used.push(&def.result.name);
            }
        }
        let list = self.config.spelling.extern_list();
        for (index, name) in self.config.extern_types.iter().enumerate() {
            if !used.contains(&name.as_str()) {
                self.diagnostics.push(Diagnostic {
                    origin: Origin::ExternList(index),
                    message: format!(
                        "`{name}` in {list} is not a type the schema uses: no field or result names it{}",
                        did_you_mean(name, used.iter().copied(), false)
                    ),
                });
            }
        }
    }
}

/// How `tl!`'s lists (`extern(...)`, `allow_id_mismatch(...)`) name a TL type, constructor or
/// function: a plain name as it is, one with a namespace quoted.
fn name_in_list(name: &str) -> String {
    if name.contains('.') {
        format!("\"{name}\"")
    } else {
        name.to_string()
    }
}

/// "1 type argument", "2 type arguments".
fn arguments(n: usize) -> String {
    if n == 1 {
        "1 type argument".to_string()
    } else {
        format!("{n} type arguments")
    }
}

/// How many Rust types of itself a polymorphic type may make through its cycles
/// ([`Validator::polymorphic_cycles`]). Of 900 random schemas with polymorphic cycles
/// (`tests/random_schema.rs`, seeds 100 to 999), rustc refused the two that made 268 and 556;
/// the largest that compiled made 432, and 892 made at most 61.
const POLYMORPHIC_INSTANCES: usize = 64;

/// Whether `ty` is `var`, `!var`, or a vector or tuple of it (at any depth): a use that the
/// Rust type keeps whatever a polymorphic type does with its arguments.
fn mentions_directly(ty: &Type, var: &str) -> bool {
    ty.name == var
        || match Builtin::from_name(&ty.name) {
            Some(Builtin::Vector) => ty.args.iter().any(|a| mentions_directly(a, var)),
            // A tuple's elements, not its length.
            Some(Builtin::Tuple) => ty.args.first().is_some_and(|a| mentions_directly(a, var)),
            _ => false,
        }
}

/// Whether `ty` names `var` anywhere (`Vector<X>`, `Pair X int`).
fn mentions(ty: &Type, var: &str) -> bool {
    ty.name == var || ty.args.iter().any(|a| mentions(a, var))
}

/// Whether `written` looks like a slip for `defined`: the same but for case, or one letter
/// added, dropped, changed or swapped with its neighbour (in a name of four letters or more).
/// A name of three letters is a slip only for a letter dropped or two swapped (`lon` for
/// `long`, `itn` for `int`): one changed letter would make most short names slips for each
/// other (`Inp`, cut short from `InputPeer`, for `Int`).
fn near_miss(defined: &str, written: &str) -> bool {
    if defined.eq_ignore_ascii_case(written) {
        return true;
    }
    // One edit apart, so their lengths are too; and the distance takes time and memory as the
    // product of the lengths, which for a hostile name is not bounded.
    let close = || {
        defined.len().abs_diff(written.len()) <= 1
            && written.len() <= NEAR_MISS_LONGEST
            && strsim::damerau_levenshtein(defined, written) <= 1
    };
    match written.len() {
        4.. => close(),
        3 => {
            let swapped = || {
                let (mut d, mut w) = (defined.as_bytes().to_vec(), written.as_bytes().to_vec());
                d.sort_unstable();
                w.sort_unstable();
                d == w
            };
            close() && (defined.len() == 4 || (defined.len() == 3 && swapped()))
        }
        _ => false,
    }
}

/// The longest name [`near_miss`] compares: about twice the longest in the real schemas (65
/// bytes, Telegram's `passwordKdfAlgoSHA256SHA256PBKDF2HMACSHA512iter100000SHA256ModPow`).
const NEAR_MISS_LONGEST: usize = 128;

/// The name among `candidates` that `written` is a slip for (the same but for case, or, in a
/// name of four to 128 bytes, one letter added, dropped, changed or swapped with its
/// neighbour; in one of three, a letter dropped or two swapped), the first by name so that a
/// schema always gets the same hint, as ` (did you mean `name`?)`; empty if none is.
///
/// Not a name and the same with a number after it: a schema has both (`flags` and `flags2`),
/// and the one missing is more likely left out than misspelt. Nor, of `types`, a name and its
/// plural, for the same reason (`Update` and `Updates`, `future_salt` and `future_salts`);
/// `flag` is a slip for the field `flags`.
pub fn did_you_mean<'n>(
    written: &str,
    candidates: impl Iterator<Item = &'n str>,
    types: bool,
) -> String {
    let sibling = |one: &str, other: &str| match other.strip_prefix(one) {
        Some(tail) => tail.bytes().all(|b| b.is_ascii_digit()) || (types && tail == "s"),
        None => false,
    };
    candidates
        .filter(|c| !sibling(c, written) && !sibling(written, c) && near_miss(c, written))
        .min()
        .map(|c| format!(" (did you mean `{c}`?)"))
        .unwrap_or_default()
}

fn kind_of(def: &Definition) -> &'static str {
    match def.section {
        Section::Types => "constructor",
        Section::Functions => "function",
    }
}

/// How a diagnostic names a rule.
fn rule_name(rule: IdRule) -> &'static str {
    match rule {
        IdRule::Telegram => "Telegram's",
        IdRule::Tdlib => "TDLib's",
    }
}

/// Whether `field` is a call held by a constructor, as StatsHouse's `engine.query {X:Type}
/// query:!X = engine.Query;` holds one (an existential: the result does not name `X`): the
/// last field, `!X` of a declared `{X:Type}` that the result does not name. Its value is the
/// call's bytes, an `Object`, which takes the rest of the input; anywhere else `!X` is only a
/// function's.
fn held_call(def: &Definition, field: &Field) -> bool {
    matches!(&field.kind, FieldKind::Plain(ty)
        if ty.bang
            && def.section == Section::Types
            && def.fields.last().is_some_and(|last| core::ptr::eq(last, field))
            && def.type_params.iter().any(|p| p.kind == "Type" && !p.implicit && p.name.value == ty.name)
            && !def.result.args.iter().any(|a| mentions(a, &ty.name)))
}

/// Whether `name` is a natural-number parameter of `def` (`{fields_mask:#}`): a field mask
/// passed from outside.
fn is_nat_param(def: &Definition, name: &str) -> bool {
    def.type_params
        .iter()
        .any(|p| p.kind == "#" && p.name.value == name)
}

/// Why `ty`, a bare name that no constructor has, is no type at all: it is a number (the length
/// of `(tuple double 2)`, out of place), or a `#` field of `def` whose value is passed to a
/// type (`%(RpcInvokeReqExtra flags)`, `= engine.ReadWriteMode fields_mask`, as VK's schemas
/// pass a field mask).
fn not_a_type(def: &Definition, ty: &Type) -> Option<String> {
    if ty.is_number() {
        return Some(format!(
            "`{}` is a number, not a type: a number is the length of a tuple, as in `(tuple double 2)`",
            ty.name
        ));
    }
    (nat_field(def, &ty.name).is_some() && ty.args.is_empty() && !ty.percent).then(|| {
        format!(
            "`{}` is a `#` field of `{}`, not a type: only a type whose constructors take a field mask (`{{fields_mask:#}}`, as VK's do) may be given one",
            ty.name, def.name.value
        )
    })
}

/// The entry of the allow list (`allow_id_mismatch(*)`, `--allow-id-mismatch '*'`) that takes
/// every written id as it is, for schemas that assign their ids by hand.
pub const EVERY_ID: &str = "*";

/// Whether `name` is a field of `def` of type `#` under a flag condition (`t:fields_mask.10?#`):
/// a number that may be absent, so neither a flag word nor a count.
fn is_conditional_nat(def: &Definition, name: &str) -> bool {
    matches!(nat_field(def, name), Some(FieldKind::Conditional { .. }))
}

/// What the field of `def` named `name` holds, if it is of type `#`, plain or conditional.
fn nat_field<'d>(def: &'d Definition, name: &str) -> Option<&'d FieldKind> {
    def.fields
        .iter()
        .find(|f| {
            f.own_name().is_some_and(|n| n.value == name)
                && matches!(&f.kind, FieldKind::Plain(t) | FieldKind::Conditional { ty: t, .. } if t.is_nat())
        })
        .map(|f| &f.kind)
}

#[cfg(test)]
mod tests {
    use crate::{Config, IdRule, Source, check};

    /// The messages `check` gives for `text` under `rule`.
    fn messages(text: &str, rule: IdRule) -> Vec<String> {
        let config = Config {
            id_rule: Some(rule),
            ..Config::default()
        };
        let (_, diagnostics) = check(&[Source::file("t.tl", text)], &config);
        diagnostics.into_iter().map(|d| d.message).collect()
    }

    /// MTProto's service messages as core.telegram.org publishes them: `%Message` inside the
    /// container, whose written id is the CRC with the constructor's name in its place, and
    /// `http_wait`, whose result no constructor defines.
    const MTPROTO: &str = "
        message msg_id:long seqno:int bytes:int body:Object = Message;
        msg_container#73f1f8dc messages:vector<%Message> = MessageContainer;
        ---functions---
        http_wait#9299359f max_delay:int wait_after:int max_wait:int = HttpWait;
    ";

    /// tl-proto's polymorphic overlay answer (undeclared `T`) and TL's declared form.
    const POLYMORPHIC: &str = "
        overlay.response.ok value:T = overlay.Response T;
        overlay.response.err code:int = overlay.Response T;
        pair {X:Type} {Y:Type} a:X b:Y = Pair X Y;
        data bytes:bytes = Data;
        user p:(Pair int (Vector Data)) q:(pair long %Data) = User;
        ---functions---
        getData = overlay.Response Data;
        wrapPair {X:Type} query:!X = Pair int X;
    ";

    /// A constructor holding any call as its bytes (StatsHouse's `engine.query {X:Type}
    /// query:!X = engine.Query;`): its last field, of a variable its result does not name.
    #[test]
    fn a_constructor_may_hold_a_call_last() {
        assert_eq!(
            messages("query {X:Type} q:!X = Query;", IdRule::Tdlib),
            Vec::<String>::new()
        );
        for text in [
            "query {X:Type} q:!X n:int = Query;",
            "query {X:Type} q:!X = Query X;",
            "query q:!X = Query;",
        ] {
            let got = messages(text, IdRule::Tdlib);
            assert!(!got.is_empty(), "{text}");
        }
    }

    /// VK's field masks passed to a type (KPHP's `rpcInvokeReqExtra {flags:#}`): a field, a
    /// vector's elements and a function's result may take one, from a `#` field before them,
    /// the constructor's own mask or a number; every other use is an error of its own.
    #[test]
    fn field_masks_passed_to_types() {
        let text = "
            extra {flags:#} wait:flags.16?long keys:flags.18?%(Vector string) n:flags.1?# on:flags.2?true = Extra flags;
            dest flags:# extra:%(Extra flags) all:(vector (extra flags)) fixed:(Extra 3) = Dest;
            outer {m:#} inner:(Extra m) = Outer m;
            ---functions---
            get mask:# = Extra mask;
        ";
        assert_eq!(messages(text, IdRule::Tdlib), Vec::<String>::new());
        let cases = [
            (
                "e {f:#} x:f.0?e2 = E f;\ne2 o:Object = E2;",
                "`e2` under a bit of `f`, a field mask passed from outside, needs a zero value: where the mask has the bit and the value is absent, VK's encoding writes one (0, empty, `boolFalse`, a boxed type's first constructor), but `Object` is any value",
            ),
            (
                "e {f:#} {g:#} = E f g;",
                "`{g:#}` is a second natural-number parameter of `e`",
            ),
            (
                "e {f:#} n:f.0?int = E f;\nd x:(E y) y:# = D;",
                "`y`, passed to `E`, must be a `#` field declared before it",
            ),
            (
                "e {f:#} n:f.0?int = E f;\nd x:(E int) = D;",
                "`int` passed to `E`, which takes a field mask",
            ),
            (
                "e {f:#} n:f.0?int = E f;\nd x:E = D;",
                "type `E` takes 1 type argument, found 0",
            ),
            (
                "e {f:#} n:f.0?int = E f;\nd g:# x:g.0?(E g) = D;",
                "`E g` is given a field mask here",
            ),
            (
                "e {f:#} n:f.0?int = E f;\nd g:# x:(Vector (Vector (E g))) = D;",
                "`E g` is given a field mask here",
            ),
            (
                "e {f:#} xs:f*[ int ] = E f;",
                "repetition count `f` is the field mask passed to `e`",
            ),
            (
                "e {f:#} x:f = E f;",
                "`f` is the field mask `{f:#}` of `e`, a number, not a type",
            ),
            (
                "e {f:#} = E f;\ne2 x:int = E f;",
                "`E` takes a field mask here as `e` does",
            ),
            (
                "e {f:#} = E f;\nd g:# n:g*[ int ] x:(E g) = D;",
                "`#` field `g` counts a repetition and is passed to `E`",
            ),
            (
                "---functions---\nget {f:#} = Bool;",
                "`{f:#}` on a function",
            ),
            (
                "---functions---\n_ x:int = Bool;",
                "`_` names a constructor without an id",
            ),
            (
                "_ {f:#} x:f.0?int = A f;",
                "`_`, a constructor without an id, cannot take a field mask",
            ),
            (
                "e {f:#} = E f;\n---functions---\nget m:# = Vector (E m);",
                "`E m` is given a field mask here",
            ),
        ];
        for (text, message) in cases {
            let got = messages(text, IdRule::Tdlib);
            assert!(
                got.iter().any(|m| m.starts_with(message)),
                "{text}: {got:#?}"
            );
        }
        // A number that may be absent counts and flags nothing; a `#` field alone is a field.
        let got = messages("a f:# n:f.0?# x:n.1?int ys:n*[ int ] = A;", IdRule::Tdlib);
        assert_eq!(got.len(), 2, "{got:#?}");
        assert!(
            got.iter().all(|m| m.contains("itself conditional")),
            "{got:#?}"
        );
        assert_eq!(
            messages("a f:# n:f.0?# m:# = A;", IdRule::Tdlib),
            Vec::<String>::new()
        );
    }

    /// A repetition written without a count takes the last natural number before it, as TL's
    /// grammar has it: a `#` field, named or not, is a count; a `{n:#}` parameter or a
    /// conditional `#` is reported as the same count written out is; `vector`'s own line stays
    /// a builtin's by its name, and so does one with no natural number before its repetition.
    #[test]
    fn a_repetition_without_a_count_takes_the_last_nat_field() {
        let parsed = crate::parser::parse(
            "two n:# xs:[ int ] m:# ys:[ string ] = Two;\n\
             vector {t:Type} # [ t ] = Vector t;\n\
             param {n:#} a:[ int ] = Param n;\n\
             conditional f:# n:f.0?# a:[ int ] = Conditional;\n\
             before a:[ int ] n:# = Before;\n\
             anonymous # [ int ] = Anonymous;",
            0,
            crate::Section::Types,
        );
        assert_eq!(parsed.diagnostics, []);
        let defs = &parsed.definitions;
        let two = &defs[0];
        assert!(!two.builtin);
        assert_eq!(two.fields[1].kind.counted_by().unwrap().value, "n");
        assert_eq!(two.fields[3].kind.counted_by().unwrap().value, "m");
        // The id's text is the line as written: no count where none was.
        let text = "two n:# xs:[ int ] m:# ys:[ string ] = Two";
        assert_eq!(two.id(IdRule::Tdlib), crc32fast::hash(text.as_bytes()));
        // An anonymous `#` by its label.
        let anonymous = &defs[5];
        assert!(!anonymous.builtin);
        assert_eq!(anonymous.fields[1].kind.counted_by().unwrap().value, "arg1");
        // `vector`'s line stays a builtin's, by its name; so does one with no natural number
        // before its repetition.
        for def in [&defs[1], &defs[4]] {
            assert!(def.builtin, "{}", def.name.value);
            assert!(def.fields.iter().all(|f| f.kind.counted_by().is_none()));
        }
        // A parameter or a conditional `#` is taken, for validation to report.
        assert_eq!(defs[2].fields[0].kind.counted_by().unwrap().value, "n");
        assert_eq!(defs[3].fields[2].kind.counted_by().unwrap().value, "n");
        assert_eq!(
            messages("two n:# xs:[ int ] m:# ys:[ string ] = Two;", IdRule::Tdlib),
            Vec::<String>::new()
        );
        // It counts like a written one: one repetition per `#`.
        assert_eq!(
            messages("list n:# a:[ int ] b:[ int ] = List;", IdRule::Tdlib),
            ["`#` field `n` counts two repetitions: give each a `#` field of its own"]
        );
        let implied = "the repetition has no count written, so TL counts it by the last natural number before it: repetition count `n`";
        let param = messages("param {n:#} a:[ int ] = Param n;", IdRule::Tdlib);
        assert_eq!(param.len(), 1);
        assert!(
            param[0].starts_with(&format!("{implied} is the field mask passed to `param`")),
            "{param:?}"
        );
        let conditional = messages("c f:# n:f.0?# a:[ int ] = C;", IdRule::Tdlib);
        assert_eq!(
            conditional,
            [format!(
                "{implied} names a `#` field that is itself conditional: the count must always be present"
            )]
        );
    }

    /// TL's own schema of `.tlo` files (core.telegram.org/mtproto/TL-tl) counts its lists with
    /// `#` fields: `types_num:# types:types_num*[ tls.Type ]`.
    #[test]
    fn repetitions_counted_by_a_field() {
        let ok = "
            item id:int = Item;
            list n:# items:n*[ Item ] m:# m*[ item ] = List;
        ";
        assert_eq!(messages(ok, IdRule::Tdlib), Vec::<String>::new());
        let cases = [
            (
                "list items:n*[ int ] n:# = List;",
                "repetition count `n` names no `#` field declared before it in `list`",
            ),
            (
                "list n:int items:n*[ int ] = List;",
                "repetition count `n` names no `#` field declared before it in `list`",
            ),
            (
                "list n:# a:n*[ int ] b:n*[ int ] = List;",
                "`#` field `n` counts two repetitions: give each a `#` field of its own",
            ),
            (
                "list n:# x:n.0?int a:n*[ int ] = List;",
                "`#` field `n` counts a repetition and holds flags: give each a `#` field of its own",
            ),
            (
                "list n:# a:n*[ x:int y:int ] = List;",
                "a repetition of 2 fields is not supported: repeat one field (`n*[ int ]`), or a constructor holding them (`n*[ point ]`)",
            ),
            (
                "list n:# m:# a:n*[ m*[ int ] ] = List;",
                "a repetition repeats a field of a type, as in `n*[ int ]`, not another repetition",
            ),
            (
                "list n:# a:n*[ # ] = List;",
                "a repetition repeats a field of a type, as in `n*[ int ]`, not a `#` field",
            ),
            (
                "list n:# a:n*[ Missing ] = List;",
                "unknown type `Missing`: no constructor has it as its result",
            ),
            (
                "---functions---\ncall {X:Type} q:!X n:# a:n*[ !X ] = X;",
                "a repetition repeats a field of a type, as in `n*[ int ]`, not a call (`!X`)",
            ),
            (
                "span {t:Type} {n:#} a:t = Span t n;",
                "`{t:Type}` beside a field mask: `tl!` takes a constructor's `{n:#}` only without type variables",
            ),
            (
                // Beyond `u32` as well as beyond the array's bound.
                "big x:(tuple int 99999999999) = Big;",
                "a tuple holds at most 256 elements (a Rust array, held inline), not 99999999999",
            ),
        ];
        for (text, message) in cases {
            let got = messages(text, IdRule::Tdlib);
            assert!(got.iter().any(|m| m == message), "{text}: {got:?}");
        }
        // A function's type variable used only by a repetition's elements is used.
        let generic = "---functions---\nmany {X:Type} n:# xs:n*[ X ] = Vector X;";
        assert_eq!(messages(generic, IdRule::Tdlib), Vec::<String>::new());
        // A repetition without a counting field is still a builtin's (as `vector`'s `# [ t ]`).
        let builtin = "tuple {t:Type} {n:#} [ t ] = Tuple t n;";
        assert_eq!(messages(builtin, IdRule::Tdlib), Vec::<String>::new());
    }

    #[test]
    fn an_open_lines_result_is_defined_outside() {
        // A derive's line (`open`): the function's result is a Rust type of the user's, not an
        // empty type, and so no constructor pasted among the functions either.
        let config = Config {
            id_rule: Some(IdRule::Tdlib),
            open: true,
            ..Config::default()
        };
        let sources = [Source::literal("---functions---\nfoo x:int = Foo;")];
        let (_, diagnostics) = check(&sources, &config);
        assert_eq!(diagnostics, []);
    }

    #[test]
    fn new_final_and_empty_statements() {
        let fine = "boolFalse = Bool;\nboolTrue = Bool;\nFinal Bool;\nNew Foo;\nfoo x:int = Foo;\nFinal Foo;\nEmpty Nothing;\nholder n:Nothing = Holder;\n---functions---\nget = Nothing;";
        assert_eq!(messages(fine, IdRule::Tdlib), Vec::<String>::new());
        let found = messages(
            "foo x:int = Foo;\nNew Foo;\nFinal Foo;\nbar = Foo;\nEmpty E;\ne = E;",
            IdRule::Tdlib,
        );
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(
            found[0]
                .starts_with("`New Foo;` declares a new type, but `Foo` has the constructor `foo`")
        );
        assert!(found[1].starts_with("constructor `bar` comes after `Final Foo;`"));
        assert!(found[2].starts_with("constructor `e` comes after `Empty E;`"));
        let found = messages("Empty Nothing;\nholder n:%Nothing = Holder;", IdRule::Tdlib);
        assert_eq!(
            found,
            ["`%Nothing` names no constructor: `Nothing` is declared `Empty`"]
        );
        // Without its statement, `Nothing` is unknown.
        let found = messages("holder n:Nothing = Holder;", IdRule::Tdlib);
        assert!(found[0].starts_with("unknown type `Nothing`"), "{found:?}");
    }

    #[test]
    fn a_word_without_its_type_is_reported_as_such() {
        // A name with a namespace is no field's: an unknown constructor, a slip for the boxed type.
        let found = messages(
            "journal.data.sub = journal.Data;\njournal.point n:int journal.data = journal.Point;",
            IdRule::Tdlib,
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with(
                "unknown constructor `journal.data` used as a bare type (did you mean the boxed type `journal.Data`?"
            ),
            "{found:?}"
        );
        let found = messages("user id int = User;", IdRule::Tdlib);
        assert_eq!(
            found,
            [
                "`id` is neither a field `name:type` nor a known type: write `id:type` for a field, or define the constructor `id`"
            ]
        );
        // Its written id, computed from another text, is not reported as well.
        let found = messages("user#12345678 id int = User;", IdRule::Telegram);
        assert_eq!(found.len(), 1, "{found:?}");
        // Anonymous fields of known types, and `_` twice, are fine.
        let fine = "coupleInt {t:Type} int t = CoupleInt t;\nskip _:int _:long = Skip;";
        assert_eq!(messages(fine, IdRule::Tdlib), Vec::<String>::new());
    }

    #[test]
    fn polymorphic_types_check() {
        assert_eq!(messages(POLYMORPHIC, IdRule::Tdlib), Vec::<String>::new());
    }

    #[test]
    fn an_undeclared_variable_is_implicit_and_not_in_the_id() {
        let (schema, _) = check(&[Source::file("t.tl", POLYMORPHIC)], &Config::default());
        let ok = &schema.definitions[0];
        assert_eq!(ok.type_params.len(), 1);
        assert!(ok.type_params[0].implicit);
        assert_eq!(
            crate::id::normalized(ok, IdRule::Tdlib),
            "overlay.response.ok value:T = overlay.Response T"
        );
        let pair = &schema.definitions[2];
        assert!(!pair.type_params[0].implicit);
        assert_eq!(
            crate::id::normalized(pair, IdRule::Tdlib),
            "pair X:Type Y:Type a:X b:Y = Pair X Y"
        );
        // A function's result names no variables of its own.
        let get = &schema.definitions[5];
        assert!(get.type_params.is_empty());
    }

    #[test]
    fn a_polymorphic_cycle_that_makes_many_types_is_an_error() {
        let found = |lines: &str| messages(lines, IdRule::Tdlib);
        // Each turn of the cycle shifts the arguments and puts one of four types first: 341
        // Rust types of `P`, which rustc's drop check refuses (E0320).
        let many = "pNone {A:Type} {B:Type} {C:Type} {D:Type} = P A B C D;\n\
             pSome {A:Type} {B:Type} {C:Type} {D:Type} a:A x:(P int A B C) y:(P long A B C) \
             z:(P string A B C) w:(P double A B C) = P A B C D;";
        let errors = found(many);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].starts_with("`int` as an argument of `P` here makes `P` hold itself")
                && errors[0].contains("more than 64 Rust types")
                && errors[0].contains("(`P A B C D`)"),
            "{errors:?}"
        );
        // Through another type, the error is on the cycle too.
        let through = "qNone {A:Type} {B:Type} {C:Type} {D:Type} = Q A B C D;\n\
             qSome {A:Type} {B:Type} {C:Type} {D:Type} h:(Holder A B C D) = Q A B C D;\n\
             holder {A:Type} {B:Type} {C:Type} {D:Type} x:(Q int A B C) y:(Q long A B C) \
             z:(Q string A B C) w:(Q double A B C) = Holder A B C D;";
        let errors = found(through);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].contains("`int` as an argument of `Q`"),
            "{errors:?}"
        );
        // Its variables passed on, in any order, or a few other types: a handful of types.
        for few in [
            "leaf {T:Type} = Tree T;\nnode {T:Type} value:T kids:(Vector (Tree T)) = Tree T;",
            "nil {A:Type} {B:Type} = P A B;\ncons {A:Type} {B:Type} a:A next:(P B A) = P A B;",
            "nil {A:Type} {B:Type} = P A B;\ncons {A:Type} {B:Type} x:(P int A) y:(P long B) = P A B;",
        ] {
            assert_eq!(found(few), Vec::<String>::new(), "{few}");
        }
    }

    #[test]
    fn polymorphic_mistakes_are_errors() {
        let found = |line: &str| {
            messages(
                &format!("{POLYMORPHIC}\n---types---\n{line}"),
                IdRule::Tdlib,
            )
        };
        let one = |line: &str, expected: &str| {
            let found = found(line);
            assert_eq!(found.len(), 1, "{line}: {found:?}");
            assert!(found[0].contains(expected), "{line}: {found:?}");
        };
        one("a x:(Pair int) = A;", "takes 2 type arguments, found 1");
        one("a x:(Data int) = A;", "type `Data` takes no type arguments");
        // Bare vectors and tuples are arguments like any other (`BareVector`, `Tuple`).
        for line in [
            "a x:(Pair (vector int) int) = A;",
            "a x:(Pair Vector<vector<int>> (tuple int 2)) = A;",
        ] {
            assert_eq!(found(line), Vec::<String>::new(), "{line}");
        }
        one(
            "t {T:Type} x:(Pair (Vector T) int) = T1 T;",
            "not part of one",
        );
        one("t {T:Type} x:int = T1;", "is not an argument of its result");
        one("t {T:Type} x:T = T1 T T;", "is repeated");
        one("t x:int = T1 int;", "are its type variables");
        // `Object` may have constructors (TON's queries), but no variables.
        one(
            "t {X:Type} x:X = Object X;",
            "type `Object` takes no type arguments",
        );
        one(
            "t {X:Type} x:X = Function X;",
            "type `Function` takes no type arguments",
        );
        assert_eq!(found("t x:int = Object;"), Vec::<String>::new());
        one(
            "single {X:Type} a:X = Pair X;",
            "every constructor of a type",
        );
        one("w {X:Type} q:!X = W X;", "only for functions");
        one(
            "box value:t = Box;",
            "not an argument of the result of `box`",
        );
        let function = messages(
            "ok = Ok;\n---functions---\nping {X:Type} id:long = Ok;",
            IdRule::Tdlib,
        );
        assert_eq!(function.len(), 1, "{function:?}");
        assert!(function[0].contains("used by no field"), "{function:?}");
    }

    #[test]
    fn the_published_mtproto_lines_check() {
        assert_eq!(messages(MTPROTO, IdRule::Telegram), Vec::<String>::new());
    }

    #[test]
    fn percent_before_a_constructor_is_that_constructor() {
        // gotd's copy writes `%message`: the same bare type, the same id.
        let text = MTPROTO.replace("%Message", "%message");
        assert_eq!(messages(&text, IdRule::Telegram), Vec::<String>::new());
        assert_eq!(messages(&text, IdRule::Tdlib), Vec::<String>::new());
        // And a constructor that does not exist is still unknown.
        let unknown = MTPROTO.replace("%Message", "%mesage");
        let found = messages(&unknown, IdRule::Telegram);
        assert!(
            found.contains(
                &"unknown constructor `mesage` used as a bare type (did you mean `message`?)"
                    .to_string()
            ),
            "{found:?}"
        );
    }

    #[test]
    fn a_slip_of_one_letter_names_what_was_meant() {
        let schema = "inputPeerEmpty = InputPeer;
            user id:long name:strin peer:InputPer ok:Boool = User;
            msg flags:# text:flags.0?string x:flag.1?int n:# xs:nn*[ int ] = Msg;
            far id:long name:strg peer:Inp = Far;
            short a:lon b:Bol c:itn d:inr e:lo = Short;";
        assert_eq!(
            messages(schema, IdRule::Tdlib),
            [
                "unknown constructor `strin` used as a bare type (did you mean `string`?)",
                "flag condition `flag.1` names no `#` field declared before it in `msg` (did you mean `flags`?)",
                "repetition count `nn` names no `#` field declared before it in `msg`",
                "unknown constructor `strg` used as a bare type",
                // Three letters: a letter dropped or two swapped, not one changed; two: none.
                "unknown constructor `lon` used as a bare type (did you mean `long`?)",
                "unknown constructor `itn` used as a bare type (did you mean `int`?)",
                "unknown constructor `inr` used as a bare type",
                "unknown constructor `lo` used as a bare type",
                "unknown type `Bol`: no constructor has it as its result (did you mean `Bool`?)",
                "unknown type `Boool`: no constructor has it as its result (did you mean `Bool`?)",
                "unknown type `Inp`: no constructor has it as its result",
                "unknown type `InputPer`: no constructor has it as its result (did you mean `InputPeer`?)",
                "the schema uses 4 types it does not define: `Bol`, `Boool`, `Inp`, `InputPer`; add their constructors, name the Rust types of those defined elsewhere with `extern(Name = path::to::Type, ...)`, or remove the fields that use them",
            ]
        );

        // A name beside its plural or its numbered sibling was left out, not misspelt: no hint.
        let schema = "updates = Updates; u x:Update flags:# y:flags2.0?int = U;";
        assert_eq!(
            messages(schema, IdRule::Tdlib),
            [
                "flag condition `flags2.0` names no `#` field declared before it in `u`",
                "unknown type `Update`: no constructor has it as its result",
            ]
        );
        // Past 128 bytes a name is not compared: the distance's cost is the product of the
        // lengths.
        let long = "L".repeat(129);
        let schema = format!("a = {long}; b x:{long}x = B;");
        assert_eq!(
            messages(&schema, IdRule::Tdlib)[0],
            format!("unknown type `{long}x`: no constructor has it as its result")
        );
    }

    #[test]
    fn the_constructor_in_place_of_percent_is_telegrams_rule_only() {
        // TDLib's printer keeps `%Message`, so its rule computes another id.
        let found = messages(MTPROTO, IdRule::Tdlib);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("constructor `msg_container` declares #73f1f8dc but its id is #"),
            "{found:?}"
        );
        // A wrong written id is still wrong.
        let wrong = MTPROTO.replace("#73f1f8dc", "#73f1f8dd");
        let found = messages(&wrong, IdRule::Telegram);
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn a_type_only_functions_return_can_be_empty_unless_it_looks_like_a_slip() {
        let base = "user id:long = User;\nusers list:Vector<User> = Users;\n---functions---\n";
        let result = |ty: &str| messages(&format!("{base}f = {ty};\n"), IdRule::Tdlib);
        assert_eq!(result("HttpWait"), Vec::<String>::new());
        assert_eq!(result("ns.Empty"), Vec::<String>::new());
        // One letter changed, added, dropped or swapped, or another case: a typo.
        for typo in ["Userss", "Uesrs", "Usera", "USERS"] {
            let found = result(typo);
            assert_eq!(found.len(), 1, "{typo}: {found:?}");
            assert!(
                found[0].starts_with(&format!("unknown type `{typo}`: no constructor")),
                "{found:?}"
            );
            assert!(found[0].ends_with("?)"), "{typo}: {found:?}");
        }
        // A lowercase name of a boxed type is a bare constructor that does not exist.
        let lowered =
            "inputPeerEmpty = InputPeer;\n---functions---\ng#e70d9840 peer:inputPeer = InputPeer;";
        assert_eq!(
            messages(lowered, IdRule::Tdlib),
            [
                "unknown constructor `inputPeer` used as a bare type (did you mean the boxed type `InputPeer`?)"
            ]
        );
        // Where the id is computed from the text, mending the text changes it (tycho-core
        // 1.0.0's `proto.tl` writes `= overlay.Response blockchain.blockFull;`): `extern`
        // keeps it.
        let computed = "ns.ok value:T = ns.Response T;\nb.full.found = b.Full;\n---functions---\nb.get = ns.Response b.full;";
        assert_eq!(
            messages(computed, IdRule::Tdlib),
            [
                "unknown constructor `b.full` used as a bare type (did you mean the boxed type `b.Full`? That changes the id computed for `b.get`; to keep it, name the Rust type with `extern(\"b.full\" = path::to::Type)`)"
            ]
        );
        // A field that uses it still needs its constructors.
        let field = format!("{base}f = HttpWait;\ng x:HttpWait = Users;\n");
        assert_eq!(
            messages(&field, IdRule::Tdlib),
            ["unknown type `HttpWait` (used 2 times): no constructor has it as its result"]
        );
        // A constructor pasted after `---functions---`, whose type another function returns,
        // is still reported as one.
        let misplaced = format!("{base}g = DataJSON;\ndataJSON data:string = DataJSON;\n");
        let found = messages(&misplaced, IdRule::Tdlib);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("but is in a `---functions---` section"));
        // A function that alone returns a type named like itself is a function, with an empty
        // result: tycho-core 1.0.0's `proto.tl` has one.
        let alone = "blockchain.getZerostateProof = blockchain.GetZerostateProof;";
        assert_eq!(
            messages(&format!("{base}{alone}\n"), IdRule::Tdlib),
            Vec::<String>::new()
        );
    }

    /// Telegram's `mtproto.tl` lines whose written ids are frozen, with the type they use.
    const FROZEN_MTPROTO: &str = "
        ipPort#d433ad73 ipv4:int port:int = IpPort;
        ipPortSecret#37982646 ipv4:int port:int secret:bytes = IpPort;
        accessPointRule#4679b65f phone_prefix_rules:string dc_id:int ips:vector<IpPort> = AccessPointRule;
        help.configSimple#5a592a6c date:int expires:int rules:vector<AccessPointRule> = help.ConfigSimple;
    ";

    #[test]
    fn the_frozen_ids_of_the_published_schemas_check_as_written() {
        assert_eq!(
            messages(FROZEN_MTPROTO, IdRule::Telegram),
            Vec::<String>::new()
        );
        // TDLib's header: a `…Prefix` twin shares its function's id, which is no duplicate.
        let header = "---functions---
            invokeWithReCaptchaPrefix#adbb0f94 token:string = Error;
            invokeWithReCaptcha#adbb0f94 {X:Type} token:string query:!X = X;";
        assert_eq!(messages(header, IdRule::Telegram), Vec::<String>::new());
        // TDLib's `mtproto_api.tl` (its source tree, as tdlib-sys 0.2.0 ships it, and today's).
        let tdlib = "gzip_packed#3072cfa1 packed_data:string = GzipPacked;";
        assert_eq!(messages(tdlib, IdRule::Telegram), Vec::<String>::new());
    }

    /// A wrong id on an older layer's form names the id the check would take, the one of the
    /// unnumbered name, when the schema has that name; a name that only ends in digits
    /// (`pub.ed25519`) gets no such hint.
    #[test]
    fn a_wrong_id_on_an_older_layer_names_the_unnumbered_id() {
        let text = "===8===\nfoo#00000001 x:int = Foo;\n===17===\nfoo y:int = Foo;";
        let unnumbered = crate::id::compute(
            &crate::parser::parse("foo x:int = Foo;", 0, crate::Section::Types).definitions[0],
            IdRule::Telegram,
        );
        let found = messages(text, IdRule::Telegram);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains(&format!(
                " (#{unnumbered:08x} as an older layer's form of `foo`)"
            )),
            "{found:?}"
        );
        let found = messages(
            "pub.ed25519#00000001 key:int256 = PublicKey;",
            IdRule::Tdlib,
        );
        assert!(!found[0].contains("older layer"), "{found:?}");
    }

    /// The secret-chat schema's constructors of old layers, with the layer after the name and
    /// the id of the name without it, as TDLib's copies have numbered them at different times:
    /// `…Photo8` in today's, `…Photo23` and `documentAttributeVideo66` in older ones.
    #[test]
    fn a_constructor_of_an_older_layer_keeps_the_id_of_its_unnumbered_name() {
        let photo = "decryptedMessageMediaPhoto#32798a8c thumb:bytes thumb_w:int thumb_h:int w:int h:int size:int key:bytes iv:bytes = DecryptedMessageMedia;";
        let video = "documentAttributeVideo#ef02ce6 flags:# round_message:flags.0?true duration:int w:int h:int = DocumentAttribute;";
        for (line, numbered) in [
            (photo, "decryptedMessageMediaPhoto8"),
            (photo, "decryptedMessageMediaPhoto23"),
            (video, "documentAttributeVideo66"),
        ] {
            let base = numbered.trim_end_matches(|c: char| c.is_ascii_digit());
            let line = line.replacen(base, numbered, 1);
            assert_eq!(
                messages(&line, IdRule::Telegram),
                Vec::<String>::new(),
                "{line}"
            );
            // Still checked: another id, or another field, is a mismatch.
            for wrong in [
                line.replacen("#3", "#4", 1).replacen("#e", "#f", 1),
                line.replacen(" w:int", " width:int", 1),
            ] {
                let found = messages(&wrong, IdRule::Telegram);
                assert_eq!(found.len(), 1, "{wrong}: {found:?}");
                assert!(found[0].contains("but its id is"), "{found:?}");
            }
        }
        // A name that is all digits after its namespace has no unnumbered name.
        let digits = "ns.2#32798a8c = T;";
        assert_eq!(messages(digits, IdRule::Telegram).len(), 1);
    }

    #[test]
    fn only_the_frozen_pair_is_accepted() {
        // Another wrong id on a frozen name is a mistake, and so is a frozen id on another name.
        for (from, to) in [
            ("accessPointRule#4679b65f", "accessPointRule#4679b65e"),
            ("accessPointRule#4679b65f", "accessPointRules#4679b65f"),
        ] {
            let found = messages(&FROZEN_MTPROTO.replace(from, to), IdRule::Telegram);
            assert_eq!(found.len(), 1, "{to}: {found:?}");
            assert!(found[0].contains("declares #4679b65"), "{to}: {found:?}");
        }
        // Nor is a frozen id a licence to share it with another definition.
        let found = messages(
            &format!("{FROZEN_MTPROTO} other#4679b65f = AccessPointRule;"),
            IdRule::Telegram,
        );
        assert!(
            found.iter().any(|m| m.contains("declares #4679b65f")),
            "{found:?}"
        );
    }

    /// `ty` with each application in parentheses: `Maybe(tuple(string 2))`.
    fn shape(ty: &crate::ast::Type) -> String {
        if ty.args.is_empty() {
            return ty.name.clone();
        }
        let args: Vec<String> = ty.args.iter().map(shape).collect();
        format!("{}({})", ty.name, args.join(" "))
    }

    /// KPHP's `= Maybe tuple string 2;`: arguments past a name's arity nest by arity, to the
    /// same definitions (and ids) as the parenthesized form; what does not fall into place
    /// stays an error.
    #[test]
    fn arguments_nest_by_arity() {
        let head = "
            resultFalse {t:Type} = Maybe t;
            resultTrue {t:Type} result:t = Maybe t;
            pair {X:Type} {Y:Type} a:X b:Y = Pair X Y;
            tuple {t:Type} {n:#} [t] = Tuple t n;
            ---functions---
        ";
        let config = Config {
            id_rule: Some(IdRule::Tdlib),
            ..Config::default()
        };
        let grouped = |line: &str| {
            let text = format!("{head}{line}");
            let (schema, diagnostics) = check(&[Source::file("t.tl", &text)], &config);
            assert_eq!(diagnostics, [], "{line}");
            schema.definitions.last().unwrap().clone()
        };
        for (flat, nested) in [
            (
                "encrypt key:string = Maybe tuple string 2;",
                "encrypt key:string = Maybe (tuple string 2);",
            ),
            (
                "get x:(Pair Maybe int Vector long) = Pair tuple Maybe int 3 int;",
                "get x:(Pair (Maybe int) (Vector long)) = Pair (tuple (Maybe int) 3) int;",
            ),
            (
                "get flags:# x:flags.0?(Maybe Maybe Pair int string) = Bool;",
                "get flags:# x:flags.0?(Maybe (Maybe (Pair int string))) = Bool;",
            ),
        ] {
            let (a, b) = (grouped(flat), grouped(nested));
            assert_eq!(a.result.to_string(), b.result.to_string());
            // The same tree, not only the same text.
            assert_eq!(shape(&a.result), shape(&b.result), "{flat}");
            let types = |d: &crate::ast::Definition| -> Vec<String> {
                d.field_types().into_iter().map(shape).collect()
            };
            assert_eq!(types(&a), types(&b), "{flat}");
            assert_eq!(
                a.computed_id(IdRule::Tdlib),
                b.computed_id(IdRule::Tdlib),
                "{flat}"
            );
        }
        // One argument too many, too few, or a chain nested past 16 levels: left as written,
        // and reported.
        for line in [
            "get = Maybe int int;",
            "get = Pair tuple int 2;",
            "get = Maybe tuple string;",
            "get = Maybe Maybe Maybe Maybe Maybe Maybe Maybe Maybe Maybe Maybe Maybe Maybe Maybe Maybe Maybe Maybe Maybe Maybe int;",
        ] {
            let text = format!("{head}{line}");
            let (_, diagnostics) = check(&[Source::file("t.tl", &text)], &config);
            assert!(
                diagnostics.iter().any(|d| d.message.contains("takes")),
                "{line}: {diagnostics:?}"
            );
        }
    }

    /// VK's `n:# xs:(Tuple int n)`: a tuple counted by a `#` field before it is a repetition,
    /// with the id of the line as written (VK's generated Go has #45366605 for it); counted by
    /// anything else it stays an error.
    #[test]
    fn tuples_counted_by_a_field() {
        let ok = "nonOptNat n:# xs:(Tuple int n) = NonOptNat;\nb n:# m:# x:%(Tuple long n) y:(tuple string m) = B;";
        let (schema, diagnostics) = check(
            &[Source::file("t.tl", ok)],
            &Config {
                id_rule: Some(IdRule::Tdlib),
                ..Config::default()
            },
        );
        assert_eq!(diagnostics, [], "{ok}");
        let def = &schema.definitions[0];
        assert_eq!(def.computed_id(IdRule::Tdlib), 0x4536_6605);
        assert_eq!(def.fields[1].kind.counted_by().unwrap().value, "n");
        assert_eq!(def.fields[1].kind.tuple_id(), Some(crate::ast::TUPLE_ID));
        assert_eq!(schema.definitions[1].fields[2].kind.tuple_id(), None);
        for (line, expected) in [
            ("a xs:(tuple int n) n:# = A;", "must be a number"),
            ("a f:# n:f.0?# xs:(tuple int n) = A;", "must be a number"),
            (
                "a n:# xs:(tuple int n) ys:(tuple int n) = A;",
                "counts two repetitions",
            ),
            ("a n:# xs:(Vector (tuple int n)) = A;", "must be a number"),
        ] {
            let found = messages(line, IdRule::Tdlib);
            assert!(
                found.iter().any(|m| m.contains(expected)),
                "{line}: {found:?}"
            );
        }
    }
}
