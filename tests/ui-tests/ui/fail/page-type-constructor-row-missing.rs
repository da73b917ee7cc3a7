// A constructor of the type has no row on its page.
tl_runtime::tl! {
    r"PhoneCallDiscardReason
Why was the phone call discarded?

phoneCallDiscardReasonMissed#85e42301 = PhoneCallDiscardReason;
phoneCallDiscardReasonBusy#faf7e8c9 = PhoneCallDiscardReason;
Constructors
Constructor Description
phoneCallDiscardReasonMissed The phone call was missed"
}

fn main() {}
