//! A derive's TL definition: from `line = "..."`, from a schema file (`scheme = "file.tl",
//! id = "name"`), or, with `id = 0x…` alone, written from the Rust fields. Checked through
//! `tl_schema` as `tl!` checks a schema: the line alone, every type it names that is not a
//! builtin supplied by a Rust field.

use super::{Field, Id, Source};
use darling::ast::{Fields, Style};
use proc_macro2::{Span, TokenStream};
use std::sync::{Arc, Mutex};
use tl_schema::{Definition, Diagnostic, IdRule, Section};

/// The definition a derive implements.
pub struct Line {
    pub def: Definition,
    /// The text it was read from (one source).
    pub sources: Vec<tl_schema::Source>,
    pub id_rule: IdRule,
    /// Its id on the wire.
    pub id: u32,
    /// Where errors about the line as a whole point.
    pub span: Span,
}

/// Reads and checks the definition that `source` names for the item `ident`, or reports why
/// there is none.
pub fn read(
    source: &Source,
    boxed: bool,
    ident: &syn::Ident,
    fields: &Fields<Field>,
    tracking: &mut TokenStream,
    errors: &mut darling::error::Accumulator,
) -> Option<Line> {
    let rule = match source
        .id_rule
        .as_ref()
        .map(|lit| crate::attr::id_rule(&lit.value()).map_err(|m| syn::Error::new(lit.span(), m)))
        .transpose()
    {
        Ok(rule) => rule,
        Err(e) => {
            errors.push(e.into());
            return None;
        }
    };
    match (&source.line, &source.scheme, &source.id) {
        (Some(_), Some(scheme), _) => {
            errors.push(
                darling::Error::custom(
                    "give the line once: `line = \"...\"` or `scheme = \"file.tl\", id = \"name\"`, not both",
                )
                .with_span(scheme),
            );
            None
        }
        (Some(line), None, id) => {
            let explicit = match id {
                Some(Id::Number(n, span)) => Some((*n, *span)),
                Some(Id::Name(_, span)) => {
                    errors.push(
                        darling::Error::custom(
                            "`id = \"name\"` names a definition of a `scheme` file; with `line`, write the id as a number (`id = 0x1e36fded`) or leave it out",
                        )
                        .with_span(span),
                    );
                    return None;
                }
                None => None,
            };
            from_literal(line, boxed, explicit, rule, errors)
        }
        (None, Some(scheme), id) => from_scheme(scheme, id.as_ref(), rule, tracking, errors),
        (None, None, Some(Id::Number(n, span))) => {
            let text = super::fields::written_line(ident, fields, errors)?;
            let mut line = check_text(text, *span, (IdRule::Telegram, false), Vec::new(), errors)?;
            line.id = *n;
            Some(line)
        }
        (None, None, Some(Id::Name(_, span))) => {
            errors.push(
                darling::Error::custom(
                    "`id = \"name\"` needs the schema file it names a definition of: add `scheme = \"file.tl\"`",
                )
                .with_span(span),
            );
            None
        }
        (None, None, None) => {
            let example = if fields.style == Style::Unit {
                "#[tl(line = \"name#id = Type;\")]"
            } else {
                "#[tl(line = \"name#id field:type = Type;\")]"
            };
            errors.push(
                darling::Error::custom(format!(
                    "`{ident}` needs its TL definition: {example}, `#[tl(scheme = \"file.tl\", id = \"name\")]`, or `#[tl(id = 0x…)]` with the fields' own types"
                ))
                .with_span(ident),
            );
            None
        }
    }
}

