//! Macro input to output: read the sources, check the schema, then generate code (or errors).
//! Generation assumes a valid schema: `tl_schema::check` has reported everything it relies on.

/// Appends formatted text to a `String` (which cannot fail).
macro_rules! emit {
    ($out:expr, $($fmt:tt)*) => {{
        use ::std::fmt::Write as _;
        let _ = ::std::write!($out, $($fmt)*);
    }};
}

mod any;
mod docs;
mod enums;
mod functions;
mod model;
mod structs;

use crate::diag::Errors;
use crate::input::Input;
use model::Model;
use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote};
use std::collections::BTreeMap;
use std::path::PathBuf;
use structs::Kind;
use tl_schema::{Config, Source};

/// What the emitters share.
pub struct Ctx<'a> {
    pub model: &'a Model<'a>,
    /// The derives of every struct and enum: `__tl::Debug, __tl::Clone, __tl::PartialEq`, then
    /// the user's.
    pub derives: String,
    /// Whether functions implement `Deserialize` (`#[tl(decode_functions)]` or `#[tl(any)]`):
    /// only servers and proxies decode requests, and a client's build is shorter without it.
    pub decode_functions: bool,
    pub sources: &'a [Source],
}

/// Items grouped by module path below one root (`types`, `enums`, `functions`).
#[derive(Default)]
struct Tree {
    items: String,
    children: BTreeMap<String, Tree>,
}

impl Tree {
    fn node(&mut self, modules: &[String]) -> &mut String {
        let mut node = self;
        for m in modules {
            node = node.children.entry(m.clone()).or_default();
        }
        &mut node.items
    }

    /// The module `name` with the items and child modules; every module imports the runtime
    /// alias from its parent (see [`crate::paths::rt`]).
    fn render(self, doc: &str, name: &str, what: &str, path: &str, out: &mut String) {
        emit!(
            out,
            "#[doc = {}] pub mod {} {{\n#[allow(unused_imports)] use super::__tl;\n",
            structs::str_lit(doc),
            crate::ident::text(name)
        );
        out.push_str(&self.items);
        for (name, child) in self.children {
            let doc = format!(" {what} of the TL namespace `{path}{name}`.");
            child.render(&doc, &name, what, &format!("{path}{name}."), out);
        }
        out.push_str("}\n");
    }
}

/// Generates the three module trees for a valid schema, and `Any` if asked, as source text.
///
/// Text, parsed once by the compiler, rather than tokens built one by one: a proc macro's every
/// token is a call into the compiler, and the whole Telegram API is 1.7 million tokens, so
/// building them took a second (the macro built unoptimized, as Cargo builds it for `check` and
/// debug builds), while writing the text takes a fraction of that. Everything in the text names
/// the runtime through the alias `__tl`, which each generated module imports from its parent.
fn generate(ctx: &Ctx<'_>, any: bool) -> String {
    let mut types = Tree::default();
    let mut enums = Tree::default();
    let mut functions = Tree::default();
    for s in &ctx.model.types {
        structs::emit(ctx, Kind::Type, s, types.node(&s.modules));
    }
    for e in &ctx.model.enums {
        enums::emit(ctx, e, enums.node(&e.modules));
    }
    for s in &ctx.model.functions {
        let out = functions.node(&s.modules);
        structs::emit(ctx, Kind::Function, s, out);
        // `RemoteCall::Return` is owned: a borrowed answer would borrow from the request's
        // lifetime, not from the bytes it is decoded from.
        if !ctx.model.borrowed {
            functions::impls(ctx, s, out);
        }
    }
    let mut out = String::new();
    types.render(
        " TL constructors, one struct each, encoded bare (fields only).",
        "types",
        "Constructors",
        "",
        &mut out,
    );
    enums.render(
        " TL boxed types, one enum each with a variant per constructor, encoded boxed \
         (constructor id, then fields).",
        "enums",
        "Boxed types",
        "",
        &mut out,
    );
    functions.render(
        " TL functions, one struct each, encoded boxed; `RemoteCall::Return` is the result.",
        "functions",
        "Functions",
        "",
        &mut out,
    );
    if any {
        any::emit(ctx, &mut out);
    }
    out
}

