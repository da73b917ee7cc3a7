tl_runtime::tl! {
    #[tl(derive(no_such_crate::Serialize))]
    "ipPort#d433ad73 ipv4:int port:int = IpPort;"
}

fn main() {}
