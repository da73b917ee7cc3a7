// A call's answer is decoded through `RemoteCall::Return`'s own `Deserialize`, which reads every
// vector as boxed: a bare vector inside a function's result would be misread.
tl_runtime::tl! {
    "u x:int = U;"
    "---functions---"
    "getRows = Vector<vector<int>>;"
}

fn main() {}
