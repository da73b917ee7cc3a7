//! Examples of `tl!`; run them with `cargo run --example NAME`.
