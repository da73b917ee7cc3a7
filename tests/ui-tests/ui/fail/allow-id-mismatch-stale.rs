// `ipPort`'s written id is its real id, so allowing a mismatch is a stale entry.
tl_runtime::tl! {
    #[tl(allow_id_mismatch(ipPort))]
    "ipPort#d433ad73 ipv4:int port:int = IpPort;"
}

fn main() {}
