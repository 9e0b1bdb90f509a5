//! Programs that must not compile, generated from the spec by `dactylo-codegen` into
//! `tests/compile-fail/`: a record without one of its required items, a record with nothing set,
//! and a required item set twice. Their `.stderr` files hold the compiler's expected messages.
//!
//! After a change to the spec or the generator moves these messages, review them and accept them
//! with `TRYBUILD=overwrite cargo test -p dactylo-tests --test compile_fail`.

use std::path::Path;

const CASES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/compile-fail");

#[test]
fn builders_refuse_incomplete_or_repeated_items() {
    // A case the spec newly gives has no expected message yet: say what to do, unless this run
    // is the one that writes them.
    if std::env::var_os("TRYBUILD").is_none() {
        let unreviewed: Vec<String> = std::fs::read_dir(CASES)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|extension| extension == "rs"))
            .filter(|path| !path.with_extension("stderr").exists())
            .map(|path| file_name(&path))
            .collect();
        assert!(
            unreviewed.is_empty(),
            "the spec gives compile-fail cases whose compiler messages nobody has reviewed yet: \
             {unreviewed:?}. Run `TRYBUILD=overwrite cargo test -p dactylo-tests --test \
             compile_fail`, then review the new `.stderr` files in `git diff` and commit them."
        );
    }
    let cases = trybuild::TestCases::new();
    cases.compile_fail("compile-fail/*.rs");
}

fn file_name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}
