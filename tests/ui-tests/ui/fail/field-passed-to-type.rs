// A `#` field's value passed to a type, as VK's schemas pass a field mask (KPHP's
// `rpcDestFlags`): TL's dependent typing, which `tl!` does not support.
tl_runtime::tl! {
    "rpcInvokeReqExtra flags:# wait_binlog_pos:flags.16?long = RpcInvokeReqExtra;"
    "rpcDestFlags flags:# extra:%(RpcInvokeReqExtra flags) = RpcDest;"
}

fn main() {}
