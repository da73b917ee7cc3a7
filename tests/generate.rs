//! Valid TL bytes for any definition of a schema, built from the schema's AST with seeded
//! randomness: every flag field present, absent, or at random, with unknown flag bits, long and
//! short strings, nested vectors, repetitions and constructors. Tests decode these bytes with generated code
//! and check that re-encoding gives them back.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::borrow::Cow;
use std::collections::HashMap;
use tl_schema::{Builtin, Definition, FieldKind, Multiplier, Schema, Section, Type};

/// Which conditional fields to include at the top level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    /// Every conditional field present.
    All,
    /// None present.
    None,
    /// Each at random, and unknown flag bits set at random.
    Random,
    /// Each at random, with no unknown flag bits (for peers that drop them).
    RandomKnown,
}

/// A generator over one schema.
pub struct Gen<'a> {
    rng: StdRng,
    constructors: HashMap<&'a str, &'a Definition>,
    by_type: HashMap<&'a str, Vec<&'a Definition>>,
    /// A function without fields, used for `!X`.
    simple_function: Option<&'a Definition>,
    /// A boxed type that is not polymorphic: what a polymorphic constructor's type variables
    /// are at the top level (`Any`, holding `Any` in them, decodes it).
    plain: &'a str,
    id_rule: tl_schema::IdRule,
}

impl<'a> Gen<'a> {
    /// A generator for `schema`, seeded so that every run builds the same bytes.
    pub fn new(schema: &'a Schema, seed: u64, id_rule: tl_schema::IdRule) -> Self {
        let types = schema
            .definitions
            .iter()
            .filter(|d| d.section == Section::Types && !d.builtin);
        let mut by_type: HashMap<&str, Vec<&Definition>> = HashMap::new();
        for def in types.clone() {
            by_type
                .entry(def.result.name.as_str())
                .or_default()
                .push(def);
        }
        let plain = by_type
            .iter()
            .filter(|(_, ctors)| ctors[0].result.args.is_empty())
            .map(|(name, _)| *name)
            .min()
            .unwrap_or("Bool");
        Gen {
            plain,
            rng: StdRng::seed_from_u64(seed),
            constructors: types.map(|d| (d.name.value.as_str(), d)).collect(),
            by_type,
            simple_function: schema
                .definitions
                .iter()
                .find(|d| d.section == Section::Functions && d.fields.is_empty() && !d.builtin),
            id_rule,
        }
    }

    /// The boxed encoding of `def`: its id, then its fields. A polymorphic constructor's type
    /// variables are a boxed type of the schema that is not polymorphic (which `Any`, holding
    /// `Any` in them, decodes).
    pub fn boxed(&mut self, def: &Definition, presence: Presence) -> Vec<u8> {
        let mut out = def.id(self.id_rule).to_le_bytes().to_vec();
        let vars: Vec<&str> = def
            .type_params
            .iter()
            .map(|p| p.name.value.as_str())
            .collect();
        // A constructor that takes a field mask (VK's) is given one: every bit, none, or any.
        let mask = match presence {
            Presence::All => u32::MAX,
            Presence::None => 0,
            Presence::Random | Presence::RandomKnown => self.rng.random(),
        };
        if def.nat_param().is_some() {
            self.fields(def, presence, 0, mask, &mut out);
            return out;
        }
        let args: Vec<Type> = vars.iter().map(|_| named(self.plain)).collect();
        let def = instantiate(def, &vars, &args);
        self.fields(&def, presence, 0, 0, &mut out);
        out
    }

