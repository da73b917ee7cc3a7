//! Tokens to [`Definition`]s, with local checks only (syntax, id digits). A malformed definition
//! becomes a [`Diagnostic`] and parsing goes on after its `;`, so every mistake is reported.

use crate::ast::{
    Definition, Field, FieldKind, Multiplier, SourceId, Spanned, Statement, StatementKind, Type,
    TypeParam,
};
use crate::diag::Diagnostic;
use crate::lexer::{Section, Token, TokenKind, tokenize};
use core::ops::Range;

/// What parsing one source gives.
#[derive(Clone, Debug, Default)]
pub struct Parsed {
    /// The definitions that parsed.
    pub definitions: Vec<Definition>,
    /// Everything that did not.
    pub diagnostics: Vec<Diagnostic>,
    /// TDLib's `//@class Name @description …` comments: (class name, description).
    pub class_docs: Vec<(String, String)>,
    /// The section in force at the end, for a following source that continues this one.
    pub end_section: Option<Section>,
    /// `New T;`, `Final T;` and `Empty T;`.
    pub statements: Vec<Statement>,
    /// Whether any type is applied to two arguments or more, which [`group_by_arity`] may
    /// nest (it has nothing to do otherwise).
    pub long_applications: bool,
}

/// Parses `text`, which starts in section `section`; `source` is stored in every definition and
/// diagnostic.
pub fn parse(text: &str, source: SourceId, section: Section) -> Parsed {
    let mut significant = Vec::new();
    let mut comments = Vec::new();
    for token in tokenize(text) {
        match token.kind {
            TokenKind::LineComment | TokenKind::BlockComment => comments.push(token),
            _ => significant.push(token),
        }
    }
    let mut parser = Parser {
        text,
        tokens: significant,
        pos: 0,
        source,
        section,
        comments,
        next_comment: 0,
        out: Parsed::default(),
        depth: 0,
        long: 0,
        uncounted: 0,
        layer: None,
        layers: Vec::new(),
    };
    parser.run();
    parser.out.end_section = Some(parser.section);
    parser.out.long_applications = parser.long > 0;
    number_older_layers(&mut parser.out.definitions, &parser.layers);
    parser.out
}

/// MadelineProto's secret-chat schema holds every layer's form of a constructor, each after
/// its layer's marker (`===8===`, `===17===`, …), under one name. A peer on an old layer
/// sends the old form, so each is kept: the form of the highest layer keeps the name, and
/// each older one takes its layer's number after it, as TDLib's `secret_api.tl` names them
/// (`decryptedMessage` of `===8===` is `decryptedMessage8`). Its written id is that of the
/// unnumbered name, which the id check accepts ([`crate::id::of_older_layer`]). Forms of one
/// name in the same layer, or outside any layer, keep their name: they are duplicates.
fn number_older_layers(definitions: &mut [Definition], layers: &[(usize, u32)]) {
    if layers.is_empty() {
        return;
    }
    let mut newest: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
    for &(i, layer) in layers {
        let top = newest.entry(&definitions[i].name.value).or_insert(layer);
        *top = (*top).max(layer);
    }
    let renames: Vec<(usize, String)> = layers
        .iter()
        .filter(|&&(i, layer)| layer < newest[definitions[i].name.value.as_str()])
        .map(|&(i, layer)| (i, format!("{}{layer}", definitions[i].name.value)))
        .collect();
    for (i, name) in renames {
        definitions[i].name.value = name;
    }
}

type PResult<T> = Result<T, Diagnostic>;

struct Parser<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    pos: usize,
    source: SourceId,
    section: Section,
    comments: Vec<Token>,
    next_comment: usize,
    out: Parsed,
    /// How deeply types and repetitions are nested right now; see [`MAX_NESTING`].
    depth: u32,
    /// How many types applied to two arguments or more have been read.
    long: usize,
    /// How many repetitions without a count (`[ int ]`) have been read.
    uncounted: usize,
    /// The layer of the last layer marker (`===8===`), if there was one.
    layer: Option<u32>,
    /// The index in `out.definitions` and the layer of each definition read after a layer
    /// marker.
    layers: Vec<(usize, u32)>,
}

/// Types and repetitions nest at most this deep (real schemas use 3), so that no text can
/// overflow the stack of the recursive descent.
const MAX_NESTING: u32 = 32;

