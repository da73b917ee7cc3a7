//! Rust names made unique: structs and enums within their module, variants within their enum,
//! fields within their struct (see the naming rules in [`super`]). Every collision goes through
//! [`Taken::claim`], which never hands out a name that is already taken.

use super::{CtorId, Model};
use crate::ident;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// The names taken in one namespace: a list while it is small (a struct's fields, nearly every
/// namespace), a hash set once it holds more than [`Taken::FEW`] (a module's types). Hashing
/// every field's name cost the unoptimized macro 4.5 % of its run on the Telegram API.
#[derive(Default)]
pub struct Taken {
    few: Vec<String>,
    many: HashSet<String>,
}

impl Taken {
    const FEW: usize = 16;

    fn contains(&self, name: &str) -> bool {
        if self.many.is_empty() {
            self.few.iter().any(|n| n == name)
        } else {
            self.many.contains(name)
        }
    }

    /// Adds `name` if it is free; whether it was.
    fn insert(&mut self, name: &str) -> bool {
        if self.contains(name) {
            return false;
        }
        if self.many.is_empty() && self.few.len() < Self::FEW {
            self.few.push(name.to_owned());
        } else {
            self.many.extend(self.few.drain(..));
            self.many.insert(name.to_owned());
        }
        true
    }

    /// Takes and returns the first free name of: `name`; `name` + `suffix` (the rule's own
    /// distinction, such as an id in hex or a field's position); then that followed by `_2`,
    /// `_3`, … (`name2`, `name3`, … when there is no suffix).
    ///
    /// `suffix` is only called on a collision: most names are free, and the macro is built
    /// unoptimized.
    pub fn claim(&mut self, name: String, suffix: impl FnOnce() -> String) -> String {
        if self.insert(&name) {
            return name;
        }
        let suffix = suffix();
        let with_suffix = format!("{name}{suffix}");
        if !suffix.is_empty() && self.insert(&with_suffix) {
            return with_suffix;
        }
        let separator = if suffix.is_empty() { "" } else { "_" };
        let mut n = 2u64;
        loop {
            let candidate = format!("{with_suffix}{separator}{n}");
            if self.insert(&candidate) {
                return candidate;
            }
            n += 1;
        }
    }
}

/// The unique names of everything in a model.
pub struct Names {
    types: Vec<String>,
    functions: Vec<String>,
    enums: Vec<String>,
    /// Per constructor: its variant in its enum.
    variants: Vec<String>,
}

/// Names every struct, enum and variant of `model` (whose items carry their names before
/// de-duplication).
pub fn assign(model: &Model) -> Names {
    let types = unique_in_modules(model.types.iter().map(|s| (&s.modules, &s.name, s.id)));
    let functions = unique_in_modules(model.functions.iter().map(|s| (&s.modules, &s.name, s.id)));
    let mut per_module = with_modules(model.enums.iter().map(|e| &e.modules));
    let enums: Vec<String> = model
        .enums
        .iter()
        .map(|e| {
            per_module
                .entry(&e.modules)
                .or_default()
                .claim(e.name.clone(), String::new)
        })
        .collect();
    let mut variants = vec![String::new(); model.types.len()];
    for (e, enum_name) in model.enums.iter().zip(&enums) {
        for (CtorId(v), name) in e
            .variants
            .iter()
            .zip(variant_names(model, &types, e, enum_name))
        {
            variants[*v] = name;
        }
    }
    Names {
        types,
        functions,
        enums,
        variants,
    }
}

impl Names {
    pub fn apply(self, model: &mut Model) {
        for (s, name) in model.types.iter_mut().zip(self.types) {
            s.name = name;
        }
        for (s, name) in model.functions.iter_mut().zip(self.functions) {
            s.name = name;
        }
        for (e, name) in model.enums.iter_mut().zip(self.enums) {
            e.name = name;
        }
        for (s, name) in model.types.iter_mut().zip(self.variants) {
            s.variant = name;
        }
    }
}

/// The names taken in each module before any item is named: those of its child modules that
/// a type could have. A type's name starts with a capital and a module's with a small letter,
/// except for names with no letter at all: a namespace `__` beside a constructor `__` would
/// make a module and a struct `__`. Other modules are passed over without a lookup (the
/// unoptimized macro pays for every hash).
fn with_modules<'m>(paths: impl Iterator<Item = &'m Vec<String>>) -> HashMap<&'m [String], Taken> {
    let mut per_module: HashMap<&[String], Taken> = HashMap::default();
    for path in paths {
        for (depth, module) in path.iter().enumerate() {
            if !module.bytes().any(|b| b.is_ascii_alphabetic()) {
                per_module.entry(&path[..depth]).or_default().insert(module);
            }
        }
    }
    per_module
}

/// Struct names, unique within their module: a collision gets the id in hex.
fn unique_in_modules<'m>(
    items: impl Iterator<Item = (&'m Vec<String>, &'m String, u32)> + Clone,
) -> Vec<String> {
    let mut per_module = with_modules(items.clone().map(|(modules, ..)| modules));
    items
        .map(|(modules, name, id)| {
            per_module
                .entry(modules)
                .or_default()
                .claim(name.clone(), || format!("{id:08x}"))
        })
        .collect()
}

/// The variant names of enum `e` (named `enum_name`), its constructors named `types`.
fn variant_names(model: &Model, types: &[String], e: &super::Enum, enum_name: &str) -> Vec<String> {
    let short: Vec<String> = e
        .variants
        .iter()
        .map(|&CtorId(v)| {
            let full = &types[v];
            match full.strip_prefix(enum_name) {
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
        e.variants
            .iter()
            .map(|&CtorId(v)| {
                let mut name: String = model.types[v]
                    .modules
                    .iter()
                    .map(|m| ident::type_name(m))
                    .collect();
                name.push_str(&types[v]);
                name
            })
            .collect()
    };
    let mut taken = Taken::default();
    e.variants
        .iter()
        .zip(names)
        .map(|(&CtorId(v), name)| taken.claim(name, || format!("{:08x}", model.types[v].id)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::Taken;

    /// A renamed name never collides with one taken before or after it.
    #[test]
    fn claim_loops_until_free() {
        let mut taken = Taken::default();
        assert_eq!(taken.claim("a".into(), || "_2".to_string()), "a");
        assert_eq!(taken.claim("a_2".into(), || "_0".to_string()), "a_2");
        // `a` is taken, and so is `a` + its suffix `_2`: the next free one.
        assert_eq!(taken.claim("a".into(), || "_2".to_string()), "a_2_2");
        assert_eq!(taken.claim("a".into(), || "_2".to_string()), "a_2_3");
        let mut enums = Taken::default();
        assert_eq!(enums.claim("Foo".into(), String::new), "Foo");
        assert_eq!(enums.claim("Foo".into(), String::new), "Foo2");
        assert_eq!(enums.claim("Foo2".into(), String::new), "Foo22");
        assert_eq!(enums.claim("Foo".into(), String::new), "Foo3");
    }

    /// Past the list's size, the names move to the set and none is forgotten.
    #[test]
    fn many_names_stay_taken() {
        let mut taken = Taken::default();
        for i in 0..3 * Taken::FEW {
            assert_eq!(taken.claim(format!("n{i}x"), String::new), format!("n{i}x"));
        }
        for i in 0..3 * Taken::FEW {
            assert_eq!(
                taken.claim(format!("n{i}x"), String::new),
                format!("n{i}x2")
            );
        }
    }
}
