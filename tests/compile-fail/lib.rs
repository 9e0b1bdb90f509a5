//! The crate that runs the compile-fail programs `dactylo-codegen` generates into this
//! directory (`compile_fail.rs`); it holds nothing of its own. It is a crate apart so that
//! trybuild, which builds the programs with every dependency of the crate running them, builds
//! the records and nothing else.
