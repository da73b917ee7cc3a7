//! The schema AST: definitions, fields and types, each with the byte range it came from.

use crate::lexer::Section;
use core::fmt;
use core::ops::Range;
use std::borrow::Cow;

/// Which source (literal or file) a definition came from: an index the caller assigns.
pub type SourceId = usize;

/// A name with the bytes it was read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Its bytes in the source text.
    pub range: Range<usize>,
}

/// One `name#id fields = Result;` line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Definition {
    /// The full name, namespaces included: `phone.discardCall`.
    pub name: Spanned<String>,
    /// The modifiers written before the name, without their `@` (`@read engine.stat = Stat;`
    /// has `read`): VK's marks of what a function does. They are no part of its id or its
    /// wire form; the generated docs show them with the line.
    pub modifiers: Vec<Spanned<String>>,
    /// The id written after `#`, if any.
    pub id: Option<Spanned<u32>>,
    /// `{X:Type}` parameters.
    pub type_params: Vec<TypeParam>,
    /// The fields, in order.
    pub fields: Vec<Field>,
    /// The type after `=`, with its arguments (`Vector t`).
    pub result: Type,
    /// Types or functions section.
    pub section: Section,
    /// A builtin line (`int ? = Int;`, `vector … = Vector t;`, `true = True;`, `boolTrue = Bool;`
    /// …): it defines a primitive that the runtime provides, and no code is generated for it.
    pub builtin: bool,
    /// Comment lines directly above the definition (and one after its `;` on the same line),
    /// without the `//`.
    pub docs: Vec<String>,
    /// From the first byte of the name to the `;`.
    pub range: Range<usize>,
    /// The source it came from.
    pub source: SourceId,
}

/// TL-formal's statements about a boxed type, in the types section: `New T;` (no constructor
/// of `T` comes before it), `Final T;` (none comes after it), `Empty T;` (`T` has no
/// constructor at all: nothing decodes as it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    /// Which statement.
    pub kind: StatementKind,
    /// The type it is about.
    pub name: Spanned<String>,
    /// From its first byte to the `;`.
    pub range: Range<usize>,
    /// The section it is in.
    pub section: Section,
    /// The source it came from.
    pub source: SourceId,
}

impl Statement {
    /// Whether `def` comes before it: in an earlier source, or earlier in the same one.
    pub fn follows(&self, def: &Definition) -> bool {
        (def.source, def.range.start) < (self.source, self.range.start)
    }
}

/// The keyword of a [`Statement`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatementKind {
    /// `New T;`
    New,
    /// `Final T;`
    Final,
    /// `Empty T;`
    Empty,
}

impl StatementKind {
    /// The keyword as written.
    pub fn keyword(self) -> &'static str {
        match self {
            StatementKind::New => "New",
            StatementKind::Final => "Final",
            StatementKind::Empty => "Empty",
        }
    }
}

/// `{X:Type}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeParam {
    /// `X`.
    pub name: Spanned<String>,
    /// `Type`.
    pub kind: String,
    /// Not written: a one-letter argument of a constructor's result that nothing declares
    /// (`overlay.response.ok value:T = overlay.Response T;`, as tl-proto's schemas write it) is
    /// a type variable all the same. It is not part of the text the id is computed from.
    pub implicit: bool,
}

/// One field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// The name; `None` for an anonymous field, written as a type alone: the `int` of
    /// `coupleInt {t:Type} int t = CoupleInt t;`, the `#` and `[ t ]` of `vector`. A field
    /// written `_:int` is anonymous too, but its name is kept here, as its id's text has it.
    pub name: Option<Spanned<String>>,
    /// What the field holds.
    pub kind: FieldKind,
    /// The whole field.
    pub range: Range<usize>,
}

impl Field {
    /// Its name of its own: none for a type alone, nor for `_:type`.
    pub fn own_name(&self) -> Option<&Spanned<String>> {
        self.name.as_ref().filter(|n| n.value != "_")
    }

    /// Whether it has no name of its own: written as a type alone, or as `_:type`.
    pub fn is_anonymous(&self) -> bool {
        self.own_name().is_none()
    }
}