/// What the macro outputs: `head` (include tracking, errors, the runtime alias) as tokens,
/// then the generated `code` as text (see [`generate`]).
pub struct Expansion {
    pub head: TokenStream,
    pub code: String,
}

impl Expansion {
    fn tokens(head: TokenStream) -> Self {
        Expansion {
            head,
            code: String::new(),
        }
    }

    /// The whole output as `proc_macro2` tokens, the code lexed by `proc_macro2` (which checks
    /// it first, then hands it to the compiler inside a macro). The macro itself hands the text
    /// to the compiler directly: the check is a second lexer pass over megabytes of text.
    #[cfg(test)]
    pub fn into_tokens(self) -> TokenStream {
        let head = self.head;
        match self.code.parse::<TokenStream>() {
            Ok(code) => quote!(#head #code),
            Err(e) => {
                let message = internal_lex_error(&e);
                quote!(#head ::core::compile_error!(#message);)
            }
        }
    }
}

/// The message for generated text that does not lex. It always lexes (names are sanitized,
/// strings escaped, and the tests lex every expansion of the real schemas and their
/// truncations); if it did not, that would be a bug in `tl!`, reported rather than panicking.
pub fn internal_lex_error(e: &dyn std::fmt::Display) -> String {
    format!("tl: internal error, generated code does not lex: {e}")
}

/// The whole macro: input tokens to output. Never panics; every problem becomes a
/// `compile_error!`.
pub fn expand(input: TokenStream) -> Expansion {
    let timings = Timings::start();
    let input: Input = match syn::parse2(input) {
        Ok(input) => input,
        Err(e) => return Expansion::tokens(e.to_compile_error()),
    };
    let mut errors = Errors::default();
    for e in input.errors {
        errors.push(e);
    }

    let mut sources = Vec::new();
    let mut source_spans = Vec::new();
    let mut tracking = TokenStream::new();
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from);
    for (written, span) in &input.options.include {
        let span = *span;
        let written = written.as_str();
        let expanded = match expand_env(written) {
            Ok(expanded) => expanded,
            Err(message) => {
                errors.push(syn::Error::new(span, message));
                continue;
            }
        };
        let path = match &manifest_dir {
            Some(dir) => dir.join(&expanded),
            None => PathBuf::from(&expanded),
        };
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                // Makes Cargo rebuild the crate when the file changes.
                let absolute = path.to_string_lossy().into_owned();
                tracking.extend(quote! { const _: &str = ::core::include_str!(#absolute); });
                sources.push(Source::file(written, text));
                source_spans.push(span);
            }
            Err(e) => errors.push(syn::Error::new(
                span,
                format!(
                    "cannot read include file `{written}` (relative to CARGO_MANIFEST_DIR): {e}"
                ),
            )),
        }
    }
    for literal in &input.literals {
        sources.push(Source::literal(literal.value()));
        source_spans.push(literal.span());
    }

    let allow = &input.options.allow_id_mismatch.0;
    let config = Config {
        id_rule: input.options.id_rule.unwrap_or_default(),
        allow_id_mismatch: allow.iter().map(|(name, _)| name.clone()).collect(),
    };
    let allow_spans: Vec<Span> = allow.iter().map(|(_, span)| *span).collect();
    timings.lap("read input and include files");
    let (mut schema, diagnostics) = tl_schema::check(&sources, &config);
    timings.lap("parse and check the schema");
    errors.push_schema(&sources, &source_spans, &allow_spans, &diagnostics);
    let only = &input.options.only.0;
    if !only.is_empty() {
        let roots: Vec<String> = only.iter().map(|(name, _)| name.clone()).collect();
        let selection = tl_schema::select::select(&schema.definitions, &roots);
        for index in selection.unknown {
            let (name, span) = &only[index];
            errors.push(syn::Error::new(
                *span,
                format!("`{name}` in `only` names no constructor, function or type of the schema"),
            ));
        }
        let mut keep = selection.kept.into_iter().peekable();
        let mut index = 0;
        schema.definitions.retain(|_| {
            let kept = keep.peek() == Some(&index);
            if kept {
                keep.next();
            }
            index += 1;
            kept
        });
    }

    let (alias, code) = if errors.is_empty() {
        let runtime = match &input.options.krate {
            Some(path) => path.to_token_stream(),
            None => input.runtime.clone(),
        };
        let mut derives = ["Debug", "Clone", "PartialEq"]
            .map(crate::paths::rt)
            .join(", ");
        for path in &input.options.derive {
            derives.push_str(", ");
            derives.push_str(path);
        }
        let model = Model::new(&schema, config.id_rule, input.options.borrowed);
        let ctx = Ctx {
            model: &model,
            derives,
            decode_functions: input.options.decode_functions || input.options.any,
            sources: &sources,
        };
        timings.lap("select and model");
        let code = generate(&ctx, input.options.any);
        timings.lap("generate");
        (crate::paths::alias_item(&runtime), code)
    } else {
        (TokenStream::new(), String::new())
    };
    let errors = errors.into_tokens();
    Expansion {
        head: quote! {
            #tracking
            #errors
            #alias
        },
        code,
    }
}

/// Replaces `${NAME}` in an include path with the environment variable `NAME` at compile time
/// (such as `OUT_DIR`, or one a build script sets with `cargo::rustc-env`).
fn expand_env(path: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = path;
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find('}') else {
            return Err(format!("unclosed `${{` in include path `{path}`"));
        };
        let name = &after[..end];
        match std::env::var(name) {
            Ok(value) => out.push_str(&value),
            Err(_) => {
                return Err(format!(
                    "environment variable `{name}` in include path `{path}` is not set"
                ));
            }
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// With `TL_MACRO_TIMINGS` set in the compiler's environment, `tl!` prints how long each phase
/// of its own work took (stderr, shown by Cargo for a failing build or with `-vv`).
pub struct Timings {
    start: Option<std::time::Instant>,
}

impl Timings {
    pub fn start() -> Self {
        Timings {
            start: std::env::var_os("TL_MACRO_TIMINGS").map(|_| std::time::Instant::now()),
        }
    }

    pub fn lap(&self, what: &str) {
        if let Some(start) = self.start {
            eprintln!(
                "tl!: {what}: done at {:.1} ms",
                start.elapsed().as_secs_f64() * 1e3
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use quote::quote;

    /// Schema text reaches the generated code only as escaped string literals (docs) and
    /// sanitized identifiers, so no comment and no name can make the code fail to lex or change
    /// its meaning: every expansion here generates code, with the comment intact in the docs.
    #[test]
    fn odd_comments_and_names_still_lex() {
        let nasty = [
            "\" ] #[doc = \"",
            "\\",
            "*/ /* ",
            "\r",
            "\u{0}",
            "é 🚀 \u{301}",
            "'a",
            "{}",
            "\t",
            "\"quoted\" \\n",
            "///",
            "#",
        ];
        for comment in nasty {
            let schema = format!(
                "//{comment}\n\
                 //@description {comment} @code {comment}\n\
                 //@message -{comment}\n\
                 error#9bdd8f1a code:int32 message:string = Error;\n\
                 //@self {comment}\n\
                 odd#86392e96 self:int32 type:string crate:int53 Self:Bool = Odd;\n"
            );
            for options in [
                quote!(#[tl(id_rule = "tdlib")]),
                quote!(#[tl(id_rule = "tdlib", borrowed, any)]),
            ] {
                let output = super::expand(quote!([::tl_runtime] #options #schema))
                    .into_tokens()
                    .to_string();
                assert!(
                    output.contains("pub mod types") && !output.contains("compile_error"),
                    "{comment:?}: {output}"
                );
                let escaped = format!("{:?}", comment.trim());
                assert!(
                    output.contains(&escaped[1..escaped.len() - 1]),
                    "{comment:?} is not in the docs"
                );
            }
        }
    }

    /// The macro never panics on real text cut anywhere: every line of the shared schemas,
    /// truncated at every character, goes through the whole expansion (parse, check, and code
    /// generation where the prefix is a valid schema on its own), alternately owned and in
    /// borrowed mode with `Any`.
    #[test]
    fn every_real_line_truncated_anywhere_expands_without_panicking() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/schemas");
        if !dir.join("api.tl").is_file() {
            eprintln!("skipped: {} is absent", dir.display());
            return;
        }
        let mut expansions = 0;
        let mut generated = [0, 0];
        for name in ["api.tl", "mtproto.tl", "secret_api.tl", "e2e_api.tl"] {
            let text = std::fs::read_to_string(dir.join(name)).expect("read schema");
            for line in text.lines() {
                let cuts = line.char_indices().map(|(i, _)| i).chain([line.len()]);
                for cut in cuts {
                    let prefix = &line[..cut];
                    // Every other cut in borrowed mode with `Any`, so both emitters run.
                    let mode = cut % 2;
                    let options = if mode == 0 {
                        quote!()
                    } else {
                        quote!(#[tl(borrowed, any)])
                    };
                    let output = super::expand(quote!([::tl_runtime] #options #prefix))
                        .into_tokens()
                        .to_string();
                    expansions += 1;
                    if output.contains("pub mod types") {
                        generated[mode] += 1;
                    }
                }
            }
        }
        eprintln!("{expansions} expansions, {generated:?} generated code (owned, borrowed)");
        assert!(expansions > 250_000);
        assert!(generated.iter().all(|&n| n > 100));
    }
}

/// Not a test: writes what `tl!` generates for a schema, for `scripts/build-floor.sh`, which
/// times how much of a schema crate's build is the types and their derives and how much the impls.
#[cfg(test)]
mod floor {
    /// `TL_FLOOR_SCHEMA` (a `.tl` file) expanded into `TL_FLOOR_OUT`: `full.rs` (all of it),
    /// `derives.rs` (without any `impl` block) and `bare.rs` (without the derives either).
    #[test]
    #[ignore = "a tool for scripts/build-floor.sh, run with --ignored and TL_FLOOR_* set"]
    fn write_expansions() {
        let (Some(schema), Some(out)) = (
            std::env::var_os("TL_FLOOR_SCHEMA"),
            std::env::var_os("TL_FLOOR_OUT"),
        ) else {
            panic!("set TL_FLOOR_SCHEMA and TL_FLOOR_OUT");
        };
        let text = std::fs::read_to_string(schema).expect("read the schema");
        let literal = proc_macro2::Literal::string(&text);
        let code = super::expand(quote::quote!([::tl_runtime] #literal)).code;
        assert!(!code.is_empty(), "the schema has errors");
        let out = std::path::Path::new(&out);
        let derives = without_impls(&code);
        let bare = without_derives(&derives);
        for (name, text) in [("full", &code), ("derives", &derives), ("bare", &bare)] {
            std::fs::write(out.join(format!("{name}.rs")), text).expect("write");
        }
    }

    /// `code` without its `#[derive(..)]` attributes.
    fn without_derives(code: &str) -> String {
        let mut out = String::new();
        let mut rest = code;
        while let Some(at) = rest.find("#[derive(") {
            out.push_str(&rest[..at]);
            let end = rest[at..].find(")] ").map_or(rest.len(), |e| at + e + 3);
            rest = &rest[end..];
        }
        out.push_str(rest);
        out
    }

    /// `code` without its `impl` blocks: each starts at a line that begins with `impl` or
    /// `#[automatically_derived] impl`, and ends at its matching brace (braces in string
    /// literals, the docs, do not count).
    fn without_impls(code: &str) -> String {
        let mut out = String::new();
        let mut lines = code.split_inclusive('\n');
        while let Some(line) = lines.next() {
            if !(line.starts_with("impl") || line.starts_with("#[automatically_derived] impl")) {
                out.push_str(line);
                continue;
            }
            let (mut depth, mut opened, mut in_str, mut escaped) = (0i32, false, false, false);
            let mut rest = Some(line);
            while let Some(l) = rest {
                for c in l.chars() {
                    match (in_str, escaped, c) {
                        (true, true, _) => escaped = false,
                        (true, false, '\\') => escaped = true,
                        (true, false, '"') | (false, _, '"') => in_str = !in_str,
                        (false, _, '{') => (depth, opened) = (depth + 1, true),
                        (false, _, '}') => depth -= 1,
                        _ => {}
                    }
                }
                rest = if opened && depth == 0 {
                    None
                } else {
                    lines.next()
                };
            }
        }
        out
    }
}
