tl_runtime::tl! {
    "inputPhoneCall#1e36fded id:long access_hash:long InputPhoneCall;"
}

fn main() {}
