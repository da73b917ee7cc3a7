//! TL types to their Rust shapes: builtins through `tl_schema`'s one table, constructors to
//! `types::X`, boxed types to `enums::T`, and the enums themselves (one per boxed type).

use super::{CtorId, Enum, EnumId, Internal, MaskArg, RType, Target};
use crate::ident;
use rustc_hash::FxHashMap as HashMap;
use tl_schema::{Builtin, Definition, Section, Type, ast::is_bare_name};

/// Where the constructors and boxed types of a schema are.
pub struct Resolver<'a> {
    /// The constructors, in order: [`CtorId`]s index this.
    ctors: Vec<&'a Definition>,
    ctor_index: HashMap<&'a str, CtorId>,
    /// Boxed types in order of their first constructor: [`EnumId`]s index this.
    enum_names: Vec<&'a str>,
    enum_index: HashMap<&'a str, EnumId>,
    /// Types defined outside the schema (TL name to Rust type text), and whether every name
    /// that the schema does not define is one ([`Resolver::open`]).
    externs: HashMap<String, String>,
    open: bool,
    /// Whether any constructor takes a field mask from outside (VK's `{fields_mask:#}`).
    masks: bool,
    /// The zero values of the schema's types, collected on first use ([`Resolver::zeros`]).
    zeros: std::cell::OnceCell<tl_schema::zero::Zeros<'a>>,
}

/// Splits a TL name into its Rust modules and its last part.
pub fn modules_of(name: &str) -> (Vec<String>, &str) {
    let mut parts: Vec<&str> = name.split('.').collect();
    let base = parts.pop().unwrap_or(name);
    (parts.iter().map(|p| ident::module_name(p)).collect(), base)
}

