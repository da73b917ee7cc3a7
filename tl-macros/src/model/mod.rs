//! The model: everything the emitters need to know about the generated items, computed once from
//! the validated schema. Emitters read only this (never the AST or the source text).
//!
//! [`Model::new`] runs the passes in order, each a function that returns its own result:
//! [`resolve`] (TL types to Rust shapes), [`fields`] (each definition's Rust fields and the plan of
//! its TL fields), [`names`] (Rust names, made unique), [`layout`] (what is boxed) and [`borrow`]
//! (what borrows from the input). `new` then assembles the results.
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
//!
//! Any name that is still taken after its rule's suffix gets `_2`, `_3`, … until it is free
//! ([`names::Taken`]).

mod borrow;
mod docs;
pub mod errors;
mod fields;
mod layout;
pub mod names;
mod resolve;

use tl_schema::{IdRule, Section, Source};

/// An index into [`Model::types`] (the constructors).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CtorId(pub usize);

/// An index into [`Model::enums`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EnumId(pub usize);

/// An index into [`Struct::fields`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FieldId(pub usize);

/// An index into [`Struct::tys`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TyId(pub usize);

/// An index into [`Struct::words`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct WordId(pub usize);

/// A bug in `tl!`: a state that validation should have made impossible. Reported as a
/// `compile_error!` that asks for a report, never as a panic or as code that drops a field.
#[derive(Debug)]
pub struct Internal(pub String);

/// The Rust shape of a TL type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RType {
    Int,
    Long,
    /// TDLib's `int53`: `long` on the wire, a JSON number (where `int64` is a string).
    Int53,
    Double,
    /// VK's `float`: `f32`.
    Float,
    Bool,
    /// `#` not used as a flag source: a plain `u32`.
    Nat,
    String,
    Bytes,
    Int128,
    Int256,
    Int512,
    Object,
    /// The boxed `True` (`true#3fedd339`), the runtime's `True`.
    True,
    /// `Vector<T>` (boxed) or `vector<T>` (bare).
    Vector {
        bare: bool,
        elem: Box<RType>,
    },
    /// A repetition of a constant count, `key:64*[ int ]`: the array `[T; len]`, its elements
    /// one after another with no count on the wire.
    Array {
        elem: Box<RType>,
        len: u32,
    },
    /// `enums::T`.
    Enum(EnumId),
    /// `types::X`, encoded bare; `boxed` when it sits in a cycle of bare references.
    Struct {
        ctor: CtorId,
        boxed: bool,
    },
    /// A type parameter (from `{X:Type}`), by its Rust name (`X`; `T` for TL's `t`).
    Param(String),
    /// A polymorphic type of the schema with its arguments: `Pair int string` is the enum
    /// `enums::Pair<i32, String>`, the bare `pair int string` the struct `types::Pair<…>`.
    /// `args` are all of TL's, in order; the Rust type takes those its target keeps
    /// ([`Enum::kept`], [`Struct::positions`]). `boxed` when it sits on a cycle.
    Applied {
        target: Target,
        args: Vec<RType>,
        boxed: bool,
    },
    /// The field mask given to a type whose constructors take one (VK's `(T fields_mask)`):
    /// the only argument of an [`RType::Applied`] of such a type, which its Rust type does not
    /// name.
    Mask(MaskArg),
    /// A type defined outside the schema: `tl!`'s `extern(T = path)`, or, in a derive, a type
    /// the line names and the Rust field's type supplies. `rust` is its Rust type as text (empty
    /// until the derive has matched it); `bare` when used bare (`future_salt`, `%T`), which
    /// the Rust type's own encoding is then trusted to be.
    Extern {
        tl: String,
        rust: String,
        bare: bool,
        /// Whether its own `MIN_SERIALIZED_LEN` bounds its size: not for a `Box` in a derive
        /// (which may hold the type itself, and a constant cannot be defined through itself).
        own_min: bool,
        /// A derive's `#[tl(with = "module")]`: the module's `serialize` and
        /// `deserialize` encode the value instead of its type's impls.
        with: Option<String>,
    },
}

