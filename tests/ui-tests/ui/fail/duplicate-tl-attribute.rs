tl_runtime::tl! {
    #[tl(any)]
    #[tl(borrowed)]
    "ipPort#d433ad73 ipv4:int port:int = IpPort;"
}

fn main() {}
