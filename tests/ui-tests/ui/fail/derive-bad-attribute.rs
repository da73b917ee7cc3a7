#[derive(tl_runtime::Serialize)]
#[tl(lines = "inputPhoneCall#1e36fded id:long access_hash:long = InputPhoneCall;")]
pub struct InputPhoneCall {
    pub id: i64,
    #[tl(skp)]
    pub access_hash: i64,
}

fn main() {}