impl Parser<'_> {
    fn run(&mut self) {
        while let Some(token) = self.tokens.get(self.pos).cloned() {
            match token.kind {
                TokenKind::Section(section) => {
                    self.section = section;
                    self.pos += 1;
                }
                TokenKind::Layer(layer) => {
                    self.layer = Some(layer);
                    self.pos += 1;
                }
                // A bad marker is one token: the definitions after it are read as usual.
                TokenKind::BadSection | TokenKind::BadLayer => {
                    let diag = self.unexpected(&token, "a marker");
                    self.out.diagnostics.push(diag);
                    self.pos += 1;
                }
                TokenKind::Ident | TokenKind::Modifier => {
                    if let Some(kind) = self.statement_ahead(&token) {
                        self.statement(kind, &token);
                        continue;
                    }
                    let start = self.pos;
                    // Only VK's schemas write modifiers: the others skip the call (`tl!` runs
                    // this unoptimized, before every definition).
                    let read = if token.kind == TokenKind::Modifier {
                        self.modifiers().and_then(|m| self.definition(m))
                    } else {
                        self.definition(Vec::new())
                    };
                    match read {
                        Ok(def) => {
                            if let Some(layer) = self.layer {
                                self.layers.push((self.out.definitions.len(), layer));
                            }
                            self.out.definitions.push(def);
                        }
                        Err(diag) => {
                            self.out.diagnostics.push(diag);
                            self.recover(start);
                        }
                    }
                }
                _ => {
                    let diag = self
                        .unexpected(&token, "a definition such as `name#id field:type = Type;`");
                    self.out.diagnostics.push(diag);
                    self.pos += 1;
                    self.recover(self.pos);
                }
            }
        }
        // Comments after the last definition document nothing, but `@class` lines still count.
        self.docs_before(self.text.len());
    }

    /// The statement `token` starts, if it is `New`, `Final` or `Empty` followed by a name and
    /// `;` (TL-formal's `final-decl`).
    fn statement_ahead(&self, token: &Token) -> Option<StatementKind> {
        // A definition's name starts lowercase: one byte tells it apart, which matters in the
        // unoptimized macro, where this runs before every definition.
        if !matches!(
            self.text.as_bytes().get(token.range.start),
            Some(b'N' | b'F' | b'E')
        ) {
            return None;
        }
        let kind = match self.slice(&token.range) {
            "New" => StatementKind::New,
            "Final" => StatementKind::Final,
            "Empty" => StatementKind::Empty,
            _ => return None,
        };
        (self.peek_kind_at(1) == Some(TokenKind::Ident)
            && self.peek_kind_at(2) == Some(TokenKind::Semi))
        .then_some(kind)
    }

    /// Reads the statement of `kind` at `token`, which [`Self::statement_ahead`] found.
    fn statement(&mut self, kind: StatementKind, token: &Token) {
        let name = self.tokens[self.pos + 1].clone();
        let semi = self.tokens[self.pos + 2].range.end;
        self.out.statements.push(Statement {
            kind,
            name: Spanned {
                value: self.slice(&name.range).to_string(),
                range: name.range,
            },
            range: token.range.start..semi,
            section: self.section,
            source: self.source,
        });
        self.pos += 3;
    }

    /// Skips to just after the next `;`, or to a section marker, whichever comes first.
    fn recover(&mut self, from: usize) {
        self.pos = self.pos.max(from);
        while let Some(token) = self.tokens.get(self.pos) {
            match token.kind {
                TokenKind::Semi => {
                    self.pos += 1;
                    return;
                }
                TokenKind::Section(_) | TokenKind::Layer(_) => return,
                _ => self.pos += 1,
            }
        }
    }

    fn slice(&self, range: &Range<usize>) -> &str {
        &self.text[range.clone()]
    }

    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos)
    }

    fn peek_kind(&self) -> Option<TokenKind> {
        self.peek().map(|t| t.kind)
    }

    fn peek_kind_at(&self, ahead: usize) -> Option<TokenKind> {
        self.tokens.get(self.pos + ahead).map(|t| t.kind)
    }

    fn error(&self, range: Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.source, range, message)
    }

    /// "expected X, found `y`" at `token`.
    fn unexpected(&self, token: &Token, expected: &str) -> Diagnostic {
        let found = match token.kind {
            TokenKind::Unknown(what) => {
                // An unterminated comment runs to the end of the text: quote its start only.
                let text = self.slice(&token.range);
                let quoted = match text.char_indices().nth(24) {
                    Some((end, _)) => format!("{}…", &text[..end]),
                    None => text.to_string(),
                };
                return self.error(
                    token.range.clone(),
                    format!("{what} `{quoted}`, expected {expected}"),
                );
            }
            TokenKind::BadSection | TokenKind::BadLayer => {
                let (what, rule) = match token.kind {
                    TokenKind::BadSection => (
                        "section marker",
                        "the markers are `---types---` and `---functions---`",
                    ),
                    _ => (
                        "marker",
                        "a layer marker is the layer's number between `===` and `===`, as in `===8===`",
                    ),
                };
                let text = self.slice(&token.range);
                return self.error(
                    token.range.clone(),
                    format!("unknown {what} `{text}`: {rule}"),
                );
            }
            TokenKind::Section(_) => "a section marker".to_string(),
            TokenKind::Layer(_) => "a layer marker".to_string(),
            _ => format!("`{}`", self.slice(&token.range)),
        };
        self.error(
            token.range.clone(),
            format!("expected {expected}, found {found}"),
        )
    }

    /// "expected X" at the next token, or at the end of the text.
    fn expected(&self, expected: &str) -> Diagnostic {
        match self.peek() {
            Some(token) => self.unexpected(&token.clone(), expected),
            None => {
                let end = self.text.len();
                let last = self.tokens.last().map_or(end..end, |t| t.range.clone());
                self.error(
                    last,
                    format!("expected {expected}, found the end of the text"),
                )
            }
        }
    }

    fn expect(&mut self, kind: TokenKind, what: &str) -> PResult<Token> {
        match self.peek() {
            Some(token) if token.kind == kind => {
                let token = token.clone();
                self.pos += 1;
                Ok(token)
            }
            _ => Err(self.expected(what)),
        }
    }

    fn ident(&mut self, what: &str) -> PResult<Spanned<String>> {
        let token = self.expect(TokenKind::Ident, what)?;
        Ok(Spanned {
            value: self.slice(&token.range).to_string(),
            range: token.range,
        })
    }

    /// The modifiers before a definition (`@any @internal engine.sleep … = Bool;`), as VK's
    /// schemas write them: none, one or several, each an `@` and a name.
    fn modifiers(&mut self) -> PResult<Vec<Spanned<String>>> {
        let mut modifiers = Vec::new();
        while let Some(token) = self
            .peek()
            .filter(|t| t.kind == TokenKind::Modifier)
            .cloned()
        {
            let name = &self.text[token.range.start + 1..token.range.end];
            if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
                return Err(self.error(
                    token.range,
                    "expected a modifier's name after `@`, as in `@read engine.stat = Stat;`",
                ));
            }
            modifiers.push(Spanned {
                value: name.to_string(),
                range: token.range,
            });
            self.pos += 1;
        }
        Ok(modifiers)
    }

    /// A definition, after its `modifiers` (which its docs come before).
    fn definition(&mut self, modifiers: Vec<Spanned<String>>) -> PResult<Definition> {
        let first = modifiers.first().map(|m| m.range.start);
        let what = if first.is_some() {
            "a definition name after its modifiers"
        } else {
            "a definition name"
        };
        let name = self.ident(what)?;
        let docs = self.docs_before(first.unwrap_or(name.range.start));
        let id = match self.peek().cloned() {
            Some(token) if token.kind == TokenKind::Id => {
                self.pos += 1;
                Some(self.written_id(&token)?)
            }
            _ => None,
        };
        let mut type_params = Vec::new();
        while self.peek_kind() == Some(TokenKind::LBrace) {
            self.pos += 1;
            // `{X Y:Type}` declares `X` and `Y`, as `{X:Type} {Y:Type}` does.
            let mut names = vec![self.ident("a type parameter name, as in `{X:Type}`")?];
            while self.peek_kind() == Some(TokenKind::Ident) {
                names.push(self.ident("a type parameter name")?);
            }
            self.expect(TokenKind::Colon, "`:` in `{X:Type}`")?;
            // `#`: a natural number (`tuple {t:Type} {n:#} [ t ] = Tuple t n;`).
            let kind = if self.peek_kind() == Some(TokenKind::Hash) {
                let token = self.tokens[self.pos].clone();
                self.pos += 1;
                Spanned {
                    value: "#".to_string(),
                    range: token.range,
                }
            } else {
                self.ident("a kind, as in `{X:Type}`")?
            };
            self.expect(TokenKind::RBrace, "`}` closing `{X:Type}`")?;
            type_params.extend(names.into_iter().map(|name| TypeParam {
                name,
                kind: kind.value.clone(),
                implicit: false,
            }));
        }
        let mut fields = Vec::new();
        let long_before = self.long;
        let uncounted_before = self.uncounted;
        // VK's `=>` in place of `=`: a function, in whichever section it stands
        // (`@read ab.call1 x:ab.typeA => ab.TypeB;`).
        let mut arrow = false;
        loop {
            match self.peek_kind() {
                Some(TokenKind::Eq) => {
                    let end = self.tokens[self.pos].range.end;
                    self.pos += 1;
                    if self
                        .peek()
                        .is_some_and(|t| t.kind == TokenKind::Gt && t.range.start == end)
                    {
                        self.pos += 1;
                        arrow = true;
                    }
                    break;
                }
                Some(TokenKind::LBrace) => {
                    let token = self.peek().cloned().unwrap_or_else(|| unreachable!());
                    return Err(self.error(
                        token.range,
                        "type parameters `{X:Type}` must come before the fields",
                    ));
                }
                Some(TokenKind::Semi) | None => {
                    // `… access_hash:long InputPhoneCall;`: the result, read as a field.
                    if let Some(Field {
                        name: None,
                        kind: FieldKind::Plain(ty),
                        ..
                    }) = fields.last()
                        && !ty.is_bare()
                        && !ty.bang
                    {
                        return Err(self.error(
                            ty.range.clone(),
                            format!("expected `=` before the result type `{ty}`"),
                        ));
                    }
                    return Err(self.expected("a field or `=` before the result type"));
                }
                _ => self.args(&mut fields)?,
            }
        }
        let result = self.result_type()?;
        let semi = self.expect(TokenKind::Semi, "`;` at the end of the definition")?;
        let mut docs = docs;
        docs.extend(self.trailing_comment(semi.range.end));
        // Only a definition with a repetition written without a count can take one from a
        // `#` field before it; a builtin's by its name (`vector {t:Type} # [ t ]`) keeps its
        // line as written.
        let builtin_name = crate::builtin::is_builtin_definition(&name.value);
        if self.uncounted != uncounted_before && !builtin_name {
            let nat_param = type_params.iter().rev().find(|p| p.kind == "#");
            last_counts(&mut fields, nat_param.map(|p| p.name.value.as_str()));
        }
        let builtin = builtin_name
            || fields.iter().any(|f| match &f.kind {
                FieldKind::Opaque => true,
                // A repetition counted by a field, or named with a constant count, is a field;
                // any other is a builtin's.
                FieldKind::Repeat { multiplier, .. } => {
                    !matches!(multiplier, Some(Multiplier::Field(_))) && f.fixed_count().is_none()
                }
                _ => false,
            });
        // Only a definition with a type of two arguments or more can hold a counted tuple.
        if self.long != long_before {
            counted_tuples(&mut fields);
        }
        let section = if arrow {
            Section::Functions
        } else {
            self.section
        };
        if section == Section::Types && !builtin {
            implicit_params(&result, &mut type_params);
        }
        Ok(Definition {
            range: name.range.start..semi.range.end,
            name,
            modifiers,
            id,
            type_params,
            fields,
            result,
            section,
            builtin,
            docs,
            source: self.source,
        })
    }

    fn written_id(&self, token: &Token) -> PResult<Spanned<u32>> {
        let digits = &self.text[token.range.start + 1..token.range.end];
        let ok = (1..=8).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_hexdigit());
        match u32::from_str_radix(digits, 16) {
            Ok(value) if ok => Ok(Spanned {
                value,
                range: token.range.clone(),
            }),
            _ => Err(self.error(
                token.range.clone(),
                format!("invalid constructor id `#{digits}`: expected 1 to 8 hex digits"),
            )),
        }
    }

    /// The fields of one argument: one field, or the fields of a group `(a b:int)`, which is
    /// `a:int b:int`.
    fn args(&mut self, out: &mut Vec<Field>) -> PResult<()> {
        if self.peek_kind() != Some(TokenKind::LParen) || !self.name_group_ahead() {
            out.push(self.field()?);
            return Ok(());
        }
        let open = self.tokens[self.pos].clone();
        self.pos += 1;
        let mut names = Vec::new();
        while self.peek_kind() == Some(TokenKind::Ident) {
            names.push(self.ident("a field name")?);
        }
        self.pos += 1; // the colon
        // The grammar has no condition here, and TDLib's parser takes none.
        if self.peek_kind() == Some(TokenKind::Ident)
            && self.peek_kind_at(1) == Some(TokenKind::Question)
        {
            let condition = self.tokens[self.pos].range.start..self.tokens[self.pos + 1].range.end;
            let written = self.slice(&condition).to_string();
            let fields: Vec<String> = names
                .iter()
                .map(|n| format!("{}:{written}…", n.value))
                .collect();
            return Err(self.error(
                condition,
                format!(
                    "a group `(a b:type)` takes no condition: write its fields one by one, `{}`",
                    fields.join(" ")
                ),
            ));
        }
        let kind = FieldKind::Plain(self.type_expr()?);
        let close = self.expect(TokenKind::RParen, "`)` closing `(name name:type)`")?;
        out.extend(names.into_iter().map(|name| Field {
            name: Some(name),
            kind: kind.clone(),
            range: open.range.start..close.range.end,
        }));
        Ok(())
    }

    /// Whether the `(` at the cursor opens `(a b:type)`, names before a colon, rather than a type
    /// `(vector int)`.
    fn name_group_ahead(&self) -> bool {
        let mut ahead = 1;
        while self.peek_kind_at(ahead) == Some(TokenKind::Ident) {
            ahead += 1;
        }
        ahead > 1 && self.peek_kind_at(ahead) == Some(TokenKind::Colon)
    }

    /// One field: `name:type`, `name:flags.N?type`, a repetition, or a type alone (an anonymous
    /// field, as `int` in `coupleInt {t:Type} int t = CoupleInt t;`).
    fn field(&mut self) -> PResult<Field> {
        let Some(token) = self.peek().cloned() else {
            return Err(self.expected("a field"));
        };
        let start = token.range.start;
        let (name, kind) = match token.kind {
            TokenKind::Hash => {
                self.pos += 1;
                (None, FieldKind::Plain(self.simple_type(&token, "#")))
            }
            TokenKind::Question => {
                self.pos += 1;
                (None, FieldKind::Opaque)
            }
            TokenKind::Number | TokenKind::LBracket => (None, self.repetition()?),
            TokenKind::Ident if self.peek_kind_at(1) == Some(TokenKind::Colon) => {
                let name = self.ident("a field name")?;
                self.pos += 1; // the colon
                let kind = self.field_type()?;
                (Some(name), kind)
            }
            // `n*[ … ]`: an anonymous repetition counted by the `#` field `n`.
            TokenKind::Ident if self.peek_kind_at(1) == Some(TokenKind::Star) => {
                (None, self.repetition()?)
            }
            TokenKind::Ident | TokenKind::Bang | TokenKind::Percent | TokenKind::LParen => {
                (None, FieldKind::Plain(self.type_expr()?))
            }
            _ => return Err(self.unexpected(&token, "a field `name:type` or `=`")),
        };
        let end = self.tokens[self.pos - 1].range.end;
        Ok(Field {
            name,
            kind,
            range: start..end,
        })
    }

    /// A repetition: `[ fields ]`, `N*[ fields ]`, or `n*[ fields ]` counted by the `#` field
    /// `n`.
    fn repetition(&mut self) -> PResult<FieldKind> {
        let mut multiplier = None;
        if let Some(token) = self.peek().cloned() {
            match token.kind {
                TokenKind::Number => {
                    self.pos += 1;
                    let count = self.slice(&token.range).parse().map_err(|_| {
                        self.error(
                            token.range.clone(),
                            "expected a repetition count such as `4*[ int ]`",
                        )
                    })?;
                    multiplier = Some(Multiplier::Constant(count));
                }
                TokenKind::Ident => {
                    let name = self.ident("the `#` field counting the repetition")?;
                    multiplier = Some(Multiplier::Field(name));
                }
                _ => {}
            }
            if multiplier.is_some() {
                self.expect(TokenKind::Star, "`*` after a repetition count")?;
            }
        }
        self.expect(TokenKind::LBracket, "`[` starting a repetition")?;
        self.uncounted += usize::from(multiplier.is_none());
        let mut fields = Vec::new();
        while self.peek_kind() != Some(TokenKind::RBracket) {
            if matches!(
                self.peek_kind(),
                None | Some(TokenKind::Semi | TokenKind::Eq)
            ) {
                return Err(self.expected("`]` closing the repetition"));
            }
            self.nested(|p| p.args(&mut fields))?;
        }
        self.pos += 1;
        Ok(FieldKind::Repeat {
            multiplier,
            fields,
            tuple: None,
        })
    }

    /// After `name:`: a type, a condition `flags.N?type`, or a repetition `n*[ fields ]`.
    fn field_type(&mut self) -> PResult<FieldKind> {
        // The first token and the one after it: `flags.N` `?`, `n` `*`, or a type.
        let (first, second) = (self.peek_kind(), self.peek_kind_at(1));
        let conditional = first == Some(TokenKind::Ident) && second == Some(TokenKind::Question);
        if !conditional {
            return match (first, second) {
                (Some(TokenKind::Number | TokenKind::LBracket), _)
                | (Some(TokenKind::Ident), Some(TokenKind::Star)) => self.repetition(),
                _ => Ok(FieldKind::Plain(self.type_expr()?)),
            };
        }
        let token = self.tokens[self.pos].clone();
        let text = self.slice(&token.range);
        let Some((flag, bit)) = text.rsplit_once('.').filter(|(flag, bit)| {
            !flag.is_empty() && !bit.is_empty() && bit.bytes().all(|b| b.is_ascii_digit())
        }) else {
            return Err(self.error(
                token.range.clone(),
                format!("expected a flag condition such as `flags.0?`, found `{text}?`"),
            ));
        };
        // A bit too large for u32 is kept as u32::MAX: validation reports every bit above 31.
        let bit_value = bit.parse::<u32>().unwrap_or(u32::MAX);
        let flag_range = token.range.start..token.range.start + flag.len();
        let bit_range = flag_range.end + 1..token.range.end;
        let flag = flag.to_string();
        self.pos += 2; // the condition and `?`
        let ty = self.type_expr()?;
        Ok(FieldKind::Conditional {
            flag: Spanned {
                value: flag,
                range: flag_range,
            },
            bit: Spanned {
                value: bit_value,
                range: bit_range,
            },
            ty,
        })
    }

    fn simple_type(&self, token: &Token, name: &str) -> Type {
        Type {
            name: name.to_string(),
            args: Vec::new(),
            percent: false,
            bang: false,
            range: token.range.clone(),
        }
    }

    /// Runs `f` one nesting level deeper, or fails past [`MAX_NESTING`].
    fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        if self.depth >= MAX_NESTING {
            return Err(self.expected(&format!("at most {MAX_NESTING} levels of nested types")));
        }
        self.depth += 1;
        let out = f(self);
        self.depth -= 1;
        out
    }

    /// A field's type: `int`, `Vector<T>`, `(vector T)`, `%T`, `!X`, `#`.
    fn type_expr(&mut self) -> PResult<Type> {
        self.nested(Self::type_expr_inner)
    }

    fn type_expr_inner(&mut self) -> PResult<Type> {
        let Some(token) = self.peek().cloned() else {
            return Err(self.expected("a type"));
        };
        match token.kind {
            TokenKind::Hash => {
                self.pos += 1;
                Ok(self.simple_type(&token, "#"))
            }
            // A number as a type's argument: the length of `(tuple double 2)`. Validation
            // takes it nowhere else.
            TokenKind::Number => {
                self.pos += 1;
                let digits = self.slice(&token.range).to_string();
                if !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(self.unexpected(&token, "a type"));
                }
                Ok(self.simple_type(&token, &digits))
            }
            TokenKind::Bang | TokenKind::Percent => {
                self.pos += 1;
                let mut ty = self.type_expr()?;
                if ty.bang || ty.percent {
                    return Err(self.error(
                        token.range.start..ty.range.end,
                        "`!` and `%` may not be combined or repeated",
                    ));
                }
                ty.bang = token.kind == TokenKind::Bang;
                ty.percent = token.kind == TokenKind::Percent;
                ty.range.start = token.range.start;
                Ok(ty)
            }
            TokenKind::LParen => {
                self.pos += 1;
                // `(%T args)`: TL-formal's `%` term inside the parentheses, the same as
                // `%(T args)` (VK's schemas write both).
                let percent = self.peek_kind() == Some(TokenKind::Percent);
                if percent {
                    self.pos += 1;
                }
                let name = self.ident("a type name after `(`")?;
                let mut args = Vec::new();
                while self.peek_kind() != Some(TokenKind::RParen) {
                    if matches!(
                        self.peek_kind(),
                        None | Some(TokenKind::Semi | TokenKind::Eq)
                    ) {
                        return Err(self.expected("`)` closing the type"));
                    }
                    args.push(self.type_expr()?);
                }
                let close = self.expect(TokenKind::RParen, "`)`")?;
                self.long += usize::from(args.len() >= 2);
                Ok(Type {
                    name: name.value,
                    args,
                    percent,
                    bang: false,
                    range: token.range.start..close.range.end,
                })
            }
            TokenKind::Ident => {
                self.pos += 1;
                let mut ty = Type {
                    name: self.slice(&token.range).to_string(),
                    args: Vec::new(),
                    percent: false,
                    bang: false,
                    range: token.range.clone(),
                };
                if self.peek_kind() == Some(TokenKind::Lt) {
                    self.pos += 1;
                    loop {
                        ty.args.push(self.type_expr()?);
                        match self.peek_kind() {
                            Some(TokenKind::Comma) => self.pos += 1,
                            Some(TokenKind::Gt) => break,
                            _ => return Err(self.expected("`>` closing the type arguments")),
                        }
                    }
                    let close = self.expect(TokenKind::Gt, "`>`")?;
                    ty.range.end = close.range.end;
                    self.long += usize::from(ty.args.len() >= 2);
                }
                Ok(ty)
            }
            _ => Err(self.unexpected(&token, "a type")),
        }
    }

    /// After `=`: a boxed type name with optional arguments, as in `Vector t` or `Vector<t>`.
    fn result_type(&mut self) -> PResult<Type> {
        let Some(token) = self.peek().cloned() else {
            return Err(self.expected("the result type after `=`"));
        };
        if token.kind != TokenKind::Ident {
            return Err(self.unexpected(&token, "the result type after `=`"));
        }
        let mut ty = self.type_expr()?;
        while !matches!(self.peek_kind(), None | Some(TokenKind::Semi)) {
            if self.peek_kind() == Some(TokenKind::Eq)
                || matches!(
                    self.peek_kind(),
                    Some(TokenKind::Section(_) | TokenKind::Layer(_))
                )
            {
                break;
            }
            let arg = self.type_expr()?;
            ty.range.end = arg.range.end;
            ty.args.push(arg);
        }
        self.long += usize::from(ty.args.len() >= 2);
        Ok(ty)
    }

    /// The comment lines directly above `start` (no blank line between), consuming every comment
    /// before it. `@class` lines go to [`Parsed::class_docs`] instead.
    fn docs_before(&mut self, start: usize) -> Vec<String> {
        let mut block: Vec<(Range<usize>, String)> = Vec::new();
        while let Some(comment) = self.comments.get(self.next_comment) {
            if comment.range.start >= start {
                break;
            }
            self.next_comment += 1;
            let body = self.comment_body(comment);
            if let Some(class) = body.trim_start().strip_prefix("@class") {
                let class = class.trim();
                let (name, rest) = class.split_once(char::is_whitespace).unwrap_or((class, ""));
                let description = rest
                    .trim()
                    .strip_prefix("@description")
                    .unwrap_or(rest)
                    .trim();
                self.out
                    .class_docs
                    .push((name.to_string(), description.to_string()));
                block.clear();
                continue;
            }
            let separated = block
                .last()
                .is_some_and(|(prev, _)| self.blank_line_between(prev.end, comment.range.start));
            if separated {
                block.clear();
            }
            block.push((comment.range.clone(), body));
        }
        match block.last() {
            Some((last, _)) if self.blank_line_between(last.end, start) => Vec::new(),
            _ => block.into_iter().map(|(_, body)| body).collect(),
        }
    }

    /// A comment that starts on the line where a definition ended documents that definition.
    fn trailing_comment(&mut self, end: usize) -> Option<String> {
        let comment = self.comments.get(self.next_comment)?.clone();
        if comment.range.start < end || self.text[end..comment.range.start].contains('\n') {
            return None;
        }
        self.next_comment += 1;
        Some(self.comment_body(&comment))
    }

    fn comment_body(&self, comment: &Token) -> String {
        let text = self.slice(&comment.range);
        match comment.kind {
            TokenKind::BlockComment => text
                .strip_prefix("/*")
                .and_then(|t| t.strip_suffix("*/"))
                .unwrap_or(text)
                .trim()
                .to_string(),
            _ => text.trim_end().to_string(),
        }
    }

    fn blank_line_between(&self, from: usize, to: usize) -> bool {
        // The line comment's range ends before its newline, so two newlines mean a blank line.
        self.text
            .get(from..to)
            .is_some_and(|gap| gap.matches('\n').count() >= 2)
    }
}

