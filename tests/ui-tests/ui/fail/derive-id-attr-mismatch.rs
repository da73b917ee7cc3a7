#[derive(tl_runtime::Serialize)]
#[tl(id = 0x1e36fdee, line = "inputPhoneCall id:long access_hash:long = InputPhoneCall;")]
pub struct InputPhoneCall {
    pub id: i64,
    pub access_hash: i64,
}

fn main() {}
