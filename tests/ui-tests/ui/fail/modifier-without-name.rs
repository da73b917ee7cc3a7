// A modifier is `@` and a name, as in `@read engine.stat = Stat;`.
tl_runtime::tl! {
    "stat x:int = Stat;"
    "---functions---"
    "@ engine.stat = Stat;"
}

fn main() {}
