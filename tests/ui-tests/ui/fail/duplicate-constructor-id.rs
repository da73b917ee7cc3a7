// Two constructors with one id: the copy's id is also not its own CRC, and both are reported.
// (Listing the copy in `allow_id_mismatch` would accept both, as for Telegram's frozen ids.)
tl_runtime::tl! {
    "inputPhoneCall#1e36fded id:long access_hash:long = InputPhoneCall;"
    "inputPhoneCallCopy#1e36fded id:long access_hash:long = InputPhoneCall;"
}

fn main() {}