/// The one-letter arguments of a constructor's result that no `{X:Type}` declares: type
/// variables all the same (TL's type variables are one letter; a longer name is a type).
fn implicit_params(result: &Type, params: &mut Vec<TypeParam>) {
    for arg in &result.args {
        let plain = arg.args.is_empty() && !arg.bang && !arg.percent;
        let letter = arg.name.len() == 1 && arg.name.bytes().all(|b| b.is_ascii_alphabetic());
        if plain && letter && !params.iter().any(|p| p.name.value == arg.name) {
            params.push(TypeParam {
                name: Spanned {
                    value: arg.name.clone(),
                    range: arg.range.clone(),
                },
                kind: "Type".to_string(),
                implicit: true,
            });
        }
    }
}

/// A repetition written without a count, `n:# xs:[ int ]`, is counted by the last natural
/// number declared before it, as TL's grammar has it (TDLib's parser takes the last `#`
/// variable): that field or parameter, named by [`Multiplier::Field`] with an empty range, at
/// the repetition (an anonymous `#` field by its label, `arg1`). Only a `#` field always
/// present can count; validation reports a `{n:#}` parameter (dependent typing) or a
/// conditional `#` as it reports them written out. The parser leaves `vector {t:Type} # [ t ]`,
/// a builtin's line by its name, as written.
fn last_counts(fields: &mut [Field], nat_param: Option<&str>) {
    for i in 0..fields.len() {
        if !matches!(
            fields[i].kind,
            FieldKind::Repeat {
                multiplier: None,
                ..
            }
        ) {
            continue;
        }
        let last = fields[..i].iter().rposition(|f| match &f.kind {
            FieldKind::Plain(ty) | FieldKind::Conditional { ty, .. } => ty.is_nat(),
            _ => false,
        });
        let value = match last {
            // An anonymous `#` (`# xs:[ int ]`) by its label, `arg1`, as the model calls it.
            Some(last) if matches!(fields[last].kind, FieldKind::Plain(_)) => {
                crate::ast::field_label(fields, last).into_owned()
            }
            // A conditional one, or a `{n:#}` parameter, for validation to report: neither
            // can count (an anonymous conditional one has no name to report).
            Some(last) => match fields[last].own_name() {
                Some(name) => name.value.clone(),
                None => continue,
            },
            None => match nat_param {
                Some(name) => name.to_string(),
                None => continue,
            },
        };
        let at = fields[i].range.start;
        if let FieldKind::Repeat { multiplier, .. } = &mut fields[i].kind {
            *multiplier = Some(Multiplier::Field(Spanned {
                value,
                range: at..at,
            }));
        }
    }
}

