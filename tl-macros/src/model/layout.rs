//! What is boxed: enum variants and bare-struct fields on reference cycles (so that every type
//! has a finite size), then the largest variants of any enum whose estimated size is over
//! [`INLINE_PAYLOAD_LIMIT`], except the main shape of a listed type (see [`main_shape`]).

use super::{CtorId, EnumId, Holds, Model, RType, Target};

/// Largest estimated size, in bytes, of a variant's payload stored inline in its enum; bigger
/// payloads are boxed so that every enum fits in a 64-byte cache line with its tag.
///
/// An enum's size is paid wherever it is stored, present or not: `types::Message` has some 20
/// optional fields of enum types, almost always `None`, and decoding moves it whole. At 120 it
/// was 960 bytes and decoding a realistic `messages.messagesSlice` took 7% longer (and asked
/// for 38% more memory) than at 56, with the same allocations: the variants boxed in addition
/// are the rarely present large ones.
const INLINE_PAYLOAD_LIMIT: usize = 56;

/// How much larger than each of its siblings a variant must be to be its enum's main shape
/// (see [`main_shape`]).
const MAIN_SHAPE_RATIO: usize = 3;

/// Which of an enum's variants (each with its estimated payload size) is its main shape, if
/// any: the largest, when every other variant is at most a third of its size (`message`
/// beside `messageEmpty` and `messageService`, `user` beside `userEmpty`, any
/// single-constructor type). In an enum that vectors hold, the main shape stays inline although
/// it is over [`INLINE_PAYLOAD_LIMIT`].
///
/// Such an enum is nearly always that shape, and lists of it are what clients decode in bulk
/// (`messages.getHistory`'s messages, its users): boxed, every element costs an allocation and
/// a pointer and saves no memory, since the element is that shape anyway. Inline, a
/// `Vec<enums::Message>` of 100 messages is one allocation, not 101; decoding a realistic
/// `messages.messagesSlice` took 4 % less time owned and 8 % less borrowed (10 % and 14 % fewer
/// instructions). The enum itself is then as large as its main shape wherever it is stored: a
/// field holding it makes its struct large enough to be boxed in turn, which costs what the
/// variant's box did.
fn main_shape(payloads: &[(CtorId, usize)]) -> Option<usize> {
    let (main, &(_, largest)) = payloads.iter().enumerate().max_by_key(|(_, p)| p.1)?;
    let others_fit = payloads
        .iter()
        .enumerate()
        .all(|(i, &(_, other))| i == main || other.saturating_mul(MAIN_SHAPE_RATIO) <= largest);
    others_fit.then_some(main)
}

/// The decisions: per constructor, whether its variant is boxed in its enum, and which of its
/// types (by [`super::TyId`]) are boxed.
#[derive(Clone)]
pub struct Layout {
    boxed_variant: Vec<bool>,
    boxed_ty: Vec<Vec<bool>>,
    /// Per enum: the variant kept inline as its main shape though over the limit, if any.
    main: Vec<Option<CtorId>>,
}

