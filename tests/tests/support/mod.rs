//! What the tests share: the acceptance tests (`it/`) and the test of freed memory.

#![allow(
    dead_code,
    reason = "the test of freed memory uses a part of the support"
)]

pub mod json;
pub mod places;
pub mod python;
pub mod records;
pub mod schema;
