//! With `#[tl(borrowed)]`: which structs and enums hold data borrowed from the input (and so
//! have a lifetime), through any chain of fields and variants.

use super::{Model, RType, Struct, Target};

/// Per constructor, enum and function: whether it borrows.
pub struct Borrows {
    types: Vec<bool>,
    enums: Vec<bool>,
    functions: Vec<bool>,
}

impl Borrows {
    pub fn apply(self, model: &mut Model) {
        for (s, b) in model.types.iter_mut().zip(self.types) {
            s.borrows = b;
        }
        for (e, b) in model.enums.iter_mut().zip(self.enums) {
            e.borrows = b;
        }
        for (f, b) in model.functions.iter_mut().zip(self.functions) {
            f.borrows = b;
        }
    }
}

/// A fixed point: types refer to each other in cycles.
pub fn find(model: &Model) -> Borrows {
    let mut b = Borrows {
        types: vec![false; model.types.len()],
        enums: vec![false; model.enums.len()],
        functions: Vec::new(),
    };
    loop {
        let mut changed = false;
        for (i, s) in model.types.iter().enumerate() {
            if !b.types[i] && b.fields_borrow(model, s) {
                b.types[i] = true;
                changed = true;
            }
        }
        for (i, e) in model.enums.iter().enumerate() {
            if !b.enums[i] && e.variants.iter().any(|v| b.types[v.0]) {
                b.enums[i] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    b.functions = model
        .functions
        .iter()
        .map(|f| b.fields_borrow(model, f))
        .collect();
    b
}

impl Borrows {
    fn fields_borrow(&self, model: &Model, s: &Struct) -> bool {
        s.fields.iter().any(|f| {
            f.holds
                .inline_tys()
                .into_iter()
                .any(|ty| self.type_borrows(model, s.ty(ty)))
        })
    }

    /// Whether a value of `ty` borrows from the input.
    fn type_borrows(&self, model: &Model, ty: &RType) -> bool {
        match ty {
            RType::String | RType::Bytes | RType::Object => true,
            RType::Vector { elem, .. } | RType::Array { elem, .. } => {
                self.type_borrows(model, elem)
            }
            RType::Enum(e) => self.enums[e.0],
            RType::Struct { ctor, .. } => self.types[ctor.0],
            RType::Applied { target, args, .. } => {
                let own = match target {
                    Target::Enum(e) => self.enums[e.0],
                    Target::Struct(c) => self.types[c.0],
                };
                own || model
                    .kept_args(*target, args)
                    .any(|a| self.type_borrows(model, a))
            }
            RType::Int
            | RType::Long
            | RType::Int53
            | RType::Double
            | RType::Float
            | RType::Bool
            | RType::Nat
            | RType::Int128
            | RType::Int256
            | RType::Int512
            | RType::True
            | RType::Mask(_)
            | RType::Param(_) => false,
            // A Rust type named with the input's lifetime (`extern(T = path::T<'a>)`, such as
            // a type this `tl!` generates) borrows: the pipeline gives its alias the lifetime
            // (`__tl_extern_N<'a>`), as the emitter writes it after any borrowing type's name.
            RType::Extern { rust, .. } => rust.ends_with(crate::emit::text::lifetime(true)),
        }
    }
}
