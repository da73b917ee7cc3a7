//! Build-time set-up for comparing with grammers-tl-types 0.11.0: the path of the layer-230
//! `api.tl` that ships inside that crate (`TL_GRAMMERS_API`, `cfg(tl_grammers)`), and
//! `grammers_dispatch.rs`, which decodes and re-encodes bytes with grammers' type for each TL
//! name (grammers has no by-id decoder, and its names follow its own casing rules).

use std::fmt::Write as _;
use std::path::PathBuf;

#[path = "grammers_names.rs"]
mod grammers_names;
use grammers_names::grammers_path;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(tl_grammers)");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=grammers_names.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    let dispatch = match grammers_api() {
        Some(api) => {
            println!("cargo::rustc-cfg=tl_grammers");
            println!("cargo::rustc-env=TL_GRAMMERS_API={}", api.display());
            let text = std::fs::read_to_string(&api).expect("read grammers' api.tl");
            dispatch(&text)
        }
        None => {
            println!(
                "cargo::warning=grammers-tl-types 0.11.0 source not found: the differential test will skip"
            );
            String::new()
        }
    };
    std::fs::write(out.join("grammers_dispatch.rs"), dispatch).expect("write dispatch");
}

/// `tl/api.tl` inside the grammers-tl-types 0.11.0 crate source in Cargo's registry.
fn grammers_api() -> Option<PathBuf> {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))?;
    let registries = std::fs::read_dir(home.join("registry/src")).ok()?;
    registries
        .filter_map(Result::ok)
        .map(|r| r.path().join("grammers-tl-types-0.11.0/tl/api.tl"))
        .find(|p| p.is_file())
}

fn dispatch(text: &str) -> String {
    let sources = [tl_schema::Source::file("api.tl", text)];
    let (schema, diagnostics) = tl_schema::check(&sources, &tl_schema::Config::default());
    assert!(diagnostics.is_empty(), "grammers' api.tl: {diagnostics:?}");
    let defs: Vec<_> = schema.definitions.iter().filter(|d| !d.builtin).collect();
    // The function that `tl_tests::generate::Gen` writes for `!X`.
    let simple = defs
        .iter()
        .find(|d| d.is_function() && d.fields.is_empty())
        .map(|d| grammers_path("functions", &d.name.value))
        .expect("a function without fields");
    let mut out = String::new();
    let _ = writeln!(
        out,
        "/// `!X` for grammers: its function decoding is bare, so this reads the id first.
#[derive(Clone, Debug, PartialEq)]
pub struct BoxedSimple({simple});
impl grammers_tl_types::Serializable for BoxedSimple {{
    fn serialize(&self, buf: &mut impl Extend<u8>) {{ self.0.serialize(buf) }}
}}
impl grammers_tl_types::Deserializable for BoxedSimple {{
    fn deserialize(buf: &mut grammers_tl_types::Cursor<'_>) -> grammers_tl_types::deserialize::Result<Self> {{
        let _id = u32::deserialize(buf)?;
        <{simple} as grammers_tl_types::Deserializable>::deserialize(buf).map(BoxedSimple)
    }}
}}
impl grammers_tl_types::RemoteCall for BoxedSimple {{
    type Return = <{simple} as grammers_tl_types::RemoteCall>::Return;
}}

/// Decodes `bytes` (boxed: id first) as the grammers type of the TL definition `name`, and
/// re-encodes it. `None` for a name grammers has no type for.
pub fn grammers_round_trip(name: &str, bytes: &[u8]) -> Option<Result<Vec<u8>, String>> {{
    use grammers_tl_types::{{Deserializable, Serializable}};
    let result = match name {{"
    );
    for def in defs {
        let name = &def.name.value;
        let line = if def.is_function() {
            let generics = if def.type_params.is_empty() {
                ""
            } else {
                "::<BoxedSimple>"
            };
            let path = grammers_path("functions", name);
            format!(
                "{path}{generics}::from_bytes(bytes.get(4..).unwrap_or(&[])).map(|v| v.to_bytes())"
            )
        } else {
            let path = grammers_path("enums", &def.result.name);
            format!("{path}::from_bytes(bytes).map(|v| v.to_bytes())")
        };
        let _ = writeln!(out, "        {name:?} => {line},");
    }
    let _ = writeln!(
        out,
        "        _ => return None,
    }};
    Some(result.map_err(|e| e.to_string()))
}}"
    );
    out
}
