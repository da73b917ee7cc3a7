// `*` takes every written id as it is, but here each is the computed one.
tl_runtime::tl! {
    #[tl(allow_id_mismatch(*))]
    "ipPort#d433ad73 ipv4:int port:int = IpPort;"
}

fn main() {}
