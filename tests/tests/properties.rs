//! Properties over generated inputs: the IIN check digit, serde round trips of arbitrary valid
//! records, and deserializers that never panic, whatever JSON they are given.

use dactylo_records::{
    ExpulsionOrReadmissionRecord, IdentityDocumentRecord, Iin, PermanentResidenceRecord,
    TemporaryResidenceRecord, VisaRecord,
};
use proptest::prelude::*;
use serde_json::Value;

mod support;

use support::json::{node_mut, paths};
use support::strategies::*;

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
    let path = format!(
        "{}/../generated/schema/{schema}.schema.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let instance = serde_json::to_value(record).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&instance)
        .map(|error| error.to_string())
        .collect();
    prop_assert!(errors.is_empty(), "{:#?}", errors);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn identity_document_records_round_trip_and_conform(record in identity_document_record()) {
        round_trips(&record)?;
        conforms(&record, "identity_document_record")?;
    }

    #[test]
    fn visa_records_round_trip_and_conform(record in visa_record()) {
        round_trips(&record)?;
        conforms(&record, "visa_record")?;
    }

    #[test]
    fn temporary_residence_records_round_trip_and_conform(record in temporary_residence_record()) {
        round_trips(&record)?;
        conforms(&record, "temporary_residence_record")?;
    }

    #[test]
    fn expulsion_or_readmission_records_round_trip_and_conform(record in expulsion_or_readmission_record()) {
        round_trips(&record)?;
        conforms(&record, "expulsion_or_readmission_record")?;
    }

    #[test]
    fn permanent_residence_records_round_trip_and_conform(record in permanent_residence_record()) {
        round_trips(&record)?;
        conforms(&record, "permanent_residence_record")?;
    }
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
    let key = prop_oneof![
        prop::sample::select(vec![
            "full_name",
            "surname",
            "given_name",
            "patronymic",
            "birth",
            "date",
            "place",
            "sex",
            "position",
            "impression",
            "absence",
            "format",
            "data",
            "fingerprints",
            "identity_document",
            "number",
            "issued_on",
            "valid_until",
            "grounds",
            "kind",
            "in_force_since",
            "country",
            "locality",
        ])
        .prop_map(str::to_owned),
        "\\PC{0,8}",
    ];
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
    let _ = serde_json::from_value::<IdentityDocumentRecord>(json.clone());
    let _ = serde_json::from_value::<VisaRecord>(json.clone());
    let _ = serde_json::from_value::<TemporaryResidenceRecord>(json.clone());
    let _ = serde_json::from_value::<ExpulsionOrReadmissionRecord>(json.clone());
    let _ = serde_json::from_value::<PermanentResidenceRecord>(json.clone());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_json_never_panics_the_deserializers(json in json()) {
        deserialize_all(&json);
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_deserializers(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        let _ = serde_json::from_slice::<IdentityDocumentRecord>(&bytes);
        let _ = serde_json::from_slice::<TemporaryResidenceRecord>(&bytes);
    }

    /// A valid record with one node replaced goes far into the deserializers before failing.
    #[test]
    fn mutated_records_never_panic_the_deserializers(
        record in temporary_residence_record(),
        choice in any::<prop::sample::Index>(),
        replacement in json(),
    ) {
        let mut json = serde_json::to_value(&record).unwrap();
        let found = paths(&json);
        let path = choice.get(&found).clone();
        *node_mut(&mut json, &path) = replacement;
        deserialize_all(&json);
    }
}
