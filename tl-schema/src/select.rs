//! Keeps only the definitions that some roots need: the named constructors and functions, the
//! types their fields and results use, every constructor of those types, and so on until
//! nothing new is reached. A user who calls 20 functions does not compile 2,500 definitions.

use crate::ast::{Definition, Type};
use crate::lexer::Section;
use std::collections::{HashMap, HashSet};

/// The result of [`select`].
#[derive(Debug, Default)]
pub struct Selection {
    /// Indices (into the definitions given) of what is kept, in source order.
    pub kept: Vec<usize>,
    /// Roots that name no constructor, function or boxed type.
    pub unknown: Vec<usize>,
}

/// Selects from `defs` what `roots` need. A root is a constructor or function name
/// (`messages.getHistory`) or a boxed type name (`messages.Messages`). Builtin lines are
/// always kept.
pub fn select(defs: &[Definition], roots: &[String]) -> Selection {
    let mut by_type: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_name: HashMap<(&str, Section), usize> = HashMap::new();
    for (i, def) in defs.iter().enumerate() {
        by_name
            .entry((def.name.value.as_str(), def.section))
            .or_insert(i);
        if def.section == Section::Types {
            by_type.entry(def.result.name.as_str()).or_default().push(i);
        }
    }
    let mut keep: HashSet<usize> = defs
        .iter()
        .enumerate()
        .filter(|(_, d)| d.builtin)
        .map(|(i, _)| i)
        .collect();
    let mut queue: Vec<usize> = Vec::new();
    let mut unknown = Vec::new();
    for (r, root) in roots.iter().enumerate() {
        let found: Vec<usize> = [Section::Types, Section::Functions]
            .iter()
            .filter_map(|s| by_name.get(&(root.as_str(), *s)).copied())
            .chain(by_type.get(root.as_str()).into_iter().flatten().copied())
            .collect();
        if found.is_empty() {
            unknown.push(r);
        }
        queue.extend(found);
    }
    while let Some(i) = queue.pop() {
        if !keep.insert(i) {
            continue;
        }
        let def = &defs[i];
        // A constructor brings the rest of its type: its enum needs every variant.
        if def.section == Section::Types {
            queue.extend(by_type.get(def.result.name.as_str()).into_iter().flatten());
        }
        let mut types: Vec<&Type> = def.field_types();
        types.push(&def.result);
        while let Some(ty) = types.pop() {
            types.extend(&ty.args);
            if ty.is_percent_boxed() {
                queue.extend(by_type.get(ty.name.as_str()).into_iter().flatten());
            } else if let Some(&ctor) = by_name.get(&(ty.name.as_str(), Section::Types)) {
                queue.push(ctor);
            } else {
                queue.extend(by_type.get(ty.name.as_str()).into_iter().flatten());
            }
        }
    }
    let mut kept: Vec<usize> = keep.into_iter().collect();
    kept.sort_unstable();
    Selection { kept, unknown }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_what_a_function_reaches() {
        let text = "
            a x:B = A;
            b = B; b2 y:int = B;
            c = C;
            d z:Vector<E> = D;
            e = E;
            ---functions---
            f q:A = D;
            g = C;
        ";
        let parsed = crate::parser::parse(text, 0, Section::Types);
        let names = |sel: &Selection| -> Vec<&str> {
            sel.kept
                .iter()
                .map(|&i| parsed.definitions[i].name.value.as_str())
                .collect()
        };
        let sel = select(&parsed.definitions, &["f".to_string()]);
        assert_eq!(names(&sel), ["a", "b", "b2", "d", "e", "f"]);
        let sel = select(&parsed.definitions, &["C".to_string(), "nope".to_string()]);
        assert_eq!(names(&sel), ["c"]);
        assert_eq!(sel.unknown, [1]);
    }
}
