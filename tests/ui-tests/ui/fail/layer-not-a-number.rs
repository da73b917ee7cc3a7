tl_runtime::tl! {
    #[tl(layer = "228")]
    "inputPhoneCall#1e36fded id:long access_hash:long = InputPhoneCall;"
}

fn main() {}