    /// The fields of `def`; `mask` is the field mask given to it, if it takes one (VK's
    /// `{fields_mask:#}`), which decides its fields on that mask's bits.
    fn fields(
        &mut self,
        def: &Definition,
        presence: Presence,
        depth: usize,
        mask: u32,
        out: &mut Vec<u8>,
    ) {
        let own = def.nat_param().map(|p| p.name.value.as_str());
        // The `#` words written so far, by name, and the constructor's own mask: what a type
        // given a mask gets.
        let mut words: HashMap<String, u32> = HashMap::new();
        if let Some(own) = own {
            words.insert(own.to_string(), mask);
        }
        // The `#` fields given to a type as its mask.
        let passed: Vec<&str> = def
            .fields
            .iter()
            .filter_map(|f| match &f.kind {
                FieldKind::Plain(ty) => self.mask_arg(ty),
                _ => None,
            })
            .collect();
        // Decide which (flag field, bit) pairs are set, all members of a bit together.
        let mut set: HashMap<(&str, u32), bool> = HashMap::new();
        for f in &def.fields {
            if let FieldKind::Conditional { flag, bit, .. } = &f.kind {
                if Some(flag.value.as_str()) == own {
                    let on = mask & 1u32.checked_shl(bit.value).unwrap_or(0) != 0;
                    set.insert((flag.value.as_str(), bit.value), on);
                    continue;
                }
                let on = match presence {
                    Presence::All => true,
                    Presence::None => false,
                    Presence::Random | Presence::RandomKnown => self.rng.random_bool(0.5),
                };
                set.entry((flag.value.as_str(), bit.value)).or_insert(on);
            }
        }
        let nested = match presence {
            _ if depth >= 2 => Presence::None,
            Presence::Random => Presence::Random,
            _ => Presence::RandomKnown,
        };
        // The `#` fields that count a repetition, and the count each is given.
        let mut counts: HashMap<&str, Option<u32>> = def
            .fields
            .iter()
            .filter_map(|f| Some((f.kind.counted_by()?.value.as_str(), None)))
            .collect();
        // An anonymous `#` counts a repetition under its label (`# xs:[ int ]`: `arg1`).
        let labels: Vec<Cow<'_, str>> = (0..def.fields.len()).map(|i| def.field_label(i)).collect();
        for (f, label) in def.fields.iter().zip(&labels) {
            let name = match &f.name {
                Some(n) if n.value != "_" => n.value.as_str(),
                _ if counts.contains_key(label.as_ref()) => label.as_ref(),
                _ => "",
            };
            match &f.kind {
                FieldKind::Plain(ty) if ty.is_nat() && counts.contains_key(name) => {
                    let count = if depth >= 2 {
                        0
                    } else {
                        self.rng.random_range(0..4)
                    };
                    counts.insert(name, Some(count));
                    out.extend_from_slice(&count.to_le_bytes());
                }
                FieldKind::Plain(ty) if ty.is_nat() => {
                    let used: Vec<u32> = set
                        .keys()
                        .filter(|(flag, _)| *flag == name)
                        .map(|(_, b)| *b)
                        .collect();
                    // A `#` that no condition uses has only bits this schema does not know:
                    // random where unknown bits are wanted, zero otherwise.
                    let mut word = if passed.contains(&name) {
                        // Given to a type as its mask: its bits decide that value's fields.
                        match presence {
                            Presence::All => u32::MAX,
                            Presence::None => 0,
                            Presence::Random | Presence::RandomKnown => self.rng.random::<u32>(),
                        }
                    } else if used.is_empty() {
                        if presence == Presence::Random {
                            self.rng.random::<u32>()
                        } else {
                            0
                        }
                    } else {
                        used.iter()
                            .filter(|b| set[&(name, **b)])
                            .fold(0u32, |w, b| w | 1 << b)
                    };
                    if presence == Presence::Random && !used.is_empty() {
                        let known = used.iter().fold(0u32, |w, b| w | 1 << b);
                        word |= self.rng.random::<u32>() & !known & 0x8000_0f00;
                    }
                    if passed.contains(&name) {
                        // The own flags' bits as decided, the others as drawn.
                        for b in &used {
                            word = word & !(1 << b) | u32::from(set[&(name, *b)]) << b;
                        }
                    }
                    words.insert(name.to_string(), word);
                    out.extend_from_slice(&word.to_le_bytes());
                }
                FieldKind::Plain(ty) => self.value(ty, nested, depth, &words, out),
                FieldKind::Conditional { flag, bit, ty } => {
                    if set[&(flag.value.as_str(), bit.value)] && ty.name != "true" && !ty.is_nat() {
                        self.value(ty, nested, depth, &words, out);
                    } else if set[&(flag.value.as_str(), bit.value)] && ty.is_nat() {
                        out.extend_from_slice(&self.rng.random::<u32>().to_le_bytes());
                    }
                }
                FieldKind::Repeat {
                    multiplier: Some(Multiplier::Field(counter)),
                    fields: inner,
                    ..
                } => {
                    // VK's boxed `(Tuple T n)`: `tuple`'s id first.
                    if let Some(id) = f.kind.tuple_id() {
                        out.extend_from_slice(&id.to_le_bytes());
                    }
                    let count = counts.get(counter.value.as_str()).copied().flatten();
                    if let (Some(count), [inner]) = (count, inner.as_slice())
                        && let FieldKind::Plain(ty) = &inner.kind
                    {
                        for _ in 0..count {
                            self.value(ty, nested, depth + 1, &words, out);
                        }
                    }
                }
                FieldKind::Repeat { .. } | FieldKind::Opaque => {}
            }
        }
    }