/// VK's counted lists, `n:# xs:(Tuple int n)` (or `%(Tuple int n)`, `(tuple int n)`): a tuple
/// whose length is a `#` field declared before it, always present, is the repetition
/// `xs:n*[ int ]`, which keeps the tuple as written for its id and docs. A tuple whose length
/// is anything else stays a type, for validation to take (a number) or report.
fn counted_tuples(fields: &mut [Field]) {
    for i in 0..fields.len() {
        let (before, rest) = fields.split_at_mut(i);
        let field = &mut rest[0];
        let FieldKind::Plain(ty) = &field.kind else {
            continue;
        };
        let [elem, len] = ty.args.as_slice() else {
            continue;
        };
        if !matches!(ty.name.as_str(), "tuple" | "Tuple")
            || ty.bang
            || !len.args.is_empty()
            || len.is_number()
            || len.percent
            || len.bang
        {
            continue;
        }
        let counted = before.iter().any(|f| {
            f.own_name().is_some_and(|n| n.value == len.name)
                && matches!(&f.kind, FieldKind::Plain(t) if t.is_nat())
        });
        if !counted {
            continue;
        }
        let element = Field {
            name: None,
            kind: FieldKind::Plain(elem.clone()),
            range: elem.range.clone(),
        };
        let counter = Spanned {
            value: len.name.clone(),
            range: len.range.clone(),
        };
        let tuple = ty.clone();
        field.kind = FieldKind::Repeat {
            multiplier: Some(Multiplier::Field(counter)),
            fields: vec![element],
            tuple: Some(tuple),
        };
    }
}

