//! The `tl` binary: each subcommand's output and exit code, a file that does not parse, and the
//! diff of two real layers as a golden file (`TL_BLESS=1` rewrites it).

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn tl(args: &[&str]) -> (i32, String, String) {
    let output = Command::cargo_bin("tl")
        .expect("the tl binary")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .expect("run tl");
    let text = |b: Vec<u8>| String::from_utf8(b).expect("utf-8 output");
    (
        output.status.code().unwrap_or(-1),
        text(output.stdout),
        text(output.stderr),
    )
}

#[test]
fn check_a_clean_schema() {
    let (code, out, err) = tl(&["check", "tests/fixtures/old.tl"]);
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (0, "ok: 6 definitions\n", "")
    );
}

#[test]
fn check_points_at_each_mistake() {
    let (code, out, _) = tl(&["check", "tests/fixtures/bad.tl"]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "\
error: constructor `chat` declares #29562865 but its id is #efaa5195; if #29562865 is meant (a frozen or private id), pass `--allow-id-mismatch chat`
 --> tests/fixtures/bad.tl:2:5
  |
2 | chat#29562865 id:long owner:Usr = Chat;
  |     ^^^^^^^^^

error: unknown type `Usr`: no constructor has it as its result (did you mean `User`?)
 --> tests/fixtures/bad.tl:2:29
  |
2 | chat#29562865 id:long owner:Usr = Chat;
  |                             ^^^

2 errors in 2 definitions
"
    );
    // An allowed mismatch is not reported.
    let (code, out, _) = tl(&[
        "check",
        "--allow-id-mismatch",
        "chat",
        "--extern",
        "Usr",
        "tests/fixtures/bad.tl",
    ]);
    assert_eq!((code, out.as_str()), (0, "ok: 2 definitions\n"));
}

#[test]
fn an_id_by_the_other_rule_offers_both_flags() {
    // TON's `pub.overlay` with the id Telegram's rule gives, in a schema that TDLib's rule
    // reads (most lines write no id): the whole schema's rule may be wrong, or this one line.
    let (code, out, _) = tl(&["check", "tests/fixtures/other-rule.tl"]);
    assert_eq!(code, 1);
    assert_eq!(
        out.lines().next(),
        Some(
            "error: constructor `pub.overlay` declares #672089f6 but its id is #34ba45cb by TDLib's rule; it is by Telegram's: if the schema's ids are, `--id-rule telegram`; if only this line's is, pass `--allow-id-mismatch pub.overlay`"
        )
    );
    let (code, out, _) = tl(&[
        "check",
        "--allow-id-mismatch",
        "pub.overlay",
        "tests/fixtures/other-rule.tl",
    ]);
    assert_eq!((code, out.as_str()), (0, "ok: 3 definitions\n"));
}

#[test]
fn ids_assigned_by_hand_are_taken_with_a_star() {
    // Every written id differs from the computed one: the first error offers `'*'`, which
    // takes them all, where naming each would take five flags.
    let (code, out, _) = tl(&["check", "--id-rule", "tdlib", "tests/fixtures/by-hand.tl"]);
    assert_eq!(code, 1);
    let first = out.lines().next().unwrap_or_default();
    assert!(
        first.ends_with("; 5 of the schema's 5 written ids differ from the computed ones: if it assigns its ids by hand (as VK's schemas do), `--allow-id-mismatch '*'` takes every written id as it is"),
        "{first}"
    );
    assert_eq!(out.matches("written ids differ").count(), 1, "{out}");
    let (code, out, _) = tl(&[
        "check",
        "--id-rule",
        "tdlib",
        "--allow-id-mismatch",
        "*",
        "tests/fixtures/by-hand.tl",
    ]);
    assert_eq!((code, out.as_str()), (0, "ok: 5 definitions\n"));
}

