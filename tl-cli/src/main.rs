//! `tl`: TL schemas from the command line, over the parser and validator `tl!` uses.
//!
//! - `tl check FILE…`: the schema's diagnostics, each with `file:line:col`, the line and a caret.
//! - `tl diff OLD NEW [--json]`: what changed between two layers, each change marked as breaking
//!   the wire and/or the Rust code generated from the old one.
//! - `tl ids FILE`: each definition's written and computed id.
//!
//! Exit codes: 0 when all is well (no diagnostics, no changes, ids as written), 1 when the answer
//! is "no" (diagnostics found, the schemas differ, `ids --check` found an id that differs), 2
//! when a file cannot be read or parsed, or the command line is wrong.

use clap::{Parser, Subcommand, ValueEnum};
use std::process::ExitCode;
use tl_schema::diff::{self, Change, ChangeKind};
use tl_schema::{
    Config, Definition, Diagnostic, IdRule, Origin, Section, Source, Spelling, parser,
};

/// `println!` that ends the program quietly, with success, when stdout is a closed pipe (`tl ids
/// api.tl | head`), as command-line tools do, where `println!` panics.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if writeln!(std::io::stdout().lock(), $($arg)*).is_err() {
            std::process::exit(0);
        }
    }};
}

#[derive(Parser, Debug)]
#[command(
    name = "tl",
    version,
    about = "Check TL schemas, diff two layers, list ids"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check schema files (read in order, as one schema) and print every diagnostic.
    Check {
        /// The schema files.
        #[arg(required = true)]
        files: Vec<String>,
        #[command(flatten)]
        rule: RuleArg,
        /// A definition whose written id is deliberately not the computed one (repeatable); the
        /// ids the published schemas freeze are known without it. `'*'` takes every written id
        /// as it is, for a schema that assigns its ids by hand (as VK's do).
        #[arg(long = "allow-id-mismatch", value_name = "NAME")]
        allow_id_mismatch: Vec<String>,
        /// A type defined outside the schema (repeatable).
        #[arg(long = "extern", value_name = "TYPE")]
        extern_types: Vec<String>,
    },
    /// What changed from OLD to NEW: definitions, ids, fields, results, constructors of a type.
    Diff {
        /// The old schema.
        old: String,
        /// The new schema.
        new: String,
        /// Print the changes as JSON.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        rule: RuleArg,
    },
    /// Each definition's name, written id and computed id.
    Ids {
        /// The schema file.
        file: String,
        /// Exit with 1 when a written id differs from the computed one.
        #[arg(long)]
        check: bool,
        #[command(flatten)]
        rule: RuleArg,
    },
}

#[derive(clap::Args, Debug)]
struct RuleArg {
    /// How ids are computed: Telegram's rule (api.tl, mtproto.tl), TDLib's and TON's (the line as
    /// it is), or `auto`, as `tl!` without `id_rule`: TDLib's when most lines write no id, else
    /// Telegram's.
    #[arg(long = "id-rule", value_enum, default_value_t = Rule::Auto)]
    rule: Rule,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Rule {
    Auto,
    Telegram,
    Tdlib,
}

impl RuleArg {
    /// The rule named, or `None` for `auto`.
    fn named(&self) -> Option<IdRule> {
        match self.rule {
            Rule::Telegram => Some(IdRule::Telegram),
            Rule::Tdlib => Some(IdRule::Tdlib),
            Rule::Auto => None,
        }
    }

    /// The rule named, or for `auto` the one the definitions imply ([`IdRule::detect`], as
    /// `tl!` decides it).
    fn resolve(&self, defs: &[Definition]) -> IdRule {
        self.named().unwrap_or_else(|| IdRule::detect(defs))
    }
}

/// Why a command could not answer.
struct Failure(String);

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check {
            files,
            rule,
            allow_id_mismatch,
            extern_types,
        } => check(&files, &rule, allow_id_mismatch, extern_types),
        Command::Diff {
            old,
            new,
            json,
            rule,
        } => run_diff(&old, &new, json, &rule),
        Command::Ids { file, check, rule } => ids(&file, check, &rule),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(Failure(message)) => {
            eprint!("{message}");
            ExitCode::from(2)
        }
    }
}

