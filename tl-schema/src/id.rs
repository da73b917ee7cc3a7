//! Constructor ids: the CRC32 of a definition's normalized text, by Telegram's or TDLib's rule.

use crate::ast::{Definition, Field, FieldKind, Type};

/// How ids are computed from the text of a definition.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum IdRule {
    /// Telegram's (`api.tl`, `mtproto.tl`, `secret_api.tl`): `name:flags.N?true` fields are left
    /// out, and a field of type `bytes` (plain or conditional, not inside `Vector<bytes>`) is
    /// written `string`.
    #[default]
    Telegram,
    /// TDLib's and TON's (`td_api.tl`, `ton_api.tl`, `lite_api.tl`): the text as it is.
    Tdlib,
}

impl IdRule {
    /// The rule a schema's own text implies, for when none is named: Telegram's when at least
    /// half of its lines (builtin ones too) write their id, TDLib's when most do not.
    ///
    /// Telegram publishes every line with its id, and only the ids it wrote before `bytes`
    /// became a type of its own, or before `flags.N?true` fields, need its rule. TDLib and TON
    /// write no ids, or only the few they froze (`ton_api.tl` writes 4 of 659), and their
    /// parser, which computes the rest, keeps the line as it is: TON's `pub.overlay name:bytes =
    /// PublicKey` is #34ba45cb on the wire, where Telegram's rule would give #672089f6, and
    /// TDLib's `e2e.personalContactState flags:# is_contact:flags.0?true = e2e.Personal` is
    /// #c14ac456, not #3e67fdbd. Builtin lines count: Telegram writes `boolTrue#997275b5` and
    /// `vector#1cb5c415`, TON's `int ? = Int;` has no id. A tie, and an empty schema, is
    /// Telegram's.
    pub fn detect(definitions: &[Definition]) -> IdRule {
        let written = definitions.iter().filter(|d| d.id.is_some()).count();
        let unwritten = definitions.len() - written;
        if unwritten > written {
            IdRule::Tdlib
        } else {
            IdRule::Telegram
        }
    }
}

/// Telegram's id of `def` with each `%T` in its fields written as the name of `T`'s only
/// constructor among `defs`: the MTProto schema's `msg_container#73f1f8dc
/// messages:vector<%Message> = MessageContainer` is the CRC of `… messages:vector message = …`.
/// `None` where no field has such a `%T`. TDLib's printer keeps `%Message`, so under its rule
/// [`compute`] alone is the id.
pub fn through_constructors(defs: &[Definition], def: &Definition) -> Option<u32> {
    let copy = rewritten(def, |ty| {
        if !ty.is_percent_boxed() {
            return false;
        }
        let mut ctors = defs
            .iter()
            .filter(|d| d.section == crate::Section::Types && d.result.name == ty.name);
        let (Some(only), None) = (ctors.next(), ctors.next()) else {
            return false;
        };
        ty.name = only.name.value.clone();
        ty.percent = false;
        true
    })?;
    Some(compute(&copy, IdRule::Telegram))
}

/// `def` with each `int53` type written `long`, or `None` where it has none. mtcute's copies
/// of Telegram's schema write `int53` for a `long` that holds an id (a JavaScript number) and
/// keep the ids of Telegram's lines, which say `long` (`channelFull_layer197#9ff3b858 …
/// id:int53`).
pub fn int53_as_long(def: &Definition) -> Option<Definition> {
    rewritten(def, |ty| {
        let hit = ty.name == "int53";
        if hit {
            ty.name = "long".to_string();
        }
        hit
    })
}

/// A copy of `def` in which `rewrite` has seen every type of its fields, type arguments and
/// repeated fields included, or `None` when it changed none (it says whether it did).
fn rewritten(def: &Definition, mut rewrite: impl FnMut(&mut Type) -> bool) -> Option<Definition> {
    fn ty(t: &mut Type, rewrite: &mut impl FnMut(&mut Type) -> bool, hit: &mut bool) {
        *hit |= rewrite(t);
        for arg in &mut t.args {
            ty(arg, rewrite, hit);
        }
    }
    fn fields(list: &mut [Field], rewrite: &mut impl FnMut(&mut Type) -> bool, hit: &mut bool) {
        for field in list {
            match &mut field.kind {
                FieldKind::Plain(t) | FieldKind::Conditional { ty: t, .. } => ty(t, rewrite, hit),
                FieldKind::Repeat { fields: inner, .. } => fields(inner, rewrite, hit),
                FieldKind::Opaque => {}
            }
        }
    }
    let mut copy = def.clone();
    let mut hit = false;
    fields(&mut copy.fields, &mut rewrite, &mut hit);
    hit.then_some(copy)
}

