tl_runtime::tl! {
    "ipPort#d433ad73 ipv4:int port:int = IpPort; /* never closed, and longer than the part quoted"
}

fn main() {}
