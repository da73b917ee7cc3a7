tl_runtime::tl! {
    ipPort ipv4:int port:int = IpPort;
}

fn main() {}
