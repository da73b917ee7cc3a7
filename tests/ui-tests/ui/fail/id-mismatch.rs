tl_runtime::tl! {
    "inputPhoneCall#1e36fdee id:long access_hash:long = InputPhoneCall;"
}

fn main() {}
