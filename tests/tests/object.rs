//! MTProto's `rpc_result` carries its result as `Object`: the encoded bytes of a value whose
//! type the caller knows from its request. `tl_runtime::Object` keeps those bytes, and `Any` (or
//! the known type) decodes them.

tl_runtime::tl! {
    #[tl(any)]
    r"
    rpc_result#f35c6d01 req_msg_id:long result:Object = RpcResult;
    rpc_error#2144ca19 error_code:int error_message:string = RpcError;
    pong#347773c5 msg_id:long ping_id:long = Pong;
    "
}

use tl_runtime::{Deserialize, Object, Serialize};

#[test]
fn rpc_result_keeps_the_result_bytes() {
    let pong = enums::Pong::from(types::Pong {
        msg_id: 1,
        ping_id: 2,
    });
    let result = enums::RpcResult::from(types::RpcResult {
        req_msg_id: 99,
        result: Object::new(&pong),
    });
    let bytes = result.to_bytes();
    assert_eq!(&bytes[..4], &0xf35c6d01u32.to_le_bytes());
    assert_eq!(&bytes[12..16], &0x347773c5u32.to_le_bytes());

    let back = enums::RpcResult::from_bytes(&bytes).unwrap();
    assert_eq!(back.to_bytes(), bytes);
    let enums::RpcResult::RpcResult(inner) = back;
    assert_eq!(inner.req_msg_id, 99);
    assert_eq!(inner.result.constructor_id(), Some(0x347773c5));
    assert_eq!(enums::Pong::from_bytes(&inner.result.0).unwrap(), pong);
    assert_eq!(Any::from_bytes(&inner.result.0).unwrap(), Any::Pong(pong));
}