fn read(path: &str) -> Result<Source, Failure> {
    std::fs::read_to_string(path)
        .map(|text| Source::file(path, text))
        .map_err(|e| Failure(format!("error: cannot read {path}: {e}\n")))
}

/// A diagnostic as rustc shows one: the message, `file:line:col`, the line and a caret under
/// what it points at.
fn render(sources: &[Source], diagnostic: &Diagnostic) -> String {
    let mut out = format!("error: {}\n", diagnostic.message);
    let (Some((source, line, col)), Origin::Text { range, .. }) =
        (tl_schema::locate(sources, diagnostic), &diagnostic.origin)
    else {
        return out;
    };
    let Some(src) = sources.get(source) else {
        return out;
    };
    let path = src.path.as_deref().unwrap_or("<input>");
    let text = src.text.lines().nth(line - 1).unwrap_or("");
    let width = line.to_string().len();
    let pointed = src.text.get(range.clone()).unwrap_or("");
    let rest_of_line = text.chars().count().saturating_sub(col - 1);
    let carets = pointed
        .lines()
        .next()
        .map_or(1, |p| p.chars().count())
        .clamp(1, rest_of_line.max(1));
    let pad = " ".repeat(width);
    out.push_str(&format!("{pad}--> {path}:{line}:{col}\n"));
    out.push_str(&format!("{pad} |\n"));
    out.push_str(&format!("{line} | {text}\n"));
    out.push_str(&format!(
        "{pad} | {}{}\n",
        " ".repeat(col - 1),
        "^".repeat(carets)
    ));
    out
}

fn check(
    files: &[String],
    rule: &RuleArg,
    allow_id_mismatch: Vec<String>,
    extern_types: Vec<String>,
) -> Result<bool, Failure> {
    let sources = files
        .iter()
        .map(|f| read(f))
        .collect::<Result<Vec<_>, _>>()?;
    let config = Config {
        id_rule: rule.named(),
        allow_id_mismatch,
        extern_types,
        open: false,
        spelling: Spelling::Flags,
    };
    let (schema, diagnostics) = tl_schema::check(&sources, &config);
    for d in &diagnostics {
        out!("{}", render(&sources, d));
    }
    let definitions = schema.definitions.iter().filter(|d| !d.builtin).count();
    if diagnostics.is_empty() {
        out!("ok: {definitions} definitions");
        Ok(true)
    } else {
        out!(
            "{} error{} in {definitions} definitions",
            diagnostics.len(),
            if diagnostics.len() == 1 { "" } else { "s" }
        );
        Ok(false)
    }
}

/// The definitions of one file, or its parse errors as a failure.
fn parse_file(path: &str) -> Result<Vec<Definition>, Failure> {
    let source = read(path)?;
    let mut parsed = parser::parse(&source.text, 0, Section::Types);
    if parsed.diagnostics.is_empty() {
        parser::group_by_arity(&mut parsed.definitions);
        return Ok(parsed.definitions);
    }
    let sources = [source];
    let mut message: String = parsed
        .diagnostics
        .iter()
        .map(|d| render(&sources, d) + "\n")
        .collect();
    message.push_str(&format!(
        "{path} does not parse: {} error{}\n",
        parsed.diagnostics.len(),
        if parsed.diagnostics.len() == 1 {
            ""
        } else {
            "s"
        }
    ));
    Err(Failure(message))
}

