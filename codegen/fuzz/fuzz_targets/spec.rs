//! Any bytes as a spec: the generator answers with generated files or with problems, never a
//! panic. Seed it with `spec/resolution-939.yaml` and the corpus in `tests/bad-specs/`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(spec) = dactylo_codegen::Spec::parse(text, "fuzz.yaml") {
        spec.crate_sources().expect("an accepted spec generates");
        spec.compile_fail_cases("dactylo_records")
            .expect("an accepted spec generates its cases");
    }
});
