//! The generator's integration tests, one binary for all, so that they link once: the command
//! line as a person uses it, the spec's problems as they read, interrupted and concurrent runs,
//! the verdicts of `diff`, any accepted spec compiling clean, no panics, and the workspace's own
//! generated files up to date.

mod amendments;
mod atomicity;
mod bad_specs;
mod cli;
mod diff;
mod freshness;
mod hostile_specs;
mod no_panics;
// The rule of the property tests' seeds, which the acceptance tests follow too.
#[path = "../../../tests/src/seeds.rs"]
mod seeds;
mod spec_errors;
mod support;
