//! The generator's integration tests, one binary for all, so that they link once: the command
//! line as a person uses it, the spec's problems as they read, interrupted and concurrent runs,
//! the verdicts of `diff` and their oracle, any accepted spec compiling clean, no panics, and the
//! workspace's own generated files up to date.

mod amendments;
// The modules of `tests/build.rs`, which generate the tests' fixtures: `amendments` generates
// the fixtures of an amended spec with them.
mod atomicity;
mod bad_specs;
mod cli;
mod diff;
#[path = "../../../tests/build/draw.rs"]
mod draw;
#[path = "../../../tests/build/fixtures.rs"]
mod fixtures;
mod freshness;
mod hostile_specs;
mod nist_mapping;
mod no_panics;
mod oracle;
#[path = "../../../tests/build/parts.rs"]
mod parts;
// The rule of the property tests' seeds, which the acceptance tests follow too.
#[path = "../../../tests/src/seeds.rs"]
mod seeds;
mod spec_errors;
mod support;