/// Whether `written` is `def`'s id under `rule`: the one [`compute`] gives or, under Telegram's
/// rule, the one [`through_constructors`] gives with `defs`, the schema `def` is in; or that of
/// an old layer's form ([`of_older_layer`]); or, under Telegram's rule, one of those of its line
/// with `long` for `int53` ([`int53_as_long`]).
pub fn holds(defs: &[Definition], def: &Definition, rule: IdRule, written: u32) -> bool {
    written == compute(def, rule)
        || (rule == IdRule::Telegram && through_constructors(defs, def) == Some(written))
        || of_older_layer(def, rule) == Some(written)
        || (rule == IdRule::Telegram
            && int53_as_long(def).is_some_and(|long| {
                written == compute(&long, rule) || of_older_layer(&long, rule) == Some(written)
            }))
}

/// The id of `def` under the name it had before a later layer took it: the secret-chat schema
/// keeps a constructor of an old layer with the layer's number after its name, and the id of
/// the un-suffixed name with the same fields (`decryptedMessageMediaPhoto8#32798a8c`, which
/// TDLib's older copies call `decryptedMessageMediaPhoto23`, is the CRC of
/// `decryptedMessageMediaPhoto thumb:string …`); mtcute's `compat.tl` writes `_layer` before
/// the number (`emojiStatus_layer197#929b619d`). `None` unless the name ends in digits after a
/// letter.
pub fn of_older_layer(def: &Definition, rule: IdRule) -> Option<u32> {
    let name = def.name.value.as_str();
    let base = unnumbered(name)?;
    // The text begins with the name: put the unnumbered one in its place.
    let mut text = normalized(def, rule);
    text.replace_range(..name.len(), base);
    Some(crc32fast::hash(text.as_bytes()))
}

/// The name `name` had before a later layer took it, as [`of_older_layer`] reads it:
/// `decryptedMessage` for `decryptedMessage8` and for mtcute's `decryptedMessage_layer8`.
/// `None` unless the name ends in digits after a letter.
pub fn unnumbered(name: &str) -> Option<&str> {
    let digits = name.trim_end_matches(|c: char| c.is_ascii_digit());
    if digits.len() == name.len() || !digits.ends_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    Some(
        digits
            .strip_suffix("_layer")
            .filter(|b| !b.is_empty() && !b.ends_with('.'))
            .unwrap_or(digits),
    )
}

/// Ids that the published schemas write on purpose although they are not the CRC of their
/// line, each as its definition's name and written id. The servers and clients use the written
/// id, so it is the right one on the wire: the computed one, which a mismatch error would
/// otherwise point to, is wrong there. [`frozen`] accepts exactly these pairs; any other id
/// written on these names is checked as usual, so a typo is still caught.
pub const FROZEN: &[(&str, u32)] = &[
    // Telegram's `mtproto.tl` (and TDLib's `telegram_api.tl` header, Pyrogram's, GramJS's and
    // grammers' copies of it): ids kept from an older text of the line.
    ("ipPortSecret", 0x37982646),
    ("accessPointRule", 0x4679b65f),
    ("help.configSimple", 0x5a592a6c),
    // TDLib's `telegram_api.tl` header: its own legacy constructors, and the `…Prefix` twins of
    // four `invokeWith…` functions, which share the id of the function they stand for.
    ("inputPeerPhotoFileLocationLegacy", 0x27d69997),
    ("inputStickerSetThumbLegacy", 0x0dbaeae9),
    ("invokeWithBusinessConnectionPrefix", 0xdd289f8e),
    ("invokeWithGooglePlayIntegrityPrefix", 0x1df92984),
    ("invokeWithApnsSecretPrefix", 0x0dae54f8),
    ("invokeWithReCaptchaPrefix", 0xadbb0f94),
    // The secret-chat schema (`secret_api.tl`): layer 143's `size:long` document kept the id of
    // the line before it. (Its constructors of old layers, `decryptedMessage8` and the like,
    // keep the ids of their un-suffixed names: [`of_older_layer`].)
    ("decryptedMessageMediaDocument", 0x6abd9782),
    // TDLib's `mtproto_api.tl` gives `gzip_packed#3072cfa1 packed_data:string` the result
    // `GzipPacked`; the id is that of `= Object`, as Telegram's `mtproto.tl` writes it.
    ("gzip_packed", 0x3072cfa1),
    // TON's `ton_api.tl` and `lite_api.tl`: ids kept although the line changed.
    ("tonNode.capabilities", 0xf5bf60c0),
    ("db.block.info", 0x4ac6e727),
    ("collatorNode.pong", 0x5bbf0521),
    ("consensus.broadcastExtraLegacy", 0x921297fa),
    ("liteServer.transactionId", 0xb12f65af),
    ("liteServer.signatureSet.ordinary", 0xf644a6e6),
    ("liteServer.getValidatorStats", 0x091a58bc),
];

