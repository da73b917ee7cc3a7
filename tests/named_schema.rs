//! Random schemas named to collide with what generated code is made of: Rust's keywords (raw,
//! reserved and those that cannot be raw), the prelude's and the runtime's names (`Option`,
//! `Box`, `Default`, `UnknownFlags`, `Any`, `__tl`), the generated modules' and methods' names
//! (`types`, `errors`, `new`, `to_bytes`, `name_for_id`), names without letters (`__`), and names
//! that case conversion makes equal (`a_b`, `aB`, `AB`). They are used as constructors, types,
//! namespaces, fields, flag words and type variables, with flags, `?true` fields sharing a bit,
//! vectors, `%` bare constructors, a polymorphic type and a generic function; each seed also
//! picks `tl!` options (`any`, `borrowed`, `serde`, `decode_functions`, a standard derive,
//! `only(...)`).
//!
//! Many seeds are refused by `tl!` (a duplicate field, a constructor named like a builtin, a
//! derive that a type cannot have): that is the point, the checks are what stands between such
//! names and rustc. What `tl!` accepts must compile. `scripts/names-sweep.sh` compiles thousands
//! of seeds; `tests/tests/named_schemas.rs` compiles [`SEEDS`] in every test run, and tl-macros'
//! own tests expand a thousand, and the first hundred with each word left out, in-process.
//!
//! Shared by the build script, which writes [`SEEDS`]' schemas to `OUT_DIR`, that test,
//! tl-macros' test, and the sweep's scratch crate.

use rand::rngs::StdRng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, SeedableRng};
use std::fmt::Write as _;

/// Seeds that `tl!` accepts, each compiled by `tests/tests/named_schemas.rs` with its options:
/// eight of the first 40, for their options (`any` with `derive(PartialOrd, Ord, Eq)`, `serde`
/// with `only(...)`, `borrowed` with `any`, none) and their type variables (`True`, `Reader`,
/// `none`, `Some`).
pub const SEEDS: [u64; 8] = [1, 3, 4, 5, 11, 14, 24, 26];

/// Lowercase names: constructors, fields, namespaces, flag words. Rust's keywords (strict,
/// reserved, and those that cannot be raw), the prelude's, the runtime's and generated code's
/// names, then names with `_`s, without letters, and ones that case conversion makes equal.
const LOWER: &str = "\
    type self super crate fn match async await dyn try yield union static ref mod move use \
    where loop box macro abstract override in as impl false let const struct enum trait \
    unsafe extern pub return break continue if else while for gen do final priv typeof \
    unsized virtual become option result vec string default new new2 clone debug from into \
    eq hash serialize deserialize identifiable encode decode to_bytes from_bytes flags \
    flags2 any object unknown_flags id constructor_id read write buf reader len r w f x a \
    b __tl tl_runtime core std alloc types enums functions errors layer name_for_id \
    id_for_name serialized_len serialize_with_id deserialize_vec value arg1 arg2 query \
    inner ok err some none unknown tl fmt formatter error rpc_error reply decode_reply \
    hasher state other v m n offset limit self_ crate_ super_ type_ return_ true_ __ _a \
    a_b aB ab a_B a__b";

/// Capitalized names: boxed types and type variables.
const UPPER: &str = "\
    Option Result Vec String Box Default Self Types Enums Any True Error Ok Err Some None \
    Debug Clone PartialEq From Into Sized Send Copy Fn Iterator T X A B UnknownFlags \
    Deserialize Serialize RemoteCall Identifiable MaybeUnknown RpcError Encode Reader \
    Formatter Hasher Ab AB A_b ABc ABC Abc Unknown Return Limits Tuple BareVector Other \
    Null Tl Core Std Alloc Functions Errors Super Crate Type Fmt Io Str U8 I32 Void Never \
    Dyn Object Function";

/// Field types besides the schema's own.
const PRIMITIVES: &str = "\
    int long double string bytes int128 int256 Bool Object";

