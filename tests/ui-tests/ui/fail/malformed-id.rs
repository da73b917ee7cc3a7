tl_runtime::tl! {
    "inputPhoneCall#1e36fdedz id:long access_hash:long = InputPhoneCall;"
}

fn main() {}
