#[derive(tl_runtime::Serialize)]
#[tl(line = "inputPhoneCall#1e36fded id:long access_hash:long = InputPhoneCall;")]
pub struct InputPhoneCall {
    pub access_hash: i64,
    pub id: i64,
}

fn main() {}
