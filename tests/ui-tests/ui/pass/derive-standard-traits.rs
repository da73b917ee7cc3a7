// `Eq`, `Hash`, `PartialOrd` and `Ord` on every generated type of a schema without floats:
// the runtime's own types (`Object`, `True`, flags, `MaybeUnknown` in `Any`) implement them.
use std::collections::{BTreeSet, HashSet};

tl_runtime::tl! {
    #[tl(derive(Eq, std::hash::Hash, PartialOrd, Ord), any)]
    "true = True;"
    "boolFalse = Bool;"
    "boolTrue = Bool;"
    "inputPeerEmpty = InputPeer;"
    "inputPeerChat flags:# chat_id:long hidden:flags.0?true = InputPeer;"
    "pair {t:Type} a:t b:t = Pair t;"
    "holder p:(Pair int) xs:(vector long) ok:Bool t:True key:int256 body:Object data:bytes = Holder;"
    "---functions---"
    "invoke {X:Type} peer:InputPeer query:!X = X;"
}

fn main() {
    let peers: HashSet<enums::InputPeer> = [enums::InputPeer::Empty].into_iter().collect();
    let ordered: BTreeSet<enums::InputPeer> = peers.into_iter().collect();
    assert_eq!(ordered.len(), 1);
}
