tl_runtime::tl! {
    #[tl(id_rule = "telegram", any, id_rule = "tdlib")]
    "ipPort#d433ad73 ipv4:int port:int = IpPort;"
}

fn main() {}
