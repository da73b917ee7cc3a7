tl_runtime::tl! {
    #[tl(id_rule = "ton")]
    "ipPort#d433ad73 ipv4:int port:int = IpPort;"
}

fn main() {}
