// A repetition repeats one field (a constructor holding several, if need be).
tl_runtime::tl! {
    "list n:# a:n*[ x:int y:int ] = List;"
}

fn main() {}
