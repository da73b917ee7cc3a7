#[derive(tl_runtime::Serialize)]
#[tl(id = 0x11223344)]
pub struct Written {
    pub a: i32,
    pub b: Option<i32>,
}

fn main() {}
