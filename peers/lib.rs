//! Comparisons with peer crates. grammers-tl-types 0.11.0 ships the layer-230 `api.tl` it was
//! generated from; [`layer230`] is that same file compiled through `tl!` ([`layer230_borrowed`]
//! in borrowed mode), and [`grammers`] decodes and re-encodes bytes with grammers' own type for
//! any TL name.

/// grammers' layer-230 `api.tl`, compiled through `tl!`.
#[cfg(tl_grammers)]
pub mod layer230 {
    tl_runtime::tl! {
        #[tl(include = "${TL_GRAMMERS_API}", any)]
    }
}

/// The same file with `#[tl(borrowed)]`: strings and bytes borrow from the decoded input.
#[cfg(tl_grammers)]
pub mod layer230_borrowed {
    tl_runtime::tl! {
        #[tl(include = "${TL_GRAMMERS_API}", any, borrowed)]
    }
}

/// grammers' types, by TL name.
#[cfg(tl_grammers)]
pub mod grammers {
    include!(concat!(env!("OUT_DIR"), "/grammers_dispatch.rs"));
}
