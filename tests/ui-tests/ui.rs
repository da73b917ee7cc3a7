//! Compile-time diagnostics of `tl!`: one trybuild case per diagnostic, with its `.stderr`
//! committed. The `.stderr` text depends on rustc's wording, so it is pinned to one toolchain;
//! bless with `TRYBUILD=overwrite cargo test -p tl-ui-tests --test ui` and review the diff.

#[rustversion::attr(
    not(stable(1.95)),
    ignore = "UI .stderr files are pinned to rustc 1.95"
)]
#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/fail/*.rs");
    cases.pass("ui/pass/*.rs");
}
