#[derive(tl_runtime::Serialize)]
#[tl(line = "geo flags:# lat:flags.0?double long:flags.0?double = Geo;")]
pub struct Geo {
    pub flags: tl_runtime::UnknownFlags,
    pub lat_and_long: Option<f64>,
}

fn main() {}