#[test]
fn check_suggests_its_own_flags() {
    // A fragment of a schema: a custom builtin, a bare name that no constructor has in a line
    // without a written id, and two types defined elsewhere. Each remedy is the flag to pass,
    // with `tl!`'s form beside it where `tl!` needs more (a Rust type).
    let (code, out, _) = tl(&["check", "tests/fixtures/fragment.tl"]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "\
error: `bigBytes` is a builtin that `bigBytes` declares, but the runtime has no such type (its builtins are int, long, double, float, string, bytes, int128, int256, int512, Bool, true, Vector, tuple and Object): pass `--extern BigBytes` (`tl!` takes the Rust type that encodes it: `extern(BigBytes = path::to::Type)`)
 --> tests/fixtures/fragment.tl:2:11
  |
2 | blob data:bigBytes = Blob;
  |           ^^^^^^^^

error: unknown constructor `full` used as a bare type (did you mean the boxed type `Full`? That changes the id computed for `getFull`; to keep it, pass `--extern full` (`tl!` takes the Rust type: `extern(full = path::to::Type)`))
 --> tests/fixtures/fragment.tl:6:11
  |
6 | getFull x:full = Full;
  |           ^^^^

error: unknown type `InputPeer`: no constructor has it as its result
 --> tests/fixtures/fragment.tl:4:15
  |
4 | peerWrap peer:InputPeer user:InputUser = PeerWrap;
  |               ^^^^^^^^^

error: unknown type `InputUser`: no constructor has it as its result
 --> tests/fixtures/fragment.tl:4:30
  |
4 | peerWrap peer:InputPeer user:InputUser = PeerWrap;
  |                              ^^^^^^^^^

error: the schema uses 2 types it does not define: `InputPeer`, `InputUser`; add their constructors, pass those defined elsewhere as `--extern NAME`, or remove the fields that use them
 --> tests/fixtures/fragment.tl:4:15
  |
4 | peerWrap peer:InputPeer user:InputUser = PeerWrap;
  |               ^^^^^^^^^

5 errors in 4 definitions
"
    );
    let (code, out, _) = tl(&[
        "check",
        "--extern",
        "BigBytes",
        "--extern",
        "full",
        "--extern",
        "InputPeer",
        "--extern",
        "InputUser",
        "tests/fixtures/fragment.tl",
    ]);
    assert_eq!((code, out.as_str()), (0, "ok: 4 definitions\n"));
    // A flag that names nothing, or an id that needs no exception, is an error, as the same
    // entry is in `tl!`'s lists.
    let (code, out, _) = tl(&[
        "check",
        "--extern",
        "Nope",
        "--allow-id-mismatch",
        "nothing",
        "--allow-id-mismatch",
        "boolTrue",
        "tests/fixtures/old.tl",
    ]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "\
error: `nothing` in `--allow-id-mismatch` matches no constructor or function

error: `boolTrue` in `--allow-id-mismatch` already has the computed id #997275b5: drop that flag

error: `Nope` in `--extern` is not a type the schema uses: no field or result names it

3 errors in 6 definitions
"
    );
}

#[test]
fn check_a_file_that_does_not_parse() {
    let (code, out, _) = tl(&["check", "tests/fixtures/broken.tl"]);
    assert_eq!(code, 1);
    assert!(
        out.starts_with(
            "error: expected a type, found `:`\n --> tests/fixtures/broken.tl:2:8\n  |\n2 | chat id: = Chat;\n  |        ^\n"
        ),
        "{out}"
    );
}