/// The key of a constructor's own field mask among its words' TL indices ([`Word::tl`]): no
/// field's.
pub const OWN_MASK: usize = usize::MAX;

/// Where the field mask given to a type comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MaskArg {
    /// The `#` field at this TL index, as written on the wire.
    Word(usize),
    /// The constructor's own mask, passed to it from outside (its `{fields_mask:#}`).
    Own,
    /// A number written in the schema.
    Const(u32),
}

impl RType {
    /// The field mask given to this type, if its constructors take one.
    pub fn mask(&self) -> Option<MaskArg> {
        match self {
            RType::Applied { args, .. } => match args.as_slice() {
                [RType::Mask(arg)] => Some(*arg),
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether it may be given a field mask, or its vector's elements: a test of the shape
    /// alone, cheap enough for every value the emitters write (in the macro's unoptimized
    /// build), before [`RType::masked`].
    pub fn may_be_masked(&self) -> bool {
        match self {
            RType::Applied { .. } => true,
            RType::Vector { elem, .. } => matches!(**elem, RType::Applied { .. }),
            _ => false,
        }
    }

    /// The field mask given to this type or to its vector's elements, and whether it is a
    /// vector (boxed or not).
    pub fn masked(&self) -> Option<(MaskArg, Option<bool>)> {
        match self {
            RType::Vector { bare, elem } => elem.mask().map(|m| (m, Some(!*bare))),
            other => other.mask().map(|m| (m, None)),
        }
    }
}

/// What a polymorphic type's arguments apply to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Enum(EnumId),
    Struct(CtorId),
}

/// A flag bit: bit `bit` of the `#` word `word`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cond {
    pub word: WordId,
    pub bit: u32,
}

/// What one named TL field is, in wire order: the plan every codec emitter follows.
#[derive(Clone, Debug)]
pub enum Step {
    /// `name:T`: always on the wire, held by the Rust field `field`.
    Value { field: FieldId, ty: TyId },
    /// `name:#` that conditions refer to: the flag word `word`.
    Word(WordId),
    /// `name:flags.N?T`: on the wire when `cond` holds; the value is in the Rust field `field`
    /// (an `Option`), as a member of its tuple when the bit has several valued fields.
    Present {
        field: FieldId,
        member: Option<Member>,
        ty: TyId,
        cond: Cond,
    },
    /// `name:true` or `name:flags.N?true`: nothing on the wire (the bit is in its word).
    Nothing,
    /// A `#` field that counts a repetition: the length of the Rust field `field`, the
    /// repetition's `Vec`, on the wire; read into a local that the repetition reads by.
    Count { field: FieldId },
    /// `name:n*[ T ]`: the elements alone, as many as its count (the [`Step::Count`] of the
    /// same `field`, before it) says; held by the Rust field `field`, a `Vec` (`ty` is the bare
    /// `vector<T>` of its type). After `id` when there is one: VK's boxed `(Tuple T n)`.
    Repeat {
        field: FieldId,
        ty: TyId,
        id: Option<u32>,
    },
}

/// Member `index` of a flag group of `of` valued fields.
#[derive(Clone, Copy, Debug)]
pub struct Member {
    pub index: usize,
    pub of: usize,
}

/// One named TL field.
#[derive(Clone, Debug)]
pub struct TlField {
    /// The TL name, for decode errors.
    pub name: String,
    pub step: Step,
}

/// What a Rust field holds.
#[derive(Clone, Debug)]
pub enum Holds {
    /// A value always present.
    Value(TyId),
    /// `name:flags.N?T` alone on its bit: `Option<T>`.
    Optional(TyId),
    /// Several valued fields on one bit: `Option<(A, B, ..)>`, all or none.
    Group(Vec<TyId>),
    /// `name:flags.N?true` holding its bit: `bool`.
    Flag(Cond),
    /// A `#` word: the bits the schema does not know (`UnknownFlags`).
    Flags(WordId),
}

impl Holds {
    /// The types it stores inline (not inside a vector).
    pub fn inline_tys(&self) -> Vec<TyId> {
        match self {
            Holds::Value(ty) | Holds::Optional(ty) => vec![*ty],
            Holds::Group(tys) => tys.clone(),
            Holds::Flag(_) | Holds::Flags(_) => Vec::new(),
        }
    }
}

/// A Rust field.
#[derive(Clone, Debug)]
pub struct Field {
    pub name: String,
    pub holds: Holds,
    /// The TL text of the field(s), for docs.
    pub tl_text: String,
    /// The TL name of each field it holds (a group's several): the keys of `#[tl(serde)]`.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub tl_names: Vec<String>,
    pub docs: Vec<String>,
}

/// A `#` field that conditions refer to.
#[derive(Clone, Debug)]
pub struct Word {
    /// Its position among the TL fields (names its local in generated code).
    pub tl: usize,
    /// The Rust field that keeps its unknown bits; `None` for a constructor's own field mask,
    /// passed to it from outside (`{fields_mask:#}`).
    pub field: Option<FieldId>,
    /// The fields whose types (or vectors' elements) it is passed to as their field mask: their
    /// bits are in the word, which is then written whole before them.
    pub passed: Vec<FieldId>,
    /// The bits the schema names.
    pub known: u32,
    /// Whether an optional field depends on it, so that it is only known once the fields after
    /// it are written (and is patched in).
    pub patched: bool,
}

/// A `?true` field that shares its bit with another field: a method returning whether the bit
/// is set, computed from the field that holds the bit.
#[derive(Clone, Debug)]
pub struct Alias {
    pub method: String,
    pub tl_name: String,
    /// The Rust field whose presence is the bit.
    pub holder: FieldId,
    pub test: BitHolder,
}

/// How the field that holds a bit says whether it is set.
#[derive(Clone, Copy, Debug)]
pub enum BitHolder {
    /// A `bool` (the first `?true` on the bit).
    Flag,
    /// An `Option` (the valued field or group on the bit).
    Present,
}

/// A constructor (`types::X`) or function (`functions::F`).
#[derive(Clone, Debug)]
pub struct Struct {
    pub tl_name: String,
    pub modules: Vec<String>,
    pub name: String,
    /// Its id on the wire, and whether it is its own (not a frozen copy of another's): only
    /// `Any` needs that, and it costs a CRC of the line, so it is computed only with `any`
    /// (and `true` otherwise).
    pub id: u32,
    pub own_id: bool,
    /// Its comments (TDLib's field tags taken out), and its TL line single-spaced.
    pub docs: Vec<String>,
    pub tl_line: String,
    /// Type parameters, in order, by their Rust names. A constructor has those of its
    /// `{X:Type}` that its fields use (a Rust type must use each of its parameters).
    pub generics: Vec<String>,
    /// For a constructor: where each of [`Struct::generics`] is among its result's arguments
    /// (`ok {T:Type} value:T = Response T` has `T` at 0).
    pub positions: Vec<usize>,
    /// For a function: those of [`Struct::generics`] that stand for a call, as a `!X` field
    /// makes `X` (`invokeWithLayer`): its result's `X` is what that call returns. The others
    /// are types of values, as a constructor's are (`many {X:Type} xs:vector<X> = Vector X`).
    pub calls: Vec<String>,
    /// The result type (for functions, what `RemoteCall::Return` is).
    pub result: RType,
    pub fields: Vec<Field>,
    /// The named TL fields, in wire order.
    pub tl: Vec<TlField>,
    pub words: Vec<Word>,
    pub aliases: Vec<Alias>,
    /// The types its fields store, which [`Holds`] and [`Step`] refer to.
    pub tys: Vec<RType>,
    /// For constructors: its variant name in its enum, and whether it is boxed there.
    pub variant: String,
    pub boxed_in_enum: bool,
    /// With `#[tl(borrowed)]`: whether it holds data borrowed from the input, directly or
    /// through its fields' types (so it has a lifetime parameter).
    pub borrows: bool,
    /// For functions: the errors its page or the error list documents, its error enum's
    /// variants (`errors::…`, named as the function); `None` when it has none.
    pub errors: Option<Errors>,
    /// For a constructor that takes a field mask from outside (VK's `{fields_mask:#}`): the
    /// word standing for it, whose local is the mask passed in.
    pub mask: Option<WordId>,
    /// The bits of that mask its fields test, with those of the types it passes the mask on
    /// to: the bits a holder of it knows (see [`Word::known`]).
    pub mask_bits: u32,
    /// The zero value of each type under a bit of its own mask, as wire bytes: what is written
    /// where the mask has the bit and the field is `None`.
    pub zeros: Vec<(TyId, Vec<u8>)>,
    /// For a function whose result takes a field mask (`= engine.ReadWriteMode fields_mask`):
    /// where the request holds it.
    pub answer_mask: Option<AnswerMask>,
}

/// Where a function's request holds the field mask its answer is decoded with.
#[derive(Clone, Copy, Debug)]
pub enum AnswerMask {
    /// A `#` word, computed as the request writes it.
    Word(WordId),
    /// A plain `#` field.
    Field(FieldId),
    /// A number written in the schema.
    Const(u32),
}

/// A function's documented errors.
#[derive(Clone, Debug)]
pub struct Errors {
    pub variants: Vec<ErrorVariant>,
}

/// One documented error.
#[derive(Clone, Debug)]
pub struct ErrorVariant {
    /// The variant's name, unique in its enum.
    pub name: String,
    pub code: i32,
    /// The name as listed: `FLOOD_WAIT_%d`.
    pub tl_name: String,
    pub description: String,
    /// For a name with a number: the field that holds it (`seconds`).
    pub field: Option<String>,
}

impl Struct {
    pub fn is_unit(&self) -> bool {
        self.fields.is_empty()
    }

