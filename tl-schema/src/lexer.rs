//! TL text to tokens with byte ranges. Never fails: text it cannot read becomes an
//! [`TokenKind::Unknown`] token that the parser reports where it finds it.

use core::ops::Range;

/// A section marker: `---types---` or `---functions---` (spaces inside allowed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    /// Constructors of types.
    Types,
    /// Functions (RPC methods).
    Functions,
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// A name: letters, digits, `_` and `.`, starting with a letter or `_`
    /// (`phone.discardCall`, `flags.0`, `Vector`, `int128`).
    Ident,
    /// A constructor id written right after `#`: `#b2cbc1c0`. Any letters or digits against
    /// the `#` are one, so that `c#zz` is a bad id, not a `#` field and a `zz` one.
    Id,
    /// Decimal digits, as in `4*[ int ]`.
    Number,
    /// `#` on its own: the natural-number type of flag fields.
    Hash,
    /// `:`
    Colon,
    /// `?`
    Question,
    /// `=`
    Eq,
    /// `;`
    Semi,
    /// `<`
    Lt,
    /// `>`
    Gt,
    /// `,`
    Comma,
    /// `{`
    LBrace,
    /// `}`
    RBrace,
    /// `(`
    LParen,
    /// `)`
    RParen,
    /// `[`
    LBracket,
    /// `]`
    RBracket,
    /// `*`
    Star,
    /// `%`
    Percent,
    /// `!`
    Bang,
    /// A section marker.
    Section(Section),
    /// A `//` line comment (its range covers the text after `//`, to the end of the line).
    LineComment,
    /// A `/* */` comment.
    BlockComment,
    /// Something that is not TL: a stray character, an unterminated comment.
    Unknown(&'static str),
    /// A line of dashes that is neither `---types---` nor `---functions---`.
    BadSection,
    /// A layer marker, `===8===`: the definitions after it are those of layer 8 (MadelineProto's
    /// multi-layer secret-chat schema). Its range covers the whole marker.
    Layer(u32),
    /// A run of `===` that is not a layer marker, such as `===x===` or `===8=`.
    BadLayer,
    /// `@read`: a modifier before a definition, as VK's schemas mark functions (`@any`,
    /// `@read`, `@write`, `@readwrite`, `@internal`, `@kphp`). Its range covers the `@`; a lone
    /// `@` is one with no name.
    Modifier,
}

/// A token: its kind and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// What it is.
    pub kind: TokenKind,
    /// Its bytes in the source text.
    pub range: Range<usize>,
}

// `matches!` and `inline(always)`, for `tl!`: it runs the lexer unoptimized, where each
// `is_ascii_*` and each helper is a call per byte (half a million for the Telegram API).
#[inline(always)]
fn is_ident_start(b: u8) -> bool {
    matches!(b, b'a'..=b'z' | b'A'..=b'Z' | b'_')
}

#[inline(always)]
fn is_ident_continue(b: u8) -> bool {
    matches!(b, b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' | b'.')
}

/// Splits `text` into tokens, comments included, whitespace dropped.
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let start = i;
        let kind = match b {
            b' ' | b'\t' | b'\r' | b'\n' | 0x0b | 0x0c => {
                i += 1;
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i += 2;
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                tokens.push(Token {
                    kind: TokenKind::LineComment,
                    range: start + 2..i,
                });
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => match text[i + 2..].find("*/") {
                Some(end) => {
                    i += 2 + end + 2;
                    TokenKind::BlockComment
                }
                None => {
                    i = bytes.len();
                    TokenKind::Unknown("unterminated `/*` comment")
                }
            },
            b'-' if text[i..].starts_with("---") => {
                let (kind, end) = section(text, i);
                i = end;
                kind
            }
            // Byte by byte: a `=` ends every definition, and `tl!` runs this unoptimized.
            b'=' if bytes.get(i + 1) == Some(&b'=') && bytes.get(i + 2) == Some(&b'=') => {
                let (kind, end) = layer(text, i);
                i = end;
                kind
            }
            b'#' => {
                i += 1;
                if i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                    while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                        i += 1;
                    }
                    TokenKind::Id
                } else {
                    TokenKind::Hash
                }
            }
            b'@' => {
                i = run(bytes, i + 1, is_ident_continue);
                TokenKind::Modifier
            }
            b if is_ident_start(b) => {
                while i < bytes.len() && is_ident_continue(bytes[i]) {
                    i += 1;
                }
                TokenKind::Ident
            }
            b if b.is_ascii_digit() => {
                while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                TokenKind::Number
            }
            _ => {
                let kind = match b {
                    b':' => TokenKind::Colon,
                    b'?' => TokenKind::Question,
                    b'=' => TokenKind::Eq,
                    b';' => TokenKind::Semi,
                    b'<' => TokenKind::Lt,
                    b'>' => TokenKind::Gt,
                    b',' => TokenKind::Comma,
                    b'{' => TokenKind::LBrace,
                    b'}' => TokenKind::RBrace,
                    b'(' => TokenKind::LParen,
                    b')' => TokenKind::RParen,
                    b'[' => TokenKind::LBracket,
                    b']' => TokenKind::RBracket,
                    b'*' => TokenKind::Star,
                    b'%' => TokenKind::Percent,
                    b'!' => TokenKind::Bang,
                    _ => TokenKind::Unknown("unexpected character"),
                };
                // Step over a whole UTF-8 character so ranges stay on char boundaries.
                i += text[i..].chars().next().map_or(1, char::len_utf8);
                kind
            }
        };
        tokens.push(Token {
            kind,
            range: start..i,
        });
    }
    tokens
}

