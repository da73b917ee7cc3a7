// A type's page lists a constructor of another type.
tl_runtime::tl! {
    r"PhoneCallDiscardReason
Why was the phone call discarded?

phoneCallDiscardReasonMissed#85e42301 = PhoneCallDiscardReason;
phoneCallDiscardReasonBusy#faf7e8c9 = PhoneCallDiscardReason;
inputPeerEmpty#7f3b18ea = InputPeer;
Constructors
Constructor Description
phoneCallDiscardReasonMissed The phone call was missed
phoneCallDiscardReasonBusy The phone call was discarded because the user is busy in another call
inputPeerEmpty An empty peer"
}

fn main() {}
