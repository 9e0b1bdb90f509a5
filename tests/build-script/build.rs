//! Generates the records of the workspace's spec into `OUT_DIR`, taking the hand-written value
//! types from `dactylo-records`.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let spec = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../spec/resolution-939.yaml"
    );
    println!("cargo::rerun-if-changed={spec}");
    let Some(out_dir) = std::env::var_os("OUT_DIR").map(PathBuf::from) else {
        eprintln!("OUT_DIR is not set: run this through cargo");
        return ExitCode::FAILURE;
    };
    let generated = dactylo_codegen::Spec::load(spec)
        .map(|spec| spec.with_label("spec/resolution-939.yaml"))
        .and_then(|spec| spec.single_file("records.rs", "::dactylo_records"))
        .and_then(|output| output.write(&out_dir));
    match generated {
        Ok(_) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}
