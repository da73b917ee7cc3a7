#[derive(tl_runtime::Identifiable)]
pub enum Reason {
    #[tl(line = "phoneCallDiscardReasonMissed#85e42301 = PhoneCallDiscardReason;")]
    Missed,
}

fn main() {}
