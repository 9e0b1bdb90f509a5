//! The seeds of the property tests. Every property runs from one fixed seed by default, so that
//! every run of `cargo test` checks the same cases and a red run means a change, not bad luck;
//! the `.proptest-regressions` files beside the tests replay every case that ever failed.
//!
//! - `DACTYLO_SEED=<number>` runs from that seed, to replay a run;
//! - `DACTYLO_SEED=fresh` draws a new seed, which each property prints, to look for failures
//!   the fixed seed does not reach;
//! - `PROPTEST_CASES=<number>` runs that many cases of each property.
//!
//! `.ci/fresh-seeds` runs every property with a fresh seed and many cases, within a bound of time.
//! The generator's tests include this file too (`#[path]`), so that one rule holds for all.

use std::sync::OnceLock;

use proptest::test_runner::{Config, RngSeed};

/// The seed of a run that asks for none.
pub const SEED: u64 = 939;

/// The seed of this run: [`SEED`], or what `DACTYLO_SEED` asks for.
///
/// # Panics
///
/// When `DACTYLO_SEED` is neither a number nor `fresh`.
pub fn seed() -> u64 {
    static CHOSEN: OnceLock<u64> = OnceLock::new();
    *CHOSEN.get_or_init(|| match std::env::var("DACTYLO_SEED") {
        Err(_) => SEED,
        Ok(value) if value == "fresh" => {
            use std::hash::{BuildHasher, RandomState};
            RandomState::new().hash_one(std::time::SystemTime::now())
        }
        Ok(value) => value
            .parse()
            .unwrap_or_else(|_| panic!("DACTYLO_SEED is a number or `fresh`, not `{value}`")),
    })
}

/// proptest's configuration of a property of `cases` cases (or `PROPTEST_CASES`), run from the
/// seed of this run. With a seed other than [`SEED`], it says which, so that a failure can be
/// replayed.
///
/// # Panics
///
/// When `PROPTEST_CASES` is not a number.
pub fn config(cases: u32) -> Config {
    let seed = seed();
    if seed != SEED {
        eprintln!("proptest: seed {seed} (replay with DACTYLO_SEED={seed})");
    }
    let cases = match std::env::var("PROPTEST_CASES") {
        Ok(value) => value
            .parse()
            .unwrap_or_else(|_| panic!("PROPTEST_CASES is a number, not `{value}`")),
        Err(_) => cases,
    };
    Config {
        cases,
        rng_seed: RngSeed::Fixed(seed),
        ..Config::default()
    }
}
