// A `#` field's value passed to a type whose constructors take no field mask (VK's
// `rpcInvokeReqExtra` without its `{flags:#}`).
tl_runtime::tl! {
    "rpcInvokeReqExtra flags:# wait_binlog_pos:flags.16?long = RpcInvokeReqExtra;"
    "rpcDestFlags flags:# extra:%(RpcInvokeReqExtra flags) = RpcDest;"
}

fn main() {}
