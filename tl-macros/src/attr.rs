//! The `#[tl(...)]` options, read from [`Tree`]s. Every mistake becomes an error at its own
//! tokens, and reading goes on with the next option, so all of them are reported at once.

use crate::tokens::{Delim, Error, Kind, Tree};

/// The options, in the order the docs list them.
const OPTIONS: &[&str] = &[
    "include",
    "errors",
    "id_rule",
    "allow_id_mismatch",
    "only",
    "borrowed",
    "any",
    "decode_functions",
    "derive",
    "serde",
    "extern",
    "layer",
    "crate",
];

/// The names of a derive's path (`std`, `hash`, `Hash`).
#[derive(Clone, Debug)]
pub struct DeriveName {
    pub idents: Vec<String>,
}

impl DeriveName {
    /// The name the path ends with.
    pub fn last(&self) -> Option<&str> {
        self.idents.last().map(String::as_str)
    }

    /// The name, if the derive is a standard one: a name alone (the prelude's) or a path into
    /// `std` or `core`.
    pub fn standard(&self) -> Option<&str> {
        let standard = self.idents.len() == 1 || self.crate_is(&["std", "core"]);
        self.last().filter(|_| standard)
    }

    /// Whether the path starts with one of `crates` (and names more than the crate).
    pub fn crate_is(&self, crates: &[&str]) -> bool {
        self.idents.len() > 1 && crates.contains(&self.idents[0].as_str())
    }
}

/// `#[tl(...)]`.
#[derive(Default)]
pub struct Options {
    /// `include = "path"`: a `.tl` file relative to the invoking crate's `CARGO_MANIFEST_DIR`,
    /// with its literal's id.
    pub include: Vec<(String, usize)>,
    /// `errors = "path"`: Telegram's error list (`raw-errors.json`), relative to
    /// `CARGO_MANIFEST_DIR` as `include` is, with its literal's id.
    pub errors: Option<(String, usize)>,
    /// `id_rule = "telegram"` (the default) or `"tdlib"`.
    pub id_rule: Option<tl_schema::IdRule>,
    /// `allow_id_mismatch(name, "ns.name", ...)`, or `allow_id_mismatch(*)` for every name.
    pub allow_id_mismatch: NameList,
    /// `crate = "path"`: where the runtime is, when the `tl!` wrapper's own path is not wanted;
    /// the path and its literal's id.
    pub krate: Option<(String, usize)>,
    /// `only(name, "ns.name", Type, ...)`: generate only these constructors, functions and
    /// boxed types, and what they need.
    pub only: NameList,
    /// `borrowed`: strings, bytes and `Object` borrow from the decoded input (`&'a str`,
    /// `&'a [u8]`, `ObjectRef<'a>`), and the types that hold them get a lifetime.
    pub borrowed: bool,
    /// `any`: also generate `Any`, one enum over every boxed type and function, decoded by
    /// its constructor id.
    pub any: bool,
    /// `decode_functions`: functions implement `Deserialize` too (also implied by `any`).
    pub decode_functions: bool,
    /// `derive(Trait, ...)`: more derives for every generated struct and enum, after
    /// `Debug`, `Clone` and `PartialEq`: the ids of each path's tokens, which reach the output as
    /// they were written.
    pub derive: Vec<Vec<usize>>,
    /// The names of each derive's path: which trait it is, when that can be told.
    pub derive_names: Vec<DeriveName>,
    /// `extern(Type = path, ...)`: TL types defined outside the schema, and the Rust types that
    /// implement them, with the spans of their names.
    pub externs: Vec<Extern>,
    /// `layer = N`: the `LAYER` constant, for a schema without a `// LAYER N` line.
    pub layer: Option<u32>,
    /// `serde` or `serde = "tl"` / `"tdlib"`: serde impls in that JSON form, with the option's id.
    pub serde: Option<(JsonMode, usize)>,
    /// The options read so far, to report a repeated one.
    seen: Vec<String>,
}

