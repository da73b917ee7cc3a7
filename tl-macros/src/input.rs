//! The macro input: the runtime path the wrapper passes, `#[tl(...)]` attributes and the schema
//! string literals, read from [`Tree`]s (see [`crate::tokens`] for why not with syn).

use crate::attr::Options;
use crate::tokens::{Delim, Error, Spot, Tree};

/// Everything between the braces of `tl! { ... }`.
pub struct Input {
    /// The runtime crate's path, from the `macro_rules!` wrapper (`$crate`): its tokens' ids.
    pub runtime: Vec<usize>,
    /// Options, with every option error collected.
    pub options: Options,
    /// The schema literals, in order: each one's value and token id.
    pub literals: Vec<(String, usize)>,
    /// Errors found while reading the input, the options' included; expansion goes on with
    /// what was read.
    pub errors: Vec<Error>,
}

/// Reads the input; an `Err` is a mistake after which nothing more can be read.
pub fn parse(trees: &[Tree]) -> Result<Input, Error> {
    let Some((first, mut rest)) = trees.split_first() else {
        return Err(Error::new(
            Spot::CallSite,
            "expected the runtime's path in brackets",
        ));
    };
    let Some(runtime) = first.group(Delim::Bracket) else {
        return Err(Error::new(
            first.spot(),
            "expected the runtime's path in brackets",
        ));
    };
    let mut input = Input {
        runtime: runtime.iter().map(|t| t.id).collect(),
        options: Options::default(),
        literals: Vec::new(),
        errors: Vec::new(),
    };
    // Outer attributes: `#[tl(...)]`, once.
    let mut seen = false;
    while let [pound, after @ ..] = rest {
        if !pound.is_punct('#') {
            break;
        }
        let Some((attr, after)) = after.split_first() else {
            return Err(Error::new(pound.spot(), "expected an attribute after `#`"));
        };
        let Some(content) = attr.group(Delim::Bracket) else {
            return Err(Error::new(attr.spot(), "expected `[` after `#`"));
        };
        rest = after;
        let (path, args) = crate::tokens::split_path(content);
        let (Some(path_first), Some(path_last)) = (path.first(), path.last()) else {
            return Err(Error::new(attr.spot(), "expected an attribute's name"));
        };
        if path.len() != 1 || path_first.ident() != Some("tl") {
            input.errors.push(Error::spanning(
                path_first,
                path_last,
                "unknown attribute: `tl!` takes only `#[tl(...)]`",
            ));
            continue;
        }
        if seen {
            input.errors.push(Error::spanning(
                pound,
                attr,
                "duplicate `#[tl(...)]`: put every option in one attribute",
            ));
            continue;
        }
        seen = true;
        match args {
            [list] if list.group(Delim::Paren).is_some() => {
                let options = list.group(Delim::Paren).unwrap_or_default();
                input.options.parse(options, &mut input.errors);
            }
            _ => input.errors.push(Error::new(
                path_first.spot(),
                "expected the options in parentheses: `#[tl(...)]`",
            )),
        }
    }
    // The literals, with commas or semicolons between them tolerated.
    while let [token, after @ ..] = rest {
        rest = after;
        if let Some(value) = token.string() {
            input.literals.push((value, token.id));
        } else if token.is_punct(',') || token.is_punct(';') {
        } else {
            // One error for a whole run of stray tokens, such as a TL line written unquoted.
            input.errors.push(Error::new(
                token.spot(),
                format!(
                    "expected schema text in a string literal, found `{}`: write TL lines as \"...\" or r\"...\"",
                    token.text()
                ),
            ));
            while let [next, after @ ..] = rest {
                if next.string().is_some() {
                    break;
                }
                rest = after;
            }
        }
    }
    Ok(input)
}

#[cfg(test)]
mod tests {
    use crate::tokens::fallback;
    use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};
    use quote::quote;

    fn parse(tokens: TokenStream) -> super::Input {
        let (trees, _) = fallback::read(tokens);
        super::parse(&trees).unwrap_or_else(|e| panic!("{}", e.message))
    }

    /// Literals of every form reach the schema as their values; an invisible group (a
    /// `macro_rules!` fragment such as `$line:literal`) is looked through.
    #[test]
    fn literals_of_every_form() {
        let wrapped = TokenTree::Group(Group::new(Delimiter::None, quote!("c:int = C;")));
        let input = parse(quote! {
            [::tl_runtime] #[tl(any)] "a\tb\u{e9}\
                c", r#"raw "x""#; #wrapped
        });
        let values: Vec<&str> = input.literals.iter().map(|(v, _)| v.as_str()).collect();
        assert_eq!(values, ["a\tb\u{e9}c", "raw \"x\"", "c:int = C;"]);
        assert!(input.options.any && input.errors.is_empty());
    }

    /// `extern` types keep their commas inside angle brackets and after `->`; each option's
    /// error leaves the others read.
    #[test]
    fn options_with_types_and_errors() {
        let input = parse(quote! {
            [x] #[tl(extern(A = std::collections::HashMap<u8, Vec<u8>>, B = fn(u8) -> u8),
                    crate = "::my rt", layer = 228, only(a, "b.c", r#type))]
        });
        let externs: Vec<(&str, usize)> = input
            .options
            .externs
            .iter()
            .map(|e| (e.name.as_str(), e.ty.len()))
            .collect();
        // `std : : collections : : HashMap < u8 , Vec < u8 > >`: 15 tokens, `fn (u8) - > u8`: 5.
        assert_eq!(externs, [("A", 15), ("B", 5)]);
        assert_eq!(input.options.layer, Some(228));
        let only: Vec<&str> = input
            .options
            .only
            .0
            .iter()
            .map(|(n, _)| n.as_str())
            .collect();
        assert_eq!(only, ["a", "b.c", "type"]);
        let errors: Vec<&str> = input.errors.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(
            errors,
            [
                "`crate = \"::my rt\"` is not a path: write the runtime's path, such as \"::tl_runtime\""
            ]
        );
    }
}
