//! Generates the records of the workspace's spec, and of a spec with hostile texts, into
//! `OUT_DIR`, taking the hand-written value types from `dactylo-records`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const SPECS: [(&str, &str, &str); 2] = [
    (
        "../../spec/resolution-939.yaml",
        "spec/resolution-939.yaml",
        "records.rs",
    ),
    (
        "hostile-texts.yaml",
        "tests/build-script/hostile-texts.yaml",
        "hostile.rs",
    ),
];

fn main() -> ExitCode {
    let Some(out_dir) = std::env::var_os("OUT_DIR").map(PathBuf::from) else {
        eprintln!("OUT_DIR is not set: run this through cargo");
        return ExitCode::FAILURE;
    };
    for (spec, label, file) in SPECS {
        let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join(spec);
        println!("cargo::rerun-if-changed={}", spec.display());
        let generated = dactylo_codegen::Spec::load(&spec)
            .map(|spec| spec.with_label(label))
            .and_then(|spec| spec.single_file(file, "::dactylo_records"))
            .and_then(|output| output.write(&out_dir));
        if let Err(error) = generated {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
