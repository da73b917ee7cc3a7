//! The macro's input as plain data, and its head as pieces: `tl!` reads its tokens through the
//! compiler's own `proc_macro` API, without syn, quote or proc-macro2.
//!
//! Those three are a chain that every clean build compiles before the macro can run (about a
//! second and a half on this project's machine, on the critical path before the crate holding
//! the schema can start); `tl!`'s input is a bracketed path, one attribute and string literals,
//! which a few dozen lines read. The derives, which need a Rust item parsed, are built on syn
//! and darling behind the `derive` feature.
//!
//! [`Tree`] is one token, with an id into the table of the original tokens that the entry point
//! keeps: errors point at tokens by id ([`Spot`]), and the pieces of the output that must keep
//! the user's tokens (the runtime's `$crate`, a `derive(...)` path, an `extern(...)` type) name
//! them by id ([`Piece::Input`]), so that they reach the output as they came, spans and
//! hygiene included. The conversion to and from the compiler's tokens is written once, for
//! `proc_macro` (the macro) and for `proc_macro2` (the unit tests, which cannot call the
//! compiler).

/// One token of the input.
#[derive(Clone, Debug)]
pub struct Tree {
    /// Its index in the entry point's table of original tokens.
    pub id: usize,
    pub kind: Kind,
}

/// What a token is.
#[derive(Clone, Debug)]
pub enum Kind {
    /// A delimited group and what it holds (groups without delimiters are flattened).
    Group(Delim, Vec<Tree>),
    /// An identifier, as written (`r#type` included).
    Ident(String),
    /// A punctuation character.
    Punct(char),
    /// A literal, as written (`"a\n"`, `r#"..."#`, `228`).
    Literal(String),
}

/// A group's delimiter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delim {
    Paren,
    Bracket,
    Brace,
}

impl Tree {
    pub fn ident(&self) -> Option<&str> {
        match &self.kind {
            Kind::Ident(s) => Some(s),
            _ => None,
        }
    }

    pub fn is_punct(&self, c: char) -> bool {
        matches!(self.kind, Kind::Punct(p) if p == c)
    }

    pub fn group(&self, delim: Delim) -> Option<&[Tree]> {
        match &self.kind {
            Kind::Group(d, inner) if *d == delim => Some(inner),
            _ => None,
        }
    }

    /// The value of a string literal (escapes resolved, raw strings included); `None` for any
    /// other token.
    pub fn string(&self) -> Option<String> {
        match &self.kind {
            Kind::Literal(text) => litrs::StringLit::parse(text.as_str())
                .ok()
                .map(|lit| lit.value().to_string()),
            _ => None,
        }
    }

    /// The token as written, for messages.
    pub fn text(&self) -> String {
        match &self.kind {
            Kind::Group(delim, inner) => {
                let (open, close) = match delim {
                    Delim::Paren => ("(", ")"),
                    Delim::Bracket => ("[", "]"),
                    Delim::Brace => ("{", "}"),
                };
                let inner: Vec<String> = inner.iter().map(Tree::text).collect();
                format!("{open}{}{close}", inner.join(" "))
            }
            Kind::Ident(s) | Kind::Literal(s) => s.clone(),
            Kind::Punct(c) => c.to_string(),
        }
    }

    /// The token's own span, as a [`Spot`].
    pub fn spot(&self) -> Spot {
        Spot::Token(self.id)
    }
}

/// `trees` split after the path they start with (`tl`, `a::b`): the path's tokens, and the rest.
pub fn split_path(trees: &[Tree]) -> (&[Tree], &[Tree]) {
    let len = trees
        .iter()
        .take_while(|t| t.ident().is_some() || t.is_punct(':'))
        .count();
    trees.split_at(len)
}

/// Where an error points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spot {
    /// The macro call.
    CallSite,
    /// A token (a group's whole span for a group).
    Token(usize),
}

/// An error of the input or the schema: its message, from the start of one token to the end of
/// another (the same one, mostly).
#[derive(Clone, Debug)]
pub struct Error {
    pub message: String,
    pub start: Spot,
    pub end: Spot,
}

impl Error {
    pub fn new(spot: Spot, message: impl Into<String>) -> Self {
        Error {
            message: message.into(),
            start: spot,
            end: spot,
        }
    }

    /// An error over the tokens from `first` to `last`.
    pub fn spanning(first: &Tree, last: &Tree, message: impl Into<String>) -> Self {
        Error {
            message: message.into(),
            start: first.spot(),
            end: last.spot(),
        }
    }
}

/// A piece of the macro's head (what comes before the generated code).
#[derive(Clone, Debug)]
pub enum Piece {
    /// Source text, lexed at the macro call.
    Text(String),
    /// Source text, lexed with every token at the span of input token `id` (a `crate = "..."`
    /// path: a path that does not resolve is an error at the literal).
    TextAt(String, usize),
    /// Input tokens as they came, by id (the runtime path, a `derive(...)` path, an
    /// `extern(...)` type).
    Input(Vec<usize>),
    /// `compile_error!` with the message, spanning the error's tokens.
    Error(Error),
}

