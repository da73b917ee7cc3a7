tl_runtime::tl! {
    "matrix rows:Vector<vector<int>> = Matrix;"
}

fn main() {}
