tl_runtime::tl! {
    #[tl(crate = "not a path")]
    "ipPort#d433ad73 ipv4:int port:int = IpPort;"
}

fn main() {}
