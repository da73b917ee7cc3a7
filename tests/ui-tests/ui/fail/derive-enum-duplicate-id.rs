#[derive(tl_runtime::Serialize)]
pub enum Reason {
    #[tl(line = "phoneCallDiscardReasonMissed#85e42301 = PhoneCallDiscardReason;")]
    Missed,
    #[tl(id = 0x85e42301, line = "phoneCallDiscardReasonMissed#85e42301 = PhoneCallDiscardReason;")]
    MissedAgain,
}

fn main() {}
