tl_runtime::tl! {
    "config date:int = Config;"
    "---functions---"
    "help.getConfig = Config int;"
}

fn main() {}