#[test]
fn a_missing_file_exits_with_2() {
    let (code, out, err) = tl(&["check", "tests/fixtures/nothing-here.tl"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.starts_with("error: cannot read tests/fixtures/nothing-here.tl: "),
        "{err}"
    );
    // A command line clap refuses exits with 2 too.
    assert_eq!(tl(&["diff", "only-one.tl"]).0, 2);
    assert_eq!(tl(&["frobnicate"]).0, 2);
}

#[test]
fn diff_two_layers() {
    let (code, out, _) = tl(&["diff", "tests/fixtures/old.tl", "tests/fixtures/new.tl"]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "\
7 changes from tests/fixtures/old.tl to tests/fixtures/new.tl: 4 break the wire (W), 4 break code generated from the old schema (S)
W- user: id #bbc54020 → #aab82a59
-S user: field `premium:flags.3?true` added (field 3)
W- user: field `name` present flags.1 → flags.2
-S chat: field `title` type string → bytes
WS help.ping: function removed: help.ping#5ff778d7 ping_id:long = Bool
-- inputPeerChat: constructor added: inputPeerChat#35a95cb9 chat_id:long = InputPeer
WS InputPeer: new constructor inputPeerChat
"
    );
    let (code, out, _) = tl(&["diff", "tests/fixtures/old.tl", "tests/fixtures/old.tl"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("0 changes from"), "{out}");
}

#[test]
fn diff_as_json() {
    let (code, out, _) = tl(&[
        "diff",
        "--json",
        "tests/fixtures/old.tl",
        "tests/fixtures/new.tl",
    ]);
    assert_eq!(code, 1);
    let value: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(value["summary"]["changes"], 7);
    assert_eq!(value["summary"]["wire_breaking"], 4);
    assert_eq!(value["summary"]["source_breaking"], 4);
    let changes = value["changes"].as_array().expect("a list");
    assert_eq!(changes.len(), 7);
    assert_eq!(
        changes[1],
        serde_json::json!({
            "name": "user", "kind": "field_added", "field": "premium",
            "declaration": "premium:flags.3?true", "position": 3,
            "wire_compatible": true, "source_compatible": false,
            "text": "user: field `premium:flags.3?true` added (field 3)",
        })
    );
    assert_eq!(changes[4]["kind"], "removed");
    assert_eq!(changes[4]["section"], "functions");
    assert_eq!(changes[4]["id"], "5ff778d7");
    assert_eq!(changes[6]["constructor"], "inputPeerChat");
}

#[test]
fn diff_refuses_a_file_that_does_not_parse() {
    let (code, out, err) = tl(&["diff", "tests/fixtures/broken.tl", "tests/fixtures/new.tl"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("tests/fixtures/broken.tl:2:8"), "{err}");
    assert!(
        err.ends_with("tests/fixtures/broken.tl does not parse: 1 error\n"),
        "{err}"
    );
    let (code, _, _) = tl(&["ids", "tests/fixtures/broken.tl"]);
    assert_eq!(code, 2);
}

#[test]
fn ids_written_and_computed() {
    let (code, out, _) = tl(&["ids", "tests/fixtures/bad.tl"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "user\ttypes\t74e5ad7d\t74e5ad7d\tok\nchat\ttypes\t29562865\tefaa5195\tdiffers\n"
    );
    assert_eq!(tl(&["ids", "--check", "tests/fixtures/bad.tl"]).0, 1);
    assert_eq!(tl(&["ids", "--check", "tests/fixtures/new.tl"]).0, 0);
    // Where most lines write no id (TON's way, a frozen id or two among them), `auto` takes
    // TDLib's rule, the line as it is: TON's `pub.overlay` is #34ba45cb (the constant
    // everscale-crypto writes), where Telegram's rule, `bytes` read as `string`, gives #672089f6.
    let dir = std::env::temp_dir().join(format!("tl-cli-ids-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("ton.tl");
    std::fs::write(
        &file,
        "pub.overlay name:bytes = PublicKey;\npub.ed25519 key:int256 = PublicKey;\n\
         frozen#00000001 version:int = Frozen;\n",
    )
    .expect("write");
    let path = file.to_str().expect("utf-8 path");
    let (code, out, _) = tl(&["ids", path]);
    let (_, telegram, _) = tl(&["ids", "--id-rule", "telegram", path]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(code, 0);
    let computed = format!(
        "{:08x}",
        crc32fast::hash(b"pub.ed25519 key:int256 = PublicKey")
    );
    let frozen = format!("{:08x}", crc32fast::hash(b"frozen version:int = Frozen"));
    assert_eq!(
        out,
        format!(
            "pub.overlay\ttypes\t-\t34ba45cb\tcomputed\n\
             pub.ed25519\ttypes\t-\t{computed}\tcomputed\n\
             frozen\ttypes\t00000001\t{frozen}\tdiffers\n"
        )
    );
    assert!(
        telegram.starts_with("pub.overlay\ttypes\t-\t672089f6\tcomputed\n"),
        "{telegram}"
    );
}

/// MTProto's `msg_container` as core.telegram.org publishes it: its written id is the CRC with
/// `message` in place of `%Message`, which `ids` and `check` both accept, and `http_wait`'s
/// result has no constructor, which `check` accepts as an empty type.
#[test]
fn the_published_msg_container_id_holds() {
    let dir = std::env::temp_dir().join(format!("tl-cli-mtproto-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("mtproto.tl");
    std::fs::write(
        &file,
        "message#5bb8e511 msg_id:long seqno:int bytes:int body:Object = Message;
         msg_container#73f1f8dc messages:vector<%Message> = MessageContainer;
         ---functions---
         http_wait#9299359f max_delay:int wait_after:int max_wait:int = HttpWait;
",
    )
    .expect("write");
    let path = file.to_str().expect("utf-8 path");
    let ids = tl(&["ids", "--check", path]);
    let check = tl(&["check", path]);
    let tdlib = tl(&["ids", "--check", "--id-rule", "tdlib", path]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(ids.0, 0, "{}", ids.1);
    assert!(
        ids.1.contains("msg_container\ttypes\t73f1f8dc\t"),
        "{}",
        ids.1
    );
    assert_eq!((check.0, check.1.as_str()), (0, "ok: 3 definitions\n"));
    // TDLib's printer keeps `%Message`: by its rule the id differs.
    assert_eq!(tdlib.0, 1, "{}", tdlib.1);
}

/// grammers-tl-types 0.11.0's layer-230 `api.tl` in Cargo's registry (the workspace's `peers`
/// crate depends on it, so a workspace build fetches it).
fn grammers_api() -> Option<PathBuf> {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))?;
    std::fs::read_dir(home.join("registry/src"))
        .ok()?
        .filter_map(Result::ok)
        .map(|r| r.path().join("grammers-tl-types-0.11.0/tl/api.tl"))
        .find(|p| p.is_file())
}

#[test]
fn diff_of_the_real_layers_228_and_230() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/schemas/api.tl");
    let (Some(new), true) = (grammers_api(), shared.is_file()) else {
        assert!(
            std::env::var_os("TL_REQUIRE_SHARED").is_none(),
            "TL_REQUIRE_SHARED is set but ../shared/schemas/api.tl or grammers' api.tl is missing"
        );
        eprintln!(
            "skipped: the golden diff needs ../shared/schemas/api.tl and grammers-tl-types 0.11.0's api.tl (`cargo fetch`)"
        );
        return;
    };
    let (old, new) = (shared.to_string_lossy(), new.to_string_lossy());
    let (code, out, err) = tl(&["diff", &old, &new]);
    assert_eq!(code, 1, "{err}");
    let out = out
        .replace(old.as_ref(), "api-228.tl")
        .replace(new.as_ref(), "api-230.tl");
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/api-228-to-230.txt");
    if std::env::var_os("TL_BLESS").is_some() {
        std::fs::write(&golden, &out).expect("write the golden file");
    }
    let expected = std::fs::read_to_string(&golden).unwrap_or_default();
    assert!(
        out == expected,
        "the diff of the real layers changed; review it and bless with TL_BLESS=1:\n{out}"
    );
    // The JSON form says the same.
    let (code, json, _) = tl(&["diff", "--json", &old, &new]);
    assert_eq!(code, 1);
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let texts: Vec<&str> = value["changes"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|c| c["text"].as_str().expect("text"))
        .collect();
    let lines: Vec<&str> = out.lines().skip(1).map(|l| &l[3..]).collect();
    assert_eq!(texts, lines);
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    // Enough lines that the pipe's buffer fills after the reader is gone.
    let dir = std::env::temp_dir().join(format!("tl-cli-pipe-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let schema = dir.join("many.tl");
    let lines: String = (0..20_000)
        .map(|i| format!("c{i} x:int = T{i};\n"))
        .collect();
    std::fs::write(&schema, lines).expect("write the schema");
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("tl"))
        .args(["ids".as_ref(), schema.as_os_str()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run tl");
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut first)
        .expect("a first line");
    // The reader is dropped here: every later write fails.
    let output = child.wait_with_output().expect("tl ends");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(first.starts_with("c0\t"), "{first}");
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(output.status.code(), Some(0), "{err}");
}
