tl_runtime::tl! {
    #[tl(inclde = "schema.tl")]
    "ipPort#d433ad73 ipv4:int port:int = IpPort;"
}

fn main() {}