/// `line = "..."`: the id rule is the one the written id follows (either), and an `id = 0x…`
/// must be the line's id; written twice, an id that is not the CRC is taken as deliberate (a
/// frozen id, as `allow_id_mismatch` takes it in `tl!`).
fn from_literal(
    lit: &syn::LitStr,
    boxed: bool,
    explicit: Option<(u32, Span)>,
    rule: Option<IdRule>,
    errors: &mut darling::error::Accumulator,
) -> Option<Line> {
    let text = lit.value();
    let parsed = tl_schema::parser::parse(&text, 0, Section::Types);
    let def = parsed.definitions.iter().find(|d| !d.builtin);
    let written = def.and_then(|d| d.id.as_ref().map(|id| id.value));
    let computed = |rule: IdRule| def.map(|d| d.computed_id(rule));
    let rule = rule.unwrap_or_else(|| {
        match written.or(explicit.map(|(n, _)| n)) {
            // The rule the id follows: TDLib's only where Telegram's does not give it.
            Some(target)
                if Some(target) != computed(IdRule::Telegram)
                    && Some(target) == computed(IdRule::Tdlib) =>
            {
                IdRule::Tdlib
            }
            Some(_) => IdRule::Telegram,
            // A line without an id is read as `tl!` reads a schema of such lines: TDLib's and
            // TON's way, the line as it is (`IdRule::detect`).
            None => def.map_or(IdRule::Telegram, |d| {
                IdRule::detect(std::slice::from_ref(d))
            }),
        }
    });
    let frozen = match (written, explicit) {
        (Some(w), Some((n, _))) => w == n && Some(w) != computed(rule),
        _ => false,
    };
    if let (Some(def), Some((n, span))) = (def, explicit) {
        let line_id = def.id(rule);
        if n != line_id {
            let how = if written.is_some() {
                "written in the line".to_string()
            } else {
                let (telegram, tdlib) = (
                    def.computed_id(IdRule::Telegram),
                    def.computed_id(IdRule::Tdlib),
                );
                if telegram == tdlib {
                    "the CRC32 of the line".to_string()
                } else {
                    format!(
                        "the CRC32 of the line (#{telegram:08x} by Telegram's rule, #{tdlib:08x} by TDLib's)"
                    )
                }
            };
            errors.push(super::error(
                span,
                format!("`id = {n:#010x}` is not the line's id #{line_id:08x}, {how}"),
            ));
            return None;
        }
    }
    // Deliberate: the written id, repeated by `id = 0x…`, is not the line's CRC.
    let allow = def
        .filter(|_| frozen)
        .map(|d| d.name.value.clone())
        .into_iter()
        .collect();
    check_text(text, lit.span(), (rule, boxed), allow, errors)
}

/// Checks `text` as a schema of one definition whose other types are defined outside it: a
/// function's when `boxed` (a boxed struct is what a function is; its result may be any type,
/// `Bool` or `Vector<long>`), a constructor's otherwise.
fn check_text(
    text: String,
    span: Span,
    (rule, boxed): (IdRule, bool),
    allow_id_mismatch: Vec<String>,
    errors: &mut darling::error::Accumulator,
) -> Option<Line> {
    // A literal continues the section of the one before it.
    let mut sources = Vec::new();
    if boxed {
        sources.push(tl_schema::Source::literal("---functions---"));
    }
    sources.push(tl_schema::Source::literal(text));
    let config = tl_schema::Config {
        id_rule: Some(rule),
        allow_id_mismatch,
        extern_types: Vec::new(),
        open: true,
        spelling: tl_schema::Spelling::Attribute,
    };
    let (schema, diagnostics) = tl_schema::check(&sources, &config);
    if report(&sources, span, &diagnostics, errors) {
        return None;
    }
    let mut defs: Vec<Definition> = schema
        .definitions
        .into_iter()
        .filter(|d| !d.builtin)
        .collect();
    match defs.len() {
        1 => {}
        0 => {
            errors.push(
                super::error(span,
                    "the line declares no constructor: write one, such as `inputPhoneCall#1e36fded id:long access_hash:long = InputPhoneCall;`",
                ),
            );
            return None;
        }
        n => {
            let names: Vec<String> = defs.iter().map(|d| format!("`{}`", d.name.value)).collect();
            errors.push(super::error(
                span,
                format!(
                    "the line declares {n} definitions ({}); a derive implements one",
                    names.join(", ")
                ),
            ));
            return None;
        }
    }
    let def = defs.remove(0);
    Some(Line {
        id: def.id(rule),
        def,
        sources,
        id_rule: rule,
        span,
    })
}

/// Reports `diagnostics` at `span`, each saying where in the text it is; whether there were any.
fn report(
    sources: &[tl_schema::Source],
    span: Span,
    diagnostics: &[Diagnostic],
    errors: &mut darling::error::Accumulator,
) -> bool {
    for d in diagnostics {
        errors.push(super::error(span, tl_schema::render(sources, d)));
    }
    !diagnostics.is_empty()
}

