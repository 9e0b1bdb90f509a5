//! What several of the tests share.

pub mod amendments;
pub mod files;
pub mod scratch;
