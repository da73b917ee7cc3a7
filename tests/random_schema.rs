//! Random valid TL schemas, from a seed, covering the grammar as real files write it: bare and
//! boxed vectors nested 1 to 4 deep (with angle brackets or with spaces and parentheses), inside
//! flags too; flag groups of 1 to 40 valued fields on one bit, `?true` flags alone and sharing a
//! bit; recursion through enums, vectors and flags; generic functions (`{X:Type}`, `!X`, and a
//! value's type `value:X`); a
//! function whose result has no constructor; `%c` for a bare constructor; polymorphic types
//! (`{A:Type}` declared, or not, as tl-proto's schemas write them) whose constructors hold
//! their variables plainly, in vectors, flags and other polymorphic types, used boxed and bare
//! with any arguments (nested ones too) and as results; anonymous fields (a type alone, or
//! `_:type`) and groups `(a b:type)`; repetitions counted by a `#` field (`f1:f0*[ T ]`,
//! `f1:[ T ]`, `# [ T ]`, or anonymous); VK's `float`, tuples (`(tuple double 2)`) and vectors
//! of `#`; VK's field masks (`{fm:#}` constructors, given a holder's `#` field, their vectors'
//! elements, a number, or passed on); namespaces 1 to 3 deep; definitions over several lines;
//! `//` and `/* */` comments; sections marked over and over in any order.
//!
//! A polymorphic type may hold itself with any arguments, so a few seeds make one that holds
//! more than 64 Rust types of itself, which `tl!` refuses (8 of seeds 100 to 999; none of
//! [`SEEDS`]).
//!
//! Shared by the build script, which writes the schemas that `tests/random_schemas.rs` compiles
//! through `tl!`, and by that test, which round-trips every definition of each. The schemas are
//! valid TL by construction (and [`SEEDS`]' are valid `tl!` input, as said above), and every value the test generator builds from them is finite: each
//! type's first constructor has no fields, and a bare constructor is used only by the ones
//! after it.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::fmt::Write as _;

/// The seeds CI compiles and round-trips (60 passed when this generator was written).
pub const SEEDS: [u64; 8] = [1, 2, 3, 4, 5, 6, 7, 8];

const PRIMITIVES: &[&str] = &[
    "int", "long", "double", "string", "bytes", "int128", "int256", "Bool", "int53", "float",
];

