//! Generates the fixtures of the workspace's tests from the spec, into `OUT_DIR`, so that the
//! tests name no item of the spec and follow it when the law changes: every record drawn from a
//! source of values, built in the ways the builder tests exercise, and as a plain struct of its
//! items. Every name of `dactylo-records` they use comes from the generator's plan
//! (`dactylo_codegen::Spec::plan`); the fixtures' own items are named in `build/fixtures.rs`.

#[path = "build/draw.rs"]
mod draw;
#[path = "build/fixtures.rs"]
mod fixtures;
#[path = "build/parts.rs"]
mod parts;

use std::path::PathBuf;

/// The workspace's spec, which `dactylo-records` is generated from.
const SPEC: &str = "../spec/resolution-939.yaml";

fn main() -> Result<(), dactylo_codegen::Error> {
    println!("cargo::rerun-if-changed={SPEC}");
    println!("cargo::rerun-if-changed=build");
    let spec = dactylo_codegen::Spec::load(SPEC)?;
    let tokens = fixtures::fixtures(&spec.plan());
    let file: syn::File = syn::parse2(tokens).expect("the fixtures are Rust");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out_dir.join("fixtures.rs"), prettyplease::unparse(&file))
        .expect("OUT_DIR is writable");
    Ok(())
}
