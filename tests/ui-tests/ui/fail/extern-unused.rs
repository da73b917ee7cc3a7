pub struct Salts;

tl_runtime::tl! {
    #[tl(extern(FutureSalt = crate::Salts))]
    "saltsAnswer salts:FutureSalts = SaltsAnswer;"
}

fn main() {}
