//! Compile-time diagnostics of `tl!`; the cases are under `ui/`, run by `ui.rs`.
