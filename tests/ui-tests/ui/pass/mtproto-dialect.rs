// MTProto's dialect: int128/int256, bare constructors in vectors, nested Vector<Vector<T>>,
// `(vector T)`, `%T`, id-less transport lines; the service messages as core.telegram.org
// publishes them (`%Message`, whose id is the CRC with `message` in its place, and `http_wait`,
// whose result `HttpWait` no constructor defines), and gotd's `%message` for the same type.
tl_runtime::tl! {
    // Most of these lines write no id: the rule that `msg_container`'s is by must be named.
    #[tl(id_rule = "telegram")]
    r"
    vector {t:Type} # [ t ] = Vector t;
    int128 4*[ int ] = Int128;
    int256 8*[ int ] = Int256;

    resPQ#05162463 nonce:int128 server_nonce:int128 pq:string server_public_key_fingerprints:Vector<long> = ResPQ;
    future_salt#0949d9dc valid_since:int valid_until:int salt:long = FutureSalt;
    future_salts#ae500895 req_msg_id:long now:int salts:vector<future_salt> = FutureSalts;
    tlsBlockString data:string = TlsBlock;
    tlsBlockScope entries:Vector<TlsBlock> = TlsBlock;
    tlsBlockPermutation entries:Vector<Vector<TlsBlock>> = TlsBlock;
    salts list:(vector future_salt) one:%FutureSalt = Salts;
    message msg_id:long seqno:int bytes:int body:Object = Message;
    msg_container#73f1f8dc messages:vector<%Message> = MessageContainer;
    msg_container_gotd messages:vector<%message> = MessageContainer;
    ---functions---
    http_wait#9299359f max_delay:int wait_after:int max_wait:int = HttpWait;
    "
}

fn main() {}
