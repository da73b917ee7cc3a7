//! Every runtime item the generated code names, each once, as source text (see `emit` for why
//! the output is text), and the paths between generated items.
//!
//! Generated code reaches the runtime's hidden `__private` module through the alias `__tl`,
//! which every generated module imports ([`ALIAS_USE`]): a third of the tokens of the full
//! path, which the compiler reads thousands of times over.

/// Defines one constant per runtime item (`__tl::<item>`), and [`ITEMS`], the list of them
/// that a test checks against `tl_runtime::__private`.
macro_rules! runtime_items {
    ($($(#[$doc:meta])* $name:ident = $item:literal,)*) => {
        $($(#[$doc])* pub const $name: &str = concat!("__tl::", $item);)*
        /// Every item of `tl_runtime::__private` that generated code names.
        #[cfg(test)]
        pub const ITEMS: &[&str] = &[$($item),*];
    };
}

runtime_items! {
    BOX = "Box",
    STRING = "String",
    VEC = "Vec",
    OPTION = "Option",
    SOME = "Some",
    NONE = "None",
    RESULT = "Result",
    OK = "Ok",
    ERR = "Err",
    FROM = "From",
    TRY_FROM = "TryFrom",
    /// Only derives name it (a skipped field's value).
    #[cfg_attr(not(feature = "derive"), allow(dead_code))]
    DEFAULT = "Default",
    DEBUG = "Debug",
    DEBUG_STRUCT = "debug_struct",
    DEBUG_TUPLE = "debug_tuple",
    CLONE = "Clone",
    PARTIAL_EQ = "PartialEq",
    EQ = "Eq",
    DISPLAY = "Display",
    FORMATTER = "Formatter",
    FMT_RESULT = "FmtResult",
    STD_ERROR = "StdError",
    RPC_ERROR = "RpcError",
    FMT_RPC_ERROR = "fmt_rpc_error",
    SERIALIZE = "Serialize",
    ENCODE = "Encode",
    DESERIALIZE = "Deserialize",
    DESERIALIZE_OWNED = "DeserializeOwned",
    IDENTIFIABLE = "Identifiable",
    REMOTE_CALL = "RemoteCall",
    ERROR = "Error",
    READER = "Reader",
    OBJECT = "Object",
    OBJECT_REF = "ObjectRef",
    TRUE = "True",
    TUPLE = "Tuple",
    BARE_VECTOR = "BareVector",
    UNKNOWN_FLAGS = "UnknownFlags",
    WRITE_U32 = "write_u32",
    PATCH_U32 = "patch_u32",
    WRITE_WORDS = "write_words",
    WRITE_WORDS_AFTER = "write_words_after",
    WRITE_ID = "write_id",
    SERIALIZE_BARE_VEC = "serialize_bare_vec",
    DESERIALIZE_BARE_VEC = "deserialize_bare_vec",
    READ_NESTED = "read_nested",
    READ_OBJECT_OF_LEN = "read_object_of_len",
    READ_ID_DEEPER = "read_id_deeper",
    PEEK_ID_DEEPER = "peek_id_deeper",
    IN_FIELD_AT = "in_field_at",
    LEAVE = "leave",
    SHORT_RUN = "short_run",
    EXPECT_ID = "expect_id",
    /// Only derives name it (their arms decode fields in a closure).
    #[cfg_attr(not(feature = "derive"), allow(dead_code))]
    READ_VARIANT = "read_variant",
    READ_ANY = "read_any",
    READ_ANY_BOXED = "read_any_boxed",
    READ_ANY_OUTLINED = "read_any_outlined",
    READ_ANY_BOXED_OUTLINED = "read_any_boxed_outlined",
    /// Only derives name it (their enums have no `name_for_id`).
    #[cfg_attr(not(feature = "derive"), allow(dead_code))]
    UNEXPECTED_CONSTRUCTOR = "unexpected_constructor",
    UNEXPECTED_CONSTRUCTOR_IN = "unexpected_constructor_in",
    ENCODE_AS = "EncodeAs",
    DECODE_AS = "DecodeAs",
    AS_IS = "AsIs",
    BARE_VEC = "BareVec",
    BOXED_VEC = "BoxedVec",
    REPEATED = "Repeated",
    FIXED = "Fixed",
    UNKNOWN_CONSTRUCTOR = "unknown_constructor",
    SERIALIZE_WITH = "SerializeWith",
    DESERIALIZE_WITH = "DeserializeWith",
    WRITE_ZERO = "write_zero",
    WRITE_VEC_WITH = "write_vec_with",
    READ_VEC_WITH = "read_vec_with",
    READ_NESTED_WITH = "read_nested_with",
    MASK_BITS_OF_VEC = "mask_bits_of_vec",
    NEEDS_REQUEST = "needs_request",
    /// `#[tl(serde)]`: the runtime's `json` module (the `serde` feature) and serde itself.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    JSON = "json",
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    SERDE = "serde",
}

/// The alias every generated module imports from its parent.
pub const ALIAS: &str = "__tl";

/// The schema's `name_for_id`, as every generated module imports it from its parent.
pub const NAMES_ALIAS: &str = "__tl_names";

/// The `use` that the invoking module gets for the alias, before and after the runtime crate's
/// path (`$crate` from the `tl!` wrapper, which only its own token can carry, or
/// `#[tl(crate = "...")]`). No TL name becomes `__tl` (TL identifiers start with a letter).
pub const ALIAS_USE: &str = "#[allow(unused_imports)] use ";
/// See [`ALIAS_USE`].
pub const ALIAS_AS: &str = "::__private as __tl;";

/// The name under which the invoking module imports the `index`th path of `derive(...)`, so
/// that generated items can name it from any module (each imports it from its parent).
pub fn derive_alias(index: usize) -> String {
    format!("__tl_derive_{index}")
}

/// The type alias under which the invoking module names the `index`th type of `extern(...)`.
pub fn extern_alias(index: usize) -> String {
    format!("__tl_extern_{index}")
}

/// A path from an item `depth` modules below the `tl!` invocation to `root::modules::name`
/// (`root` is `types`, `enums` or `functions`).
pub fn relative(depth: usize, root: &str, modules: &[String], name: &str) -> String {
    let mut path = String::with_capacity(7 * depth + root.len() + 2 + name.len() + 16);
    for _ in 0..depth {
        path.push_str("super::");
    }
    path.push_str(root);
    for m in modules {
        path.push_str("::");
        crate::ident::push_text(m, &mut path);
    }
    path.push_str("::");
    crate::ident::push_text(name, &mut path);
    path
}

#[cfg(test)]
mod tests {
    /// Every item the generated code names exists in `tl_runtime::__private`, and every item
    /// there is named here (none is dead): read from the runtime's source, since a proc-macro
    /// crate cannot depend on the crate that re-exports it.
    #[test]
    fn every_item_is_in_the_runtime() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tl-runtime/src/__private.rs"
        );
        let source = std::fs::read_to_string(path).expect("read __private.rs");
        let file = syn::parse_file(&source).expect("parse __private.rs");
        let mut exported = std::collections::BTreeSet::new();
        let mut traits = std::collections::BTreeSet::new();
        for item in &file.items {
            match item {
                syn::Item::Use(u) if matches!(u.vis, syn::Visibility::Public(_)) => {
                    collect_use(&u.tree, None, &mut exported);
                }
                syn::Item::Fn(f) if matches!(f.vis, syn::Visibility::Public(_)) => {
                    exported.insert(f.sig.ident.to_string());
                }
                // A trait may also be there only as a bound of a function (`ObjectBytes`).
                syn::Item::Trait(t) if matches!(t.vis, syn::Visibility::Public(_)) => {
                    traits.insert(t.ident.to_string());
                }
                _ => {}
            }
        }
        let named: std::collections::BTreeSet<String> =
            super::ITEMS.iter().map(ToString::to_string).collect();
        let missing: Vec<_> = named
            .iter()
            .filter(|n| !exported.contains(*n) && !traits.contains(*n))
            .collect();
        assert!(missing.is_empty(), "not in __private: {missing:?}");
        let unused: Vec<_> = exported.difference(&named).collect();
        assert!(
            unused.is_empty(),
            "in __private but never generated: {unused:?}"
        );
    }

    /// The names a `pub use` tree brings in; `parent` is the segment before it, which
    /// `{self, ..}` names.
    fn collect_use(
        tree: &syn::UseTree,
        parent: Option<&syn::Ident>,
        out: &mut std::collections::BTreeSet<String>,
    ) {
        match tree {
            syn::UseTree::Path(p) => collect_use(&p.tree, Some(&p.ident), out),
            syn::UseTree::Name(n) => {
                let name = if n.ident == "self" {
                    parent
                } else {
                    Some(&n.ident)
                };
                out.extend(name.map(ToString::to_string));
            }
            syn::UseTree::Rename(r) => {
                out.insert(r.rename.to_string());
            }
            syn::UseTree::Group(g) => g.items.iter().for_each(|t| collect_use(t, parent, out)),
            syn::UseTree::Glob(_) => {}
        }
    }
}
