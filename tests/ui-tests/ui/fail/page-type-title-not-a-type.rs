// A type's page titled with a name that no constructor has as its type.
tl_runtime::tl! {
    r"PhoneCallDiscardReasons
Why was the phone call discarded?
phoneCallDiscardReasonMissed#85e42301 = PhoneCallDiscardReason;
phoneCallDiscardReasonBusy#faf7e8c9 = PhoneCallDiscardReason;
Constructors
Constructor Description
phoneCallDiscardReasonMissed The phone call was missed
phoneCallDiscardReasonBusy The phone call was discarded because the user is busy in another call"
}

fn main() {}
