//! Deserialization errors are safe to log: they name where a value is wrong and what kind of
//! input was found, and never repeat the input, through every way serde_json reads (`from_str`,
//! `from_slice`, `from_reader`, `from_value`). They are bounded, too: a huge photo is refused
//! before it is decoded, and a capture list before it is read past one entry too many.

use std::io::Cursor;

use dactylo_records::{
    ExpulsionOrReadmissionRecord, IdentityDocumentRecord, PHOTO_LIMIT, PermanentResidenceRecord,
    TemporaryResidenceRecord, VisaRecord,
};
use dactylo_tests::complete;
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

mod support;

use support::json::{node_mut, paths};

/// Letters no message of the crate holds, and a number no position of these inputs reaches.
const CANARY: &str = "QZXJ";
const CANARY_NUMBER: i64 = 918_273_645;

/// The error of each way serde_json reads `text`, or `None` where it is accepted.
fn errors<T: DeserializeOwned>(text: &str) -> Vec<Option<String>> {
    let value = serde_json::from_str::<Value>(text);
    let mut found = vec![
        serde_json::from_str::<T>(text)
            .err()
            .map(|error| error.to_string()),
        serde_json::from_slice::<T>(text.as_bytes())
            .err()
            .map(|error| error.to_string()),
        serde_json::from_reader::<_, T>(Cursor::new(text.as_bytes()))
            .err()
            .map(|error| error.to_string()),
    ];
    if let Ok(value) = value {
        found.push(
            serde_json::from_value::<T>(value)
                .err()
                .map(|e| e.to_string()),
        );
    }
    found
}

fn assert_no_canary(error: &str, input: &str) -> Result<(), TestCaseError> {
    let upper = error.to_uppercase();
    prop_assert!(
        !upper.contains(CANARY) && !error.contains(&CANARY_NUMBER.to_string()),
        "the error repeats the input: {error}\ninput: {input}"
    );
    Ok(())
}

/// Values that hold the canary in every shape JSON has.
fn hostile() -> impl Strategy<Value = Value> {
    let text = prop_oneof![
        Just(CANARY.to_owned()),
        "[a-zA-Z0-9 ]{0,8}".prop_map(|text| format!("{text}{CANARY}{text}")),
        Just(format!("{CANARY}\u{202E}\u{200B}\"\\/{CANARY}")),
        Just(format!("{CANARY}2")),
        Just(format!(" {CANARY} ")),
        Just(CANARY.repeat(300)),
        Just(format!("{CANARY}A=")),
        Just(format!("{CANARY}-{CANARY}")),
    ];
    let leaf = prop_oneof![
        text.clone().prop_map(Value::from),
        Just(json!(CANARY_NUMBER)),
        Just(json!(-CANARY_NUMBER)),
        Just(json!(CANARY_NUMBER as f64 + 0.5)),
        Just(json!(true)),
        Just(Value::Null),
    ];
    prop_oneof![
        4 => leaf.clone(),
        1 => prop::collection::vec(leaf.clone(), 0..3).prop_map(Value::Array),
        1 => (text, leaf).prop_map(|(key, value)| json!({ key: value })),
    ]
}

#[derive(Debug, Clone)]
enum Mutation {
    /// The node at the path becomes a hostile value.
    Replace(prop::sample::Index, Value),
    /// An object at the path gains a key of the canary.
    UnknownKey(prop::sample::Index, Value),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => (any::<prop::sample::Index>(), hostile()).prop_map(|(at, value)| Mutation::Replace(at, value)),
        1 => (any::<prop::sample::Index>(), hostile()).prop_map(|(at, value)| Mutation::UnknownKey(at, value)),
    ]
}

fn apply(json: &mut Value, mutation: &Mutation) {
    let found = paths(json);
    match mutation {
        Mutation::Replace(at, value) => {
            let path = at.get(&found).clone();
            *node_mut(json, &path) = value.clone();
        }
        Mutation::UnknownKey(at, value) => {
            let objects: Vec<&Vec<String>> = found
                .iter()
                .filter(|path| {
                    let mut copy = json.clone();
                    node_mut(&mut copy, path).is_object()
                })
                .collect();
            // An earlier mutation may have replaced the root with a value that holds no object.
            if objects.is_empty() {
                return;
            }
            let path = at.get(&objects).to_vec();
            if let Value::Object(entries) = node_mut(json, &path) {
                entries.insert(format!("{CANARY}_key"), value.clone());
            }
        }
    }
}

