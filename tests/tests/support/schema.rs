//! The generated JSON Schemas, read from `generated/schema/`.

use std::fs;

use jsonschema::Validator;
use serde_json::Value;

const SCHEMAS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../generated/schema");

/// The schema of `record` (its file's name without `.schema.json`), checked against the
/// draft 2020-12 meta-schema.
pub fn schema(record: &str) -> Value {
    let path = format!("{SCHEMAS}/{record}.schema.json");
    let schema: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    assert!(
        jsonschema::meta::is_valid(&schema),
        "{path} is not a valid JSON Schema"
    );
    schema
}

/// A validator of `record`'s schema that checks formats (`date`) too.
pub fn validator(record: &str) -> Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema(record))
        .unwrap()
}
