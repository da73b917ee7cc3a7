tl_runtime::tl! {
    "===8==="
    "decryptedMessageMediaEmpty#89f5c4a = DecryptedMessageMedia;"
    "===17=="
    "decryptedMessageMediaGeoPoint#35480a59 lat:double long:double = DecryptedMessageMedia;"
}

fn main() {}