    fn string(&mut self) -> String {
        let len = if self.rng.random_bool(0.1) {
            self.rng.random_range(254..300)
        } else {
            self.rng.random_range(0..12)
        };
        (0..len)
            .map(|_| match self.rng.random_range(0..10) {
                0 => 'é',
                1 => '🦀',
                _ => char::from(self.rng.random_range(b'a'..=b'z')),
            })
            .collect()
    }

    fn bytes(data: &[u8], out: &mut Vec<u8>) {
        let len = data.len();
        if len < 254 {
            out.push(len as u8);
        } else {
            out.extend_from_slice(&[0xfe, len as u8, (len >> 8) as u8, (len >> 16) as u8]);
        }
        out.extend_from_slice(data);
        while !out.len().is_multiple_of(4) {
            out.push(0);
        }
    }

    /// The `#` field or number given as a field mask to `ty` (or its vector's elements), if its
    /// constructors take one.
    fn mask_arg<'t>(&self, ty: &'t Type) -> Option<&'t str> {
        let ty = match Builtin::from_name(&ty.name) {
            Some(Builtin::Vector) => ty.args.first()?,
            _ => ty,
        };
        let [arg] = ty.args.as_slice() else {
            return None;
        };
        self.masked_ctor(ty).map(|_| arg.name.as_str())
    }

    /// The constructor (the first of a boxed type) of `ty` if it takes a field mask.
    fn masked_ctor(&self, ty: &Type) -> Option<&'a Definition> {
        let ctor = if tl_schema::ast::is_bare_name(&ty.name) && !ty.percent {
            *self.constructors.get(ty.name.as_str())?
        } else {
            *self.by_type.get(ty.name.as_str())?.first()?
        };
        ctor.nat_param().map(|_| ctor)
    }

    fn value(
        &mut self,
        ty: &Type,
        presence: Presence,
        depth: usize,
        words: &HashMap<String, u32>,
        out: &mut Vec<u8>,
    ) {
        // A type given a field mask: a number, or a `#` word of the holder (its own mask too).
        if let [arg] = ty.args.as_slice()
            && let Some(first) = self.masked_ctor(ty)
        {
            let mask = arg
                .constant()
                .unwrap_or_else(|| words.get(arg.name.as_str()).copied().unwrap_or(0));
            let ctor = if tl_schema::ast::is_bare_name(&ty.name) || ty.percent {
                first
            } else {
                let ctors = &self.by_type[ty.name.as_str()];
                let ctor = if depth >= 2 {
                    *ctors.iter().min_by_key(|c| c.fields.len()).unwrap()
                } else {
                    ctors[self.rng.random_range(0..ctors.len())]
                };
                out.extend_from_slice(&ctor.id(self.id_rule).to_le_bytes());
                ctor
            };
            self.fields(ctor, presence, depth + 1, mask, out);
            return;
        }
        if ty.bang {
            let function = self
                .simple_function
                .expect("a function without fields for `!X`");
            let id = function.id(self.id_rule);
            out.extend_from_slice(&id.to_le_bytes());
            return;
        }
        let name = ty.name.as_str();
        match Builtin::from_name(name) {
            Some(Builtin::Int) => out.extend_from_slice(&self.rng.random::<i32>().to_le_bytes()),
            Some(Builtin::Long) => out.extend_from_slice(&self.rng.random::<i64>().to_le_bytes()),
            Some(Builtin::Double) => {
                let v: f64 = self.rng.random_range(-1e9..1e9);
                out.extend_from_slice(&v.to_le_bytes());
            }
            Some(Builtin::Float) => {
                let v: f32 = self.rng.random_range(-1e6..1e6);
                out.extend_from_slice(&v.to_le_bytes());
            }
            // `(tuple T n)`: n values, no count.
            Some(Builtin::Tuple) => {
                let n = ty.args[1].constant().expect("a tuple's length");
                for _ in 0..n {
                    self.value(&ty.args[0], presence, depth + 1, words, out);
                }
            }
            // `#`, as a vector's or a tuple's element.
            None if ty.is_nat() => out.extend_from_slice(&self.rng.random::<u32>().to_le_bytes()),
            Some(builtin @ (Builtin::Int128 | Builtin::Int256 | Builtin::Int512)) => {
                let n = match builtin {
                    Builtin::Int128 => 16,
                    Builtin::Int256 => 32,
                    _ => 64,
                };
                out.extend((0..n).map(|_| self.rng.random::<u8>()));
            }
            Some(Builtin::String) => {
                let s = self.string();
                Self::bytes(s.as_bytes(), out);
            }
            Some(Builtin::Bytes) => {
                let s = self.string();
                let mut data = s.into_bytes();
                if let Some(b) = data.first_mut() {
                    *b = 0xff; // not UTF-8: bytes may be anything
                }
                Self::bytes(&data, out);
            }
            Some(Builtin::Bool) => {
                let id: u32 = if self.rng.random_bool(0.5) {
                    0x997275b5
                } else {
                    0xbc799737
                };
                out.extend_from_slice(&id.to_le_bytes());
            }
            Some(Builtin::Vector) => {
                if name == "Vector" && !ty.percent {
                    out.extend_from_slice(&0x1cb5c415u32.to_le_bytes());
                }
                let count: i32 = if depth >= 2 {
                    0
                } else {
                    self.rng.random_range(0..3)
                };
                out.extend_from_slice(&count.to_le_bytes());
                for _ in 0..count {
                    self.value(&ty.args[0], presence, depth + 1, words, out);
                }
            }
            // A boxed `True` field or result (TON's); a flag (`?true`) never gets here.
            Some(Builtin::True) if name == "True" => {
                out.extend_from_slice(&0x3fed_d339u32.to_le_bytes());
            }
            Some(Builtin::True) => {}
            // `Object` (and TON's `Function`): any boxed value; its length is unknown, so it is
            // the rest of the input, and any constructor id will do.
            Some(Builtin::Object) => {
                let id = self
                    .simple_function
                    .map_or(0x3fed_d339, |f| f.id(self.id_rule));
                out.extend_from_slice(&id.to_le_bytes());
            }
            _ if ty.is_percent_boxed() => {
                let ctor = self.by_type[name][0];
                let ctor = instantiate(ctor, &result_vars(ctor), &ty.args);
                self.fields(&ctor, presence, depth + 1, 0, out);
            }
            _ if tl_schema::ast::is_bare_name(name) => {
                let ctor = self.constructors[name];
                let ctor = instantiate(ctor, &result_vars(ctor), &ty.args);
                self.fields(&ctor, presence, depth + 1, 0, out);
            }
            _ => {
                let ctors = &self.by_type[name];
                // Deep down, the constructor with the fewest fields keeps recursion finite.
                let ctor = if depth >= 2 {
                    *ctors.iter().min_by_key(|c| c.fields.len()).unwrap()
                } else {
                    ctors[self.rng.random_range(0..ctors.len())]
                };
                out.extend_from_slice(&ctor.id(self.id_rule).to_le_bytes());
                let ctor = instantiate(ctor, &result_vars(ctor), &ty.args);
                self.fields(&ctor, presence, depth + 1, 0, out);
            }
        }
    }
}

