// Both derives check the line; the compiler shows their identical error once.
#[derive(tl_runtime::Serialize, tl_runtime::Deserialize)]
#[tl(line = "inputPhoneCall#1e36fded id:long access_hash:long = InputPhoneCall;")]
pub struct InputPhoneCall {
    pub id: i64,
    pub access_hash: String,
}

fn main() {}
