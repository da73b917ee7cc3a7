tl_runtime::tl! {
    #[tl(id_rule = "tdlib")]
    "bigBytes ? = BigBytes;"
    "file data:BigBytes = File;"
}

fn main() {}