/// The JSON form of `#[tl(serde)]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonMode {
    /// TL names, tagged by `"_"`; `long` as a number.
    Tl,
    /// TDLib's JSON: tagged by `"@type"`; `int64` as a decimal string.
    Tdlib,
}

/// One entry of `extern(...)`: `FutureSalts = crate::salts::FutureSalts`.
pub struct Extern {
    /// The TL type's name (`FutureSalts`, or `"ns.Type"` as a string), and its token's id.
    pub name: String,
    pub id: usize,
    /// The Rust type: the ids of its tokens, which reach the output as they were written.
    pub ty: Vec<usize>,
    /// Whether the Rust type names the input's lifetime `'a` (`path::Full<'a>`, a type of a
    /// `borrowed` `tl!`): with `borrowed`, the types that hold it borrow too.
    pub borrows: bool,
}

/// A list of TL names, each an identifier or a string literal (for namespaced names such as
/// `"help.configSimple"`), with their tokens' ids.
#[derive(Debug, Default)]
pub struct NameList(pub Vec<(String, usize)>);

impl Options {
    /// Reads the options inside `#[tl(...)]`. An error in one option is pushed to `errors` and reading goes on with the next.
    pub fn parse(&mut self, content: &[Tree], errors: &mut Vec<Error>) {
        let mut rest = content;
        while !rest.is_empty() {
            let end = rest
                .iter()
                .position(|t| t.is_punct(','))
                .unwrap_or(rest.len());
            let (option, after) = rest.split_at(end);
            if option.is_empty() {
                // `,,` or a leading comma (a trailing one ends the loop).
                errors.push(Error::new(
                    rest[0].spot(),
                    format!(
                        "expected an option's name before `,`; the options are {}",
                        OPTIONS.join(", ")
                    ),
                ));
            } else if let Err(e) = self.option(option) {
                errors.push(e);
            }
            rest = after.get(1..).unwrap_or_default();
        }
    }

