// Telegram's dialect: the header block of TDLib's `telegram_api.tl`, frozen ids, sections
// switching back and forth, generic functions, comments everywhere.
tl_runtime::tl! {
    #[tl(allow_id_mismatch(ipPortSecret, "help.configSimple"))]
    r"
    int ? = Int;
    long ? = Long;
    double ? = Double;
    string ? = String;

    bytes = Bytes;
    int256 = Int256;

    true#3fedd339 = True;

    boolFalse#bc799737 = Bool;
    boolTrue#997275b5 = Bool;

    vector#1cb5c415 {t:Type} # [ t ] = Vector t;

    ipPort#d433ad73 ipv4:int port:int = IpPort;
    ipPortSecret#37982646 ipv4:int port:int secret:bytes = IpPort;
    help.configSimple#5a592a6c date:int expires:int rules:vector<IpPort> = help.ConfigSimple;

    ---functions---

    test.useConfigSimple = help.ConfigSimple;

    ---types---

    /* a block comment */ // and a line comment: коментар 🦀
    decryptedMessageActionReadMessages#c4f40be random_ids:Vector<long> = DecryptedMessageAction;
    inputPhoneCall#1e36fded id:long access_hash:long = InputPhoneCall; // trailing comment
    ---functions---
    invokeWithLayer#da9b0d0d {X:Type} layer:int query:!X = X;
    --- types ---
    pong#347773c5 msg_id:long ping_id:long = Pong;
    --- functions ---
    "
    "ping#7abe77ec ping_id:long = Pong;"
    "phone.discardCall flags:# video:flags.0?true peer:InputPhoneCall duration:int connection_id:long = Pong;"
}

fn main() {}
