tl_runtime::tl! {
    "future_salts#ae500895 req_msg_id:long now:int salts:vector<future_salt> = FutureSalts;"
}

fn main() {}
