//! Random valid TL schemas, from a seed, covering the grammar as real files write it: bare and
//! boxed vectors nested 1 to 4 deep (with angle brackets or with spaces and parentheses), inside
//! flags too; flag groups of 1 to 40 valued fields on one bit, `?true` flags alone and sharing a
//! bit; recursion through enums, vectors and flags; generic functions (`{X:Type}`, `!X`); a
//! function whose result has no constructor; `%c` for a bare constructor; namespaces 1 to 3
//! deep; definitions over several lines; `//` and `/* */` comments; sections marked over and
//! over in any order.
//!
//! Shared by the build script, which writes the schemas that `tests/random_schemas.rs` compiles
//! through `tl!`, and by that test, which round-trips every definition of each. The schemas are
//! valid by construction, and every value the test generator builds from them is finite: each
//! type's first constructor has no fields, and a bare constructor (one with fields: a bare
//! vector of zero-byte elements is refused by the decoder) is used only by the ones after it.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::fmt::Write as _;

/// The seeds CI compiles and round-trips (60 passed when this generator was written).
pub const SEEDS: [u64; 8] = [1, 2, 3, 4, 5, 6, 7, 8];

const PRIMITIVES: &[&str] = &[
    "int", "long", "double", "string", "bytes", "int128", "int256", "Bool", "int53",
];

struct Names {
    types: Vec<String>,
    /// Constructors written so far (usable as bare types by later ones).
    ctors: Vec<String>,
}

/// A namespace prefix 0 to 3 deep, such as `a1.b0.`.
fn namespace(rng: &mut StdRng) -> String {
    let depth = rng.random_range(0..=3);
    (0..depth)
        .map(|d| format!("{}{}.", ["ns", "sub", "deep"][d], rng.random_range(0..2)))
        .collect()
}

/// A type expression nested up to `depth` vectors deep.
fn type_expr(rng: &mut StdRng, names: &Names, depth: usize) -> String {
    if depth > 0 && rng.random_bool(0.35) {
        let inner = type_expr(rng, names, depth - 1);
        let vector = if rng.random_bool(0.5) {
            "vector"
        } else {
            "Vector"
        };
        return if rng.random_bool(0.5) {
            format!("{vector}<{inner}>")
        } else {
            format!("({vector} {inner})")
        };
    }
    match rng.random_range(0..10) {
        0..=4 => PRIMITIVES[rng.random_range(0..PRIMITIVES.len())].to_string(),
        5..=7 => names.types[rng.random_range(0..names.types.len())].clone(),
        // A constructor as a bare type, now and then written `%c` (the same type, as gotd's
        // `vector<%message>`).
        _ if !names.ctors.is_empty() => {
            let ctor = &names.ctors[rng.random_range(0..names.ctors.len())];
            let percent = if rng.random_bool(0.3) { "%" } else { "" };
            format!("{percent}{ctor}")
        }
        _ => "int".to_string(),
    }
}

/// Appends fields `f0`, `f1`, … to a definition's text.
struct Fields<'o> {
    out: &'o mut String,
    n: usize,
}

impl Fields<'_> {
    /// Appends the next field, of type `ty`, and returns its name's number.
    fn push(&mut self, rng: &mut StdRng, ty: &str) -> usize {
        // Definitions run over several lines now and then, as TON writes them.
        let sep = if rng.random_bool(0.15) { "\n    " } else { " " };
        let _ = write!(self.out, "{sep}f{}:{ty}", self.n);
        self.n += 1;
        self.n - 1
    }
}

/// The fields of a constructor or function, after its name in `out`.
fn fields(rng: &mut StdRng, names: &Names, out: &mut String) {
    let mut f = Fields { out, n: 0 };
    for _ in 0..rng.random_range(0..4) {
        let ty = type_expr(rng, names, 4);
        f.push(rng, &ty);
    }
    if rng.random_bool(0.6) {
        let word = f.push(rng, "#");
        for bit in 0..rng.random_range(1..6) {
            let bit = bit * 3 + rng.random_range(0..3);
            let group = if rng.random_bool(0.15) {
                rng.random_range(2..=40)
            } else {
                rng.random_range(1..3)
            };
            for _ in 0..group {
                let ty = if rng.random_bool(0.3) {
                    "true".to_string()
                } else {
                    // Recursion through flags: a type may hold itself here.
                    type_expr(rng, names, 3)
                };
                f.push(rng, &format!("f{word}.{bit}?{ty}"));
            }
        }
    }
}

/// The schema of `seed`.
pub fn schema(seed: u64) -> String {
    let mut rng = StdRng::seed_from_u64(seed);
    let type_count = rng.random_range(3..12);
    let mut names = Names {
        types: (0..type_count)
            .map(|i| format!("{}T{i}", namespace(&mut rng)))
            .collect(),
        ctors: Vec::new(),
    };
    let mut out = format!("// A random schema, seed {seed}.\n");
    // Every type's first constructor has no fields, so that values stay finite.
    for (i, ty) in names.types.clone().iter().enumerate() {
        let _ = writeln!(out, "{}c{i}x = {ty};", namespace(&mut rng));
    }
    // One field nested four vectors deep, each level bare or boxed at random.
    let mut deep = "int".to_string();
    for _ in 0..4 {
        let vector = if rng.random_bool(0.5) {
            "vector"
        } else {
            "Vector"
        };
        deep = format!("{vector}<{deep}>");
    }
    let _ = writeln!(
        out,
        "deep f0:{deep} f1:# f2:f1.0?{deep} = {};",
        names.types[0]
    );
    names.ctors.push("deep".to_string());
    let mut c = 0;
    for _ in 0..rng.random_range(4..20) {
        if rng.random_bool(0.1) {
            out.push_str("---types---\n");
        }
        let ty = names.types[rng.random_range(0..names.types.len())].clone();
        let name = format!("{}c{c}", namespace(&mut rng));
        c += 1;
        let mut line = name.clone();
        fields(&mut rng, &names, &mut line);
        if rng.random_bool(0.2) {
            out.push_str("/* a block\n   comment */ ");
        }
        let _ = writeln!(out, "{line} = {ty}; // c{c}");
        // A constructor without fields is zero bytes bare, and a vector of zero-byte elements
        // has a count the decoder rightly refuses (it would cost time without input).
        if line != name {
            names.ctors.push(name);
        }
    }
    out.push_str("---functions---\n");
    // A function without fields, which the value generator uses for `!X`.
    let _ = writeln!(out, "ping = {};", names.types[0]);
    out.push_str("invokeWithArg {X:Type} arg:int query:!X = X;\n");
    // A function whose result no constructor defines (MTProto's `http_wait`): an empty type.
    out.push_str("wait f0:int = Pending;\n");
    for f in 0..rng.random_range(1..8) {
        if rng.random_bool(0.2) {
            out.push_str("---types---\n---functions---\n");
        }
        let mut line = format!("{}fn{f}", namespace(&mut rng));
        fields(&mut rng, &names, &mut line);
        let result = if rng.random_bool(0.3) {
            format!(
                "Vector<{}>",
                names.types[rng.random_range(0..names.types.len())]
            )
        } else {
            names.types[rng.random_range(0..names.types.len())].clone()
        };
        let _ = writeln!(out, "{line} = {result};");
    }
    out
}