/// One of the words of `words`.
fn pick(rng: &mut StdRng, words: &'static str) -> &'static str {
    let words: Vec<&str> = words.split_whitespace().collect();
    words.choose(rng).copied().unwrap_or("a")
}

/// A namespace prefix, mostly none: `a.`, `type.__.`.
fn namespace(rng: &mut StdRng) -> String {
    let depth = [0, 0, 0, 1, 1, 2][rng.random_range(0..6)];
    let mut prefix = String::new();
    for _ in 0..depth {
        prefix.push_str(pick(rng, LOWER));
        prefix.push('.');
    }
    prefix
}

/// The types defined so far (boxed, or a polymorphic one applied), and constructors to use bare.
#[derive(Default)]
struct Names {
    types: Vec<String>,
    ctors: Vec<String>,
}

fn field_type(rng: &mut StdRng, names: &Names) -> String {
    let mut pool: Vec<String> = PRIMITIVES.split_whitespace().map(String::from).collect();
    pool.extend(names.types.iter().cloned());
    pool.extend(names.ctors.iter().map(|c| format!("%{c}")));
    let ty = pool.choose(rng).cloned().unwrap_or_else(|| "int".into());
    match rng.random_range(0..20) {
        0..=2 => format!("Vector<{ty}>"),
        3 => format!("vector<{ty}>"),
        _ => ty,
    }
}

/// Up to four fields: a `#` word now and then, and fields on its bits (`?true` among them).
fn fields(rng: &mut StdRng, names: &Names) -> String {
    let mut out = String::new();
    let mut used: Vec<&str> = Vec::new();
    let mut word: Option<&str> = None;
    for _ in 0..rng.random_range(0..5) {
        let name = pick(rng, LOWER);
        // A repeated field name is an error, now and then left for the checks to find.
        if used.contains(&name) && rng.random_bool(0.8) {
            continue;
        }
        used.push(name);
        let roll = rng.random::<f64>();
        match word {
            None if roll < 0.3 => {
                word = Some(name);
                let _ = write!(out, " {name}:#");
            }
            Some(w) if roll < 0.55 => {
                let bit = rng.random_range(0..4);
                let ty = if rng.random_bool(0.4) {
                    "true".to_string()
                } else {
                    field_type(rng, names)
                };
                let _ = write!(out, " {name}:{w}.{bit}?{ty}");
            }
            _ => {
                let _ = write!(out, " {name}:{}", field_type(rng, names));
            }
        }
    }
    out
}

/// The schema of `seed`: boxed types of one to three constructors, a polymorphic type and a
/// bare constructor now and then, and up to three functions.
pub fn schema(seed: u64) -> String {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut names = Names::default();
    let mut out = format!("// Named to collide, seed {seed}.\n");
    if rng.random_bool(0.4) {
        let var = if rng.random_bool(0.5) {
            pick(&mut rng, UPPER)
        } else {
            pick(&mut rng, LOWER)
        };
        let (ty, ctor, first) = (
            namespace(&mut rng) + pick(&mut rng, UPPER),
            namespace(&mut rng) + pick(&mut rng, LOWER),
            pick(&mut rng, LOWER),
        );
        let rest = fields(&mut rng, &names);
        let _ = writeln!(
            out,
            "{ctor} {{{var}:Type}} {first}:{var}{rest} = {ty} {var};"
        );
        let arg = pick(&mut rng, "int string Bool");
        names.types.push(format!("({ty} {arg})"));
    }
    if rng.random_bool(0.3) {
        let ctor = namespace(&mut rng) + pick(&mut rng, LOWER);
        let rest = fields(&mut rng, &names);
        let ty = namespace(&mut rng) + pick(&mut rng, UPPER);
        let _ = writeln!(out, "{ctor}{rest} = {ty};");
        names.ctors.push(ctor);
    }
    for _ in 0..rng.random_range(1..5) {
        let ty = namespace(&mut rng) + pick(&mut rng, UPPER);
        if names.types.contains(&ty) {
            continue;
        }
        names.types.push(ty.clone());
        for _ in 0..rng.random_range(1..4) {
            let ctor = namespace(&mut rng) + pick(&mut rng, LOWER);
            let rest = fields(&mut rng, &names);
            let _ = writeln!(out, "{ctor}{rest} = {ty};");
            if rng.random_bool(0.3) {
                names.ctors.push(ctor);
            }
        }
    }
    out.push_str("---functions---\n");
    for _ in 0..rng.random_range(0..4) {
        let function = namespace(&mut rng) + pick(&mut rng, LOWER);
        if rng.random_bool(0.15) {
            let layer = pick(&mut rng, LOWER);
            let _ = writeln!(out, "{function} {{X:Type}} {layer}:int query:!X = X;");
            continue;
        }
        let mut results = names.types.clone();
        results.extend(names.types.iter().map(|t| format!("Vector<{t}>")));
        results.extend(["Bool".to_string(), "Vector<long>".into(), "Object".into()]);
        let result = results.choose(&mut rng).cloned().unwrap_or_default();
        let rest = fields(&mut rng, &names);
        let _ = writeln!(out, "{function}{rest} = {result};");
    }
    out
}

/// The `tl!` options of `seed`, as written in `#[tl(...)]`, without `include`.
pub fn options(seed: u64) -> String {
    let mut rng = StdRng::seed_from_u64(seed ^ 0x6f70_7473);
    let mut options: Vec<String> = Vec::new();
    if rng.random_bool(0.4) {
        options.push("any".into());
    }
    let borrowed = rng.random_bool(0.3);
    if borrowed {
        options.push("borrowed".into());
    } else if rng.random_bool(0.3) {
        let serde = ["serde", "serde", "serde = \"tdlib\""].choose(&mut rng);
        options.extend(serde.map(ToString::to_string));
    }
    if rng.random_bool(0.3) {
        options.push("decode_functions".into());
    }
    if rng.random_bool(0.2) {
        let derives = [
            "Hash, Eq",
            "Default",
            "PartialOrd",
            "PartialOrd, Ord, Eq",
            "Copy",
        ];
        if let Some(derive) = derives.choose(&mut rng) {
            options.push(format!("derive({derive})"));
        }
    }
    if rng.random_bool(0.2) {
        let text = schema(seed);
        let mut defined: Vec<&str> = text
            .lines()
            .filter(|l| !l.starts_with("//") && !l.starts_with("---"))
            .filter_map(|l| l.split_whitespace().next())
            .collect();
        defined.shuffle(&mut rng);
        defined.truncate(rng.random_range(1..3));
        if !defined.is_empty() {
            let roots: Vec<String> = defined.iter().map(|d| format!("{d:?}")).collect();
            options.push(format!("only({})", roots.join(", ")));
        }
    }
    options.join(", ")
}
