#[derive(tl_runtime::Serialize)]
#[tl(line = "a = A; b = A;")]
pub struct A;

fn main() {}
