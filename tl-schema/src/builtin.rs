//! The primitive types the runtime provides, in every spelling real schemas use: the one table
//! that validation, selection and code generation consult.

/// A primitive type of the runtime.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Builtin {
    /// `int`, TDLib's `int32`: 4 bytes.
    Int,
    /// `long`, TDLib's `int53` and `int64`: 8 bytes.
    Long,
    /// `double`: 8 bytes.
    Double,
    /// `float`, VK's single precision: 4 bytes.
    Float,
    /// `string` (and TDLib's `secureString`).
    String,
    /// `bytes` (and TDLib's `secureBytes`).
    Bytes,
    /// `int128`: 16 bytes.
    Int128,
    /// `int256`: 32 bytes.
    Int256,
    /// `int512`: 64 bytes.
    Int512,
    /// `Bool`: `boolTrue` or `boolFalse`.
    Bool,
    /// `true`: no bytes; only meaningful as a flag (`x:flags.0?true`).
    True,
    /// `Vector<T>` (boxed, with its id) or `vector<T>` (bare): one type argument.
    Vector,
    /// `tuple T n` (bare; `%(Tuple T n)` too): `n` values of `T`, with no count on the wire, as
    /// VK's schemas declare it (`tuple#9770768a {t:Type} {n:#} [t] = Tuple t n;`). Its length
    /// is a number written in the type (`(tuple double 2)`), and its Rust type the array
    /// `[T; n]`.
    Tuple,
    /// `Object`: any boxed value; TON's `Function` (any function, boxed) and the bare `object`
    /// and `function` that its test constructors use are the same raw value.
    Object,
}

/// Every name of a builtin type, bare (lowercase) and boxed (capitalized), shortest first:
/// [`STARTS`] finds the names of one length.
const NAMES: &[(&str, Builtin)] = &[
    ("int", Builtin::Int),
    ("Int", Builtin::Int),
    ("long", Builtin::Long),
    ("Long", Builtin::Long),
    ("Bool", Builtin::Bool),
    ("true", Builtin::True),
    ("True", Builtin::True),
    ("int32", Builtin::Int),
    ("Int32", Builtin::Int),
    ("int53", Builtin::Long),
    ("Int53", Builtin::Long),
    ("int64", Builtin::Long),
    ("Int64", Builtin::Long),
    ("float", Builtin::Float),
    ("Float", Builtin::Float),
    ("bytes", Builtin::Bytes),
    ("Bytes", Builtin::Bytes),
    ("tuple", Builtin::Tuple),
    ("Tuple", Builtin::Tuple),
    ("double", Builtin::Double),
    ("Double", Builtin::Double),
    ("string", Builtin::String),
    ("String", Builtin::String),
    ("int128", Builtin::Int128),
    ("Int128", Builtin::Int128),
    ("int256", Builtin::Int256),
    ("Int256", Builtin::Int256),
    ("int512", Builtin::Int512),
    ("Int512", Builtin::Int512),
    ("vector", Builtin::Vector),
    ("Vector", Builtin::Vector),
    ("Object", Builtin::Object),
    ("object", Builtin::Object),
    ("Function", Builtin::Object),
    ("function", Builtin::Object),
    ("secureBytes", Builtin::Bytes),
    ("SecureBytes", Builtin::Bytes),
    ("secureString", Builtin::String),
    ("SecureString", Builtin::String),
];

/// The longest name in [`NAMES`].
const LONGEST: usize = 12;

/// Where the names of each length start in [`NAMES`]: those of length `n` are
/// `NAMES[STARTS[n]..STARTS[n + 1]]`.
const STARTS: [usize; LONGEST + 2] = {
    let mut starts = [0; LONGEST + 2];
    let mut n = 0;
    while n < starts.len() {
        let mut i = 0;
        while i < NAMES.len() && NAMES[i].0.len() < n {
            i += 1;
        }
        starts[n] = i;
        n += 1;
    }
    starts
};

/// Constructor names that define a builtin without being spelled like its type: TL declares
/// `Bool` through `boolTrue`/`boolFalse`, and `Object`/`Function` through `object ? = Object;`.
const DEFINING_CONSTRUCTORS: &[&str] = &["boolTrue", "boolFalse", "object", "function"];

impl Builtin {
    /// The builtin type named `name` (bare or boxed spelling), if it is one.
    pub fn from_name(name: &str) -> Option<Builtin> {
        // Called for every type a schema names, in a macro Cargo builds unoptimized: the
        // length and first letter of the names above rule out most names, and the scan is of
        // the names of the same length only (at most 13, none for most of a schema's types).
        let first = name.as_bytes().first()?.to_ascii_lowercase();
        if name.len() > LONGEST
            || !matches!(
                first,
                b'i' | b'l' | b'd' | b's' | b'b' | b't' | b'v' | b'o' | b'f'
            )
        {
            return None;
        }
        NAMES[STARTS[name.len()]..STARTS[name.len() + 1]]
            .iter()
            .find(|(n, _)| *n == name)
            .map(|&(_, b)| b)
    }

    /// Every name of a builtin type, bare and boxed spellings: what a misspelt name may have
    /// meant.
    pub fn names() -> impl Iterator<Item = &'static str> {
        NAMES.iter().map(|&(n, _)| n)
    }

    /// Whether it takes a type argument (`Vector<T>`).
    pub fn is_generic(self) -> bool {
        self == Builtin::Vector
    }
}

/// Whether a definition named `name` describes a primitive the runtime provides (a bare
/// spelling of a builtin type, or one of the constructors TL declares builtins with), so that no
/// code is generated for it.
pub fn is_builtin_definition(name: &str) -> bool {
    DEFINING_CONSTRUCTORS.contains(&name)
        || (crate::ast::is_bare_name(name) && Builtin::from_name(name).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings() {
        assert_eq!(Builtin::from_name("int53"), Some(Builtin::Long));
        assert_eq!(Builtin::from_name("Vector"), Some(Builtin::Vector));
        assert_eq!(Builtin::from_name("vector"), Some(Builtin::Vector));
        assert_eq!(Builtin::from_name("bool"), None);
        assert_eq!(Builtin::from_name("Function"), Some(Builtin::Object));
        assert_eq!(Builtin::from_name(""), None);
        // Every spelling passes the filter in front of the scan, and is where its length
        // says (the table is shortest first, none longer than `LONGEST`).
        assert!(NAMES.windows(2).all(|w| w[0].0.len() <= w[1].0.len()));
        assert!(NAMES.iter().all(|(n, _)| n.len() <= LONGEST));
        for &(name, builtin) in NAMES {
            assert_eq!(Builtin::from_name(name), Some(builtin), "{name}");
        }
        assert!(is_builtin_definition("int128"));
        assert!(is_builtin_definition("boolTrue"));
        assert!(is_builtin_definition("vector"));
        // `Bool` is a boxed name: only its constructors are definitions.
        assert!(!is_builtin_definition("Bool"));
        assert!(!is_builtin_definition("inputPeer"));
    }
}
