//! The zero value of a type on the wire, as VK's encoding writes it where a field mask passed
//! from outside has a field's bit but the value is absent (`owner:fields_mask.28?string` of
//! StatsHouse's `statshouse.commonProxyHeader {fields_mask:#}`): every number 0, every string
//! and vector empty, `Bool` false, a boxed type its first constructor, and every flag of a `#`
//! field clear. Validation asks for it (a type without one is an error at its field), and `tl!`
//! writes the bytes it gives.

use crate::ast::{Definition, FieldKind, Multiplier, Type, is_bare_name};
use crate::builtin::Builtin;
use crate::id::IdRule;
use crate::lexer::Section;

/// `Vector`'s, `boolFalse`'s and `True`'s constructor ids.
const VECTOR_ID: u32 = 0x1cb5_c415;
const BOOL_FALSE_ID: u32 = 0xbc79_9737;
const TRUE_ID: u32 = 0x3fed_d339;

/// How deep types may nest inside a zero value: deeper is a type that holds itself.
const MAX_DEPTH: u32 = 32;

/// The longest zero value written: tuples of tuples could ask for gigabytes.
const MAX_LEN: usize = 64 * 1024;

/// The zero values of a schema's types.
#[derive(Debug)]
pub struct Zeros<'a> {
    /// The constructors (of the types section, no builtin lines).
    ctors: Vec<&'a Definition>,
    rule: IdRule,
}

/// The type variables' values while a polymorphic constructor's zero is written: the types
/// given for them, with no type variable left in them.
#[derive(Default)]
struct Scope {
    vars: Vec<(String, Type)>,
    /// The field mask passed to the constructor, if it takes one (its value: 0 from a `#`
    /// field, which is zero too, or the number written).
    mask: u32,
}

impl<'a> Zeros<'a> {
    /// Over `defs`, a schema's definitions, whose ids are computed by `rule`.
    pub fn new(defs: impl IntoIterator<Item = &'a Definition>, rule: IdRule) -> Self {
        let ctors = defs
            .into_iter()
            .filter(|d| d.section == Section::Types && !d.builtin)
            .collect();
        Zeros { ctors, rule }
    }

