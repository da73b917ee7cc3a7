// A derive's type cannot be given a field mask from outside: `tl!` generates such types.
#[derive(tl_runtime::Serialize)]
#[tl(line = "engine.mode {fields_mask:#} read_enabled:fields_mask.0?Bool = engine.ReadWriteMode fields_mask;")]
pub struct Mode {
    pub read_enabled: Option<bool>,
}

fn main() {}
