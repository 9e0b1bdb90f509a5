//! Programs that must not compile, generated from the spec by `dactylo-codegen` into
//! `tests/compile-fail/`: a record without one of its required items, a record with nothing set,
//! and a required item set twice. Their `.stderr` files hold the compiler's expected messages.
//!
//! After a change to the spec or the generator moves these messages, review them and accept them
//! with `TRYBUILD=overwrite cargo test -p dactylo-tests --test compile_fail`.

#[test]
fn builders_refuse_incomplete_or_repeated_items() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("compile-fail/*.rs");
}
