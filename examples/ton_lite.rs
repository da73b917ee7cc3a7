//! A TON lite client's first query, as docs.ton.org's "ADNL TCP - Liteserver" walks through it:
//! the lite server's ADNL address from its public key, `liteServer.getMasterchainInfo` wrapped
//! in `liteServer.query` and `adnl.message.query`, and the two answers a server may send: the
//! masterchain's last block, or `liteServer.error`, which is the call's error.
//!
//! The lines are TON's own (`lite_api.tl`), which write no ids: `tl!` computes each by TDLib's
//! rule, as TON does. A real client would `include` the whole file.
//!
//! Run it with `cargo run --example ton_lite`.

use tl_runtime::{Deserialize, RemoteCall, Serialize};

tl_runtime::tl! {
    r"
    pub.ed25519 key:int256 = PublicKey;
    tonNode.blockIdExt workchain:int shard:long seqno:int root_hash:int256 file_hash:int256 = tonNode.BlockIdExt;
    tonNode.zeroStateIdExt workchain:int root_hash:int256 file_hash:int256 = tonNode.ZeroStateIdExt;
    adnl.message.query query_id:int256 query:bytes = adnl.Message;
    adnl.message.answer query_id:int256 answer:bytes = adnl.Message;
    liteServer.error code:int message:string = liteServer.Error;
    liteServer.masterchainInfo last:tonNode.blockIdExt state_root_hash:int256 init:tonNode.zeroStateIdExt = liteServer.MasterchainInfo;
    ---functions---
    liteServer.getMasterchainInfo = liteServer.MasterchainInfo;
    liteServer.query data:bytes = Object;
    "
}

/// Reads a hex dump, spaces and all.
fn hex(text: &str) -> Vec<u8> {
    let digits: Vec<u8> = text.bytes().filter(u8::is_ascii_hexdigit).collect();
    digits
        .chunks(2)
        .map(|pair| u8::from_str_radix(std::str::from_utf8(pair).unwrap(), 16).unwrap())
        .collect()
}

fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn main() {
    // A server is known by its public key (here a DHT node's from TON's global config,
    // `fZnkoIAx…` in base64); its ADNL address is the SHA-256 of the boxed key, which the
    // client's handshake starts with.
    let key = types::r#pub::Ed25519 {
        key: hex("7d99e4a08031ad3778c5e060569645466e52bd5bd2c7b78ddd56def1cf3760c9")
            .try_into()
            .unwrap(),
    };
    let address = tl_runtime::hash(&enums::PublicKey::from(key));
    println!("server address: {}", to_hex(&address));
    // The node's packets in docs.ton.org's "ADNL UDP - Internode" carry this address.
    assert_eq!(
        to_hex(&address),
        "daa76538d99c79ea097a67086ec05acca12d1fefdbc9c96a76ab5a12e66c7ebb"
    );

    // The query: the function's bytes inside `liteServer.query` inside `adnl.message.query`.
    let query_id: [u8; 32] =
        hex("77c1545b96fa136b8e01cc08338bec47e8a43215492dda6d4d7e286382bb00c4")
            .try_into()
            .unwrap();
    let call = functions::lite_server::GetMasterchainInfo {};
    let message = enums::adnl::Message::from(types::adnl::message::Query {
        query_id,
        query: functions::lite_server::Query {
            data: call.to_bytes(),
        }
        .to_bytes(),
    });
    println!("sent: {}", to_hex(&message.to_bytes()));
    // The document's bytes: `liteServer.query` (df068c79) holds the function (2ee6b589).
    assert_eq!(
        message.to_bytes(),
        hex(
            "7af98bb4 77c1545b96fa136b8e01cc08338bec47e8a43215492dda6d4d7e286382bb00c4
             0c df068c79 04 2ee6b589 000000 000000"
        )
    );

    // The server's answer as the document shows it: `adnl.message.answer` holding
    // `liteServer.masterchainInfo`.
    let received = hex(
        "1684ac0f 77c1545b96fa136b8e01cc08338bec47e8a43215492dda6d4d7e286382bb00c4 b8
         81288385 ffffffff 0000000000000080 27405801
         e585a47bd5978f6a4fb2b56aa2082ec9deac33aaae19e78241b97522e1fb43d4
         876851b60521311853f59c002d46b0bd80054af4bce340787a00bd04e0123517
         8b4d3b38b06bb484015faf9821c3ba1c609a25b74f30e1e585b8c8e820ef0976
         ffffffff
         17a3a92992aabea785a7a090985a265cd31f323d849da51239737e321fb05569
         5e994fcf4d425c0a6ce6a792594b7173205f740a39cd56f537defd28b48a0f6e
         000000",
    );
    let Ok(enums::adnl::Message::Answer(answer)) = enums::adnl::Message::from_bytes(&received)
    else {
        panic!("not an answer");
    };
    assert_eq!(answer.query_id, query_id, "the answer to our query");
    match functions::lite_server::GetMasterchainInfo::decode_reply(&answer.answer) {
        Ok(Ok(enums::lite_server::MasterchainInfo::MasterchainInfo(info))) => println!(
            "last block: ({},{:016x},{})",
            info.last.workchain, info.last.shard as u64, info.last.seqno
        ),
        Ok(Err(error)) => println!("the server failed: {error}"),
        Err(e) => println!("not an answer to getMasterchainInfo: {e}"),
    }

    // A server that cannot answer sends `liteServer.error` in place of the result.
    let failed = enums::lite_server::Error::from(types::lite_server::Error {
        code: 651,
        message: "block is not applied".into(),
    })
    .to_bytes();
    match functions::lite_server::GetMasterchainInfo::decode_reply(&failed) {
        Ok(Err(error)) => println!("the server failed: {} ({})", error.message(), error.code()),
        other => panic!("not the error: {other:?}"),
    }
}
