pub struct Salts;

tl_runtime::tl! {
    #[tl(extern(FutureSalts = crate::Salts))]
    "future_salts req_msg_id:long now:int = FutureSalts;"
    "saltsAnswer salts:FutureSalts = SaltsAnswer;"
}

fn main() {}
