tl_runtime::tl! {
    "inputPhoneCall#1e36fded id:long access_hash:long = InputPhoneCall;"
    "phoneCallWaiting#c5226f17 flags:# video:flags.6?true id:long access_hash:long date:int admin_id:long participant_id:long protocol:PhoneCallProtocol receive_date:flags.0?int = PhoneCall;"
}

fn main() {}