impl Layout {
    pub fn apply(self, model: &mut Model) {
        for (e, main) in model.enums.iter_mut().zip(&self.main) {
            e.large = main.is_some();
        }
        for ((s, variant), tys) in model
            .types
            .iter_mut()
            .zip(self.boxed_variant)
            .zip(self.boxed_ty)
        {
            s.boxed_in_enum = variant;
            for (ty, boxed) in s.tys.iter_mut().zip(tys) {
                if let RType::Struct { boxed: b, .. } | RType::Applied { boxed: b, .. } = ty {
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

impl Node {
    /// Its dense index: the structs first, then the enums.
    fn index(self, model: &Model) -> usize {
        match self {
            Node::Struct(s) => s.0,
            Node::Enum(e) => model.types.len() + e.0,
        }
    }

    fn at(index: usize, model: &Model) -> Node {
        match index.checked_sub(model.types.len()) {
            None => Node::Struct(CtorId(index)),
            Some(e) => Node::Enum(EnumId(e)),
        }
    }
}

struct Decide<'m> {
    model: &'m Model,
    layout: Layout,
    /// Per enum: whether its main shape may stay inline: a vector holds it (a field's
    /// `Vector<T>`, at any depth, or a result), and no other main shape holds it optionally.
    may_inline: Vec<bool>,
}

/// Per enum: whether some `Vector<T>` of `T` the enum (at any depth) is a field's type or a
/// function's result.
fn listed_enums(model: &Model) -> Vec<bool> {
    fn mark(ty: &RType, in_vector: bool, listed: &mut [bool]) {
        match ty {
            RType::Vector { elem, .. } => mark(elem, true, listed),
            RType::Enum(e) if in_vector => listed[e.0] = true,
            _ => {}
        }
    }
    let mut listed = vec![false; model.enums.len()];
    for st in &model.types {
        mark(&st.result, false, &mut listed);
        for ty in &st.tys {
            mark(ty, false, &mut listed);
        }
    }
    listed
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
            main: vec![None; model.enums.len()],
        },
        may_inline: listed_enums(model),
    };
    d.break_cycles();
    let cycles_broken = d.layout.clone();
    // A main shape that another main shape holds in an optional field is boxed after all: that
    // field would cost its whole size in every element of the other's vectors, present or not
    // (`message`'s `rich_message` and `factcheck`). Each round that changes anything takes that
    // right from one enum or more for good, so this ends; the bound keeps its cost small on any
    // schema (the layer-230 API settles in two).
    for _ in 0..8 {
        d.layout = cycles_broken.clone();
        d.size_all();
        let mut demoted = false;
        for main in d.layout.main.iter().flatten() {
            let st = model.ctor(*main);
            for field in &st.fields {
                let tys = match &field.holds {
                    Holds::Optional(ty) => core::slice::from_ref(ty),
                    Holds::Group(tys) => tys.as_slice(),
                    _ => &[],
                };
                for ty in tys {
                    // A main shape is only kept where `may_inline` allows it.
                    if let RType::Enum(e) = st.ty(*ty)
                        && d.layout.main[e.0].is_some()
                    {
                        d.may_inline[e.0] = false;
                        demoted = true;
                    }
                }
            }
        }
        if !demoted {
            break;
        }
    }
    d.layout
}

impl Decide<'_> {
    /// Sizes every enum and struct, deciding which variants are boxed for their size.
    fn size_all(&mut self) {
        let model = self.model;
        let mut sizes = vec![None; model.types.len() + model.enums.len()];
        for e in 0..model.enums.len() {
            self.size_of(Node::Enum(EnumId(e)), &mut sizes);
        }
        for s in 0..model.types.len() {
            self.size_of(Node::Struct(CtorId(s)), &mut sizes);
        }
    }

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
                            applied @ RType::Applied { .. } if !self.layout.boxed_ty[s.0][ty.0] => {
                                applied_nodes(applied, &mut out);
                            }
                            // An array holds its elements inline: boxed, builtin or extern
                            // types only (the validator refuses the schema's bare
                            // constructors), whose cycles the enums' boxed variants break.
                            RType::Array { elem, .. } => applied_nodes(elem, &mut out),
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
        let model = self.model;
        let count = model.types.len() + model.enums.len();
        let components = tarjan(count, |n| {
            let edges = self.edges(Node::at(n, model));
            edges.into_iter().map(|to| to.index(model)).collect()
        });
        // Which component each node is in, to ask whether an edge stays inside one.
        let mut component_of = vec![usize::MAX; count];
        for (c, component) in components.iter().enumerate() {
            for &n in component {
                component_of[n] = c;
            }
        }
        for (c, component) in components.iter().enumerate() {
            let first = Node::at(component[0], model);
            let cyclic = component.len() > 1 || self.edges(first).contains(&first);
            if !cyclic {
                continue;
            }
            let inside = |node: Node| component_of[node.index(model)] == c;
            for &n in component {
                match Node::at(n, model) {
                    Node::Enum(e) => {
                        for &v in &self.model.enum_(e).variants {
                            if inside(Node::Struct(v)) {
                                self.layout.boxed_variant[v.0] = true;
                            }
                        }
                    }
                    Node::Struct(s) => {
                        let st = self.model.ctor(s);
                        for field in &st.fields {
                            for ty in field.holds.inline_tys() {
                                let on_cycle = match st.ty(ty) {
                                    RType::Struct { ctor, .. } => inside(Node::Struct(*ctor)),
                                    applied @ RType::Applied { .. } => {
                                        let mut nodes = Vec::new();
                                        applied_nodes(applied, &mut nodes);
                                        nodes.into_iter().any(inside)
                                    }
                                    _ => false,
                                };
                                if on_cycle {
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
    fn size_of(&mut self, node: Node, sizes: &mut [Option<usize>]) -> usize {
        let at = node.index(self.model);
        if let Some(size) = sizes[at] {
            return size;
        }
        // Guards against a cycle that was not broken (it cannot happen, but must not hang).
        sizes[at] = Some(8);
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
                let main = main_shape(&payloads).filter(|_| self.may_inline[e.0]);
                for (i, &(v, size)) in payloads.iter().enumerate() {
                    if size > INLINE_PAYLOAD_LIMIT {
                        if main == Some(i) {
                            self.layout.main[e.0] = Some(v);
                        } else {
                            self.layout.boxed_variant[v.0] = true;
                        }
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
        sizes[at] = Some(size);
        size
    }

    fn field_size(&mut self, s: CtorId, holds: &Holds, sizes: &mut [Option<usize>]) -> usize {
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

    fn type_size(&mut self, ty: &RType, boxed: bool, sizes: &mut [Option<usize>]) -> usize {
        match ty {
            RType::Struct { .. } | RType::Applied { .. } if boxed => 8,
            RType::Int | RType::Nat | RType::Float => 4,
            // An extern type's size is not known here: a pointer's worth, a guess that boxes
            // nothing.
            RType::Long | RType::Int53 | RType::Double | RType::Param(_) | RType::Extern { .. } => {
                8
            }
            RType::Bool => 1,
            RType::True | RType::Mask(_) => 0,
            RType::Int128 => 16,
            RType::Int256 => 32,
            RType::Int512 => 64,
            RType::String | RType::Bytes | RType::Object | RType::Vector { .. } => 24,
            RType::Array { elem, len } => self
                .type_size(elem, false, sizes)
                .saturating_mul(*len as usize),
            // A polymorphic type's parameters count as a pointer each, whatever they are.
            RType::Enum(e)
            | RType::Applied {
                target: Target::Enum(e),
                ..
            } => self.size_of(Node::Enum(*e), sizes),
            RType::Struct { ctor, .. }
            | RType::Applied {
                target: Target::Struct(ctor),
                ..
            } => self.size_of(Node::Struct(*ctor), sizes),
        }
    }
}

/// Whether `Option<T>` is no bigger than `T`.
fn has_niche(ty: &RType, boxed: bool) -> bool {
    match ty {
        RType::Struct { .. }
        | RType::Applied {
            target: Target::Struct(_),
            ..
        } => boxed,
        RType::Bool
        | RType::String
        | RType::Bytes
        | RType::Object
        | RType::Vector { .. }
        | RType::Enum(_)
        | RType::Applied {
            target: Target::Enum(_),
            ..
        } => true,
        _ => false,
    }
}

/// The nodes a polymorphic type's value stores inline: its target, and its arguments (held
/// inline where its fields hold a parameter; counted whether or not they are), through the
/// arrays that hold their elements inline (`(tuple T0 1)` as an argument is
/// `Tuple<enums::T0, 1>`, which holds a `T0`).
fn applied_nodes(ty: &RType, out: &mut Vec<Node>) {
    match ty {
        RType::Enum(e) => out.push(Node::Enum(*e)),
        RType::Array { elem, .. } => applied_nodes(elem, out),
        RType::Struct { ctor, boxed: false } => out.push(Node::Struct(*ctor)),
        RType::Applied {
            target,
            args,
            boxed: false,
        } => {
            out.push(match target {
                Target::Enum(e) => Node::Enum(*e),
                Target::Struct(c) => Node::Struct(*c),
            });
            for arg in args {
                applied_nodes(arg, out);
            }
        }
        _ => {}
    }
}

/// Strongly connected components of the graph on nodes `0..count` (iterative Tarjan, so a
/// large schema cannot overflow the macro's stack). Nodes are dense indices, kept in vectors:
/// hashing them cost the (unoptimized) macro 5 % of its whole run on the Telegram API.
fn tarjan(count: usize, edges: impl Fn(usize) -> Vec<usize>) -> Vec<Vec<usize>> {
    const UNSEEN: usize = usize::MAX;
    let mut index = vec![UNSEEN; count];
    let mut low = vec![0; count];
    let mut on_stack = vec![false; count];
    let mut stack: Vec<usize> = Vec::new();
    let mut components = Vec::new();
    let mut next = 0;
    for root in 0..count {
        if index[root] != UNSEEN {
            continue;
        }
        // (node, its edges, position in them)
        let mut work: Vec<(usize, Vec<usize>, usize)> = vec![(root, edges(root), 0)];
        index[root] = next;
        low[root] = next;
        next += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some((node, succ, pos)) = work.last_mut() {
            let node = *node;
            if let Some(&w) = succ.get(*pos) {
                *pos += 1;
                if index[w] == UNSEEN {
                    index[w] = next;
                    low[w] = next;
                    next += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    let e = edges(w);
                    work.push((w, e, 0));
                } else if on_stack[w] {
                    low[node] = low[node].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _, _)) = work.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == index[node] {
                let mut component = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
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
