#[derive(tl_runtime::Serialize)]
#[tl(line = "phoneCallDiscardReasonMissed#85e42301 = PhoneCallDiscardReason;")]
pub enum Reason {
    #[tl(line = "phoneCallDiscardReasonMissed#85e42301 = PhoneCallDiscardReason;")]
    Missed,
}

fn main() {}
