tl_runtime::tl! {
    #[tl(any = true, borrowed)]
    "inputPhoneCall#1e36fded id:long access_hash:long = InputPhoneCall;"
}

fn main() {}
