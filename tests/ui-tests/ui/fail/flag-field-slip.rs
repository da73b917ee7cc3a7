// A flag condition whose `#` field is misspelt: the error names the field declared before it.
tl_runtime::tl! {
    "draft flags:# message:flag.0?string = Draft;"
}

fn main() {}
