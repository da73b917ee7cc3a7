#[derive(tl_runtime::Serialize)]
#[tl(line = "peerSettings flags:# report_spam:flags.0?true geo_distance:flags.6?int = PeerSettings;")]
pub struct PeerSettings {
    pub flags: tl_runtime::UnknownFlags,
    pub report_spam: bool,
    #[tl(flag = "flags.5")]
    pub geo_distance: Option<i32>,
}

fn main() {}
