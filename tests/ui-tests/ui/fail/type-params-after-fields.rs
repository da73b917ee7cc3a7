tl_runtime::tl! {
    "invokeWithLayer#da9b0d0d layer:int {X:Type} query:!X = X;"
}

fn main() {}
