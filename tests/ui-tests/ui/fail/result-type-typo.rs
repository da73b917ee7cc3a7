// A function's result that no constructor defines is an empty type (MTProto's `HttpWait`),
// unless its name is a slip for a defined type's: then it is an error that names that type.
tl_runtime::tl! {
    "user id:long = User;"
    "---functions---"
    "users.getFull id:long = Usre;"
}

fn main() {}