fn check<T: DeserializeOwned + serde::Serialize>(
    record: &T,
    mutations: &[Mutation],
) -> Result<(), TestCaseError> {
    let mut json = serde_json::to_value(record).unwrap();
    for mutation in mutations {
        apply(&mut json, mutation);
    }
    let text = serde_json::to_string(&json).unwrap();
    for error in errors::<T>(&text).into_iter().flatten() {
        assert_no_canary(&error, &text)?;
    }
    // Damaged JSON, cut anywhere, fails with the format's own errors: they must not quote it
    // either.
    for end in [text.len() / 3, text.len() / 2, text.len() - 1] {
        let cut = &text[..text.floor_char_boundary(end)];
        for error in errors::<T>(cut).into_iter().flatten() {
            assert_no_canary(&error, cut)?;
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn no_error_repeats_the_input(
        mutations in prop::collection::vec(mutation(), 1..4),
        record in 0_usize..5,
    ) {
        match record {
            0 => check(&complete::identity_document_record(), &mutations)?,
            1 => check(&complete::visa_record(), &mutations)?,
            2 => check(&complete::temporary_residence_record(), &mutations)?,
            3 => check(&complete::expulsion_or_readmission_record(), &mutations)?,
            _ => check(&complete::permanent_residence_record(), &mutations)?,
        }
    }
}

/// The inputs the records used to repeat in their errors: a name where a composite is
/// expected, a photo or a document as a string, an unknown sex, an invalid citizenship code.
#[test]
fn what_used_to_leak_no_longer_does() {
    let record = serde_json::to_value(complete::visa_record()).unwrap();
    let photo = record["photo"]["data"].as_str().unwrap().to_owned();
    let cases = [
        ("full_name", json!("Anna Smith"), "Anna"),
        ("photo", json!(photo), photo.as_str()),
        ("identity_document", json!("N12345678"), "N12345678"),
        ("sex", json!("Female"), "Female"),
        ("citizenship", json!("KZX"), "KZX"),
        ("birth_date", json!("1985-07-01T10:00"), "1985"),
    ];
    for (item, value, secret) in cases {
        let mut json = record.clone();
        json[item] = value;
        let text = serde_json::to_string(&json).unwrap();
        for error in errors::<VisaRecord>(&text) {
            let error = error.expect("refused");
            assert!(error.starts_with(item), "{error}");
            assert!(!error.contains(secret), "{item}: {error}");
        }
    }
}

/// A change to a record's JSON.
type Damage = fn(&mut Value);

/// An operator finds the bad value by its path, without seeing it.
#[test]
fn errors_name_the_path_of_the_value() {
    let record = serde_json::to_value(complete::visa_record()).unwrap();
    let cases: [(Damage, &str); 4] = [
        (
            |json| json["full_name"]["surname"] = json!("Smith2"),
            "full_name.surname: ",
        ),
        (
            |json| json["registering_officer"]["given_name"] = json!(""),
            "registering_officer.given_name: ",
        ),
        (
            |json| json["fingerprints"][9]["position"] = json!("ten"),
            "fingerprints[9].position: ",
        ),
        (
            |json| json["identity_document"]["number"] = json!("n-1"),
            "identity_document.number: ",
        ),
    ];
    for (damage, path) in cases {
        let mut json = record.clone();
        damage(&mut json);
        let text = serde_json::to_string(&json).unwrap();
        for error in errors::<VisaRecord>(&text) {
            let error = error.expect("refused");
            assert!(error.starts_with(path), "{error}");
        }
    }
}

/// A photo of 64 MiB is refused from the length of its base64 text, before any of it is
/// decoded, with the limit in the message.
#[test]
fn a_photo_over_the_limit_is_refused_naming_the_limit() {
    let mut json = serde_json::to_value(complete::visa_record()).unwrap();
    let bytes = 64 * 1024 * 1024;
    json["photo"]["data"] = json!("A".repeat(bytes / 3 * 4));
    let text = serde_json::to_string(&json).unwrap();
    let error = serde_json::from_str::<VisaRecord>(&text)
        .unwrap_err()
        .to_string();
    let expected = format!(
        "photo.data: Photo: the data has {} bytes, more than the {PHOTO_LIMIT} bytes (15 MB) it may have",
        bytes / 3 * 3
    );
    assert!(error.starts_with(&expected), "{error}");
}

/// A capture list of a thousand entries is refused at its first entry beyond the set: the
/// entries after it are never read.
#[test]
fn a_capture_list_is_refused_at_the_first_entry_too_many() {
    let mut json = serde_json::to_value(complete::visa_record()).unwrap();
    let first = json["fingerprints"][0].clone();
    let list = json["fingerprints"].as_array_mut().unwrap();
    list.extend(std::iter::repeat_n(first, 990));
    let text = serde_json::to_string(&json).unwrap();
    let error = serde_json::from_str::<VisaRecord>(&text)
        .unwrap_err()
        .to_string();
    assert!(
        error.starts_with("fingerprints[10]: position 1 is given twice"),
        "{error}"
    );
}

#[test]
fn every_record_type_reads_from_every_way() {
    let records = [
        serde_json::to_string(&complete::identity_document_record()).unwrap(),
        serde_json::to_string(&complete::temporary_residence_record()).unwrap(),
        serde_json::to_string(&complete::expulsion_or_readmission_record()).unwrap(),
        serde_json::to_string(&complete::permanent_residence_record()).unwrap(),
    ];
    assert!(
        errors::<IdentityDocumentRecord>(&records[0])
            .iter()
            .all(Option::is_none)
    );
    assert!(
        errors::<TemporaryResidenceRecord>(&records[1])
            .iter()
            .all(Option::is_none)
    );
    assert!(
        errors::<ExpulsionOrReadmissionRecord>(&records[2])
            .iter()
            .all(Option::is_none)
    );
    assert!(
        errors::<PermanentResidenceRecord>(&records[3])
            .iter()
            .all(Option::is_none)
    );
}
