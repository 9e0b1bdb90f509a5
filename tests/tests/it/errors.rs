//! Deserialization errors are safe to log: they name where a value is wrong and what kind of
//! input was found, and never repeat the input, through every way serde_json reads (`from_str`,
//! `from_slice`, `from_reader`, `from_value`). They are bounded, too: a huge photo is refused
//! before it is decoded, and a capture list before it is read past one entry too many.

use dactylo_records::PHOTO_LIMIT;
use proptest::prelude::*;
use serde_json::{Value, json};

use crate::support::json::{node_mut, paths};
use crate::support::places::{model, place_of};
use crate::support::records::{Wire, all, named};

/// Letters no message of the crate holds, and a number no position of these inputs reaches.
const CANARY: &str = "QZXJ";
const CANARY_NUMBER: i64 = 918_273_645;

/// The error of each way serde_json reads `text` as the record `wire`, or `None` where it is
/// accepted.
fn errors(wire: &dyn Wire, text: &str) -> Vec<Option<String>> {
    let mut found = vec![
        wire.read_str(text).err(),
        wire.read_slice(text.as_bytes()).err(),
        wire.read_reader(text.as_bytes()).err(),
    ];
    if let Ok(value) = serde_json::from_str::<Value>(text) {
        found.push(wire.read(value).err());
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

fn check(wire: &dyn Wire, mutations: &[Mutation]) -> Result<(), TestCaseError> {
    let mut json = wire.complete();
    for mutation in mutations {
        apply(&mut json, mutation);
    }
    let text = serde_json::to_string(&json).unwrap();
    for error in errors(wire, &text).into_iter().flatten() {
        assert_no_canary(&error, &text)?;
    }
    // Damaged JSON, cut anywhere, fails with the format's own errors: they must not quote it
    // either.
    for end in [text.len() / 3, text.len() / 2, text.len() - 1] {
        let cut = &text[..text.floor_char_boundary(end)];
        for error in errors(wire, cut).into_iter().flatten() {
            assert_no_canary(&error, cut)?;
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(dactylo_tests::seeds::config(96))]

    #[test]
    fn no_error_repeats_the_input(
        mutations in prop::collection::vec(mutation(), 1..4),
        record in any::<prop::sample::Index>(),
    ) {
        let records = all();
        check(record.get(&records).as_ref(), &mutations)?;
    }
}

/// The inputs the records used to repeat in their errors: a name where a composite is
/// expected, a photo or a document as a string, an unknown sex, an invalid citizenship code,
/// each put where some record holds its type.
#[test]
fn what_used_to_leak_no_longer_does() {
    let model = model();
    let photo = place_of(&model, "Photo");
    let photo_data = photo.get(&named(&photo.record).complete()).unwrap()["data"]
        .as_str()
        .unwrap()
        .to_owned();
    let cases = [
        ("FullName", json!("Anna Smith"), "Anna"),
        ("Photo", json!(photo_data), photo_data.as_str()),
        ("IdentityDocument", json!("N12345678"), "N12345678"),
        ("Sex", json!("Female"), "Female"),
        ("Citizenship", json!("KZX"), "KZX"),
        ("BirthDate", json!("1985-07-01T10:00"), "1985"),
    ];
    for (ty, value, secret) in cases {
        let place = place_of(&model, ty);
        let wire = named(&place.record);
        let mut json = wire.complete();
        place.set(&mut json, value);
        let text = serde_json::to_string(&json).unwrap();
        for error in errors(wire.as_ref(), &text) {
            let error = error.expect("refused");
            assert!(error.starts_with(&place.dotted()), "{error}");
            assert!(!error.contains(secret), "{ty}: {error}");
        }
    }
}

/// An operator finds the bad value by its path, without seeing it.
#[test]
fn errors_name_the_path_of_the_value() {
    let model = model();
    let cases: [(&str, Value, &str); 4] = [
        ("Name", json!("Smith2"), ": "),
        ("Name", json!(""), ": "),
        (
            "Fingerprints",
            json!([{ "position": "ten", "absence": "XX" }]),
            "[0].position: ",
        ),
        ("DocumentNumber", json!("n-1"), ": "),
    ];
    for (ty, value, suffix) in cases {
        let place = place_of(&model, ty);
        let wire = named(&place.record);
        let mut json = wire.complete();
        place.set(&mut json, value);
        let text = serde_json::to_string(&json).unwrap();
        let path = format!("{}{suffix}", place.dotted());
        for error in errors(wire.as_ref(), &text) {
            let error = error.expect("refused");
            assert!(error.starts_with(&path), "{error}");
        }
    }
}

/// What serde_json refuses before a value reaches the crate (a number out of range, a syntax
/// error inside a value) is serde_json's error: it names a line and a column, as README says,
/// no path, and never the input.
#[test]
fn errors_the_format_raises_name_a_line_and_column_and_never_the_input() {
    let model = model();
    let place = place_of(&model, "Name");
    let wire = named(&place.record);
    let mut json = wire.complete();
    place.set(&mut json, json!("Smithqzxj"));
    let text = serde_json::to_string(&json).unwrap();
    let cases = [
        (
            "a number out of range",
            text.replace("\"Smithqzxj\"", "1e400"),
        ),
        (
            "a string not closed",
            text[..text.find("qzxj").unwrap() + 4].to_owned(),
        ),
        (
            "a control character in a string",
            text.replace("Smithqzxj", "Smith\tqzxj"),
        ),
        (
            "two values in a row",
            text.replace("\"Smithqzxj\"", "\"Smithqzxj\" \"qzxj\""),
        ),
    ];
    for (what, text) in cases {
        for error in errors(wire.as_ref(), &text) {
            let error = error.unwrap_or_else(|| panic!("{what} is read"));
            assert!(error.contains(" at line 1 column "), "{what}: {error}");
            assert!(!error.to_lowercase().contains("qzxj"), "{what}: {error}");
        }
    }
}

/// A photo of 64 MiB is refused from the length of its base64 text, before any of it is
/// decoded, with the limit in the message.
#[test]
fn a_photo_over_the_limit_is_refused_naming_the_limit() {
    let place = place_of(&model(), "Photo");
    let wire = named(&place.record);
    let mut json = wire.complete();
    // The fewest bytes over the limit; the size is read from the base64's length, before any of
    // it is decoded.
    let bytes = PHOTO_LIMIT + 3;
    place.set(
        &mut json,
        json!({ "format": "jpeg", "data": "A".repeat(bytes / 3 * 4) }),
    );
    let text = serde_json::to_string(&json).unwrap();
    let error = wire.read_str(&text).unwrap_err();
    let expected = format!(
        "{}.data: Photo: the data has {} bytes, more than the {PHOTO_LIMIT} bytes it may have",
        place.dotted(),
        bytes / 3 * 3
    );
    assert!(error.starts_with(&expected), "{error}");
}

/// A capture list of a thousand entries is refused at its first entry beyond the set: the
/// entries after it are never read.
#[test]
fn a_capture_list_is_refused_at_the_first_entry_too_many() {
    let place = place_of(&model(), "Fingerprints");
    let wire = named(&place.record);
    let mut json = wire.complete();
    let mut list = place.get(&json).unwrap().as_array().unwrap().clone();
    let first = list[0].clone();
    list.extend(std::iter::repeat_n(first, 990));
    place.set(&mut json, Value::Array(list));
    let text = serde_json::to_string(&json).unwrap();
    let error = wire.read_str(&text).unwrap_err();
    let expected = format!("{}[10]: position 1 is given twice", place.dotted());
    assert!(error.starts_with(&expected), "{error}");
}

#[test]
fn every_record_type_reads_from_every_way() {
    for wire in all() {
        let text = serde_json::to_string(&wire.complete()).unwrap();
        assert!(
            errors(wire.as_ref(), &text).iter().all(Option::is_none),
            "{}",
            wire.name()
        );
    }
}
