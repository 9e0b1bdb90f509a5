//! Acceptance tests of dactylo, written as a downstream user of `dactylo-records` writes code.
//!
//! This library holds what several tests share, and nothing in it names an item of the spec:
//! the generated [`fixtures`] build every record from a source of values ([`Random`], or a test's
//! own), or complete from the spec's examples, and visit every record type with
//! [`fixtures::each_record`]. A list amended in the spec needs no hand edit here or in the tests;
//! only `tests/spec.rs` pins the spec to the act. The tests themselves are in `tests/`, and the
//! generated compile-fail programs in `compile-fail/`.

// prettyplease formats the generated fixtures, and `dactylo-codegen --check` compares them byte
// for byte: rustfmt must leave them alone.
#[rustfmt::skip]
pub mod fixtures;
mod random;
pub mod strategies;

use dactylo_records::Date;

pub use random::{Random, any_record};

/// A valid calendar date.
pub fn date(year: i16, month: i8, day: i8) -> Date {
    Date::new(year, month, day).expect("a valid date")
}

/// The top-level README's Rust examples, compiled and run as doctests so that they cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeExamples;

/// The leading bytes of the formats the tests use.
pub mod signatures {
    pub const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE0];
    pub const PNG: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    pub const WSQ: &[u8] = &[0xFF, 0xA0, 0xFF, 0xA8];
}