/// Whether `name#written` is one of the [`FROZEN`] ids.
pub fn frozen(name: &str, written: u32) -> bool {
    FROZEN.iter().any(|&(n, id)| n == name && id == written)
}

/// The CRC32 (IEEE) of [`normalized`].
pub fn compute(def: &Definition, rule: IdRule) -> u32 {
    crc32fast::hash(normalized(def, rule).as_bytes())
}

/// The text whose CRC32 is the id: the definition without `#id` and `;`, single-spaced, `<` as a
/// space and `>`, `{`, `}`, `(`, `)` dropped, with the rule's changes to fields.
///
/// Built with `push_str` and `format!`, not `write!` into the `String`: `tl!` runs this
/// unoptimized for every definition, where `write!` calls `String`'s `fmt::Write` compiled
/// unoptimized once per piece of the template, and `format!` the standard library's optimized
/// copy.
pub fn normalized(def: &Definition, rule: IdRule) -> String {
    let mut out = def.name.value.clone();
    for param in def.type_params.iter().filter(|p| !p.implicit) {
        out.push_str(&format!(" {}:{}", param.name.value, param.kind));
    }
    for field in &def.fields {
        if let Some(text) = field_text(field, rule) {
            out.push(' ');
            out.push_str(&text);
        }
    }
    out.push_str(&format!(" = {}", def.result));
    out
}

fn field_text(field: &Field, rule: IdRule) -> Option<String> {
    let name = field.name.as_ref().map(|n| n.value.as_str());
    let mut out = String::new();
    if let Some(name) = name {
        out.push_str(name);
        out.push(':');
    }
    match &field.kind {
        FieldKind::Plain(ty) => out.push_str(&top_level_type(ty, rule)),
        FieldKind::Conditional { flag, bit, ty } => {
            if rule == IdRule::Telegram && is_plain(ty, "true") {
                return None;
            }
            out.push_str(&format!(
                "{}.{}?{}",
                flag.value,
                bit.value,
                top_level_type(ty, rule)
            ));
        }
        // A counted tuple (`xs:(Tuple int n)`) as written.
        FieldKind::Repeat {
            tuple: Some(ty), ..
        } => out.push_str(&top_level_type(ty, rule)),
        FieldKind::Repeat {
            multiplier, fields, ..
        } => {
            if let Some(multiplier) = multiplier {
                out.push_str(&multiplier.prefix());
            }
            out.push_str("[ ");
            for inner in fields {
                if let Some(text) = field_text(inner, rule) {
                    out.push_str(&text);
                    out.push(' ');
                }
            }
            out.push(']');
        }
        FieldKind::Opaque => out.push('?'),
    }
    Some(out)
}

fn is_plain(ty: &Type, name: &str) -> bool {
    ty.name == name && ty.args.is_empty() && !ty.bang && !ty.percent
}

