//! The receive loop of a client, for one incoming message: the decrypted body is a
//! `msg_container` holding the answer to a request (gzip-compressed, as servers send large
//! answers), an `rpc_error`, an update of a layer newer than this schema, and an
//! acknowledgement. Each is handled; the unknown update is kept (logged, and its bytes could be
//! stored or forwarded) instead of killing the session.
//!
//! Run it with `cargo run --example receive`.

use tl_runtime::mtproto::{self, Body, GzipPacked, Message, MsgContainer, MsgsAck, RpcResult};
use tl_runtime::{Deserialize, MaybeUnknown, Object, RpcError, Serialize};

tl_runtime::tl! {
    r"
    // LAYER 228
    dataJSON#7d748d04 data:string = DataJSON;
    updatesTooLong#e317af7e = Updates;
    updateShort#78d4dec1 update:Update date:int = Updates;
    updateDcOptions#8e5e9873 dc_options:Vector<DcOption> = Update;
    dcOption#18b7a10d flags:# ipv6:flags.0?true media_only:flags.1?true tcpo_only:flags.2?true cdn:flags.3?true static:flags.4?true this_port_only:flags.5?true id:int ip_address:string port:int secret:flags.10?bytes = DcOption;
    ---functions---
    phone.getCallConfig#55451fa9 = DataJSON;
    "
}

/// What the client does with one decoded body, recursively through containers and gzip.
fn handle(body: &[u8], log: &mut Vec<String>) -> Result<(), tl_runtime::Error> {
    match Body::from_bytes(body)? {
        Body::Container(container) => {
            for message in &container.messages {
                log.push(format!(
                    "message {} (seqno {})",
                    message.msg_id, message.seqno
                ));
                handle(&message.body.0, log)?;
            }
        }
        Body::Gzip(packed) => handle(&packed.inflate(mtproto::GZIP_LIMIT)?, log)?,
        Body::RpcResult(result) => {
            // The client knows which request `req_msg_id` was; here, phone.getCallConfig.
            match result.decode::<functions::phone::GetCallConfig>(mtproto::GZIP_LIMIT)? {
                Ok(enums::DataJson::DataJson(json)) => {
                    log.push(format!("  answer to {}: {}", result.req_msg_id, json.data));
                }
                Err(error) => log.push(format!("  error for {}: {error}", result.req_msg_id)),
            }
        }
        Body::Ack(ack) => log.push(format!("  acknowledged {:?}", ack.msg_ids)),
        Body::Other(object) => match object.decode::<MaybeUnknown<enums::Updates>>()? {
            MaybeUnknown::Known(update) => log.push(format!("  update {update:?}")),
            MaybeUnknown::Unknown(unknown) => log.push(format!(
                "  update of a newer layer: #{:08x}, {} bytes kept (this schema is layer {LAYER})",
                unknown.id,
                unknown.bytes.len()
            )),
        },
    }
    Ok(())
}

fn main() {
    // What a server might send: built here, as a test server would.
    let answer = types::DataJson {
        data: r#"{"udp_p2p": true}"#.into(),
    };
    let boxed_answer = enums::DataJson::from(answer);
    let newer_update = [0x55, 0x1e, 0xed, 0x5e, 1, 0, 0, 0];
    let incoming = MsgContainer {
        messages: vec![
            Message {
                msg_id: 7001,
                seqno: 1,
                body: Object::new(&RpcResult {
                    req_msg_id: 6001,
                    result: Object::new(&GzipPacked::pack(&boxed_answer)),
                }),
            },
            Message {
                msg_id: 7002,
                seqno: 3,
                body: Object::new(&RpcResult {
                    req_msg_id: 6002,
                    result: Object::new(&RpcError::new(420, "FLOOD_WAIT_30")),
                }),
            },
            Message {
                msg_id: 7003,
                seqno: 5,
                body: Object(newer_update.to_vec()),
            },
            Message {
                msg_id: 7004,
                seqno: 6,
                body: Object::new(&MsgsAck {
                    msg_ids: vec![6001, 6002],
                }),
            },
        ],
    };
    let bytes = incoming.to_bytes();
    println!("received {} bytes", bytes.len());

    let mut log = Vec::new();
    if let Err(e) = handle(&bytes, &mut log) {
        // A body that does not decode: log what it holds, bounded.
        println!(
            "{e}\n{}",
            tl_runtime::dump(&bytes, e.offset(), name_for_id, 64)
        );
        return;
    }
    for line in &log {
        println!("{line}");
    }
}