    /// The bytes of `ty`'s zero value, written in `def` (whose type variables it may name,
    /// which have no zero value of their own), or why it has none.
    pub fn of(&self, def: &Definition, ty: &Type) -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        self.write(def, ty, &Scope::default(), 0, &mut out)?;
        Ok(out)
    }

    fn write(
        &self,
        def: &Definition,
        ty: &Type,
        scope: &Scope,
        depth: u32,
        out: &mut Vec<u8>,
    ) -> Result<(), String> {
        if depth > MAX_DEPTH {
            return Err(format!("`{ty}` holds itself"));
        }
        if out.len() > MAX_LEN {
            return Err(format!("its zero value is over {} KiB", MAX_LEN / 1024));
        }
        if ty.is_nat() {
            out.extend([0; 4]);
            return Ok(());
        }
        if ty.bang {
            return Err(format!("`{ty}` is a call"));
        }
        if let Some((_, bound)) = scope.vars.iter().find(|(name, _)| *name == ty.name) {
            return self.write(def, bound, &Scope::default(), depth + 1, out);
        }
        if def.type_params.iter().any(|p| p.name.value == ty.name) && scope.vars.is_empty() {
            return Err(format!("`{ty}` is a type variable"));
        }
        let word = |out: &mut Vec<u8>, w: u32| out.extend(w.to_le_bytes());
        match Builtin::from_name(&ty.name) {
            Some(Builtin::Int | Builtin::Float) => out.extend([0; 4]),
            Some(Builtin::Long | Builtin::Double) => out.extend([0; 8]),
            // A length of 0 and 3 bytes of padding.
            Some(Builtin::String | Builtin::Bytes) => out.extend([0; 4]),
            Some(Builtin::Int128) => out.extend([0; 16]),
            Some(Builtin::Int256) => out.extend([0; 32]),
            Some(Builtin::Int512) => out.extend([0; 64]),
            Some(Builtin::Bool) => word(out, BOOL_FALSE_ID),
            Some(Builtin::True) if ty.name == "True" && !ty.percent => word(out, TRUE_ID),
            Some(Builtin::True) => {}
            Some(Builtin::Vector) => {
                if ty.name == "Vector" && !ty.percent {
                    word(out, VECTOR_ID);
                }
                word(out, 0);
            }
            Some(Builtin::Tuple) => {
                let (Some(elem), Some(len)) =
                    (ty.args.first(), ty.args.get(1).and_then(Type::constant))
                else {
                    return Err(format!("`{ty}` is no tuple of a written length"));
                };
                if len > crate::ast::MAX_FIXED_COUNT {
                    return Err(format!("`{ty}` is too long"));
                }
                for _ in 0..len {
                    self.write(def, elem, scope, depth + 1, out)?;
                }
            }
            Some(Builtin::Object) => return Err(format!("`{ty}` is any value")),
            None => {
                let ctor = self
                    .constructor(ty)
                    .ok_or_else(|| format!("`{ty}` has no constructor in the schema"))?;
                if !is_bare_name(&ty.name) && !ty.percent {
                    word(out, ctor.id(self.rule));
                }
                // The constructor's type variables (and its field mask) are the arguments
                // `ty` gives, in the places its result names them.
                let mut inner = Scope::default();
                for (param, arg) in ctor.result.args.iter().zip(&ty.args) {
                    if ctor.nat_param().is_some_and(|p| p.name.value == param.name) {
                        inner.mask = arg.constant().unwrap_or(if arg.name == "#" {
                            0
                        } else {
                            self.mask_of(def, arg, scope)
                        });
                    } else {
                        inner
                            .vars
                            .push((param.name.clone(), substitute(arg, scope)));
                    }
                }
                self.fields(ctor, &inner, depth, out)?;
            }
        }
        Ok(())
    }

    /// The value of a field mask passed as `arg` in `def`: the enclosing constructor's own
    /// mask, or 0 for a `#` field (whose zero is 0).
    fn mask_of(&self, def: &Definition, arg: &Type, scope: &Scope) -> u32 {
        if def.nat_param().is_some_and(|p| p.name.value == arg.name) {
            scope.mask
        } else {
            0
        }
    }

    /// The zero of each field of `ctor`, in order: a `#` field 0, so every field conditional on
    /// one absent; a field on the constructor's own mask present where the mask has its bit.
    fn fields(
        &self,
        ctor: &Definition,
        scope: &Scope,
        depth: u32,
        out: &mut Vec<u8>,
    ) -> Result<(), String> {
        let own_mask = ctor.nat_param().map(|p| p.name.value.as_str());
        for field in &ctor.fields {
            match &field.kind {
                FieldKind::Plain(ty) => {
                    self.write(ctor, ty, scope, depth + 1, out)?;
                }
                FieldKind::Conditional { flag, bit, ty } => {
                    let set = Some(flag.value.as_str()) == own_mask
                        && scope.mask & 1u32.checked_shl(bit.value).unwrap_or(0) != 0;
                    if set {
                        self.write(ctor, ty, scope, depth + 1, out)?;
                    }
                }
                // Counted by a `#` field, which is 0: no elements (after `tuple`'s id for
                // a boxed `(Tuple T n)`).
                FieldKind::Repeat {
                    multiplier: Some(Multiplier::Field(_)),
                    ..
                } => {
                    if let Some(id) = field.kind.tuple_id() {
                        out.extend(id.to_le_bytes());
                    }
                }
                FieldKind::Repeat {
                    multiplier: Some(Multiplier::Constant(n)),
                    fields,
                    ..
                } => {
                    if *n > crate::ast::MAX_FIXED_COUNT {
                        return Err(format!("`{}` repeats too many", ctor.name.value));
                    }
                    for _ in 0..*n {
                        for inner in fields {
                            if let FieldKind::Plain(ty) = &inner.kind {
                                self.write(ctor, ty, scope, depth + 1, out)?;
                            } else {
                                return Err(format!(
                                    "`{}` repeats an unusual field",
                                    ctor.name.value
                                ));
                            }
                        }
                    }
                }
                FieldKind::Repeat { .. } | FieldKind::Opaque => {
                    return Err(format!(
                        "`{}` has a field of no fixed shape",
                        ctor.name.value
                    ));
                }
            }
        }
        Ok(())
    }

    /// The constructor a non-builtin `ty` is written with: itself if bare, else its type's
    /// first.
    fn constructor(&self, ty: &Type) -> Option<&'a Definition> {
        let mut ctors = self.ctors.iter().copied();
        if is_bare_name(&ty.name) && !ty.percent {
            ctors.find(|d| d.name.value == ty.name)
        } else {
            ctors.find(|d| d.result.name == ty.name)
        }
    }
}

