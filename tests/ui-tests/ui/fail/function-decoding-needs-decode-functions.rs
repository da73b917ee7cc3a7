// A function decodes only with `#[tl(decode_functions)]` (or `any`): a client encodes functions
// and decodes their answers, so by default no request decoder is generated.
tl_runtime::tl! {
    "inputPhoneCall#1e36fded id:long access_hash:long = InputPhoneCall;"
    "---functions---"
    "phone.receivedCall#17d54f61 peer:InputPhoneCall = Bool;"
}

fn main() {
    use tl_runtime::Deserialize;
    let _ = functions::phone::ReceivedCall::from_bytes(&[]);
}
