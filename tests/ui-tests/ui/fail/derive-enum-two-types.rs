#[derive(tl_runtime::Serialize)]
pub enum Reason {
    #[tl(line = "phoneCallDiscardReasonMissed#85e42301 = PhoneCallDiscardReason;")]
    Missed,
    #[tl(line = "inputPeerEmpty#7f3b18ea = InputPeer;")]
    Yes,
}

fn main() {}
