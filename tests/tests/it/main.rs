//! The acceptance tests of `dactylo-records`, written as a downstream user writes code, in one
//! binary so that they link once: the spec against the official text, the act and its reference,
//! the builders, serde and its errors, the schemas and their agreement with the types, the wire
//! forms of real people, and what `Debug` never shows. The test of freed memory is a binary of
//! its own (`freed_memory.rs`), as it replaces the allocator of the whole program.

mod act;
mod builders;
mod errors;
mod nist;
mod people;
mod privacy;
mod properties;
mod reference;
mod schema;
mod schema_agreement;
mod spec;
#[path = "../support/mod.rs"]
mod support;
mod validators;
mod wire;
