// A tuple holds its elements inline, so a bare constructor could hold the tuple itself.
tl_runtime::tl! {
    "point x:int y:int = Point;"
    "segment ends:(tuple point 2) = Segment;"
}

fn main() {}