struct Names {
    types: Vec<String>,
    /// Constructors written so far (usable as bare types by later ones).
    ctors: Vec<String>,
    /// Polymorphic types with their number of arguments, and their constructors with fields
    /// written so far (usable bare), with theirs.
    poly: Vec<(String, usize)>,
    poly_ctors: Vec<(String, usize)>,
    /// Inside a polymorphic constructor: its type variables.
    vars: Vec<String>,
    /// Types whose constructors take a field mask (VK's `{fm:#}`), each with its constructor
    /// that has fields.
    masked: Vec<(String, String)>,
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
    // VK's forms: a tuple of a length written in the type (`(tuple double 2)`, an array of a
    // primitive, a number or a boxed type), or a bare vector of numbers. As a polymorphic
    // type's argument, `tl_runtime::Tuple` and `tl_runtime::BareVector`.
    if depth > 0 && rng.random_bool(0.08) {
        let elem = match rng.random_range(0..5) {
            0 => "#".to_string(),
            1 => names.types[rng.random_range(0..names.types.len())].clone(),
            // A type variable, inside a polymorphic constructor: `[A; 2]` is a use of `A`.
            2 if !names.vars.is_empty() => {
                names.vars[rng.random_range(0..names.vars.len())].clone()
            }
            _ => PRIMITIVES[rng.random_range(0..PRIMITIVES.len())].to_string(),
        };
        return match rng.random_range(0..3) {
            0 => format!("(vector {elem})"),
            _ => format!("(tuple {elem} {})", rng.random_range(1..=3)),
        };
    }
    // A type variable, inside a polymorphic constructor.
    if !names.vars.is_empty() && rng.random_bool(0.3) {
        return names.vars[rng.random_range(0..names.vars.len())].clone();
    }
    // A polymorphic type with its arguments, boxed or (its constructor) bare.
    if depth > 0 && !names.poly.is_empty() && rng.random_bool(0.15) {
        let (name, arity) = if !names.poly_ctors.is_empty() && rng.random_bool(0.3) {
            names.poly_ctors[rng.random_range(0..names.poly_ctors.len())].clone()
        } else {
            names.poly[rng.random_range(0..names.poly.len())].clone()
        };
        let args: Vec<String> = (0..arity)
            .map(|_| argument(rng, names, depth - 1))
            .collect();
        return format!("({name} {})", args.join(" "));
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

/// An argument of a polymorphic type: any type (a bare vector is `tl_runtime::BareVector`
/// there), and a type variable only as the whole argument.
fn argument(rng: &mut StdRng, names: &Names, depth: usize) -> String {
    if !names.vars.is_empty() && rng.random_bool(0.5) {
        return names.vars[rng.random_range(0..names.vars.len())].clone();
    }
    let outside = Names {
        types: names.types.clone(),
        ctors: names.ctors.clone(),
        poly: names.poly.clone(),
        poly_ctors: names.poly_ctors.clone(),
        vars: Vec::new(),
        masked: names.masked.clone(),
    };
    type_expr(rng, &outside, depth)
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

    /// Appends a field of type `ty` in one of the forms of the grammar that real schemas seldom
    /// write: `ty` alone (anonymous), `_:ty`, or `(fN fM:ty)`, two fields of one type.
    fn unusual(&mut self, rng: &mut StdRng, ty: &str) {
        let _ = match rng.random_range(0..3) {
            0 => write!(self.out, " {ty}"),
            1 => write!(self.out, " _:{ty}"),
            _ => {
                self.n += 2;
                write!(self.out, " (f{} f{}:{ty})", self.n - 2, self.n - 1)
            }
        };
    }
}

/// The fields of a constructor or function, after its name in `out`.
fn fields(rng: &mut StdRng, names: &Names, out: &mut String) {
    let mut f = Fields { out, n: 0 };
    for _ in 0..rng.random_range(0..4) {
        let ty = type_expr(rng, names, 4);
        if rng.random_bool(0.2) {
            f.unusual(rng, &ty);
        } else {
            f.push(rng, &ty);
        }
    }
    // A repetition counted by a `#` field, named or anonymous, now and then. Drawn from a
    // generator of its own, seeded by the line so far, so that the rest of each seed's schema
    // stays what it was before repetitions were generated.
    let seed = f.out.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    let mut own = StdRng::seed_from_u64(seed);
    if own.random_bool(0.3) {
        // Now and then an anonymous `#`, which the repetition after it can only take as the
        // last `#` before it (`# [ T ]`); decided without a draw, with the one `push` makes.
        let anonymous = f.n % 5 == 3;
        let count = if anonymous {
            let _ = own.random_bool(0.15);
            f.out.push_str(" #");
            f.n += 1;
            f.n - 1
        } else {
            f.push(&mut own, "#")
        };
        let ty = type_expr(&mut own, names, 3);
        let named = !own.random_bool(0.3);
        // Without its count, which is then the `#` just before it, as TL's grammar reads
        // `[ T ]`: always after an anonymous `#` (it has no name to write), now and then for a
        // named repetition after a named one, decided without a draw so that the draws after
        // it stay.
        let uncounted = anonymous || (named && (count + ty.len()).is_multiple_of(4));
        let field = if named {
            f.n += 1;
            format!("f{}:", f.n - 1)
        } else {
            String::new()
        };
        if uncounted {
            let _ = write!(f.out, " {field}[ {ty} ]");
        } else {
            let _ = write!(f.out, " {field}f{count}*[ {ty} ]");
        }
    }
    // A `#` field given to a type that takes a field mask, or its vector's elements, or a
    // number given so; from the generator of its own, as the repetition above.
    if !own.random_bool(0.6) && !names.masked.is_empty() {
        let (ty, ctor) = &names.masked[own.random_range(0..names.masked.len())];
        let word = f.push(&mut own, "#");
        let held = match own.random_range(0..4) {
            0 => format!("({ty} f{word})"),
            1 => format!("(vector ({ctor} f{word}))"),
            2 => format!("(Vector ({ty} f{word}))"),
            _ => format!("({ctor} {})", own.random_range(0..16)),
        };
        f.push(&mut own, &held);
        // A flag of the holder's own on the same word.
        if own.random_bool(0.5) {
            let bit = own.random_range(0..8);
            f.push(&mut own, &format!("f{word}.{bit}?long"));
        }
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
        poly: Vec::new(),
        poly_ctors: Vec::new(),
        vars: Vec::new(),
        masked: Vec::new(),
    };
    let mut out = format!("// A random schema, seed {seed}.\n");
    // Every type's first constructor has no fields, so that values stay finite.
    for (i, ty) in names.types.clone().iter().enumerate() {
        let _ = writeln!(out, "{}c{i}x = {ty};", namespace(&mut rng));
    }
    // Types whose constructors take a field mask (VK's `{fm:#}`), from a generator of their
    // own so that the rest of each seed's schema stays what it was: a first constructor
    // without fields, then one whose fields are on the mask's bits (of types with a zero
    // value, written where the mask has the bit and the field is absent), which passes the mask
    // on to the type before it, and has a `#` field of its own.
    let mut own = StdRng::seed_from_u64(seed ^ 0x6d61_736b);
    for k in 0..own.random_range(1..3) {
        let ty = format!("M{k}");
        let ctor = format!("m{k}c");
        let _ = writeln!(out, "m{k}x {{fm:#}} = {ty} fm;");
        let mut line = format!("{ctor} {{fm:#}}");
        for bit in 0..own.random_range(1..5) {
            let value = match own.random_range(0..6) {
                0 => "true".to_string(),
                1 => "int".to_string(),
                2 => "string".to_string(),
                3 => "(vector int)".to_string(),
                4 => "#".to_string(),
                _ => names.types[own.random_range(0..names.types.len())].clone(),
            };
            let _ = write!(
                line,
                " g{bit}:fm.{}?{value}",
                bit * 2 + own.random_range(0..2)
            );
        }
        if k > 0 && own.random_bool(0.6) {
            let _ = write!(line, " inner:(M{} fm)", k - 1);
        }
        if own.random_bool(0.5) {
            line.push_str(" w:# h:w.0?long");
        }
        let _ = writeln!(out, "{line} = {ty} fm;");
        names.masked.push((ty, ctor));
    }
    // Polymorphic types, each with a first constructor without fields, then constructors whose
    // fields use its variables (declared now and then, as TL writes them; one-letter and
    // undeclared otherwise, as tl-proto's schemas do).
    for p in 0..rng.random_range(1..4) {
        let arity = rng.random_range(1..=3);
        let vars: Vec<String> = ["A", "B", "C"][..arity]
            .iter()
            .map(|v| v.to_string())
            .collect();
        let ty = format!("{}P{p}", namespace(&mut rng));
        let result = format!("{ty} {}", vars.join(" "));
        let declared: String = vars.iter().map(|v| format!(" {{{v}:Type}}")).collect();
        let _ = writeln!(out, "{}p{p}x{declared} = {result};", namespace(&mut rng));
        names.poly.push((ty, arity));
        for c in 0..rng.random_range(1..3) {
            let name = format!("{}p{p}c{c}", namespace(&mut rng));
            let mut line = name.clone();
            if rng.random_bool(0.5) {
                line.push_str(&declared);
            }
            names.vars = vars.clone();
            let before = line.len();
            fields(&mut rng, &names, &mut line);
            names.vars.clear();
            if line.len() == before {
                line.push_str(" f0:int");
            }
            let _ = writeln!(out, "{line} = {result};");
            names.poly_ctors.push((name, arity));
        }
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
        // A constructor without fields is zero bytes bare: a vector of those is bounded by
        // `Limits::max_empty_elements`, not by the input.
        names.ctors.push(name);
    }
    out.push_str("---functions---\n");
    // A function without fields, which the value generator uses for `!X`.
    let _ = writeln!(out, "ping = {};", names.types[0]);
    out.push_str("invokeWithArg {X:Type} arg:int query:!X = X;\n");
    // A type variable that no `!X` names: a value's type, returned as it is.
    out.push_str("echoArg {X:Type} value:X = Vector X;\n");
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
        } else if rng.random_bool(0.2) {
            let (name, arity) = names.poly[rng.random_range(0..names.poly.len())].clone();
            let args: Vec<String> = (0..arity).map(|_| argument(&mut rng, &names, 2)).collect();
            format!("{name} {}", args.join(" "))
        } else {
            names.types[rng.random_range(0..names.types.len())].clone()
        };
        let _ = writeln!(out, "{line} = {result};");
    }
    out
}
