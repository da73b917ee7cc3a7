// A row of a type's Constructors table that does not start with a name.
tl_runtime::tl! {
    r"PhoneCallDiscardReason
Why was the phone call discarded?

phoneCallDiscardReasonMissed#85e42301 = PhoneCallDiscardReason;
phoneCallDiscardReasonBusy#faf7e8c9 = PhoneCallDiscardReason;
Constructors
Constructor Description
phoneCallDiscardReasonMissed The phone call was missed
phoneCallDiscardReasonBusy The phone call was discarded because the user is busy in another call
- the phone call was hung up"
}

fn main() {}
