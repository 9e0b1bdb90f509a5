//! Generates the records of this crate's own copy of a spec, and of a spec with hostile texts,
//! into `OUT_DIR`, taking the hand-written value types (and, where the spec's are the same, the
//! composites) from `dactylo-records`.

use std::path::{Path, PathBuf};

use dactylo_codegen::{Error, Serde, SingleFile, Spec};

const SPECS: [(&str, &str, &str); 2] = [
    ("spec.yaml", "tests/build-script/spec.yaml", "records.rs"),
    (
        "hostile-texts.yaml",
        "tests/build-script/hostile-texts.yaml",
        "hostile.rs",
    ),
];

// `Error`'s `Debug` is the located report its `Display` gives, so `?` here prints it whole.
fn main() -> Result<(), Error> {
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for (spec, label, file) in SPECS {
        let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join(spec);
        println!("cargo::rerun-if-changed={}", spec.display());
        // This crate has a `serde` feature, as dactylo-records does.
        let options = SingleFile::new(file).serde(Serde::Feature("serde".to_owned()));
        Spec::load(&spec)?
            .with_label(label)
            .single_file(&options)?
            .write(&out_dir)?;
    }
    Ok(())
}
