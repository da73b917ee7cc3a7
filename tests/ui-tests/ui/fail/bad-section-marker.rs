tl_runtime::tl! {
    "ipPort#d433ad73 ipv4:int port:int = IpPort;"
    "---function---"
}

fn main() {}