fn top_level_type(ty: &Type, rule: IdRule) -> String {
    if rule == IdRule::Telegram && is_plain(ty, "bytes") {
        "string".to_string()
    } else {
        // `format!`, not `to_string`: see [`normalized`].
        format!("{ty}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexer::Section;

    fn id(line: &str, rule: IdRule) -> u32 {
        let parsed = crate::parser::parse(line, 0, Section::Types);
        assert_eq!(parsed.diagnostics, [], "{line}");
        compute(&parsed.definitions[0], rule)
    }

    /// Real lines whose written ids are known to be right.
    #[test]
    fn telegram_rule_on_real_lines() {
        let lines = [
            "phone.discardCall#b2cbc1c0 flags:# video:flags.0?true peer:InputPhoneCall duration:int reason:PhoneCallDiscardReason connection_id:long = Updates;",
            "vector#1cb5c415 {t:Type} # [ t ] = Vector t;",
            "invokeWithLayer#da9b0d0d {X:Type} layer:int query:!X = X;",
            "boolTrue#997275b5 = Bool;",
            "true#3fedd339 = True;",
            "resPQ#05162463 nonce:int128 server_nonce:int128 pq:string server_public_key_fingerprints:Vector<long> = ResPQ;",
            "ipPort#d433ad73 ipv4:int port:int = IpPort;",
            "future_salts#ae500895 req_msg_id:long now:int salts:vector<future_salt> = FutureSalts;",
            "inputPhoneCall#1e36fded id:long access_hash:long = InputPhoneCall;",
            "decryptedMessageActionReadMessages#c4f40be random_ids:Vector<long> = DecryptedMessageAction;",
        ];
        for line in lines {
            let parsed = crate::parser::parse(line, 0, Section::Types);
            let def = &parsed.definitions[0];
            assert_eq!(
                Some(compute(def, IdRule::Telegram)),
                def.id.as_ref().map(|i| i.value),
                "{line}: {}",
                normalized(def, IdRule::Telegram)
            );
        }
    }

    /// mtcute's `compat.tl`: old layers' constructors named `…_layerN`, with `int53` for the
    /// `long`s that hold ids, and the ids Telegram gave their lines.
    #[test]
    fn mtcute_compat_lines() {
        let holds = |line: &str, rule| {
            let parsed = crate::parser::parse(line, 0, Section::Types);
            let def = &parsed.definitions[0];
            let written = def.id.as_ref().unwrap().value;
            super::holds(core::slice::from_ref(def), def, rule, written)
        };
        for line in [
            "emojiStatus_layer197#929b619d document_id:long = EmojiStatus;",
            "phoneCallDiscardReasonAllowGroupCall_layer202#afe2b839 encrypted_key:bytes = PhoneCallDiscardReason;",
            "starGiftUnique_layer197#3482f322 flags:# id:long title:string slug:string num:int owner_id:flags.0?int53 owner_name:flags.1?string attributes:Vector<StarGiftAttribute> availability_issued:int availability_total:int = StarGift;",
        ] {
            assert!(holds(line, IdRule::Telegram), "{line}");
        }
        // Not another id, nor `int53` read as `long` by TDLib's rule, where it is a type.
        assert!(!holds(
            "emojiStatus_layer197#929b619e document_id:long = EmojiStatus;",
            IdRule::Telegram
        ));
        assert!(!holds(
            "emojiStatus#929b619d document_id:int53 = EmojiStatus;",
            IdRule::Tdlib
        ));
        assert!(holds(
            "emojiStatus#929b619d document_id:int53 = EmojiStatus;",
            IdRule::Telegram
        ));
    }

    /// TL's own schema of `.tlo` files as core.telegram.org/mtproto/TL-tl writes it (no ids):
    /// each computed id is the one Telegram's TL parser defines for it (`tl-tl.h`:
    /// `TLS_SCHEMA_V2`, `TLS_TYPE`, … ; the page gives `3a2f9be2` and the normalized text of
    /// `tls.schema_v2`, brackets spaced: `types:types_num*[ tls.Type ]`).
    #[test]
    fn repetitions_in_tls_lines() {
        let lines = [
            (
                "tls.schema_v2 version:int date:int types_num:# types:types_num*[tls.Type] constructor_num:# constructors:constructor_num*[tls.Combinator] functions_num:# functions:functions_num*[tls.Combinator] = tls.Schema;",
                0x3a2f_9be2,
            ),
            (
                "tls.combinatorLeft args_num:# args:args_num*[tls.Arg] = tls.CombinatorLeft;",
                0x4c12_c6d9,
            ),
            (
                "tls.array multiplicity:tls.NatExpr args_num:# args:args_num*[tls.Arg] = tls.TypeExpr;",
                0xd9fb_20de,
            ),
            (
                "tls.typeExpr name:int flags:int children_num:# children:children_num*[tls.Expr] = tls.TypeExpr;",
                0xc186_3d08,
            ),
            (
                "tls.arg id:string flags:# var_num:flags.1?int exist_var_num:flags.2?int exist_var_bit:flags.2?int type:tls.TypeExpr = tls.Arg;",
                0x29df_e61b,
            ),
        ];
        for (line, known) in lines {
            assert_eq!(id(line, IdRule::Telegram), known, "{line}");
            assert_eq!(id(line, IdRule::Tdlib), known, "{line}");
        }
        let parsed = crate::parser::parse(lines[0].0, 0, Section::Types);
        assert!(
            normalized(&parsed.definitions[0], IdRule::Telegram)
                .contains(" types_num:# types:types_num*[ tls.Type ] constructor_num:#"),
        );
    }

    #[test]
    fn normalization_drops_true_flags_and_renames_bytes() {
        let parsed = crate::parser::parse(
            "a flags:# b:flags.0?true c:bytes d:flags.1?bytes e:Vector<bytes> = A;",
            0,
            Section::Types,
        );
        let def = &parsed.definitions[0];
        assert_eq!(
            normalized(def, IdRule::Telegram),
            "a flags:# c:string d:flags.1?string e:Vector bytes = A"
        );
        assert_eq!(
            normalized(def, IdRule::Tdlib),
            "a flags:# b:flags.0?true c:bytes d:flags.1?bytes e:Vector bytes = A"
        );
    }

    #[test]
    fn tdlib_rule_on_ton() {
        assert_eq!(
            id(
                "liteServer.getMasterchainInfo = liteServer.MasterchainInfo;",
                IdRule::Tdlib
            ),
            0x89b5e62e
        );
        // TDLib's `ok = Ok;` is #d4edbe69.
        assert_eq!(id("ok = Ok;", IdRule::Tdlib), 0xd4edbe69);
        // A `bytes` field is kept: TON's id, which everscale-crypto writes as a constant.
        assert_eq!(
            id("pub.overlay name:bytes = PublicKey;", IdRule::Tdlib),
            0x34ba45cb
        );
    }

    /// Anonymous fields, `_:type` and groups, with the ids TDLib's own parser
    /// (`td/generate/tl-parser`, `tlc -E`) printed for these lines.
    #[test]
    fn anonymous_fields_and_groups_as_tdlibs_parser_has_them() {
        let lines = [
            ("coupleInt {t:Type} int t = CoupleInt t;", 0x2c9411c2),
            (
                "intHash {alpha:Type} vector<coupleInt<alpha>> = IntHash<alpha>;",
                0x658a29e1,
            ),
            (
                "strHash {alpha:Type} (vector (coupleStr alpha)) = StrHash alpha;",
                0x24d1761f,
            ),
            ("point (x y:int) = Point;", 0xe3fe70f4),
            ("skip _:int _:long value:string = Skip;", 0xc30ee98e),
            ("pair {X Y:Type} a:X b:Y = Pair X Y;", 0x0f3c47ab),
            ("anon int long string = Anon;", 0xd8aeff86),
        ];
        for (line, expected) in lines {
            assert_eq!(id(line, IdRule::Tdlib), expected, "{line}");
        }
    }

    fn detect(text: &str) -> IdRule {
        let parsed = crate::parser::parse(text, 0, Section::Types);
        assert_eq!(parsed.diagnostics, [], "{text}");
        IdRule::detect(&parsed.definitions)
    }

    #[test]
    fn detect_counts_written_ids() {
        // TON's way: builtin lines, then lines without ids.
        let ton = "int ? = Int;\nbytes data:string = Bytes;\nvector {t:Type} # [ t ] = Vector t;\n\
                   pub.overlay name:bytes = PublicKey;\npub.aes key:int256 = PublicKey;\n";
        assert_eq!(detect(ton), IdRule::Tdlib);
        // A frozen id among them does not make it Telegram's.
        let frozen =
            format!("{ton}tonNode.capabilities#f5bf60c0 version:int = tonNode.Capabilities;\n");
        assert_eq!(detect(&frozen), IdRule::Tdlib);
        // Telegram's way: every line has its id, whatever TDLib's header adds without one.
        let telegram = "boolTrue#997275b5 = Bool;\ninputPhoneCall#1e36fded id:long access_hash:long = InputPhoneCall;\n\
                        test.useConfigSimple = help.ConfigSimple;\n";
        assert_eq!(detect(telegram), IdRule::Telegram);
        // A page of a new method, its line without an id beside two with: Telegram's.
        let page = "boolTrue#997275b5 = Bool;\nboolFalse#bc799737 = Bool;\n---functions---\n\
                    account.setColor flags:# for_profile:flags.1?true color:flags.2?int = Bool;\n";
        assert_eq!(detect(page), IdRule::Telegram);
        // A tie, and nothing at all, is Telegram's.
        assert_eq!(detect("a#d4edbe69 = A;\nb = B;\n"), IdRule::Telegram);
        assert_eq!(detect(""), IdRule::Telegram);
    }
}
