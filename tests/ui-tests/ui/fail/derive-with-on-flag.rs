mod m {}

#[derive(tl_runtime::Serialize)]
#[tl(line = "m flags:# mentioned:flags.4?true = M;")]
pub struct M {
    pub flags: tl_runtime::UnknownFlags,
    #[tl(with = "m")]
    pub mentioned: bool,
}

fn main() {}