    /// Whether it is VK's `_` (`_ {X:Type} result:X = ReqResult X;`): a constructor written
    /// without an id, which its type reads when the id ahead is none of its other
    /// constructors'.
    pub fn untagged(&self) -> bool {
        tl_schema::ast::is_untagged_name(&self.tl_name)
    }

    pub fn ty(&self, ty: TyId) -> &RType {
        &self.tys[ty.0]
    }

    pub fn field(&self, field: FieldId) -> &Field {
        &self.fields[field.0]
    }

    pub fn word(&self, word: WordId) -> &Word {
        &self.words[word.0]
    }

    /// The zero value of the type `ty` on the wire, if it is under a bit of its own mask.
    pub fn zero(&self, ty: TyId) -> Option<&[u8]> {
        self.zeros
            .iter()
            .find(|(t, _)| *t == ty)
            .map(|(_, z)| z.as_slice())
    }
}

/// A boxed type (`enums::T`).
#[derive(Clone, Debug)]
pub struct Enum {
    pub tl_name: String,
    pub modules: Vec<String>,
    pub name: String,
    pub variants: Vec<CtorId>,
    pub docs: Vec<String>,
    /// With `#[tl(borrowed)]`: whether a variant borrows from the input.
    pub borrows: bool,
    /// Whether a main shape over the size of a cache line is inline in it (see
    /// `layout::main_shape`), so that `Any` boxes it.
    pub large: bool,
    /// A polymorphic type's parameters (Rust names) and which of its TL arguments they are:
    /// those some constructor's fields use, in order.
    pub generics: Vec<String>,
    pub kept: Vec<usize>,
    /// For a type whose constructors take a field mask from outside (VK's `{fields_mask:#}`),
    /// which implements `SerializeWith` and `DeserializeWith` instead of `Serialize` and
    /// `Deserialize`: how it is used.
    pub masked: Option<MaskedEnum>,
}

impl Enum {
    /// Whether `Any` holds this enum boxed: an enum whose main shape is inline is as large as
    /// that shape, boxed so that `Any` stays a cache line; a polymorphic one holds `Any` inline.
    /// A boxed one is not `Copy` there (`pipeline`'s check of the derive).
    pub fn boxed_in_any(&self) -> bool {
        self.large || !self.generics.is_empty()
    }
}

/// How a type whose constructors take a field mask is used.
#[derive(Clone, Copy, Debug, Default)]
pub struct MaskedEnum {
    /// Whether a function returns it with the request's mask: it implements `Deserialize` too,
    /// as `RemoteCall::Return` must, as an error that says to decode with the request.
    pub answer: bool,
}

/// The model of a derive's one line (`#[tl(line = "...")]`), alone: every type it names that is
/// not a builtin is [`RType::Extern`], its Rust type taken from the field (`crate::derive`).
#[cfg(feature = "derive")]
pub fn line_struct(
    def: &tl_schema::Definition,
    sources: &[Source],
    id_rule: IdRule,
) -> Result<Struct, Internal> {
    let resolver = resolve::Resolver::new(&[]).open();
    fields::build(def, &resolver, sources, None, None, id_rule)
}

/// What the options of `#[tl(...)]` change in the model.
#[derive(Clone, Copy)]
pub struct Settings {
    pub id_rule: IdRule,
    /// `#[tl(borrowed)]`.
    pub borrowed: bool,
    /// Whether to tell own ids from frozen copies ([`Struct::own_id`]), for `Any`.
    pub own_ids: bool,
}

/// Everything the emitters need.
#[derive(Debug)]
pub struct Model {
    /// Constructors of the types section.
    pub types: Vec<Struct>,
    pub functions: Vec<Struct>,
    pub enums: Vec<Enum>,
    /// `#[tl(borrowed)]`: strings, bytes and `Object` borrow from the input.
    pub borrowed: bool,
}

impl Model {
    pub fn ctor(&self, ctor: CtorId) -> &Struct {
        &self.types[ctor.0]
    }