/// What a field holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// A value of this type, always present.
    Plain(Type),
    /// `name:flags.N?T`: present when bit `bit` of the `#` field `flag` is set.
    Conditional {
        /// The `#` field holding the bit.
        flag: Spanned<String>,
        /// The bit, as written (validation checks that it is at most 31).
        bit: Spanned<u32>,
        /// The type when present (`true` for a pure flag).
        ty: Type,
    },
    /// `N*[ fields ]`, `n*[ fields ]` or `[ fields ]`: a repetition. Counted by a `#` field
    /// declared before it (`types:types_num*[ tls.Type ]`, as TL's own schema of `.tlo` files
    /// writes it), or named with a constant count (`key:64*[ int ]`, [`Field::fixed_count`]),
    /// it is a field of its own, the elements one after another with no count of their own;
    /// otherwise (anonymous with a constant multiplier, or none) it belongs to builtin lines (a
    /// definition with one is a builtin: `int128 4*[ int ] = Int128;`).
    Repeat {
        /// What is written before `*`, if anything.
        multiplier: Option<Multiplier>,
        /// The repeated fields.
        fields: Vec<Field>,
        /// Written as a tuple whose length is a `#` field before it, as VK's schemas write a
        /// counted list (`n:# xs:(Tuple int n)`, `%(Tuple int n)`, `(tuple int n)`): that type,
        /// which the id's text and the docs show. Its elements are the repetition's; the boxed
        /// `Tuple` writes `tuple`'s id #9770768a before them ([`FieldKind::tuple_id`]).
        tuple: Option<Type>,
    },
    /// `?`: the opaque body of a builtin (`int ? = Int;`).
    Opaque,
}

/// How many times a repetition repeats, as written before its `*`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Multiplier {
    /// A number: `4*[ int ]`, in builtin lines.
    Constant(u32),
    /// The `#` field declared before the repetition that counts it (`types_num` in
    /// `types_num*[ tls.Type ]`). With an empty range, at the start of the repetition's field,
    /// it was not written: the last natural number before the repetition counts it, as TL's
    /// grammar reads `n:# xs:[ int ]` (a `#` field, named or by its label; or a `{n:#}`
    /// parameter or a conditional `#`, which validation reports).
    Field(Spanned<String>),
}

impl Multiplier {
    /// What stands before the repetition's `[`: `4*`, `n*`, or nothing where the count was not
    /// written.
    pub fn prefix(&self) -> String {
        match self {
            Multiplier::Field(name) if name.range.is_empty() => String::new(),
            written => format!("{written}*"),
        }
    }
}

/// The most elements a repetition of a constant count (`key:64*[ int ]`) may hold: it is a Rust
/// array, held inline and built on the stack as it is decoded.
pub const MAX_FIXED_COUNT: u32 = 256;

impl Field {
    /// The count of a named repetition of a constant count, `key:64*[ int ]` (tgl's binlog
    /// schema): a field holding that many elements, with no count on the wire. An anonymous
    /// one (`int128 4*[ int ] = Int128;`) belongs to a builtin line.
    pub fn fixed_count(&self) -> Option<u32> {
        match (&self.name, &self.kind) {
            (
                Some(_),
                FieldKind::Repeat {
                    multiplier: Some(Multiplier::Constant(n)),
                    ..
                },
            ) => Some(*n),
            _ => None,
        }
    }
}

/// The id of `tuple#9770768a {t:Type} {n:#} [t] = Tuple t n;`, VK's, written before the
/// elements of a boxed `Tuple`.
pub const TUPLE_ID: u32 = 0x9770_768a;

impl FieldKind {
    /// `tuple`'s id, for a repetition written as the boxed `(Tuple T n)`, whose elements come
    /// after it; `None` for any other.
    pub fn tuple_id(&self) -> Option<u32> {
        match self {
            FieldKind::Repeat {
                tuple: Some(ty), ..
            } if !ty.is_bare() => Some(TUPLE_ID),
            _ => None,
        }
    }

    /// The `#` field counting this repetition, if it is one counted by a field.
    pub fn counted_by(&self) -> Option<&Spanned<String>> {
        match self {
            FieldKind::Repeat {
                multiplier: Some(Multiplier::Field(counter)),
                ..
            } => Some(counter),
            _ => None,
        }
    }
}

/// Prints the multiplier: `4` or `types_num` (the field's name where it was not written too;
/// see [`Multiplier::prefix`]).
impl fmt::Display for Multiplier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Multiplier::Constant(n) => write!(f, "{n}"),
            Multiplier::Field(name) => f.write_str(&name.value),
        }
    }
}

/// A type expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Type {
    /// The name as written: `Vector`, `int`, `tonNode.blockIdExt`, `X`, or `#`.
    pub name: String,
    /// Type arguments: `Vector<T>`, `(vector T)` and the result's `Vector t`.
    pub args: Vec<Type>,
    /// Written `%T`: the boxed type's only constructor, bare.
    pub percent: bool,
    /// Written `!X`: any function whose result is `X`.
    pub bang: bool,
    /// Where it was written.
    pub range: Range<usize>,
}