impl<'a> Resolver<'a> {
    /// `defs` are the schema's definitions without its builtin lines.
    pub fn new(defs: &[&'a Definition]) -> Self {
        let ctors: Vec<&Definition> = defs
            .iter()
            .filter(|d| d.section == Section::Types)
            .copied()
            .collect();
        let mut ctor_index = HashMap::default();
        let mut enum_names = Vec::new();
        let mut enum_index = HashMap::default();
        for (i, def) in ctors.iter().enumerate() {
            ctor_index
                .entry(def.name.value.as_str())
                .or_insert(CtorId(i));
            let tl_name = def.result.name.as_str();
            enum_index.entry(tl_name).or_insert_with(|| {
                enum_names.push(tl_name);
                EnumId(enum_names.len() - 1)
            });
        }
        let masks = ctors
            .iter()
            .any(|d| !d.type_params.is_empty() && d.nat_param().is_some());
        Resolver {
            ctors,
            ctor_index,
            enum_names,
            enum_index,
            externs: HashMap::default(),
            open: false,
            masks,
            zeros: std::cell::OnceCell::new(),
        }
    }

    /// With types defined outside the schema: `externs` maps their TL names (a custom
    /// builtin's by its type's and its constructor's name) to their Rust types.
    pub fn with_externs(mut self, externs: HashMap<String, String>) -> Self {
        self.externs = externs;
        self
    }

    /// An enum without variants for each boxed type that only functions name, as their result,
    /// and no constructor defines (MTProto's `http_wait … = HttpWait`): validation accepted it
    /// as an empty type, which nothing decodes as.
    pub fn with_empty_results(self, defs: &[&'a Definition]) -> Self {
        let names: Vec<&'a str> = defs
            .iter()
            .filter(|d| d.section == Section::Functions)
            .filter_map(|def| {
                let ty = &def.result;
                let name = ty.name.as_str();
                let plain = ty.args.is_empty() && !ty.bang && !ty.percent && !is_bare_name(name);
                (plain
                    && Builtin::from_name(name).is_none()
                    && !self.externs.contains_key(name)
                    && !def.type_params.iter().any(|p| p.name.value == name))
                .then_some(name)
            })
            .collect();
        self.with_empty_types(names.into_iter())
    }

    /// An enum without variants for each of `names` (the types an `Empty T;` declares) that
    /// has no enum yet.
    pub fn with_empty_types(mut self, names: impl Iterator<Item = &'a str>) -> Self {
        for name in names {
            if !self.enum_index.contains_key(name) {
                self.enum_names.push(name);
                self.enum_index
                    .insert(name, EnumId(self.enum_names.len() - 1));
            }
        }
        self
    }

    /// Every name the schema does not define resolves to [`RType::Extern`] with its Rust type
    /// left empty: a derive's line, whose types the Rust fields supply.
    #[cfg(feature = "derive")]
    pub fn open(mut self) -> Self {
        self.open = true;
        self
    }

    fn defines(&self, ty: &Type) -> bool {
        let name = ty.name.as_str();
        if ty.is_percent_boxed() {
            self.ctors.iter().any(|d| d.result.name == name)
        } else if is_bare_name(name) {
            self.ctor_index.contains_key(name)
        } else {
            self.enum_index.contains_key(name)
        }
    }

    /// One enum per boxed type, without variants yet, with TDLib's `//@class` docs.
    pub fn enums(&self, class_docs: &[(String, String)]) -> Vec<Enum> {
        self.enum_names
            .iter()
            .map(|&tl_name| {
                let (modules, base) = modules_of(tl_name);
                Enum {
                    tl_name: tl_name.to_string(),
                    modules,
                    name: ident::type_name(base),
                    variants: Vec::new(),
                    docs: class_docs
                        .iter()
                        .find(|(name, _)| name == tl_name)
                        .map(|(_, doc)| vec![doc.clone()])
                        .unwrap_or_default(),
                    borrows: false,
                    large: false,
                    generics: Vec::new(),
                    kept: Vec::new(),
                    masked: None,
                }
            })
            .collect()
    }

    /// The enum a constructor belongs to.
    pub fn enum_of(&self, ctor: &Definition) -> Result<EnumId, Internal> {
        self.enum_index
            .get(ctor.result.name.as_str())
            .copied()
            .ok_or_else(|| unresolved("boxed type", &ctor.result.name))
    }

    /// The Rust shape of `ty` used in `def`. Validation guarantees that every name resolves;
    /// one that does not is an internal error.
    pub fn resolve(&self, def: &Definition, ty: &Type) -> Result<RType, Internal> {
        // A call a constructor holds (`engine.query {X:Type} query:!X`): its bytes.
        if ty.bang && def.section == Section::Types {
            return Ok(RType::Object);
        }
        if let Some(rust) = param_name(def, &ty.name) {
            return Ok(RType::Param(rust));
        }
        let target = self.resolve_named(def, ty)?;
        if ty.args.is_empty()
            || matches!(
                target,
                RType::Vector { .. } | RType::Array { .. } | RType::Extern { .. }
            )
        {
            return Ok(target);
        }
        let target = match target {
            RType::Enum(e) => Target::Enum(e),
            RType::Struct { ctor, .. } => Target::Struct(ctor),
            other => {
                return Err(Internal(format!(
                    "`{ty}` in `{}` has type arguments, but is {other:?}",
                    def.name.value
                )));
            }
        };
        let args = if self.takes_mask(target) {
            // Validation let through one argument: a number, the constructor's own mask or a
            // `#` field of `def`.
            let [arg] = ty.args.as_slice() else {
                return Err(Internal(format!(
                    "`{ty}` in `{}` is given no single field mask",
                    def.name.value
                )));
            };
            vec![RType::Mask(mask_arg(def, arg)?)]
        } else {
            ty.args
                .iter()
                .map(|a| self.resolve(def, a))
                .collect::<Result<Vec<_>, _>>()?
        };
        Ok(RType::Applied {
            target,
            args,
            boxed: false,
        })
    }

    /// Whether the constructors of `target` take a field mask from outside (VK's
    /// `{fields_mask:#}`).
    pub fn takes_mask(&self, target: Target) -> bool {
        if !self.masks {
            return false;
        }
        match target {
            Target::Struct(c) => self.ctors.get(c.0).is_some_and(|d| d.nat_param().is_some()),
            Target::Enum(e) => self.enum_names.get(e.0).is_some_and(|name| {
                self.ctors
                    .iter()
                    .find(|d| d.result.name == *name)
                    .is_some_and(|d| d.nat_param().is_some())
            }),
        }
    }

    /// Whether any constructor takes a field mask from outside (VK's `{fields_mask:#}`):
    /// nearly no schema's does.
    pub fn has_masks(&self) -> bool {
        self.masks
    }

    /// The zero values of the schema's types, as VK writes them under a field mask: collected
    /// once, by the first field that asks (`rule` is the schema's, the same on every call).
    pub fn zeros(&self, rule: tl_schema::IdRule) -> &tl_schema::zero::Zeros<'a> {
        self.zeros
            .get_or_init(|| tl_schema::zero::Zeros::new(self.ctors.iter().copied(), rule))
    }

    /// [`Resolver::resolve`] of the name alone (a builtin's arguments included).
    fn resolve_named(&self, def: &Definition, ty: &Type) -> Result<RType, Internal> {
        let name = ty.name.as_str();
        if ty.is_nat() {
            return Ok(RType::Nat);
        }
        if let Some(builtin) = Builtin::from_name(name) {
            return self.builtin(def, ty, builtin);
        }
        let external = self.externs.get(name).cloned();
        if external.is_some() || (self.open && !self.defines(ty)) {
            return Ok(RType::Extern {
                tl: name.to_string(),
                rust: external.unwrap_or_default(),
                bare: ty.percent || is_bare_name(name),
                own_min: true,
                with: None,
            });
        }
        if ty.is_percent_boxed() {
            // `%T`: the only constructor of `T`, bare.
            let ctor = self
                .ctors
                .iter()
                .position(|d| d.result.name == name)
                .ok_or_else(|| unresolved("constructor of", name))?;
            return Ok(RType::Struct {
                ctor: CtorId(ctor),
                boxed: false,
            });
        }
        if is_bare_name(name) {
            let ctor = self.ctor_index.get(name).copied();
            let ctor = ctor.ok_or_else(|| unresolved("constructor", name))?;
            Ok(RType::Struct { ctor, boxed: false })
        } else {
            let e = self.enum_index.get(name).copied();
            Ok(RType::Enum(
                e.ok_or_else(|| unresolved("boxed type", name))?,
            ))
        }
    }

    fn builtin(&self, def: &Definition, ty: &Type, builtin: Builtin) -> Result<RType, Internal> {
        Ok(match builtin {
            Builtin::Int => RType::Int,
            Builtin::Long if ty.name.eq_ignore_ascii_case("int53") => RType::Int53,
            Builtin::Long => RType::Long,
            Builtin::Double => RType::Double,
            Builtin::Float => RType::Float,
            Builtin::String if !self.open && holds_binary(def) => RType::Bytes,
            Builtin::String => RType::String,
            Builtin::Bytes => RType::Bytes,
            Builtin::Int128 => RType::Int128,
            Builtin::Int256 => RType::Int256,
            Builtin::Int512 => RType::Int512,
            Builtin::Bool => RType::Bool,
            Builtin::Object => RType::Object,
            Builtin::True => RType::True,
            Builtin::Vector => {
                let [arg] = ty.args.as_slice() else {
                    return Err(Internal(format!(
                        "`{ty}` in `{}` does not have one type argument",
                        def.name.value
                    )));
                };
                RType::Vector {
                    // `%Vector<T>` is the bare vector, as `vector<T>` is.
                    bare: ty.name == "vector" || ty.percent,
                    elem: Box::new(self.resolve(def, arg)?),
                }
            }
            // `(tuple double 2)`: validation let through only a number for its length.
            Builtin::Tuple => match (ty.args.as_slice(), ty.args.get(1).and_then(Type::constant)) {
                ([elem, _], Some(len)) => RType::Array {
                    elem: Box::new(self.resolve(def, elem)?),
                    len,
                },
                _ => {
                    return Err(Internal(format!(
                        "`{ty}` in `{}` is not a tuple of a constant length",
                        def.name.value
                    )));
                }
            },
        })
    }
}

/// Where the field mask `arg`, given to a type in `def`, comes from.
fn mask_arg(def: &Definition, arg: &Type) -> Result<MaskArg, Internal> {
    if let Some(n) = arg.constant() {
        return Ok(MaskArg::Const(n));
    }
    if def.nat_param().is_some_and(|p| p.name.value == arg.name) {
        return Ok(MaskArg::Own);
    }
    def.fields
        .iter()
        .position(|f| {
            f.own_name().is_some_and(|n| n.value == arg.name)
                && matches!(&f.kind, tl_schema::FieldKind::Plain(t) if t.is_nat())
        })
        .map(MaskArg::Word)
        .ok_or_else(|| {
            Internal(format!(
                "the field mask `{arg}` in `{}` is no `#` field",
                def.name.value
            ))
        })
}

fn unresolved(what: &str, name: &str) -> Internal {
    Internal(format!("the {what} `{name}` does not resolve"))
}

/// The Rust names of `def`'s type parameters, in order: UpperCamelCase (TL's `t` is `T`), made
/// unique.
pub fn param_names(def: &Definition) -> Vec<String> {
    if def.type_params.is_empty() {
        return Vec::new();
    }
    // The impls name the struct and a constructor's enum unqualified, where a parameter of the
    // same name would stand for them (a function's result is no enum: `= X` is the parameter).
    let mut own = vec![ident::type_name(modules_of(&def.name.value).1)];
    if def.section == Section::Types {
        own.push(ident::type_name(modules_of(&def.result.name).1));
    }
    let mut names: Vec<String> = Vec::new();
    for (i, p) in def.type_params.iter().enumerate() {
        let mut name = ident::type_name(&p.name.value);
        if names.contains(&name) || own.contains(&name) {
            name = format!("{name}{i}");
        }
        names.push(ident::text(&name));
    }
    names
}

/// The Rust name of the type parameter `name` of `def`, if it is one.
fn param_name(def: &Definition, name: &str) -> Option<String> {
    let at = def.type_params.iter().position(|p| p.name.value == name)?;
    param_names(def).into_iter().nth(at)
}

/// Whether `def` is one of the definitions whose `string` fields hold binary data: MTProto's
/// key exchange's big-endian numbers and encrypted blocks (`resPQ`'s `pq`, `req_DH_params`'s
/// `p`, `q` and `encrypted_data`, …), a state byte per message (`msgs_state_info`,
/// `msgs_all_info`), raw TLS bytes (`tlsBlockString`), and TDLib's encrypted group-call key
/// (`e2e.chain.sharedKey`'s `encrypted_shared_key`). Their schemas write `string`, which is
/// `bytes` on the wire; as a Rust `String` the server's first answer would fail to decode (its
/// `pq` is not UTF-8) and a client could not write its `p` and `q`. So these are `Vec<u8>`, as
/// grammers' and mtcute's copies of the MTProto schema write them. Known by id and name (by
/// name where their schemas write no id), so a schema's own definitions keep `String`.
fn holds_binary(def: &Definition) -> bool {
    let name = def.name.value.as_str();
    match &def.id {
        Some(id) => {
            matches!(
                (id.value, name),
                (0x0516_2463, "resPQ")
                    | (0x83c9_5aec, "p_q_inner_data")
                    | (0xa9f5_5f95, "p_q_inner_data_dc")
                    | (0x3c6a_84d4, "p_q_inner_data_temp")
                    | (0x56fd_df88, "p_q_inner_data_temp_dc")
                    | (0xd0e8_075c, "server_DH_params_ok")
                    | (0xb589_0dba, "server_DH_inner_data")
                    | (0x6643_b654, "client_DH_inner_data")
                    | (0xd712_e4be, "req_DH_params")
                    | (0xf504_5f1f, "set_client_DH_params")
                    | (0x04de_b57d, "msgs_state_info")
                    | (0x8cc0_d131, "msgs_all_info")
            )
        }
        // tdesktop's `mtproto.tl` writes no id for the first, TDLib's `e2e_api.tl` for the
        // second (a group call's shared key, encrypted).
        None => matches!(name, "tlsBlockString" | "e2e.chain.sharedKey"),
    }
}
