tl_runtime::tl! {
    "ipPort#d433ad73 ipv4:int port:int = IpPort$;"
}

fn main() {}
