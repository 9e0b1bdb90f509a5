//! What several test binaries share; each uses some of it.

#![allow(dead_code, reason = "each test binary uses a part of the support")]

pub mod json;
pub mod places;
pub mod records;
pub mod schema;