/// A schema file, checked once per compiler process however many derives name it (the macro
/// stays loaded for the whole crate): its text, the schema, and its diagnostics.
type Checked = Arc<(String, tl_schema::Schema, Vec<Diagnostic>)>;

/// `rule` is the derive's `id_rule`; `None` leaves it to the file ([`IdRule::detect`]), and the
/// schema says which it was.
fn checked_file(path: &str, text: String, rule: Option<IdRule>) -> Checked {
    static CACHE: Mutex<Vec<(String, Option<IdRule>, Checked)>> = Mutex::new(Vec::new());
    let Ok(mut cache) = CACHE.lock() else {
        return check_file(path, text, rule);
    };
    if let Some((_, _, c)) = cache
        .iter()
        .find(|(p, r, c)| p == path && *r == rule && c.0 == text)
    {
        return Arc::clone(c);
    }
    let c = check_file(path, text, rule);
    cache.retain(|(p, r, _)| !(p == path && *r == rule));
    cache.push((path.to_string(), rule, Arc::clone(&c)));
    c
}

fn check_file(path: &str, text: String, rule: Option<IdRule>) -> Checked {
    let sources = [tl_schema::Source::file(path, text.as_str())];
    let config = tl_schema::Config {
        id_rule: rule,
        ..tl_schema::Config::default()
    };
    let (schema, diagnostics) = tl_schema::check(&sources, &config);
    Arc::new((text, schema, diagnostics))
}

/// `scheme = "file.tl", id = "name"` (or `id = 0x…`): the file's definition of that name (or id).
fn from_scheme(
    scheme: &syn::LitStr,
    id: Option<&Id>,
    rule: Option<IdRule>,
    tracking: &mut TokenStream,
    errors: &mut darling::error::Accumulator,
) -> Option<Line> {
    let Some(id) = id else {
        errors.push(
            darling::Error::custom(
                "`scheme` needs the definition's name: add `id = \"name\"` (or its id, `id = 0x…`)",
            )
            .with_span(scheme),
        );
        return None;
    };
    let written = scheme.value();
    let text = match crate::load::read(&written, "scheme") {
        Ok((text, absolute)) => {
            tracking.extend(super::tokens(&crate::load::tracking_item(&absolute)));
            text
        }
        Err(message) => {
            errors.push(syn::Error::new(scheme.span(), message).into());
            return None;
        }
    };
    let checked = checked_file(&written, text, rule);
    let (text, file_schema, diagnostics) = &*checked;
    let rule = file_schema.id_rule;
    let sources = vec![tl_schema::Source::file(written.as_str(), text.as_str())];
    let defs = file_schema.definitions.iter().filter(|d| !d.builtin);
    let found = match id {
        Id::Name(name, _) => defs.clone().find(|d| d.name.value == *name),
        Id::Number(n, _) => defs.clone().find(|d| d.id(rule) == *n),
    };
    let Some(def) = found else {
        let (what, span) = match id {
            Id::Name(name, span) => {
                let best = crate::diag::did_you_mean(name, defs.map(|d| d.name.value.as_str()));
                (format!("no definition named `{name}`{best}"), *span)
            }
            Id::Number(n, span) => (format!("no definition with the id #{n:08x}"), *span),
        };
        errors.push(super::error(span, format!("`{written}` has {what}")));
        return None;
    };
    // What the file says wrong about this definition (the rest of the file is its own
    // business, as its frozen ids are); its own written id that is not the CRC stands when
    // `id = 0x…` repeats it.
    let frozen = matches!(id, Id::Number(n, _) if def.id.as_ref().is_some_and(|w| w.value == *n));
    let own: Vec<Diagnostic> = diagnostics
        .iter()
        .filter(|d| match &d.origin {
            tl_schema::Origin::Text { range, .. } => {
                range.start < def.range.end
                    && def.range.start < range.end
                    && !(frozen && def.id.as_ref().is_some_and(|w| w.range == *range))
            }
            tl_schema::Origin::AllowList(_) | tl_schema::Origin::ExternList(_) => false,
        })
        .cloned()
        .collect();
    if report(&sources, scheme.span(), &own, errors) {
        return None;
    }
    Some(Line {
        id: def.id(rule),
        def: def.clone(),
        sources,
        id_rule: rule,
        span: scheme.span(),
    })
}