/// Reads a type applied to more arguments than its name takes as the arguments nested by
/// arity, as TL's prefix notation allows: KPHP's crypto schema writes `= Maybe tuple string 2;`
/// for `Maybe (tuple string 2)`, since `Maybe` takes one argument and `tuple` two. A name's
/// arity is that of its constructors' result (`= Maybe t` takes one; a constructor's name takes
/// as many), `Vector` takes one and `tuple` two, and any other name none. Such a type is
/// regrouped only when the arguments fall into place exactly; anything else is left as
/// written, for validation to report. The id is the same either way: its text has no
/// parentheses ([`crate::id::normalized`]).
pub fn group_by_arity(definitions: &mut [Definition]) {
    // Only a name applied to two arguments or more can have one too many: a name of one
    // argument takes none, and no name is read into nothing.
    let long = |ty: &Type| ty.args.len() >= 2;
    if !definitions
        .iter()
        .any(|d| any_type(&d.result, &long) || any_field_type(&d.fields, &long))
    {
        return;
    }
    let mut arities: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for name in ["Vector", "vector"] {
        arities.insert(name.to_string(), 1);
    }
    for name in ["Tuple", "tuple"] {
        arities.insert(name.to_string(), 2);
    }
    for def in definitions.iter().filter(|d| d.section == Section::Types) {
        if !def.result.args.is_empty() {
            arities.insert(def.result.name.clone(), def.result.args.len());
            arities.insert(def.name.value.clone(), def.result.args.len());
        }
    }
    let arity = |name: &str| arities.get(name).copied().unwrap_or(0);
    for def in definitions.iter_mut() {
        regroup(&mut def.result, &arity);
        for_each_type(&mut def.fields, &mut |ty| regroup(ty, &arity));
    }
}

