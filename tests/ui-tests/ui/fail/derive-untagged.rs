// A derive's line cannot be VK's `_`, a constructor without an id: `tl!` generates its type.
#[derive(tl_runtime::Serialize)]
#[tl(line = "_ result:int = ReqResult;")]
pub struct Ok {
    pub result: i32,
}

fn main() {}