/// A plain type name.
fn named(name: &str) -> Type {
    Type {
        name: name.to_string(),
        args: Vec::new(),
        percent: false,
        bang: false,
        range: 0..0,
    }
}

/// The type variables of a constructor's result, in order.
fn result_vars(def: &Definition) -> Vec<&str> {
    def.result.args.iter().map(|a| a.name.as_str()).collect()
}

/// `def` with each of the type variables `params` replaced by the argument at its place in its
/// fields' types (a polymorphic constructor at the arguments its use gives).
fn instantiate<'d>(def: &'d Definition, params: &[&str], args: &[Type]) -> Cow<'d, Definition> {
    fn subst(ty: &Type, params: &[&str], args: &[Type]) -> Type {
        if ty.args.is_empty()
            && !ty.bang
            && let Some(at) = params.iter().position(|p| *p == ty.name)
            && let Some(arg) = args.get(at)
        {
            return arg.clone();
        }
        let mut out = ty.clone();
        out.args = ty.args.iter().map(|a| subst(a, params, args)).collect();
        out
    }
    // A function's `!X` stays a call (`subst` leaves it); its `value:X` is a value of `args`.
    if params.is_empty() {
        return Cow::Borrowed(def);
    }
    fn fields(list: &mut [tl_schema::Field], params: &[&str], args: &[Type]) {
        for f in list {
            match &mut f.kind {
                FieldKind::Plain(ty) | FieldKind::Conditional { ty, .. } => {
                    *ty = subst(ty, params, args)
                }
                FieldKind::Repeat { fields: inner, .. } => fields(inner, params, args),
                FieldKind::Opaque => {}
            }
        }
    }
    let mut def = def.clone();
    fields(&mut def.fields, params, args);
    Cow::Owned(def)
}