/// The conversion of one token API (`proc_macro` or `proc_macro2`, whose types have the same
/// names and methods) to [`Tree`]s and of [`Piece`]s back to it.
macro_rules! token_api {
    ($api:ident) => {
        use super::{Delim, Kind, Piece, Spot, Tree};
        use $api::{
            Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree,
        };

        /// The trees of `stream`, and the table of original tokens their ids index.
        pub fn read(stream: TokenStream) -> (Vec<Tree>, Vec<TokenTree>) {
            let mut table = Vec::new();
            let trees = convert(stream, &mut table);
            (trees, table)
        }

        fn convert(stream: TokenStream, table: &mut Vec<TokenTree>) -> Vec<Tree> {
            let mut out = Vec::new();
            for token in stream {
                let kind = match &token {
                    TokenTree::Group(g) => {
                        let delim = match g.delimiter() {
                            Delimiter::Parenthesis => Delim::Paren,
                            Delimiter::Bracket => Delim::Bracket,
                            Delimiter::Brace => Delim::Brace,
                            // An invisible group (a `macro_rules!` fragment): its tokens.
                            Delimiter::None => {
                                out.extend(convert(g.stream(), table));
                                continue;
                            }
                        };
                        Kind::Group(delim, convert(g.stream(), table))
                    }
                    TokenTree::Ident(i) => Kind::Ident(i.to_string()),
                    TokenTree::Punct(p) => Kind::Punct(p.as_char()),
                    TokenTree::Literal(l) => Kind::Literal(l.to_string()),
                };
                out.push(Tree {
                    id: table.len(),
                    kind,
                });
                table.push(token);
            }
            out
        }

        fn span(table: &[TokenTree], spot: Spot) -> Span {
            match spot {
                Spot::CallSite => Span::call_site(),
                Spot::Token(id) => table.get(id).map_or_else(Span::call_site, TokenTree::span),
            }
        }

        /// The pieces as tokens: `text` lexed at the call site (text that does not lex, a bug,
        /// becomes an error saying so).
        pub fn write(pieces: &[Piece], table: &[TokenTree]) -> TokenStream {
            let mut out = TokenStream::new();
            for piece in pieces {
                match piece {
                    Piece::Text(text) => out.extend(lex(text)),
                    Piece::TextAt(text, id) => {
                        let at = span(table, Spot::Token(*id));
                        out.extend(respan(lex(text), at));
                    }
                    Piece::Input(ids) => {
                        out.extend(ids.iter().filter_map(|id| table.get(*id).cloned()));
                    }
                    Piece::Error(e) => out.extend(compile_error(
                        &e.message,
                        span(table, e.start),
                        span(table, e.end),
                    )),
                }
            }
            out
        }

        /// `text` as tokens, or a `compile_error!` if it does not lex (never, for what the
        /// macro writes: names are sanitized and strings escaped).
        pub fn lex(text: &str) -> TokenStream {
            match text.parse::<TokenStream>() {
                Ok(tokens) => tokens,
                Err(e) => compile_error(
                    &crate::pipeline::internal_lex_error(&e),
                    Span::call_site(),
                    Span::call_site(),
                ),
            }
        }

        fn respan(tokens: TokenStream, at: Span) -> TokenStream {
            tokens
                .into_iter()
                .map(|mut token| {
                    if let TokenTree::Group(g) = &token {
                        let mut group = Group::new(g.delimiter(), respan(g.stream(), at));
                        group.set_span(at);
                        token = TokenTree::Group(group);
                    } else {
                        token.set_span(at);
                    }
                    token
                })
                .collect()
        }

        /// `::core::compile_error! { "message" }`, its first tokens at `start` and the rest at
        /// `end`, so that the compiler underlines from one to the other (as syn's errors do).
        fn compile_error(message: &str, start: Span, end: Span) -> TokenStream {
            let punct = |c, spacing, span| {
                let mut p = Punct::new(c, spacing);
                p.set_span(span);
                TokenTree::Punct(p)
            };
            let mut literal = Literal::string(message);
            literal.set_span(end);
            let mut body = Group::new(
                Delimiter::Brace,
                TokenStream::from(TokenTree::Literal(literal)),
            );
            body.set_span(end);
            [
                punct(':', Spacing::Joint, start),
                punct(':', Spacing::Alone, start),
                TokenTree::Ident(Ident::new("core", start)),
                punct(':', Spacing::Joint, start),
                punct(':', Spacing::Alone, start),
                TokenTree::Ident(Ident::new("compile_error", start)),
                punct('!', Spacing::Alone, start),
                TokenTree::Group(body),
            ]
            .into_iter()
            .collect()
        }
    };
}

/// The compiler's tokens (the macro).
pub mod compiler {
    token_api!(proc_macro);
}

/// proc-macro2's tokens (the unit tests, outside the compiler).
#[cfg(test)]
pub mod fallback {
    token_api!(proc_macro2);
}
