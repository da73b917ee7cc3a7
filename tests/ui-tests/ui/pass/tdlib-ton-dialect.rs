// TDLib's and TON's dialect: no ids (computed by the TDLib rule), TDLib's builtins, deep
// namespaces, bare namespaced constructors as types, doc comments, keyword and odd field names,
// types named like Rust prelude items.
tl_runtime::tl! {
    #[tl(id_rule = "tdlib")]
    r"
    int32 = Int32;
    int53 = Int53;
    int64 = Int64;
    int512 16*[ int ] = Int512;
    bytes data:string = Bytes;
    secureString = SecureString;
    secureBytes = SecureBytes;
    object ? = Object;
    function ? = Function;
    boolTrue = Bool;
    boolFalse = Bool;
    true = True;
    ok = Ok;

    //@class PublicKey @description A public key

    //@description An Ed25519 key
    //@key The key
    pub.ed25519 key:int256 = PublicKey;
    storage.daemon.provider.config flags:# mode:# req_count:flags.0?int = storage.daemon.provider.Config;
    tonNode.blockIdExt workchain:int shard:long seqno:int root_hash:int256 file_hash:int256 = tonNode.BlockIdExt;
    ton.blocks last:tonNode.blockIdExt many:(vector tonNode.blockIdExt) nested:Vector<Vector<int32>> = ton.Blocks;
    keywords type:int self:int static:int final:int loop:int pub:int override:int priv:int true:int = Keywords;
    names srp_B:bytes A:int53 M1:secureBytes = Names;
    flagged flags:# a:flags.0?true b:flags.0?Bool c:flags.31?Vector<long> flags2:# d:flags2.3?string = Flagged;
    result value:int = Result;
    option value:int = Option;
    vec value:int = Vec;
    string value:string = String2;
    box value:int = Box;
    liteServer.masterchainInfo last:tonNode.blockIdExt = liteServer.MasterchainInfo;
    ---functions---
    liteServer.getMasterchainInfo#89b5e62e = liteServer.MasterchainInfo;
    get.object = Object;
    useIt keys:Keywords = Ok;
    "
}

fn main() {}
