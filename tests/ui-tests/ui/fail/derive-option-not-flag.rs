#[derive(tl_runtime::Serialize)]
#[tl(line = "inputPhoneCall#1e36fded id:long access_hash:long = InputPhoneCall;")]
pub struct InputPhoneCall {
    pub id: i64,
    pub access_hash: Option<i64>,
}

fn main() {}