    pub fn enum_(&self, e: EnumId) -> &Enum {
        &self.enums[e.0]
    }

    /// The arguments of an [`RType::Applied`] of `target` that its Rust type takes, in order:
    /// those at the positions its fields use ([`Enum::kept`], [`Struct::positions`]). An
    /// argument that no field holds (`(Pair string int)` of a `pair` that holds neither) is in
    /// TL's text, not in the Rust type, so it neither borrows nor decides what the type is.
    pub fn kept_args<'t>(
        &self,
        target: Target,
        args: &'t [RType],
    ) -> impl Iterator<Item = &'t RType> + use<'_, 't> {
        let kept = match target {
            Target::Enum(e) => &self.enum_(e).kept,
            Target::Struct(c) => &self.ctor(c).positions,
        };
        kept.iter().filter_map(|&at| args.get(at))
    }

    /// Builds the model of a valid schema. `sources` are the texts the schema was parsed from
    /// (for the TL lines in the docs).
    pub fn new(
        schema: &tl_schema::Schema,
        sources: &[Source],
        settings: Settings,
        error_list: Option<&tl_schema::ErrorList>,
        externs: rustc_hash::FxHashMap<String, String>,
    ) -> Result<Self, Internal> {
        let Settings {
            id_rule,
            borrowed,
            own_ids,
        } = settings;
        let mut pages: Vec<Option<&tl_schema::Page>> = vec![None; schema.definitions.len()];
        for page in &schema.pages {
            if let Some(slot) = page.documents.and_then(|i| pages.get_mut(i)) {
                *slot = Some(page);
            }
        }
        let (defs, pages): (Vec<&tl_schema::Definition>, Vec<Option<&tl_schema::Page>>) = schema
            .definitions
            .iter()
            .zip(pages)
            .filter(|(d, _)| !d.builtin)
            .unzip();
        let resolver = resolve::Resolver::new(&defs)
            .with_externs(externs)
            .with_empty_results(&defs)
            .with_empty_types(schema.empty_types());

        let mut enums = resolver.enums(&schema.class_docs);
        // Types' pages: each type's description, and a line for each constructor and method
        // they list.
        let mut rows: rustc_hash::FxHashMap<&str, &str> = rustc_hash::FxHashMap::default();
        for page in &schema.pages {
            let Some(ty) = &page.documents_type else {
                continue;
            };
            if let Some(e) = enums.iter_mut().find(|e| e.tl_name == *ty)
                && !page.description.is_empty()
            {
                docs::put_first(&mut e.docs, page.description.clone());
            }
            for row in [&page.constructors, &page.methods]
                .into_iter()
                .flatten()
                .flat_map(|t| &t.rows)
            {
                if !row.description.is_empty() {
                    rows.entry(row.name.value.as_str())
                        .or_insert(row.description.as_str());
                }
            }
        }
        let mut types = Vec::new();
        let mut functions = Vec::new();
        for (def, page) in defs.iter().zip(pages) {
            let row = if rows.is_empty() {
                None
            } else {
                rows.get(def.name.value.as_str()).copied()
            };
            let mut built = fields::build(def, &resolver, sources, page, row, id_rule)?;
            built.own_id = !own_ids || def.has_own_id(id_rule);
            match def.section {
                Section::Types => {
                    let e = resolver.enum_of(def)?;
                    enums[e.0].variants.push(CtorId(types.len()));
                    types.push(built);
                }
                Section::Functions => {
                    built.errors = errors::build(def, built.id, page, error_list);
                    functions.push(built);
                }
            }
        }
        // Nearly every schema has no polymorphic type: nothing to decide.
        if types.iter().any(|s| !s.generics.is_empty()) {
            live_params(&mut types, &enums);
            for e in &mut enums {
                polymorphic(e, &types);
            }
        }
        // Nearly every schema has no field mask passed to a type.
        if types.iter().any(|s| s.mask.is_some()) {
            masks(&mut types, &mut functions, &mut enums);
        }
        let mut model = Model {
            types,
            functions,
            enums,
            borrowed,
        };

        let names = names::assign(&model);
        names.apply(&mut model);
        let layout = layout::decide(&model);
        layout.apply(&mut model);
        if borrowed {
            let borrows = borrow::find(&model);
            borrows.apply(&mut model);
        }
        Ok(model)
    }
}

