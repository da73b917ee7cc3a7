#[derive(tl_runtime::Serialize)]
#[tl(line = "m flags:# mentioned:flags.4?true media_unread:flags.4?true = M;")]
pub struct M {
    pub flags: tl_runtime::UnknownFlags,
    pub mentioned: bool,
    pub media_unread: bool,
}

fn main() {}
