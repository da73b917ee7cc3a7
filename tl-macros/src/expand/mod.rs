//! Macro input to output: read the sources, check the schema, then generate code (or errors).
//! Generation assumes a valid schema: `tl_schema::check` has reported everything it relies on.

mod any;
mod docs;
mod enums;
mod functions;
mod model;
mod structs;

use crate::diag::Errors;
use crate::input::Input;
use crate::paths::Paths;
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
    pub paths: Paths,
    pub derives: Vec<TokenStream>,
    pub sources: &'a [Source],
}

impl<'a> Ctx<'a> {
    fn new(
        model: &'a Model<'a>,
        paths: Paths,
        user_derives: &[TokenStream],
        sources: &'a [Source],
    ) -> Self {
        let mut derives = vec![
            paths.get("Debug"),
            paths.get("Clone"),
            paths.get("PartialEq"),
        ];
        derives.extend(user_derives.iter().cloned());
        Ctx {
            model,
            paths,
            derives,
            sources,
        }
    }
}

/// Items grouped by module path below one root (`types`, `enums`, `functions`).
#[derive(Default)]
struct Tree {
    items: TokenStream,
    children: BTreeMap<String, Tree>,
}

impl Tree {
    fn add(&mut self, modules: &[String], tokens: TokenStream) {
        let mut node = self;
        for m in modules {
            node = node.children.entry(m.clone()).or_default();
        }
        node.items.extend(tokens);
    }

    /// The items and child modules; every module starts with `alias` (see [`Paths::alias`]).
    fn render(self, what: &str, path: &str, alias: &TokenStream) -> TokenStream {
        let items = self.items;
        let children = self.children.into_iter().map(|(name, child)| {
            let doc = format!(" {what} of the TL namespace `{path}{name}`.");
            let ident = crate::ident::ident(&name);
            let inner = child.render(what, &format!("{path}{name}."), alias);
            quote! {
                #[doc = #doc]
                pub mod #ident {
                    #alias
                    #inner
                }
            }
        });
        quote!(#items #(#children)*)
    }
}

/// Generates the three module trees for a valid schema, and `Any` if asked. Items in the trees
/// name the runtime through an alias (`ctx`); `Any`, in the invoking module, by its full path
/// (`root`).
fn generate(ctx: &Ctx<'_>, root: &Ctx<'_>, runtime: &TokenStream, any: bool) -> TokenStream {
    let mut types = Tree::default();
    let mut enums = Tree::default();
    let mut functions = Tree::default();
    for s in &ctx.model.types {
        types.add(&s.modules, structs::emit(ctx, Kind::Type, s));
    }
    for e in &ctx.model.enums {
        enums.add(&e.modules, enums::emit(ctx, e));
    }
    for s in &ctx.model.functions {
        let mut tokens = structs::emit(ctx, Kind::Function, s);
        tokens.extend(functions::impls(ctx, s));
        functions.add(&s.modules, tokens);
    }
    let any = if any {
        any::emit(root)
    } else {
        TokenStream::new()
    };
    let alias = Paths::alias_item(runtime);
    let types = types.render("Constructors", "", &alias);
    let enums = enums.render("Boxed types", "", &alias);
    let functions = functions.render("Functions", "", &alias);
    quote! {
        /// TL constructors, one struct each, encoded bare (fields only).
        pub mod types {
            #alias
            #types
        }
        /// TL boxed types, one enum each with a variant per constructor, encoded boxed
        /// (constructor id, then fields).
        pub mod enums {
            #alias
            #enums
        }
        /// TL functions, one struct each, encoded boxed; `RemoteCall::Return` is the result.
        pub mod functions {
            #alias
            #functions
        }
        #any
    }
}

/// The whole macro: input tokens to output tokens. Never panics; every problem becomes a
/// `compile_error!`.
pub fn expand(input: TokenStream) -> TokenStream {
    let timings = Timings::start();
    let input: Input = match syn::parse2(input) {
        Ok(input) => input,
        Err(e) => return e.to_compile_error(),
    };
    let mut errors = Errors::default();
    for e in input.errors {
        errors.push(e);
    }
    if let Some(e) = input.option_errors {
        errors.push_darling(e);
    }

    let mut sources = Vec::new();
    let mut source_spans = Vec::new();
    let mut tracking = TokenStream::new();
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from);
    for include in &input.options.include {
        let span = include.span();
        let written: &str = include.as_str();
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
        id_rule: input.options.id_rule.map(Into::into).unwrap_or_default(),
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

    let generated = if errors.is_empty() {
        let runtime = match &input.options.krate {
            Some(path) => path.to_token_stream(),
            None => input.runtime.clone(),
        };
        let user_derives: Vec<TokenStream> = input
            .options
            .derive
            .iter()
            .map(ToTokens::to_token_stream)
            .collect();
        let model = Model::new(&schema, config.id_rule);
        let ctx = Ctx::new(&model, Paths::alias(), &user_derives, &sources);
        let root = Ctx::new(&model, Paths::new(&runtime), &user_derives, &sources);
        timings.lap("select and model");
        let generated = generate(&ctx, &root, &runtime, input.options.any.is_present());
        timings.lap("generate");
        generated
    } else {
        TokenStream::new()
    };
    let errors = errors.into_tokens();
    quote! {
        #tracking
        #errors
        #generated
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
struct Timings {
    start: Option<std::time::Instant>,
}

impl Timings {
    fn start() -> Self {
        Timings {
            start: std::env::var_os("TL_MACRO_TIMINGS").map(|_| std::time::Instant::now()),
        }
    }

    fn lap(&self, what: &str) {
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

    /// The macro never panics on real text cut anywhere: every line of the shared schemas,
    /// truncated at every character, goes through the whole expansion (parse, check, and code
    /// generation where the prefix is a valid schema on its own).
    #[test]
    fn every_real_line_truncated_anywhere_expands_without_panicking() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/schemas");
        if !dir.join("api.tl").is_file() {
            eprintln!("skipped: {} is absent", dir.display());
            return;
        }
        let mut expansions = 0;
        let mut generated = 0;
        for name in ["api.tl", "mtproto.tl", "secret_api.tl", "e2e_api.tl"] {
            let text = std::fs::read_to_string(dir.join(name)).expect("read schema");
            for line in text.lines() {
                let cuts = line.char_indices().map(|(i, _)| i).chain([line.len()]);
                for cut in cuts {
                    let prefix = &line[..cut];
                    let output = super::expand(quote!([::tl_runtime] #prefix)).to_string();
                    expansions += 1;
                    if output.contains("pub mod types") {
                        generated += 1;
                    }
                }
            }
        }
        eprintln!("{expansions} expansions, {generated} generated code");
        assert!(expansions > 250_000);
        assert!(generated > 100);
    }
}
