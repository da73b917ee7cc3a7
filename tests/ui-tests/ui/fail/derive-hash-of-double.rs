// `Hash` and `Eq` where a type holds a `double` (an `f64`): an error at each derive, naming the
// field.
tl_runtime::tl! {
    #[tl(derive(std::hash::Hash, Eq))]
    "geoPointEmpty = GeoPoint;"
    "geoPoint flags:# long:double lat:double access_hash:long = GeoPoint;"
}

fn main() {}