impl Type {
    /// The natural-number type `#`.
    pub fn is_nat(&self) -> bool {
        self.name == "#"
    }

    /// Whether it is written as a number (the parser takes only digits there), whether or not
    /// the number fits [`Type::constant`].
    pub fn is_number(&self) -> bool {
        self.name.starts_with(|c: char| c.is_ascii_digit())
    }

    /// The number, where a number stands as a type's argument: the length `2` of
    /// `(tuple double 2)`. `None` for a type, and for digits beyond `u32`.
    pub fn constant(&self) -> Option<u32> {
        if self.is_number() {
            self.name.parse().ok()
        } else {
            None
        }
    }

    /// The name after the last `.`.
    pub fn base_name(&self) -> &str {
        base_name(&self.name)
    }

    /// Whether the name is bare (a constructor, a lowercase primitive) or `%`-prefixed: TL
    /// tells bare from boxed by the case of the part after the last `.`.
    pub fn is_bare(&self) -> bool {
        self.percent || is_bare_name(&self.name)
    }

    /// Whether it is `%T` of a boxed `T`: the only constructor of `T`, bare. `%` before a bare
    /// name (`%message`, as gotd's copy of the MTProto schema writes) changes nothing: that
    /// constructor is already bare.
    pub fn is_percent_boxed(&self) -> bool {
        self.percent && !is_bare_name(&self.name)
    }

    /// Prints the type as a reader takes it in: each argument that has arguments of its own in
    /// parentheses (`Pair (tuple int 2) (Vector string)`), where [`Display`](fmt::Display)
    /// prints the id's text (`Pair tuple int 2 Vector string`).
    pub fn nested(&self) -> Nested<'_> {
        Nested(self)
    }
}

/// [`Type::nested`].
#[derive(Clone, Copy, Debug)]
pub struct Nested<'t>(&'t Type);

impl fmt::Display for Nested<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.write(f, true)
    }
}

/// [`Definition::field_label`] of field `i` among `fields`.
pub fn field_label(fields: &[Field], i: usize) -> Cow<'_, str> {
    match fields[i].own_name() {
        Some(name) => Cow::Borrowed(&name.value),
        None => {
            let first = format!("arg{}", i + 1);
            let mut label = first.clone();
            let mut k = 1;
            while fields
                .iter()
                .any(|f| f.own_name().is_some_and(|n| n.value == label))
            {
                k += 1;
                label = format!("{first}_{k}");
            }
            Cow::Owned(label)
        }
    }
}

/// The part of a TL name after the last `.`.
pub fn base_name(name: &str) -> &str {
    // A loop over bytes, not `rsplit('.')`: `tl!` runs this unoptimized for every type a
    // schema names, several times each, where the pattern searcher cost some 800 instructions
    // a call. After a `.` (one byte) is a character boundary.
    let bytes = name.as_bytes();
    let mut i = bytes.len();
    while i > 0 {
        if bytes[i - 1] == b'.' {
            return &name[i..];
        }
        i -= 1;
    }
    name
}

/// The namespaces of a TL name: everything before the last `.`.
pub fn namespaces(name: &str) -> impl Iterator<Item = &str> {
    let mut parts: Vec<&str> = name.split('.').collect();
    parts.pop();
    parts.into_iter()
}

/// Whether a name is bare: its last part starts with a lowercase letter (or `_`/a digit).
pub fn is_bare_name(name: &str) -> bool {
    !matches!(base_name(name).as_bytes().first(), Some(b'A'..=b'Z'))
}

/// Whether a constructor's name is VK's `_` (`_ {X:Type} result:X = ReqResult X;`): a
/// constructor written without an id, which its type reads when the id ahead is none of its
/// other constructors'.
pub fn is_untagged_name(name: &str) -> bool {
    // The length first: one comparison for nearly every name, in the unoptimized macro.
    name.len() == 1 && name == "_"
}

impl Definition {
    /// The id the definition would have under `rule`, whatever was written.
    pub fn computed_id(&self, rule: crate::IdRule) -> u32 {
        crate::id::compute(self, rule)
    }

    /// Its id on the wire: the one written after `#`, or the one `rule` computes when none is.
    pub fn id(&self, rule: crate::IdRule) -> u32 {
        self.id
            .as_ref()
            .map_or_else(|| self.computed_id(rule), |id| id.value)
    }

