#[derive(tl_runtime::Serialize)]
pub struct InputPhoneCall {
    pub id: i64,
    pub access_hash: i64,
}

fn main() {}
