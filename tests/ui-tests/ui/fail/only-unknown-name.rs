tl_runtime::tl! {
    #[tl(only(inputPhoneCall, "phone.hangUp", InputPhoneCal))]
    "inputPhoneCall#1e36fded id:long access_hash:long = InputPhoneCall;"
}

fn main() {}
