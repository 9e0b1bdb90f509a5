//! Acceptance tests of dactylo, written as a downstream user of `dactylo-records` writes code.
//!
//! This library holds what several tests share, and nothing in it names an item of the spec:
//! the generated [`fixtures`] build every record from a source of values ([`Random`], or a test's
//! own), with every item ([`complete`]) or not, and visit every record type with
//! [`fixtures::each_record`]. A list amended in the spec needs no hand edit here or in the tests;
//! only `tests/spec.rs` pins the spec to the act. The tests themselves are in `tests/`, and the
//! generated compile-fail programs in `compile-fail/`.

/// Fixtures that follow the spec, generated from it by `build.rs`: every record drawn from a
/// source of values ([`fixtures::Values`]), built in the ways the builder tests exercise, and as
/// a plain struct of its items. Tests visit every record with [`fixtures::each_record`], so that
/// they name no item.
pub mod fixtures {
    include!(concat!(env!("OUT_DIR"), "/fixtures.rs"));
}
mod random;
pub mod seeds;
pub mod strategies;

use dactylo_records::Date;

pub use random::{Random, any_record, any_transferable_record, complete};

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