    /// One option: its name (a path), then `= value`, `(list)` or nothing.
    fn option(&mut self, option: &[Tree]) -> Result<(), Error> {
        let (path, rest) = crate::tokens::split_path(option);
        let (Some(first), Some(last)) = (path.first(), path.last()) else {
            return Err(Error::new(
                option[0].spot(),
                format!(
                    "expected an option's name, found `{}`; the options are {}",
                    option[0].text(),
                    OPTIONS.join(", ")
                ),
            ));
        };
        let at_name = |message: String| Error::spanning(first, last, message);
        let written: String = path.iter().map(Tree::text).collect();
        let name = if path.len() == 1 {
            written.as_str()
        } else {
            ""
        };
        // `include` may name several files; any other option is given once.
        if name != "include" && OPTIONS.contains(&name) {
            if self.seen.iter().any(|s| s == name) {
                return Err(at_name(format!(
                    "duplicate option `{name}`: give each option once"
                )));
            }
            self.seen.push(name.to_string());
        }
        match name {
            "include" => {
                let (value, id) = string_value(name, first, rest)?;
                self.include.push((value, id));
            }
            "errors" => self.errors = Some(string_value(name, first, rest)?),
            "id_rule" => {
                let (value, id) = string_value(name, first, rest)?;
                self.id_rule = Some(
                    id_rule(&value).map_err(|m| Error::new(crate::tokens::Spot::Token(id), m))?,
                );
            }
            "allow_id_mismatch" => names(
                list_of(name, first, rest)?,
                &mut self.allow_id_mismatch,
                true,
            )?,
            "only" => names(list_of(name, first, rest)?, &mut self.only, false)?,
            "crate" => {
                let (value, id) = string_value(name, first, rest)?;
                if !is_path(&value) {
                    return Err(Error::new(
                        crate::tokens::Spot::Token(id),
                        format!(
                            "`crate = \"{value}\"` is not a path: write the runtime's path, such as \"::tl_runtime\""
                        ),
                    ));
                }
                self.krate = Some((value, id));
            }
            "borrowed" => self.borrowed = flag(rest, &at_name)?,
            "any" => self.any = flag(rest, &at_name)?,
            "decode_functions" => self.decode_functions = flag(rest, &at_name)?,
            "derive" => {
                for path in split_top(list_of(name, first, rest)?) {
                    if !path.is_empty() {
                        self.derive.push(path.iter().map(|t| t.id).collect());
                        self.derive_names.push(DeriveName {
                            idents: path
                                .iter()
                                .filter_map(|t| t.ident())
                                .map(str::to_owned)
                                .collect(),
                        });
                    }
                }
            }
            "extern" => externs(list_of(name, first, rest)?, &mut self.externs)?,
            "serde" => {
                let mode = if rest.is_empty() {
                    JsonMode::Tl
                } else {
                    let (value, id) = string_value(name, first, rest)?;
                    match value.as_str() {
                        "tl" => JsonMode::Tl,
                        "tdlib" => JsonMode::Tdlib,
                        other => {
                            return Err(Error::new(
                                crate::tokens::Spot::Token(id),
                                format!(
                                    "unknown serde form `{other}`: expected \"tl\" (TL names, `_` tags) or \"tdlib\" (TDLib's JSON)"
                                ),
                            ));
                        }
                    }
                };
                self.serde = Some((mode, first.id));
            }
            "layer" => {
                let wrong = "`layer` is the schema's layer number, such as `layer = 228`";
                let value = match rest {
                    [eq, value] if eq.is_punct('=') => value,
                    _ => return Err(at_name(wrong.to_string())),
                };
                let number = match &value.kind {
                    Kind::Literal(text) => litrs::IntegerLit::parse(text.as_str())
                        .ok()
                        .and_then(|lit| lit.value::<u32>()),
                    _ => None,
                };
                self.layer = Some(number.ok_or_else(|| Error::new(value.spot(), wrong))?);
            }
            _ => {
                let nearest = crate::diag::did_you_mean(&written, OPTIONS.iter().copied());
                return Err(at_name(format!(
                    "unknown option `{written}`{nearest}; the options are {}",
                    OPTIONS.join(", ")
                )));
            }
        }
        Ok(())
    }
}

/// `id_rule = "telegram"` or `"tdlib"`, in `tl!`'s options and a derive's alike; the error's
/// message otherwise.
pub fn id_rule(value: &str) -> Result<tl_schema::IdRule, String> {
    match value {
        "telegram" => Ok(tl_schema::IdRule::Telegram),
        "tdlib" => Ok(tl_schema::IdRule::Tdlib),
        other => Err(format!(
            "unknown id_rule `{other}`: expected \"telegram\" or \"tdlib\""
        )),
    }
}

/// `= "value"` after the option `name`: the value and its literal's id.
fn string_value(name: &str, at: &Tree, rest: &[Tree]) -> Result<(String, usize), Error> {
    match rest {
        [eq, lit] if eq.is_punct('=') => match lit.string() {
            Some(value) => Ok((value, lit.id)),
            None => Err(Error::new(
                lit.spot(),
                format!("expected a string literal after `{name} =`"),
            )),
        },
        _ => Err(Error::new(
            at.spot(),
            format!("`{name}` takes a string: `{name} = \"...\"`"),
        )),
    }
}

/// The contents of `(...)` after the option `name`.
fn list_of<'t>(name: &str, at: &Tree, rest: &'t [Tree]) -> Result<&'t [Tree], Error> {
    match rest {
        [list] => list.group(Delim::Paren).ok_or_else(|| {
            Error::new(list.spot(), format!("`{name}` takes a list: `{name}(...)`"))
        }),
        _ => Err(Error::new(
            at.spot(),
            format!("`{name}` takes a list: `{name}(...)`"),
        )),
    }
}