/// Where the run of bytes that `f` accepts, from `i`, ends.
fn run(bytes: &[u8], mut i: usize, f: impl Fn(u8) -> bool) -> usize {
    while i < bytes.len() && f(bytes[i]) {
        i += 1;
    }
    i
}

/// The parts of a marker at `start`: a run of `fence`, blanks, a body of the bytes `body`
/// accepts, blanks, and a closing run of `fence`. Gives the body's range, the closing run's
/// length, and where the marker ends.
fn marker(
    bytes: &[u8],
    start: usize,
    fence: u8,
    body: fn(u8) -> bool,
) -> (Range<usize>, usize, usize) {
    let is_blank = |b: u8| b == b' ' || b == b'\t';
    let body_start = run(bytes, run(bytes, start, |b| b == fence), is_blank);
    let body_end = run(bytes, body_start, body);
    let closing = run(bytes, body_end, is_blank);
    let end = run(bytes, closing, |b| b == fence);
    (body_start..body_end, end - closing, end)
}

/// Reads a section marker starting at `start` (which begins with `---`).
fn section(text: &str, start: usize) -> (TokenKind, usize) {
    let (word, closing, end) = marker(text.as_bytes(), start, b'-', |b| b.is_ascii_alphabetic());
    let kind = match &text[word] {
        _ if closing < 3 => TokenKind::BadSection,
        "types" => TokenKind::Section(Section::Types),
        "functions" => TokenKind::Section(Section::Functions),
        _ => TokenKind::BadSection,
    };
    (kind, end)
}

/// Reads a layer marker starting at `start` (which begins with `===`): `===`, the layer's
/// decimal number, `===`, with spaces allowed between them as in a section marker.
fn layer(text: &str, start: usize) -> (TokenKind, usize) {
    let bytes = text.as_bytes();
    let (digits, closing, end) = marker(bytes, start, b'=', |b| b.is_ascii_digit());
    match text[digits].parse::<u32>() {
        Ok(layer) if closing >= 3 => (TokenKind::Layer(layer), end),
        // A marker is one word: whatever else is glued to it belongs to the bad one.
        _ => (
            TokenKind::BadLayer,
            run(bytes, end, |b| b.is_ascii_alphanumeric() || b == b'='),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<TokenKind> {
        tokenize(text).into_iter().map(|t| t.kind).collect()
    }

    #[test]
    fn definition_tokens() {
        use TokenKind::*;
        assert_eq!(
            kinds("a.b#1f x:flags.0?true = T; // c"),
            [
                Ident,
                Id,
                Ident,
                Colon,
                Ident,
                Question,
                Ident,
                Eq,
                Ident,
                Semi,
                LineComment
            ]
        );
        assert_eq!(kinds("c#zz = C;"), [Ident, Id, Eq, Ident, Semi]);
        assert_eq!(
            kinds("vector {t:Type} # [ t ] = Vector t;"),
            [
                Ident, LBrace, Ident, Colon, Ident, RBrace, Hash, LBracket, Ident, RBracket, Eq,
                Ident, Ident, Semi
            ]
        );
    }

    #[test]
    fn sections_with_and_without_spaces() {
        assert_eq!(
            kinds("---functions--- --- types ---"),
            [
                TokenKind::Section(Section::Functions),
                TokenKind::Section(Section::Types)
            ]
        );
        assert!(matches!(kinds("---nope---")[0], TokenKind::BadSection));
    }

    #[test]
    fn layer_markers() {
        assert_eq!(
            kinds("===8===\n=== 144 ===="),
            [TokenKind::Layer(8), TokenKind::Layer(144)]
        );
        for bad in ["===x===", "===8=", "===8==", "======", "===99999999999==="] {
            assert_eq!(kinds(bad), [TokenKind::BadLayer], "{bad}");
        }
        // One `=` is a definition's.
        assert_eq!(
            kinds("= T;"),
            [TokenKind::Eq, TokenKind::Ident, TokenKind::Semi]
        );
    }

    #[test]
    fn non_ascii_is_one_unknown_token_and_comments_keep_it() {
        let tokens = tokenize("é // ünïcode\n/* ж */");
        assert_eq!(tokens.len(), 3);
        assert_eq!(tokens[0].range, 0..2);
        assert!(matches!(tokens[0].kind, TokenKind::Unknown(_)));
        assert_eq!(tokens[1].kind, TokenKind::LineComment);
        assert_eq!(tokens[2].kind, TokenKind::BlockComment);
        assert!(matches!(kinds("/* open")[0], TokenKind::Unknown(_)));
    }
}