    /// Whether its id is the one `rule` computes, not a frozen copy of another definition's (as
    /// TDLib's `invokeWith…Prefix` functions reuse the ids of the real ones).
    pub fn has_own_id(&self, rule: crate::IdRule) -> bool {
        self.id
            .as_ref()
            .is_none_or(|id| id.value == self.computed_id(rule))
    }

    /// The name to call field `i` (from 0) by: its own, or, for an anonymous field (`int`,
    /// `_:int`), `arg` and its place among the fields, from 1, with `_2`, `_3`, … appended
    /// while another field has that name (`named arg2:int long = Named;` calls its `long`
    /// `arg2_2`).
    pub fn field_label(&self, i: usize) -> Cow<'_, str> {
        // The named field's case here, not behind a second call: the macro asks this of
        // every field, unoptimized.
        match self.fields[i].own_name() {
            Some(name) => Cow::Borrowed(&name.value),
            None => field_label(&self.fields, i),
        }
    }

    /// Whether this is a function (from a `---functions---` section).
    pub fn is_function(&self) -> bool {
        self.section == Section::Functions
    }

    /// Every type its fields hold, the repeated fields' of a repetition included, in order.
    pub fn field_types(&self) -> Vec<&Type> {
        fn walk<'d>(fields: &'d [Field], out: &mut Vec<&'d Type>) {
            for field in fields {
                match &field.kind {
                    FieldKind::Plain(ty) | FieldKind::Conditional { ty, .. } => out.push(ty),
                    FieldKind::Repeat { fields, .. } => walk(fields, out),
                    FieldKind::Opaque => {}
                }
            }
        }
        let mut out = Vec::with_capacity(self.fields.len());
        walk(&self.fields, &mut out);
        out
    }

    /// Its natural-number parameter, `{fields_mask:#}`: a field mask passed to the type from
    /// outside, as VK's schemas write it (`engine.mode {fields_mask:#} read_enabled:fields_mask.0?Bool
    /// … = engine.ReadWriteMode fields_mask;`). Validation lets a constructor have one at most,
    /// and no `{X:Type}` beside it.
    pub fn nat_param(&self) -> Option<&TypeParam> {
        self.type_params.iter().find(|p| p.kind == "#")
    }

    /// The `#` field names, in order.
    pub fn flag_fields(&self) -> impl Iterator<Item = &str> {
        self.fields.iter().filter_map(|f| match (&f.name, &f.kind) {
            (Some(name), FieldKind::Plain(ty)) if ty.is_nat() => Some(name.value.as_str()),
            _ => None,
        })
    }
}

/// Prints the type in the form the id rules use: arguments after the name, separated by spaces
/// (so `Vector<Vector<T>>` and `(Vector (Vector T))` both print `Vector Vector T`).
impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, false)
    }
}

impl Type {
    /// Writes the type, each argument that has arguments in parentheses when `parens`.
    fn write(&self, f: &mut fmt::Formatter<'_>, parens: bool) -> fmt::Result {
        if self.bang {
            f.write_str("!")?;
        }
        // `%message` is `message`, as TDLib's printer has it (and its id: MTProto's
        // `msg_container#73f1f8dc` is the CRC of `… messages:vector message = …`).
        // Nested, `%` applies to the whole application, which its parentheses hold:
        // `%(Tuple point m)`, and `Pair (%(Vector long)) int` would say it twice.
        let percent_group = if self.is_percent_boxed() {
            let group = parens && !self.args.is_empty();
            f.write_str(if group { "%(" } else { "%" })?;
            group
        } else {
            false
        };
        f.write_str(&self.name)?;
        for arg in &self.args {
            if parens && !arg.args.is_empty() && !arg.is_percent_boxed() {
                f.write_str(" (")?;
                arg.write(f, parens)?;
                f.write_str(")")?;
            } else {
                f.write_str(" ")?;
                arg.write(f, parens)?;
            }
        }
        if percent_group {
            f.write_str(")")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte loops say what `rsplit('.')` and `char::is_ascii_uppercase` said, for names of
    /// every shape, non-ASCII ones included.
    #[test]
    fn base_names_and_bareness() {
        for name in [
            "",
            ".",
            "a.",
            ".A",
            "int",
            "Vector",
            "phone.discardCall",
            "tonNode.blockIdExt",
            "a.b.C",
            "ns.é.Ü",
            "é",
            "%Message",
            "_",
            "2",
        ] {
            let old = name.rsplit('.').next().unwrap_or(name);
            assert_eq!(base_name(name), old, "{name:?}");
            assert_eq!(
                is_bare_name(name),
                !old.starts_with(|c: char| c.is_ascii_uppercase()),
                "{name:?}"
            );
        }
    }
}
