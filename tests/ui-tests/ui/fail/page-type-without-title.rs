// No title, and constructors of two types: which type does the page document?
tl_runtime::tl! {
    r"phoneCallDiscardReasonMissed#85e42301 = PhoneCallDiscardReason;
phoneCallDiscardReasonBusy#faf7e8c9 = PhoneCallDiscardReason;
inputPeerEmpty#7f3b18ea = InputPeer;
Constructors
Constructor Description
phoneCallDiscardReasonMissed The phone call was missed
phoneCallDiscardReasonBusy The phone call was discarded because the user is busy in another call"
}

fn main() {}
