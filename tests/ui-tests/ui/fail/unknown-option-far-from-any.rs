tl_runtime::tl! {
    #[tl(colour = "blue")]
    "ipPort#d433ad73 ipv4:int port:int = IpPort;"
}

fn main() {}
