// Independent mistakes in one schema are all reported in one build, each at its own literal,
// and a malformed line does not hide the lines after it.
tl_runtime::tl! {
    "inputPhoneCall#1e36fdee id:long access_hash:long = InputPhoneCall;"
    "broken#1 x: = A;"
    "a flags:# x:flags.40?int y:nope.1?int = A;"
    r"
    first = B;
    second list:Vector<Missing> = B;
    "
}

fn main() {}
