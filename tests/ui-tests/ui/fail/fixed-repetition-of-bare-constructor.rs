tl_runtime::tl! {
    "point x:int y:int = Point;"
    "triangle corners:3*[point] = Triangle;"
}

fn main() {}
