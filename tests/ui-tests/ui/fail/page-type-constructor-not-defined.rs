// A type's page lists a constructor that no line defines.
tl_runtime::tl! {
    r"PhoneCallDiscardReason
Why was the phone call discarded?

phoneCallDiscardReasonMissed#85e42301 = PhoneCallDiscardReason;
phoneCallDiscardReasonBusy#faf7e8c9 = PhoneCallDiscardReason;
Constructors
Constructor Description
phoneCallDiscardReasonMissed The phone call was missed
phoneCallDiscardReasonBusy The phone call was discarded because the user is busy in another call
phoneCallDiscardReasonHangup The phone call was ended normally"
}

fn main() {}