/// Reads a real schema and checks it with its allow list; `None` where the schemas are absent.
pub fn load(name: &str, allow: &[&str]) -> Option<Schema> {
    load_with(name, allow, tl_schema::IdRule::Telegram)
}

/// [`load`] with an id rule (TDLib's for TDLib's and TON's schemas).
pub fn load_with(name: &str, allow: &[&str], id_rule: tl_schema::IdRule) -> Option<Schema> {
    let dir = crate::shared_schemas(name)?;
    let text = std::fs::read_to_string(dir.join(name)).expect("read schema");
    let config = tl_schema::Config {
        id_rule: Some(id_rule),
        allow_id_mismatch: allow.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    };
    let (schema, diagnostics) = tl_schema::check(&[tl_schema::Source::file(name, text)], &config);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    Some(schema)
}

/// Decodes bytes built for every definition of `schema` that `skip` does not exclude (all flags
/// set, none, and twice at random) as an `A` (the schema's `Any`), and checks that each value
/// re-encodes to the same bytes, reports their length, and decodes back to itself. Returns how
/// many definitions were checked.
pub fn round_trip_all<A>(
    schema: &Schema,
    seed: u64,
    rule: tl_schema::IdRule,
    skip: impl Fn(&Definition) -> bool,
) -> usize
where
    A: tl_runtime::Serialize + tl_runtime::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    for_each_encoding(schema, seed, rule, skip, |def, presence, bytes| {
        let value = A::from_bytes(bytes)
            .unwrap_or_else(|e| panic!("{} ({presence:?}): {e}\n{bytes:02x?}", def.name.value));
        assert_eq!(
            value.to_bytes(),
            bytes,
            "{} ({presence:?}) re-encodes",
            def.name.value
        );
        assert_eq!(
            value.serialized_len(),
            bytes.len(),
            "{} serialized_len",
            def.name.value
        );
        assert_eq!(
            A::from_bytes(&value.to_bytes()).unwrap(),
            value,
            "{}",
            def.name.value
        );
    })
}

/// Calls `check` with the boxed bytes of every definition of `schema` that `skip` does not
/// exclude: all flags set, none, and twice at random (with unknown bits). Returns how many
/// definitions it covered.
pub fn for_each_encoding(
    schema: &Schema,
    seed: u64,
    rule: tl_schema::IdRule,
    skip: impl Fn(&Definition) -> bool,
    mut check: impl FnMut(&Definition, Presence, &[u8]),
) -> usize {
    let mut generator = Gen::new(schema, seed, rule);
    let mut checked = 0;
    for def in schema.definitions.iter().filter(|d| !d.builtin && !skip(d)) {
        for presence in [
            Presence::All,
            Presence::None,
            Presence::Random,
            Presence::Random,
        ] {
            check(def, presence, &generator.boxed(def, presence));
        }
        checked += 1;
    }
    checked
}
