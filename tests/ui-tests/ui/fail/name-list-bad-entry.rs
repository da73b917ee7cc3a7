tl_runtime::tl! {
    #[tl(only(42))]
    "ipPort#d433ad73 ipv4:int port:int = IpPort;"
}

fn main() {}
