//! Properties over generated inputs: the IIN check digit, serde round trips of arbitrary valid
//! records, and deserializers that never panic, whatever JSON they are given.

use dactylo_records::Iin;
use dactylo_tests::any_record;
use dactylo_tests::fixtures::{EachRecord, Record, each_record};
use dactylo_tests::strategies::iin_text;
use proptest::prelude::*;
use proptest::test_runner::TestRunner;
use serde_json::Value;

use crate::support::json::{node_mut, paths};
use crate::support::records::all;
use crate::support::schema::validator;

/// The IIN check digit computed the plain way, to check the crate's against.
fn reference_check_digit(prefix: &[u8; 11]) -> Option<u8> {
    let weighted = |first_weight: u32| -> u32 {
        let mut sum = 0;
        for (index, &digit) in prefix.iter().enumerate() {
            let weight = (first_weight - 1 + index as u32) % 11 + 1;
            sum += u32::from(digit) * weight;
        }
        sum % 11
    };
    match (weighted(1), weighted(3)) {
        (10, 10) => None,
        (10, second) => Some(second as u8),
        (first, _) => Some(first as u8),
    }
}

proptest! {
    #![proptest_config(dactylo_tests::seeds::config(256))]

    #[test]
    fn iin_generation_and_validation_agree(prefix in prop::array::uniform11(0_u8..10)) {
        let expected = reference_check_digit(&prefix);
        prop_assert_eq!(Iin::check_digit(prefix), expected);
        let valid: Vec<u8> = (0..10).filter(|&check| Iin::new(&iin_text(prefix, check)).is_ok()).collect();
        // At most one check digit completes any 11 digits, and it is the generated one.
        prop_assert!(valid.len() <= 1, "{:?}", valid);
        prop_assert_eq!(valid.first().copied(), expected);
    }
}

fn round_trips<T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug>(
    record: &T,
) -> Result<(), TestCaseError> {
    let json =
        serde_json::to_string(record).map_err(|error| TestCaseError::fail(error.to_string()))?;
    let back: T = serde_json::from_str(&json)
        .map_err(|error| TestCaseError::fail(format!("{error}: {json}")))?;
    prop_assert_eq!(&back, record);
    Ok(())
}

/// The record's JSON is valid against the generated schema `schema`.
fn conforms<T: serde::Serialize>(record: &T, schema: &str) -> Result<(), TestCaseError> {
    let instance = serde_json::to_value(record).unwrap();
    let errors: Vec<String> = validator(schema)
        .iter_errors(&instance)
        .map(|error| error.to_string())
        .collect();
    prop_assert!(errors.is_empty(), "{:#?}", errors);
    Ok(())
}

/// Runs `test` on `cases` generated inputs, panicking with the record's name on a failure.
fn run<S: Strategy>(
    record: &str,
    cases: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) {
    let mut runner = TestRunner::new(ProptestConfig {
        failure_persistence: None,
        ..dactylo_tests::seeds::config(cases)
    });
    if let Err(failure) = runner.run(&strategy, test) {
        panic!("{record}: {failure}");
    }
}

struct RoundTripAndConform;

impl EachRecord for RoundTripAndConform {
    fn record<R: Record>(&mut self) {
        run(R::NAME, 64, any_record::<R>(), |record| {
            round_trips(&record)?;
            conforms(&record, R::SCHEMA)
        });
    }
}

#[test]
fn every_record_round_trips_and_conforms() {
    each_record(&mut RoundTripAndConform);
}

// Deserializers never panic.

/// Any JSON, with keys that are often the records' own so that the deserializers go deep.
fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "\\PC{0,16}".prop_map(Value::from),
        prop::sample::select(vec![
            "KAZ",
            "XXA",
            "M",
            "F",
            "XX",
            "UP",
            "wsq",
            "jpeg",
            "/9j/4A==",
            "2024-01-01",
            "791028302728"
        ])
        .prop_map(Value::from),
    ];
    // The names of the records' members, from the spec.
    let mut members: Vec<String> =
        crate::support::places::every_place(&crate::support::places::model())
            .into_iter()
            .filter_map(|place| place.path.last().cloned())
            .chain(["position", "impression", "absence", "format", "data"].map(str::to_owned))
            .collect();
    members.sort();
    members.dedup();
    let key = prop_oneof![prop::sample::select(members), "\\PC{0,8}"];
    leaf.prop_recursive(4, 48, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..8)
                .prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    })
}

/// Deserializes `json` as every record; any outcome but a panic passes.
fn deserialize_all(json: &Value) {
    for wire in all() {
        let _ = wire.read(json.clone());
    }
}

proptest! {
    #![proptest_config(dactylo_tests::seeds::config(256))]

    #[test]
    fn arbitrary_json_never_panics_the_deserializers(json in json()) {
        deserialize_all(&json);
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_deserializers(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        for wire in all() {
            let _ = wire.read_slice(&bytes);
        }
    }
}

struct Mutated;

impl EachRecord for Mutated {
    fn record<R: Record>(&mut self) {
        let cases = (any_record::<R>(), any::<prop::sample::Index>(), json());
        run(R::NAME, 64, cases, |(record, choice, replacement)| {
            let mut json = serde_json::to_value(&record).unwrap();
            let found = paths(&json);
            let path = choice.get(&found).clone();
            *node_mut(&mut json, &path) = replacement;
            deserialize_all(&json);
            Ok(())
        });
    }
}

/// A valid record with one node replaced goes far into the deserializers before failing.
#[test]
fn mutated_records_never_panic_the_deserializers() {
    each_record(&mut Mutated);
}
