tl_runtime::tl! {
    #[tl(allow_id_mismatch(ipPortSecret, "help.configSimple", ipPrt))]
    "ipPort#d433ad73 ipv4:int port:int = IpPort;"
}

fn main() {}
