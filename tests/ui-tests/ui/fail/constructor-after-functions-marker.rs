// Literals continue one another: after "---functions---", `dataJSON` is read as a function,
// so `DataJSON` has no constructor. The error says so.
tl_runtime::tl! {
    "---functions---"
    "phone.getCallConfig#55451fa9 = DataJSON;"
    "dataJSON#7d748d04 data:string = DataJSON;"
}

fn main() {}
