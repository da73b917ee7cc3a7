tl_runtime::tl! {
    #[doc = "a schema"]
    "ipPort#d433ad73 ipv4:int port:int = IpPort;"
}

fn main() {}