fn run_diff(old: &str, new: &str, json: bool, rule: &RuleArg) -> Result<bool, Failure> {
    let (before, after) = (parse_file(old)?, parse_file(new)?);
    let id_rule = rule.resolve(&after);
    let changes = diff::diff(&before, &after, id_rule);
    let summary = diff::summary(&changes);
    if json {
        let value = serde_json::json!({
            "old": old,
            "new": new,
            "summary": {
                "changes": summary.changes,
                "wire_breaking": summary.wire_breaking,
                "source_breaking": summary.source_breaking,
            },
            "changes": changes.iter().map(change_json).collect::<Vec<_>>(),
        });
        let text = serde_json::to_string_pretty(&value).unwrap_or_default();
        out!("{text}");
    } else {
        out!(
            "{} change{} from {old} to {new}: {} break the wire (W), {} break code generated from the old schema (S)",
            summary.changes,
            if summary.changes == 1 { "" } else { "s" },
            summary.wire_breaking,
            summary.source_breaking,
        );
        for change in &changes {
            let w = if change.wire_compatible { '-' } else { 'W' };
            let s = if change.source_compatible { '-' } else { 'S' };
            out!("{w}{s} {change}");
        }
    }
    Ok(changes.is_empty())
}

fn section_name(section: Section) -> &'static str {
    match section {
        Section::Types => "types",
        Section::Functions => "functions",
    }
}

fn change_json(change: &Change) -> serde_json::Value {
    use serde_json::json;
    let details = match &change.kind {
        ChangeKind::Added { section, id, line } | ChangeKind::Removed { section, id, line } => {
            json!({ "section": section_name(*section), "id": format!("{id:08x}"), "line": line })
        }
        ChangeKind::IdChanged { old, new } => {
            json!({ "old": format!("{old:08x}"), "new": format!("{new:08x}") })
        }
        ChangeKind::SectionMoved { old, new } => {
            json!({ "old": section_name(*old), "new": section_name(*new) })
        }
        ChangeKind::ResultChanged { old, new } => json!({ "old": old, "new": new }),
        ChangeKind::FieldAdded {
            field,
            text,
            position,
        } => json!({ "field": field, "declaration": text, "position": position }),
        ChangeKind::FieldRemoved { field, text } => json!({ "field": field, "declaration": text }),
        ChangeKind::FieldRetyped { field, old, new } => {
            json!({ "field": field, "old": old, "new": new })
        }
        ChangeKind::FieldConditionChanged { field, old, new } => {
            json!({ "field": field, "old": old, "new": new })
        }
        ChangeKind::FieldMoved { field, old, new } => {
            json!({ "field": field, "old": old, "new": new })
        }
        ChangeKind::ModifiersChanged { old, new } => json!({ "old": old, "new": new }),
        ChangeKind::ConstructorAdded { constructor } => json!({ "constructor": constructor }),
    };
    let mut value = json!({
        "name": change.name,
        "kind": change.kind.code(),
        "wire_compatible": change.wire_compatible,
        "source_compatible": change.source_compatible,
        "text": change.to_string(),
    });
    if let (Some(map), serde_json::Value::Object(extra)) = (value.as_object_mut(), details) {
        map.extend(extra);
    }
    value
}

fn ids(file: &str, check: bool, rule: &RuleArg) -> Result<bool, Failure> {
    let defs = parse_file(file)?;
    let id_rule = rule.resolve(&defs);
    let mut all_match = true;
    for def in defs.iter().filter(|d| !d.builtin) {
        let computed = def.computed_id(id_rule);
        let (written, status) = match &def.id {
            Some(id) if tl_schema::id::holds(&defs, def, id_rule, id.value) => {
                (format!("{:08x}", id.value), "ok")
            }
            Some(id) => {
                all_match = false;
                (format!("{:08x}", id.value), "differs")
            }
            None => ("-".to_string(), "computed"),
        };
        out!(
            "{}\t{}\t{written}\t{computed:08x}\t{status}",
            def.name.value,
            section_name(def.section)
        );
    }
    Ok(all_match || !check)
}
