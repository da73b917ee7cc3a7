tl_runtime::tl! {
    #[tl(extern(FutureSalts))]
    "saltsAnswer salts:FutureSalts = SaltsAnswer;"
}

fn main() {}
