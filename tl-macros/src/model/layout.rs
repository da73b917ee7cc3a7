//! What is boxed: enum variants and bare-struct fields on reference cycles (so that every type
//! has a finite size), then the largest variants of any enum whose estimated size is over
//! [`INLINE_PAYLOAD_LIMIT`].

use super::{CtorId, EnumId, Holds, Model, RType};
use std::collections::{HashMap, HashSet};

/// Largest estimated size, in bytes, of a variant's payload stored inline in its enum; bigger
/// payloads are boxed so that every enum fits in a 64-byte cache line with its tag.
///
/// An enum's size is paid wherever it is stored, present or not: `types::Message` has some 20
/// optional fields of enum types, almost always `None`, and decoding moves it whole. At 120 it
/// was 960 bytes and decoding a realistic `messages.messagesSlice` took 7% longer (and asked
/// for 38% more memory) than at 56, with the same allocations: the variants boxed in addition
/// are the rarely present large ones.
const INLINE_PAYLOAD_LIMIT: usize = 56;

/// The decisions: per constructor, whether its variant is boxed in its enum, and which of its
/// types (by [`super::TyId`]) are boxed.
pub struct Layout {
    boxed_variant: Vec<bool>,
    boxed_ty: Vec<Vec<bool>>,
}

impl Layout {
    pub fn apply(self, model: &mut Model) {
        for ((s, variant), tys) in model
            .types
            .iter_mut()
            .zip(self.boxed_variant)
            .zip(self.boxed_ty)
        {
            s.boxed_in_enum = variant;
            for (ty, boxed) in s.tys.iter_mut().zip(tys) {
                if let RType::Struct { boxed: b, .. } = ty {
                    *b = boxed;
                }
            }
        }
    }
}

/// A node of the "stored inline in" graph.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Node {
    Struct(CtorId),
    Enum(EnumId),
}

struct Decide<'m> {
    model: &'m Model,
    layout: Layout,
}

pub fn decide(model: &Model) -> Layout {
    let mut d = Decide {
        model,
        layout: Layout {
            boxed_variant: vec![false; model.types.len()],
            boxed_ty: model
                .types
                .iter()
                .map(|s| vec![false; s.tys.len()])
                .collect(),
        },
    };
    d.break_cycles();
    let mut sizes: HashMap<Node, usize> = HashMap::new();
    for e in 0..model.enums.len() {
        d.size_of(Node::Enum(EnumId(e)), &mut sizes);
    }
    for s in 0..model.types.len() {
        d.size_of(Node::Struct(CtorId(s)), &mut sizes);
    }
    d.layout
}

impl Decide<'_> {
    /// The nodes that `node` stores inline.
    fn edges(&self, node: Node) -> Vec<Node> {
        match node {
            Node::Enum(e) => self
                .model
                .enum_(e)
                .variants
                .iter()
                .filter(|&&v| !self.model.ctor(v).is_unit() && !self.layout.boxed_variant[v.0])
                .map(|&v| Node::Struct(v))
                .collect(),
            Node::Struct(s) => {
                let st = self.model.ctor(s);
                let mut out = Vec::new();
                for field in &st.fields {
                    for ty in field.holds.inline_tys() {
                        match st.ty(ty) {
                            RType::Enum(e) => out.push(Node::Enum(*e)),
                            RType::Struct { ctor, .. } if !self.layout.boxed_ty[s.0][ty.0] => {
                                out.push(Node::Struct(*ctor));
                            }
                            _ => {}
                        }
                    }
                }
                out
            }
        }
    }

    /// Tarjan's strongly connected components; every enum-to-variant edge and bare field inside
    /// a component is boxed.
    fn break_cycles(&mut self) {
        let nodes: Vec<Node> = (0..self.model.types.len())
            .map(|s| Node::Struct(CtorId(s)))
            .chain((0..self.model.enums.len()).map(|e| Node::Enum(EnumId(e))))
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
                        for &v in &self.model.enum_(e).variants {
                            if set.contains(&Node::Struct(v)) {
                                self.layout.boxed_variant[v.0] = true;
                            }
                        }
                    }
                    Node::Struct(s) => {
                        let st = self.model.ctor(s);
                        for field in &st.fields {
                            for ty in field.holds.inline_tys() {
                                if let RType::Struct { ctor, .. } = st.ty(ty)
                                    && set.contains(&Node::Struct(*ctor))
                                {
                                    self.layout.boxed_ty[s.0][ty.0] = true;
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
                let model = self.model;
                let st = model.ctor(s);
                let mut total = 0;
                for field in &st.fields {
                    total += self.field_size(s, &field.holds, sizes);
                }
                total.div_ceil(8) * 8
            }
            Node::Enum(e) => {
                let model = self.model;
                let mut payloads: Vec<(CtorId, usize)> = Vec::new();
                for &v in &model.enum_(e).variants {
                    let size = if model.ctor(v).is_unit() {
                        0
                    } else if self.layout.boxed_variant[v.0] {
                        8
                    } else {
                        self.size_of(Node::Struct(v), sizes)
                    };
                    payloads.push((v, size));
                }
                for &(v, size) in &payloads {
                    if size > INLINE_PAYLOAD_LIMIT {
                        self.layout.boxed_variant[v.0] = true;
                    }
                }
                let largest = payloads
                    .iter()
                    .map(|&(v, size)| {
                        if self.layout.boxed_variant[v.0] {
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

    fn field_size(&mut self, s: CtorId, holds: &Holds, sizes: &mut HashMap<Node, usize>) -> usize {
        let model = self.model;
        let st = model.ctor(s);
        match holds {
            Holds::Value(ty) => self.type_size(st.ty(*ty), self.layout.boxed_ty[s.0][ty.0], sizes),
            Holds::Optional(ty) => {
                let boxed = self.layout.boxed_ty[s.0][ty.0];
                let inner = self.type_size(st.ty(*ty), boxed, sizes);
                if has_niche(st.ty(*ty), boxed) {
                    inner
                } else {
                    inner + 8
                }
            }
            Holds::Flag(_) => 1,
            Holds::Flags(_) => 4,
            Holds::Group(tys) => {
                let mut total = 8;
                for ty in tys {
                    total += self.type_size(st.ty(*ty), self.layout.boxed_ty[s.0][ty.0], sizes);
                }
                total
            }
        }
    }

    fn type_size(&mut self, ty: &RType, boxed: bool, sizes: &mut HashMap<Node, usize>) -> usize {
        match ty {
            RType::Struct { .. } if boxed => 8,
            RType::Int | RType::Nat => 4,
            // An extern type's size is not known here: a pointer's worth, a guess that boxes
            // nothing.
            RType::Long | RType::Int53 | RType::Double | RType::Param(_) | RType::Extern { .. } => {
                8
            }
            RType::Bool => 1,
            RType::True => 0,
            RType::Int128 => 16,
            RType::Int256 => 32,
            RType::Int512 => 64,
            RType::String | RType::Bytes | RType::Object | RType::Vector { .. } => 24,
            RType::Enum(e) => self.size_of(Node::Enum(*e), sizes),
            RType::Struct { ctor, .. } => self.size_of(Node::Struct(*ctor), sizes),
        }
    }
}

/// Whether `Option<T>` is no bigger than `T`.
fn has_niche(ty: &RType, boxed: bool) -> bool {
    match ty {
        RType::Struct { .. } => boxed,
        RType::Bool
        | RType::String
        | RType::Bytes
        | RType::Object
        | RType::Vector { .. }
        | RType::Enum(_) => true,
        _ => false,
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