/// Whether `ty` or any argument in it, at any depth, is `hit`.
fn any_type(ty: &Type, hit: &impl Fn(&Type) -> bool) -> bool {
    hit(ty) || ty.args.iter().any(|a| any_type(a, hit))
}

/// Whether any field's type, in repetitions too, or any argument in it, is `hit`.
fn any_field_type(fields: &[Field], hit: &impl Fn(&Type) -> bool) -> bool {
    fields.iter().any(|field| match &field.kind {
        FieldKind::Plain(ty) | FieldKind::Conditional { ty, .. } => any_type(ty, hit),
        FieldKind::Repeat { fields, .. } => any_field_type(fields, hit),
        FieldKind::Opaque => false,
    })
}

/// Calls `each` on every field's type, in repetitions too.
fn for_each_type(fields: &mut [Field], each: &mut impl FnMut(&mut Type)) {
    for field in fields {
        match &mut field.kind {
            FieldKind::Plain(ty) | FieldKind::Conditional { ty, .. } => each(ty),
            FieldKind::Repeat { fields, .. } => for_each_type(fields, each),
            FieldKind::Opaque => {}
        }
    }
}

/// [`group_by_arity`] of `ty` and of each argument in it.
fn regroup(ty: &mut Type, arity: &impl Fn(&str) -> usize) {
    for arg in &mut ty.args {
        regroup(arg, arity);
    }
    // One argument is never one too many (see `group_by_arity`): no lookup for it.
    if ty.args.len() < 2 {
        return;
    }
    let takes = arity(&ty.name);
    if ty.args.len() <= takes || takes == 0 {
        return;
    }
    let mut pos = 0;
    let grouped: Option<Vec<Type>> = (0..takes)
        .map(|_| take_argument(&ty.args, &mut pos, arity, 0))
        .collect();
    if let Some(grouped) = grouped
        && pos == ty.args.len()
    {
        ty.args = grouped;
    }
}

