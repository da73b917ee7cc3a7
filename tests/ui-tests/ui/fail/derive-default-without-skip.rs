fn zero() -> i64 {
    0
}

#[derive(tl_runtime::Deserialize)]
#[tl(line = "inputPhoneCall#1e36fded id:long access_hash:long = InputPhoneCall;")]
pub struct InputPhoneCall {
    pub id: i64,
    #[tl(default = "zero")]
    pub access_hash: i64,
}

fn main() {}
