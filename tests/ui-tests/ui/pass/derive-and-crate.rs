//! `derive(...)` adds derives to every generated type, resolved where `tl!` is invoked (a path
//! through a local `use` too); `crate = "..."` names the runtime.
use core::hash::Hash as LocalHash;

tl_runtime::tl! {
    #[tl(derive(Eq, LocalHash, ::core::cmp::PartialOrd), crate = "::tl_runtime")]
    "ipPort#d433ad73 ipv4:int port:int = IpPort;"
    "inputPeerEmpty#7f3b18ea = InputPeer;"
    "inputPeerChat#35a95cb9 chat_id:long = InputPeer;"
    "ns.deep peer:InputPeer = ns.Deep;"
}

fn assert_traits<T: Eq + core::hash::Hash + PartialOrd>() {}

fn main() {
    assert_traits::<types::IpPort>();
    assert_traits::<enums::InputPeer>();
    assert_traits::<types::ns::Deep>();
    assert!(types::IpPort { ipv4: 1, port: 2 } < types::IpPort { ipv4: 1, port: 3 });
}