/// `ty` with the type variables of `scope` replaced by their values.
fn substitute(ty: &Type, scope: &Scope) -> Type {
    if ty.args.is_empty()
        && let Some((_, bound)) = scope.vars.iter().find(|(name, _)| *name == ty.name)
    {
        return bound.clone();
    }
    Type {
        args: ty.args.iter().map(|a| substitute(a, scope)).collect(),
        ..ty.clone()
    }
}

#[cfg(test)]
mod tests {
    use crate::{Config, IdRule, Source, check};

    /// The zero value of the field `x` of the last constructor of `text`.
    fn zero_of_x(text: &str) -> Result<Vec<u8>, String> {
        let config = Config {
            id_rule: Some(IdRule::Tdlib),
            allow_id_mismatch: vec![crate::EVERY_ID.to_string()],
            ..Config::default()
        };
        let (schema, diagnostics) = check(&[Source::literal(text)], &config);
        // `*` is stale in a schema that writes no ids.
        if diagnostics.iter().any(|d| !d.message.starts_with("`*`")) {
            return Err(format!("{diagnostics:?}"));
        }
        let def = schema
            .definitions
            .iter()
            .rev()
            .find(|d| d.section == crate::Section::Types)
            .ok_or("no constructor")?;
        let field = def
            .fields
            .iter()
            .find(|f| f.name.as_ref().is_some_and(|n| n.value == "x"));
        let Some(crate::FieldKind::Conditional { ty, .. } | crate::FieldKind::Plain(ty)) =
            field.map(|f| &f.kind)
        else {
            return Err("no field x".into());
        };
        super::Zeros::new(&schema.definitions, schema.id_rule).of(def, ty)
    }

    fn words(words: &[u32]) -> Vec<u8> {
        words.iter().flat_map(|w| w.to_le_bytes()).collect()
    }

    #[test]
    fn zero_values_as_vk_writes_them() {
        // Builtins: numbers 0, an empty string, `boolFalse`, an empty boxed vector.
        for (ty, bytes) in [
            ("int", words(&[0])),
            ("long", words(&[0, 0])),
            ("string", words(&[0])),
            ("Bool", words(&[0xbc79_9737])),
            ("(Vector int)", words(&[0x1cb5_c415, 0])),
            ("(vector int)", words(&[0])),
            ("(tuple long 2)", words(&[0; 4])),
            ("int256", vec![0; 32]),
        ] {
            let text = format!("e {{f:#}} x:f.0?{ty} = E f;");
            assert_eq!(zero_of_x(&text), Ok(bytes), "{ty}");
        }
        // KPHP's `engine_pid:flags.2?%net.Pid`: a bare constructor's fields, each zero.
        let pid = "net.pid ip:int port_pid:int utime:int = net.Pid;\ne {f:#} x:f.2?%net.Pid = E f;";
        assert_eq!(zero_of_x(pid), Ok(words(&[0; 3])));
        // `%(Dictionary string)`: a polymorphic constructor, its bare vector empty.
        let dictionary = "dictionaryField {t:Type} key:string value:t = DictionaryField t;
            dictionary {t:Type} %(Vector %(DictionaryField t)) = Dictionary t;
            e {f:#} x:f.6?%(Dictionary string) = E f;";
        assert_eq!(zero_of_x(dictionary), Ok(words(&[0])));
        // A boxed type: its first constructor's id, then its fields; a `#` field 0, so its
        // flags' fields absent; a field mask given as a number, its bits' fields present.
        let boxed = "point#00000001 flags:# a:flags.0?int b:int = Point;
            point2#00000002 = Point;
            m {g:#} c:g.1?long = M g;
            holder y:(M 2) = Holder;
            e {f:#} x:f.3?Point = E f;";
        assert_eq!(zero_of_x(boxed), Ok(words(&[1, 0, 0])));
        let given = "m {g:#} c:g.1?long d:g.0?int = M g;
            holder y:(m 2) = Holder;
            e {f:#} x:f.0?holder = E f;";
        assert_eq!(zero_of_x(given), Ok(words(&[0, 0])));
        // None for what holds any value, or itself.
        let object = "e {f:#} x:f.0?Object = E f;";
        assert!(zero_of_x(object).is_err());
        // Nor for what would take gigabytes to write.
        let huge = "e {f:#} x:f.0?(tuple (tuple (tuple long 256) 256) 256) = E f;";
        assert_eq!(
            zero_of_x(huge).map_err(|e| e.contains("over 64 KiB")),
            Err(true)
        );
        let cycle = "node next:Node = Node;\ne {f:#} x:f.0?Node = E f;";
        assert_eq!(
            zero_of_x(cycle).map_err(|e| e.contains("holds itself")),
            Err(true)
        );
    }
}