/// The argument that starts at `args[*pos]`, with as many of the arguments after it as its
/// name takes, each read the same way; `None` when they run out or nest beyond 16 levels.
fn take_argument(
    args: &[Type],
    pos: &mut usize,
    arity: &impl Fn(&str) -> usize,
    depth: usize,
) -> Option<Type> {
    let mut head = args.get(*pos)?.clone();
    *pos += 1;
    // A parenthesized argument (`(tuple int 2)`) is whole, and so is a number.
    if !head.args.is_empty() || head.is_number() {
        return Some(head);
    }
    let takes = arity(&head.name);
    if takes > 0 && depth >= 16 {
        return None;
    }
    for _ in 0..takes {
        let arg = take_argument(args, pos, arity, depth + 1)?;
        head.range.end = arg.range.end;
        head.args.push(arg);
    }
    Some(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Definition {
        let parsed = parse(text, 0, Section::Types);
        assert_eq!(parsed.diagnostics, [], "{text}");
        assert_eq!(parsed.definitions.len(), 1, "{text}");
        parsed.definitions.into_iter().next().unwrap()
    }

    fn error(text: &str) -> String {
        let parsed = parse(text, 0, Section::Types);
        assert_eq!(
            parsed.diagnostics.len(),
            1,
            "{text}: {:?}",
            parsed.diagnostics
        );
        parsed.diagnostics[0].message.clone()
    }

    #[test]
    fn flags_and_conditions() {
        let def = one(
            "phone.discardCall#b2cbc1c0 flags:# video:flags.0?true peer:InputPhoneCall = Updates;",
        );
        assert_eq!(def.name.value, "phone.discardCall");
        assert_eq!(def.id.as_ref().map(|i| i.value), Some(0xb2cbc1c0));
        assert_eq!(def.fields.len(), 3);
        match &def.fields[1].kind {
            FieldKind::Conditional { flag, bit, ty } => {
                assert_eq!(flag.value, "flags");
                assert_eq!(bit.value, 0);
                assert_eq!(ty.name, "true");
            }
            other => panic!("{other:?}"),
        }
        assert!(!def.builtin);
    }

    #[test]
    fn type_forms() {
        let def = one("a x:Vector<Vector<T>> y:(vector T) z:%T w:!X v:tonNode.blockIdExt = B;");
        let printed: Vec<String> = def
            .fields
            .iter()
            .map(|f| match &f.kind {
                FieldKind::Plain(ty) => ty.to_string(),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            printed,
            [
                "Vector Vector T",
                "vector T",
                "%T",
                "!X",
                "tonNode.blockIdExt"
            ]
        );
    }

    #[test]
    fn builtin_lines() {
        for text in [
            "int ? = Int;",
            "vector {t:Type} # [ t ] = Vector t;",
            "vector#1cb5c415 {t:Type} # [ t ] = Vector t;",
            "int128 4*[ int ] = Int128;",
            "int256 8*[ int32 ] = Int256;",
            "bytes = Bytes;",
            "bytes data:string = Bytes;",
            "true = True;",
            "boolTrue = Bool;",
            "object ? = Object;",
        ] {
            assert!(one(text).builtin, "{text}");
        }
        assert!(!one("ok = Ok;").builtin);
        assert_eq!(
            one("vector {t:Type} # [ t ] = Vector t;")
                .result
                .to_string(),
            "Vector t"
        );
    }

    #[test]
    fn short_ids_and_bad_ids() {
        assert_eq!(one("a#7efe0e = A;").id.map(|i| i.value), Some(0x7efe0e));
        assert_eq!(one("a#0dae54f8 = A;").id.map(|i| i.value), Some(0x0dae54f8));
        assert!(error("a#123456789 = A;").contains("1 to 8 hex digits"));
        assert!(error("a#12g4 = A;").contains("invalid constructor id `#12g4`"));
    }

    #[test]
    fn anonymous_fields_groups_and_several_variables() {
        let def = one("coupleInt {t:Type} int t = CoupleInt t;");
        assert!(!def.builtin);
        let labels = |def: &Definition| -> Vec<String> {
            (0..def.fields.len())
                .map(|i| def.field_label(i).into_owned())
                .collect()
        };
        assert_eq!(labels(&def), ["arg1", "arg2"]);
        // A field that has the name already keeps it.
        assert_eq!(
            labels(&one("named arg2:int long = Named;")),
            ["arg2", "arg2_2"]
        );
        assert!(def.fields.iter().all(Field::is_anonymous));

        let def = one("strHash {alpha:Type} (vector (coupleStr alpha)) = StrHash alpha;");
        let FieldKind::Plain(ty) = &def.fields[0].kind else {
            panic!("{def:?}")
        };
        assert_eq!(ty.to_string(), "vector coupleStr alpha");

        // `_:int` is anonymous, but keeps the name it was written with.
        let def = one("skip _:int value:string = Skip;");
        assert!(def.fields[0].is_anonymous() && def.fields[0].name.is_some());
        assert_eq!(def.field_label(0), "arg1");
        assert_eq!(def.field_label(1), "value");

        let def = one("pointz (x y z:int) label:string = Point;");
        let names: Vec<&str> = def
            .fields
            .iter()
            .map(|f| f.name.as_ref().unwrap().value.as_str())
            .collect();
        assert_eq!(names, ["x", "y", "z", "label"]);
        assert_eq!(def.fields[0].kind, def.fields[2].kind);

        let def = one("pair {X Y:Type} a:X b:Y = Pair X Y;");
        let params: Vec<&str> = def
            .type_params
            .iter()
            .map(|p| p.name.value.as_str())
            .collect();
        assert_eq!(params, ["X", "Y"]);
    }

    #[test]
    fn statements_are_read_apart_from_definitions() {
        let parsed = parse(
            "a = A;\nFinal A;\nNew B;\nb = B;\nEmpty C;",
            0,
            Section::Types,
        );
        assert_eq!(parsed.diagnostics, []);
        assert_eq!(parsed.definitions.len(), 2);
        let kinds: Vec<(StatementKind, &str)> = parsed
            .statements
            .iter()
            .map(|s| (s.kind, s.name.value.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [
                (StatementKind::Final, "A"),
                (StatementKind::New, "B"),
                (StatementKind::Empty, "C")
            ]
        );
        let [a, b] = &parsed.definitions[..] else {
            panic!()
        };
        assert!(parsed.statements[0].follows(a) && !parsed.statements[0].follows(b));
        // Without its `;`, a statement is a definition with a missing `=`.
        assert_eq!(
            error("Final Bool"),
            "expected `=` before the result type `Bool`"
        );
    }

    #[test]
    fn misreadings_of_anonymous_fields() {
        // No `=`: the result would be an anonymous field.
        assert_eq!(
            error("a id:long A;"),
            "expected `=` before the result type `A`"
        );
        // `#` against the name is an id, not an anonymous `#` field.
        assert!(error("c#zz = C;").starts_with("invalid constructor id `#zz`"));
        assert!(
            error("f flags:# (a b:flags.0?int) = F;")
                .starts_with("a group `(a b:type)` takes no condition")
        );
        assert!(error("f {X Y} = F;").starts_with("expected `:` in `{X:Type}`"));
    }

    #[test]
    fn older_layers_are_numbered() {
        let parsed = parse(
            "old = A;\n===8===\na x:int = A;\nb = A;\n=== 17 ===\na x:long = A;\n===45===\na = A;\nb2 = A;\n===46===\nc = A;\nc = A;",
            0,
            Section::Types,
        );
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        let names: Vec<&str> = parsed
            .definitions
            .iter()
            .map(|d| d.name.value.as_str())
            .collect();
        // `b` of layer 8 has no later form; `c`'s two forms in one layer stay duplicates.
        assert_eq!(names, ["old", "a8", "b", "a17", "a", "b2", "c", "c"]);
        // The name's range is still the text's, for diagnostics.
        assert_eq!(parsed.definitions[1].name.range, 17..18);
    }

    #[test]
    fn a_bad_marker_is_reported_and_nothing_after_it_is_lost() {
        let parsed = parse("===x===\na = A;\n---nope---\nb = B;", 0, Section::Types);
        let messages: Vec<&str> = parsed
            .diagnostics
            .iter()
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(
            messages,
            [
                "unknown marker `===x===`: a layer marker is the layer's number between `===` and `===`, as in `===8===`",
                "unknown section marker `---nope---`: the markers are `---types---` and `---functions---`",
            ]
        );
        assert_eq!(parsed.definitions.len(), 2);
    }

    #[test]
    fn sections_switch() {
        let parsed = parse(
            "a = A;\n---functions---\nf = A;\n--- types ---\nb = A;\n---functions---\ng = A;",
            0,
            Section::Types,
        );
        let sections: Vec<Section> = parsed.definitions.iter().map(|d| d.section).collect();
        use Section::*;
        assert_eq!(sections, [Types, Functions, Types, Functions]);
        assert_eq!(parsed.end_section, Some(Functions));
    }

    #[test]
    fn errors_recover_at_the_next_semicolon() {
        let parsed = parse(
            "a x: = A;\nb y:int = B;\nc#zz = C;\nd = D;\n= E;",
            0,
            Section::Types,
        );
        let names: Vec<&str> = parsed
            .definitions
            .iter()
            .map(|d| d.name.value.as_str())
            .collect();
        assert_eq!(names, ["b", "d"]);
        assert_eq!(parsed.diagnostics.len(), 3, "{:?}", parsed.diagnostics);
    }

    #[test]
    fn missing_semicolon_and_equals() {
        assert!(error("a x:int = A").contains("expected `;`"));
        assert!(error("a x:int;").contains("`=`"));
        assert!(error("a x:flags?int = A;").contains("flag condition"));
    }

    #[test]
    fn docs_attach_to_the_next_definition() {
        let parsed = parse(
            "// unrelated\n\n//@class Thing @description A thing\n\n//@description First\n//@x The x\nfirst x:int = Thing; // trailing\n/* block */\nsecond = Thing;\n",
            0,
            Section::Types,
        );
        let defs = &parsed.definitions;
        assert_eq!(
            defs[0].docs,
            ["@description First", "@x The x", " trailing"]
        );
        assert_eq!(defs[1].docs, ["block"]);
        assert_eq!(
            parsed.class_docs,
            [("Thing".to_string(), "A thing".to_string())]
        );
    }

    #[test]
    fn modifiers_come_before_the_name_and_after_the_docs() {
        // VK's engines: a comment above the modifiers documents the definition; its range
        // (and so every message's) still starts at its name.
        let text =
            "// Same as nop.\n@read @internal\nengine.readNop = True;\n@any engine.nop = True;";
        let parsed = parse(text, 0, Section::Functions);
        assert_eq!(parsed.diagnostics, []);
        let defs = &parsed.definitions;
        assert_eq!(defs[0].docs, [" Same as nop."]);
        let names: Vec<&str> = defs[0].modifiers.iter().map(|m| m.value.as_str()).collect();
        assert_eq!(names, ["read", "internal"]);
        assert_eq!(&text[defs[0].modifiers[1].range.clone()], "@internal");
        assert_eq!(&text[defs[0].range.clone()], "engine.readNop = True;");
        assert_eq!(defs[1].modifiers[0].value, "any");
        assert!(defs[1].docs.is_empty());
        // A lone `@` is an error, and the definition after it is read all the same.
        let parsed = parse("@ a = B;\nb = B;", 0, Section::Types);
        assert_eq!(parsed.diagnostics.len(), 1);
        assert_eq!(parsed.definitions.len(), 1);
        assert_eq!(parsed.definitions[0].name.value, "b");
    }
}
#[cfg(test)]
mod grammar_tests {
    use crate::lexer::Section;

    /// The grammar as real files write it, all in one text.
    #[test]
    fn real_file_constructs() {
        let text = "
            int ? = Int; int32 = Int32; bytes data:string = Bytes;
            int128 4*[ int ] = Int128; vector {t:Type} # [ t ] = Vector t;
            object ? = Object; function ? = Function; true = True;
            /** A block of docs.
             * @param x the value */
            a#7efe0e x:int = A;
            ---functions---
            f {X:Type} q:!X
                y:(vector (Vector int)) = X;
            ---types---
            b flags:# c:flags.3?(vector adnl.Message) = B; // trailing
            ---functions---
            g = Bool;
        ";
        let parsed = super::parse(text, 0, Section::Types);
        assert_eq!(parsed.diagnostics, [], "{text}");
        let names: Vec<&str> = parsed
            .definitions
            .iter()
            .filter(|d| !d.builtin)
            .map(|d| d.name.value.as_str())
            .collect();
        assert_eq!(names, ["a", "f", "b", "g"]);
        let a = parsed
            .definitions
            .iter()
            .find(|d| d.name.value == "a")
            .unwrap();
        assert_eq!(a.id.as_ref().map(|i| i.value), Some(0x7efe0e));
        assert!(
            a.docs.iter().any(|d| d.contains("@param x")),
            "{:?}",
            a.docs
        );
        let sections: Vec<Section> = parsed
            .definitions
            .iter()
            .filter(|d| !d.builtin)
            .map(|d| d.section)
            .collect();
        assert_eq!(
            sections,
            [
                Section::Types,
                Section::Functions,
                Section::Types,
                Section::Functions
            ]
        );
    }

    /// VK's `=>` makes a function of a definition in the types section; `= >` is no arrow.
    #[test]
    fn an_arrow_makes_a_function() {
        let text = "a.typeA x:int = a.TypeA;\n@read a.call x:a.typeA => a.TypeA;\nb y:int = B;";
        let parsed = super::parse(text, 0, Section::Types);
        assert_eq!(parsed.diagnostics, [], "{text}");
        let sections: Vec<(&str, Section)> = parsed
            .definitions
            .iter()
            .map(|d| (d.name.value.as_str(), d.section))
            .collect();
        assert_eq!(
            sections,
            [
                ("a.typeA", Section::Types),
                ("a.call", Section::Functions),
                ("b", Section::Types)
            ]
        );
        assert_eq!(parsed.definitions[1].result.name, "a.TypeA");
        let spaced = super::parse("a x:int = > A;", 0, Section::Types);
        assert_eq!(spaced.diagnostics.len(), 1, "{:?}", spaced.diagnostics);
    }

    /// TL-formal's `%` term inside parentheses, `(%MyTuple 10)` as VK's schemas write it, is
    /// `%(MyTuple 10)`.
    #[test]
    fn percent_inside_parentheses() {
        let field_type = |text: &str| {
            let parsed = super::parse(text, 0, Section::Types);
            assert_eq!(parsed.diagnostics, [], "{text}");
            let crate::ast::FieldKind::Plain(ty) = &parsed.definitions[0].fields[0].kind else {
                panic!("{text}");
            };
            ty.clone()
        };
        let inside = field_type("a x:(Maybe (%MyTuple 10)) = A;");
        let outside = field_type("a x:(Maybe %(MyTuple 10)) = A;");
        let arg = &inside.args[0];
        assert!(arg.percent);
        assert_eq!((arg.name.as_str(), arg.args.len()), ("MyTuple", 1));
        assert_eq!(inside.to_string(), outside.to_string());
        assert_eq!(inside.nested().to_string(), "Maybe %(MyTuple 10)");
        let pair = field_type("a x:(Pair (%Vector long) %(Tuple int n)) = A;");
        assert_eq!(
            pair.nested().to_string(),
            "Pair %(Vector long) %(Tuple int n)"
        );
        // Still one `%` at most.
        let parsed = super::parse("a x:%(%MyTuple 10) = A;", 0, Section::Types);
        assert_eq!(parsed.diagnostics.len(), 1);
    }
}
