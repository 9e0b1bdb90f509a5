//! The generated JSON Schemas, read from `generated/schema/`.

use std::collections::BTreeMap;
use std::fs;
use std::sync::{Mutex, OnceLock, PoisonError};

use jsonschema::Validator;
use serde_json::Value;

const SCHEMAS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../generated/schema");

/// The schema in the file `file` of `generated/schema/`, checked against the draft 2020-12
/// meta-schema.
pub fn schema(file: &str) -> Value {
    let path = format!("{SCHEMAS}/{file}");
    let schema: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    assert!(
        jsonschema::meta::is_valid(&schema),
        "{path} is not a valid JSON Schema"
    );
    schema
}

/// A validator of the schema in `file` as validators run by default: `format` an annotation
/// only, so every rule must be stated by the other keywords.
pub fn validator(file: &str) -> &'static Validator {
    built(file, false)
}

/// A validator of the schema in `file` that asserts formats (`date`) too.
pub fn validator_with_formats(file: &str) -> &'static Validator {
    built(file, true)
}

/// Built once per file and setting for the whole run: compiling a schema's patterns of every
/// character a name or text may hold takes longer than most tests.
fn built(file: &str, formats: bool) -> &'static Validator {
    static BUILT: OnceLock<Mutex<BTreeMap<(String, bool), &'static Validator>>> = OnceLock::new();
    let mut built = BUILT
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    built.entry((file.to_owned(), formats)).or_insert_with(|| {
        let validator = jsonschema::options()
            .should_validate_formats(formats)
            .build(&schema(file))
            .unwrap();
        Box::leak(Box::new(validator))
    })
}
