//! The generated JSON Schemas and the Rust types agree: the JSON of every complete record is
//! valid against its record's schema, and JSON the Rust types refuse for a missing item, a
//! malformed value or an unknown field, the schema refuses too.

use dactylo_tests::complete;
use jsonschema::Validator;
use serde::Serialize;
use serde_json::{Value, json};

mod support;

use support::schema::{schema, validator};

fn json(record: &impl Serialize) -> Value {
    serde_json::to_value(record).unwrap()
}

fn errors(validator: &Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|error| error.to_string())
        .collect()
}

#[test]
fn every_complete_record_conforms_to_its_schema() {
    let records = [
        (
            "identity_document_record",
            json(&complete::identity_document_record()),
        ),
        ("visa_record", json(&complete::visa_record())),
        (
            "temporary_residence_record",
            json(&complete::temporary_residence_record()),
        ),
        (
            "expulsion_or_readmission_record",
            json(&complete::expulsion_or_readmission_record()),
        ),
        (
            "permanent_residence_record",
            json(&complete::permanent_residence_record()),
        ),
    ];
    for (name, instance) in records {
        let errors = errors(&validator(name), &instance);
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
}

/// A change to a record's JSON.
type Damage = fn(&mut Value);

/// Each change to a valid record that the Rust types refuse, with the schema.
#[test]
fn what_the_types_refuse_the_schema_refuses() {
    let validator = validator("identity_document_record");
    let valid = json(&complete::identity_document_record());
    let broken: [(&str, Damage); 12] = [
        ("a missing required item", |json| {
            json.as_object_mut().unwrap().remove("photo");
        }),
        ("a missing part", |json| {
            json["identity_document"]
                .as_object_mut()
                .unwrap()
                .remove("valid_until");
        }),
        ("an unknown field", |json| {
            json["nationality"] = json!("typo of ethnicity")
        }),
        ("an unknown part", |json| {
            json["birth"]["city"] = json!("Алматы")
        }),
        ("an IIN with 11 digits", |json| {
            json["iin"] = json!("90031440012")
        }),
        ("an IIN with a letter", |json| {
            json["iin"] = json!("90031440012X")
        }),
        ("an unknown country", |json| {
            json["citizenship"] = json!("ZZZ")
        }),
        ("a sex other than M, F or X", |json| {
            json["sex"] = json!("W")
        }),
        ("a date that is not a date", |json| {
            json["birth"]["date"] = json!("1990-02-30")
        }),
        ("an empty surname", |json| {
            json["full_name"]["surname"] = json!("")
        }),
        ("a photo in another format", |json| {
            json["photo"]["format"] = json!("gif")
        }),
        ("a finger given twice", |json| {
            json["fingerprints"][9]["position"] = json!(1)
        }),
    ];
    for (what, damage) in broken {
        let mut instance = valid.clone();
        damage(&mut instance);
        assert!(
            serde_json::from_value::<dactylo_records::IdentityDocumentRecord>(instance.clone())
                .is_err(),
            "the Rust types accept {what}"
        );
        assert!(!validator.is_valid(&instance), "the schema accepts {what}");
    }
}

#[test]
fn absent_optional_items_and_stateless_persons_conform() {
    let validator = validator("identity_document_record");
    let mut instance = json(&complete::identity_document_record());
    let object = instance.as_object_mut().unwrap();
    object.remove("iin");
    object.remove("ethnicity");
    instance["citizenship"] = json!("XXA");
    instance["full_name"]
        .as_object_mut()
        .unwrap()
        .remove("patronymic");
    let errors = errors(&validator, &instance);
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn the_schemas_say_what_the_spec_says() {
    let schema = schema("identity_document_record");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["additionalProperties"], false);
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(required.len(), 11);
    assert!(!required.contains(&"iin") && !required.contains(&"ethnicity"));
    let description = schema["description"].as_str().unwrap();
    assert!(
        description.contains("paragraph 6") && description.contains("Жеке басты"),
        "{description}"
    );
    assert!(
        schema["properties"]["ethnicity"]["description"]
            .as_str()
            .unwrap()
            .contains("at the holder's wish")
    );
}