/// What the field masks passed to types (VK's `{fields_mask:#}`) decide across the schema:
/// which enums take one, which a function returns with its request's, and the bits of each
/// mask that a value always shows by what it holds, through the values it passes its mask on to
/// (the least fixed point): a holder's word keeps the other bits as unknown, so that what is
/// decoded encodes again byte for byte.
fn masks(types: &mut [Struct], functions: &mut [Struct], enums: &mut [Enum]) {
    for e in enums.iter_mut() {
        if !e.variants.is_empty() && e.variants.iter().all(|v| types[v.0].mask.is_some()) {
            e.masked = Some(MaskedEnum::default());
        }
    }
    for f in functions.iter() {
        if f.result.mask().is_some()
            && let RType::Applied {
                target: Target::Enum(e),
                ..
            } = f.result
            && let Some(m) = &mut enums[e.0].masked
        {
            m.answer = true;
        }
    }
    // The bits that a value given a mask always shows by what it holds, so that a holder's
    // word computed on write gives them back as decoded: all that a constructor's fields test
    // (and what it passes on in turn), those every constructor of a type tests; none of a
    // vector's elements, which may be none. The other bits stay in the holder's unknown ones.
    let target_bits = |ty: &RType, bits: &[u32]| -> u32 {
        match ty {
            RType::Applied {
                target: Target::Struct(c),
                ..
            } => bits[c.0],
            RType::Applied {
                target: Target::Enum(e),
                ..
            } => {
                let variants = &enums[e.0].variants;
                if variants.is_empty() {
                    0
                } else {
                    variants.iter().fold(u32::MAX, |acc, v| acc & bits[v.0])
                }
            }
            _ => 0,
        }
    };
    // The bits passed on by each struct's word `w`.
    let passed_bits = |s: &Struct, w: WordId, bits: &[u32]| -> u32 {
        s.word(w)
            .passed
            .iter()
            .fold(0, |acc, f| match s.field(*f).holds {
                Holds::Value(ty) => acc | target_bits(s.ty(ty), bits),
                _ => acc,
            })
    };
    let mut bits: Vec<u32> = types.iter().map(|s| s.mask_bits).collect();
    loop {
        let mut changed = false;
        for (i, s) in types.iter().enumerate() {
            let Some(own) = s.mask else { continue };
            let more = bits[i] | passed_bits(s, own, &bits);
            if more != bits[i] {
                bits[i] = more;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    for s in types.iter_mut().chain(functions.iter_mut()) {
        for w in 0..s.words.len() {
            if s.words[w].field.is_some() {
                let more = passed_bits(s, WordId(w), &bits);
                s.words[w].known |= more;
            }
        }
    }
    for (s, b) in types.iter_mut().zip(bits) {
        s.mask_bits = b;
    }
}

/// Keeps of each constructor's type parameters those that a Rust type must have: a parameter
/// that a field holds (as itself, in a vector, or as an argument that a polymorphic type keeps),
/// not one that only goes round through a type back to itself (`p {A:Type} next:(P A) = P A`),
/// or into an argument that a type drops, which rustc would reject as unused. The least fixed
/// point, as rustc's variance computes it.
fn live_params(types: &mut [Struct], enums: &[Enum]) {
    let mut live: Vec<Vec<bool>> = types
        .iter()
        .map(|s| vec![false; s.generics.len()])
        .collect();
    let mut enum_live: Vec<Vec<usize>> = vec![Vec::new(); enums.len()];
    let mut ctor_enum: Vec<Option<usize>> = vec![None; types.len()];
    for (e, en) in enums.iter().enumerate() {
        for v in &en.variants {
            ctor_enum[v.0] = Some(e);
        }
    }
    loop {
        let mut changed = false;
        for i in 0..types.len() {
            for j in 0..types[i].generics.len() {
                if live[i][j] {
                    continue;
                }
                let g = &types[i].generics[j];
                let used = types[i]
                    .tys
                    .iter()
                    .any(|t| holds(t, g, types, &live, &enum_live));
                if used {
                    live[i][j] = true;
                    changed = true;
                    if let Some(e) = ctor_enum[i] {
                        let at = types[i].positions[j];
                        if !enum_live[e].contains(&at) {
                            enum_live[e].push(at);
                        }
                    }
                }
            }
        }
        if !changed {
            break;
        }
    }
    for (s, live) in types.iter_mut().zip(live) {
        let mut keep = live.iter();
        s.positions
            .retain(|_| keep.next().copied().unwrap_or(false));
        let mut keep = live.iter();
        s.generics.retain(|_| keep.next().copied().unwrap_or(false));
    }
}

/// Whether a value of `ty` holds the type parameter `g`, given what is live so far.
fn holds(
    ty: &RType,
    g: &str,
    types: &[Struct],
    live: &[Vec<bool>],
    enum_live: &[Vec<usize>],
) -> bool {
    match ty {
        RType::Param(p) => p == g,
        RType::Vector { elem, .. } | RType::Array { elem, .. } => {
            holds(elem, g, types, live, enum_live)
        }
        RType::Applied {
            target: Target::Enum(e),
            args,
            ..
        } => args
            .iter()
            .enumerate()
            .any(|(at, a)| enum_live[e.0].contains(&at) && holds(a, g, types, live, enum_live)),
        RType::Applied {
            target: Target::Struct(c),
            args,
            ..
        } => types[c.0].positions.iter().enumerate().any(|(j, &at)| {
            live[c.0][j]
                && args
                    .get(at)
                    .is_some_and(|a| holds(a, g, types, live, enum_live))
        }),
        _ => false,
    }
}

/// A polymorphic enum's parameters: the argument positions its constructors' fields use, named
/// as the first constructor that uses each names it.
fn polymorphic(e: &mut Enum, types: &[Struct]) {
    let mut kept: Vec<(usize, String)> = Vec::new();
    for v in &e.variants {
        let s = &types[v.0];
        for (name, &at) in s.generics.iter().zip(&s.positions) {
            if !kept.iter().any(|(k, _)| *k == at) {
                kept.push((at, name.clone()));
            }
        }
    }
    kept.sort_unstable_by_key(|(at, _)| *at);
    let mut names: Vec<String> = Vec::new();
    for (at, name) in &kept {
        // Two constructors may name different positions alike (`T` at 0 in one, at 1 in
        // another); the enum's impls name it unqualified.
        let name = if names.contains(name) || *name == e.name {
            format!("{name}{at}")
        } else {
            name.clone()
        };
        names.push(name);
    }
    e.kept = kept.into_iter().map(|(at, _)| at).collect();
    e.generics = names;
}