/// A flag option: its name alone.
fn flag(rest: &[Tree], at_name: &dyn Fn(String) -> Error) -> Result<bool, Error> {
    if rest.is_empty() {
        Ok(true)
    } else {
        Err(at_name(
            "this option takes no value: write it alone, as in `#[tl(any)]`".to_string(),
        ))
    }
}

/// Whether `text` is a Rust path (`::tl_runtime`, `crate::rt`): identifiers joined by `::`.
fn is_path(text: &str) -> bool {
    let text = text.strip_prefix("::").unwrap_or(text);
    !text.is_empty()
        && text.split("::").all(|segment| {
            let segment = segment.strip_prefix("r#").unwrap_or(segment);
            let mut chars = segment.chars();
            chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
                && chars.all(|c| c == '_' || c.is_alphanumeric())
        })
}

/// `list` split at its commas outside angle brackets (`HashMap<K, V>` is one entry).
fn split_top(list: &[Tree]) -> Vec<&[Tree]> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0usize, 0);
    for (i, t) in list.iter().enumerate() {
        match t.kind {
            Kind::Punct('<') => depth += 1,
            // `->` in a function type closes nothing.
            Kind::Punct('>') if i == 0 || !list[i - 1].is_punct('-') => {
                depth = depth.saturating_sub(1);
            }
            Kind::Punct(',') if depth == 0 => {
                out.push(&list[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&list[start..]);
    out
}

/// A TL name in a list: a string literal or an identifier (`r#` taken off).
fn tl_name(token: &Tree) -> Option<String> {
    token.string().or_else(|| {
        token
            .ident()
            .map(|i| i.strip_prefix("r#").unwrap_or(i).to_string())
    })
}

/// `(Type = path, "ns.Type" = path, ...)` after `extern`.
fn externs(list: &[Tree], out: &mut Vec<Extern>) -> Result<(), Error> {
    for entry in split_top(list) {
        let Some((first, rest)) = entry.split_first() else {
            continue;
        };
        let Some(name) = tl_name(first) else {
            return Err(Error::new(
                first.spot(),
                "expected a TL type's name and its Rust type, such as `FutureSalts = crate::FutureSalts`",
            ));
        };
        let ty = match rest {
            [eq, ty @ ..] if eq.is_punct('=') && !ty.is_empty() => ty,
            _ => {
                return Err(Error::new(
                    first.spot(),
                    format!("`{name}` in `extern` needs its Rust type: `{name} = path::To{name}`"),
                ));
            }
        };
        if out.iter().any(|e| e.name == name) {
            return Err(Error::new(
                first.spot(),
                format!("`{name}` is in `extern` twice"),
            ));
        }
        let borrows = ty
            .windows(2)
            .any(|w| w[0].is_punct('\'') && w[1].ident() == Some("a"));
        out.push(Extern {
            name,
            id: first.id,
            ty: ty.iter().map(|t| t.id).collect(),
            borrows,
        });
    }
    Ok(())
}

/// `(name, "ns.name", ...)` after a list option's name.
/// The names of a list; with `every`, `*` is an entry too (`allow_id_mismatch(*)`).
fn names(list: &[Tree], out: &mut NameList, every: bool) -> Result<(), Error> {
    for entry in list.split(|t| t.is_punct(',')) {
        match entry {
            [] => {}
            // `allow_id_mismatch(*)`: every written id, for a schema that assigns them by hand.
            [token] if every && token.is_punct('*') => {
                out.0.push((tl_schema::EVERY_ID.to_string(), token.id));
            }
            [token] => match tl_name(token) {
                Some(name) => out.0.push((name, token.id)),
                None => {
                    return Err(Error::new(
                        token.spot(),
                        "expected a constructor or function name, or a string literal such as \"help.configSimple\"",
                    ));
                }
            },
            [_, second, ..] => {
                return Err(Error::new(second.spot(), "expected `,`"));
            }
        }
    }
    Ok(())
}
