// MTProto's dialect: int128/int256, bare constructors in vectors, nested Vector<Vector<T>>,
// `(vector T)`, `%T`, id-less transport lines.
tl_runtime::tl! {
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
    "
}

fn main() {}
