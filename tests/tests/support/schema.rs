//! The generated JSON Schemas, read from `generated/schema/`.

use std::fs;

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

/// A validator of the schema in `file` that checks formats (`date`) too.
pub fn validator(file: &str) -> Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema(file))
        .unwrap()
}
