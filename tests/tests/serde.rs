//! Records on the wire, as JSON: a round trip keeps every item, and a record the act would not
//! accept is refused with an error that names what is wrong.

use dactylo_records::{IdentityDocumentRecord, TemporaryResidenceRecord, VisaRecord};
use dactylo_tests::complete::{
    expulsion_or_readmission_record, identity_document_record, permanent_residence_record,
    temporary_residence_record, visa_record,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

fn round_trip<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(record: &T) {
    let json = serde_json::to_string(record).expect("a record serializes");
    let back: T = serde_json::from_str(&json).expect("a serialized record deserializes");
    assert_eq!(&back, record, "{json}");
}

#[test]
fn every_record_survives_a_round_trip() {
    round_trip(&identity_document_record());
    round_trip(&visa_record());
    round_trip(&temporary_residence_record());
    round_trip(&expulsion_or_readmission_record());
    round_trip(&permanent_residence_record());
}

#[test]
fn the_wire_format_uses_the_field_names_and_plain_values() {
    let json = serde_json::to_value(identity_document_record()).unwrap();
    assert_eq!(json["full_name"]["surname"], "Сейітова");
    assert_eq!(json["birth"]["date"], "1990-03-14");
    assert_eq!(json["sex"], "F");
    assert_eq!(json["citizenship"], "KAZ");
    assert_eq!(json["iin"], "900314400120");
    assert_eq!(json["identity_document"]["valid_until"], "2034-12-01");
    assert_eq!(json["photo"]["format"], "jpeg");
    // Base64 of FF D8 FF E0 "face".
    assert_eq!(json["photo"]["data"], "/9j/4GZhY2U=");
    assert_eq!(
        json["fingerprints"][0],
        json!({ "position": 1, "impression": { "format": "wsq", "data": "/6D/qHJpZGdlcw==" } })
    );
    assert_eq!(
        json["fingerprints"][9],
        json!({ "position": 10, "absence": "XX" })
    );

    let json = serde_json::to_value(temporary_residence_record()).unwrap();
    let positions: Vec<u64> = json["fingerprints_and_palms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["position"].as_u64().unwrap())
        .collect();
    assert_eq!(positions, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 21, 23]);
    assert_eq!(json["fingerprints_and_palms"][11]["absence"], "UP");
    assert_eq!(
        json["residence_abroad"],
        json!({ "country": "UZB", "locality": "Tashkent", "street": "Amir Temur 1" })
    );

    let json = serde_json::to_value(expulsion_or_readmission_record()).unwrap();
    assert_eq!(json["expulsion"]["grounds"]["kind"], "decision");
    assert_eq!(json["expulsion"]["grounds"]["in_force_since"], "2025-01-25");
}

#[test]
fn absent_optional_items_are_left_out_and_read_back_as_absent() {
    let mut json = serde_json::to_value(identity_document_record()).unwrap();
    let object = json.as_object_mut().unwrap();
    object.remove("iin");
    object.remove("ethnicity");
    object["full_name"]
        .as_object_mut()
        .unwrap()
        .remove("patronymic");

    let record: IdentityDocumentRecord = serde_json::from_value(json).unwrap();
    assert_eq!(record.iin, None);
    assert_eq!(record.ethnicity, None);
    assert_eq!(record.full_name.patronymic, None);

    let written = serde_json::to_value(&record).unwrap();
    assert!(written.get("iin").is_none(), "{written}");
    assert!(
        written["full_name"].get("patronymic").is_none(),
        "{written}"
    );
}

#[test]
fn a_record_missing_a_required_item_is_refused_naming_it() {
    for item in ["photo", "fingerprints", "registering_officer"] {
        let mut json = serde_json::to_value(identity_document_record()).unwrap();
        json.as_object_mut().unwrap().remove(item);
        let error = serde_json::from_value::<IdentityDocumentRecord>(json).unwrap_err();
        assert!(
            error
                .to_string()
                .contains(&format!("missing field `{item}`")),
            "{error}"
        );
    }
}

#[test]
fn a_composite_missing_a_required_part_is_refused_naming_it() {
    let mut json = serde_json::to_value(identity_document_record()).unwrap();
    json["identity_document"]
        .as_object_mut()
        .unwrap()
        .remove("valid_until");
    let error = serde_json::from_value::<IdentityDocumentRecord>(json).unwrap_err();
    assert!(
        error.to_string().contains("missing field `valid_until`"),
        "{error}"
    );
}

#[test]
fn unknown_fields_are_refused_without_repeating_them() {
    let mut json = serde_json::to_value(identity_document_record()).unwrap();
    json["nationality"] = json!("typo of ethnicity");
    let error = serde_json::from_value::<IdentityDocumentRecord>(json)
        .unwrap_err()
        .to_string();
    assert!(
        error.starts_with("unknown field, a key of 11 characters; the fields are `full_name`"),
        "{error}"
    );
    assert!(!error.contains("nationality"), "{error}");

    let mut json = serde_json::to_value(identity_document_record()).unwrap();
    json["birth"]["city"] = json!("Алматы");
    let error = serde_json::from_value::<IdentityDocumentRecord>(json)
        .unwrap_err()
        .to_string();
    assert_eq!(
        error,
        "birth: unknown field, a key of 4 characters; the fields are `date` and `place`"
    );
}

/// Every value is checked on the way in as when it is created: invalid JSON never yields a
/// record, and the error says where and what was wrong, never what the value was.
#[test]
fn invalid_values_are_refused_with_the_place_and_the_reason() {
    let cases: [(&str, Value, &str); 17] = [
        (
            "sex",
            json!("W"),
            "sex: expected one of `M`, `F` or `X`, found a string of 1 character",
        ),
        (
            "iin",
            json!("900314400121"),
            "iin: the check digit (character 12) is not the one the first 11 digits give",
        ),
        (
            "iin",
            json!("90031440012"),
            "iin: an IIN has 12 digits, not 11",
        ),
        (
            "citizenship",
            json!("KZX"),
            "citizenship: Citizenship: a code of 3 characters that is not an ISO 3166-1 alpha-3 country code, nor XXA, XXB, XXC or XXX",
        ),
        (
            "full_name",
            json!({ "surname": "Smith2", "given_name": "Anna" }),
            "full_name.surname: Name: U+0032 at character 6 is not allowed",
        ),
        (
            "full_name",
            json!({ "surname": " Smith", "given_name": "Anna" }),
            "full_name.surname: Name: U+0020 at character 1 is white space at an end of the text",
        ),
        (
            "full_name",
            json!("Anna Smith"),
            "full_name: expected a mapping of the parts of `FullName`, found a string of 10 characters",
        ),
        (
            "birth",
            json!({ "date": "1990-02-30", "place": "Алматы" }),
            "birth.date: BirthDate: the day is not a day of its month",
        ),
        (
            "birth",
            json!({ "date": "1990-02-01T00:00", "place": "Алматы" }),
            "birth.date: BirthDate: a date is written YYYY-MM-DD, YYYY-MM or YYYY, and this text of 16 characters is not",
        ),
        (
            "photo",
            json!({ "format": "png", "data": "/9j/4GZhY2U=" }),
            "photo: Photo: the bytes are declared PNG but look like JPEG",
        ),
        (
            "photo",
            json!({ "format": "jpeg", "data": "" }),
            "photo: Photo: there are no bytes",
        ),
        (
            "photo",
            json!({ "format": "jpeg", "data": "not base64!" }),
            "photo.data: Photo: the data is not base64: its length, 11 characters, is not a multiple of 4",
        ),
        (
            "identity_document",
            json!({ "number": "N1", "issued_on": "2024-12-02", "valid_until": "2024-12-01" }),
            "identity_document: IdentityDocument: `valid_until` is before `issued_on`",
        ),
        (
            "identity_document",
            json!({ "number": "N 1", "issued_on": "2024-12-02", "valid_until": "2025-12-01" }),
            "identity_document.number: DocumentNumber: U+0020 at character 2 is not allowed",
        ),
        (
            "fingerprints",
            json!([{ "position": 1, "absence": "XX" }]),
            "fingerprints: no capture for position(s) 2, 3, 4, 5, 6, 7, 8, 9, 10",
        ),
        (
            "fingerprints",
            json!([{ "position": 21, "absence": "XX" }]),
            "fingerprints[0].position: expected a finger position, 1 to 10, found another integer",
        ),
        (
            "fingerprints",
            json!([{ "position": 1, "impression": null, "absence": "XX" }]),
            "fingerprints[0].impression: expected a mapping of `format` and `data`, found null",
        ),
    ];
    for (item, value, reason) in cases {
        let mut json = serde_json::to_value(identity_document_record()).unwrap();
        json[item] = value;
        let error = serde_json::from_value::<IdentityDocumentRecord>(json)
            .unwrap_err()
            .to_string();
        assert!(error.starts_with(reason), "{item}: {error}");
    }
}

#[test]
fn capture_sets_hold_each_position_once() {
    let record = serde_json::to_value(identity_document_record()).unwrap();
    let mut fingers = record["fingerprints"].as_array().unwrap().clone();
    fingers[9]["position"] = json!(1);
    let mut json = record.clone();
    json["fingerprints"] = Value::Array(fingers);
    let error = serde_json::from_value::<IdentityDocumentRecord>(json).unwrap_err();
    assert_eq!(
        error.to_string(),
        "fingerprints[9]: position 1 is given twice"
    );

    let mut json = record.clone();
    json["fingerprints"][0]["absence"] = json!("UP");
    let error = serde_json::from_value::<IdentityDocumentRecord>(json).unwrap_err();
    assert_eq!(
        error.to_string(),
        "fingerprints[0]: an entry has `impression` or `absence`, not both"
    );

    let mut json = record.clone();
    json["fingerprints"][3] = json!({ "position": 4 });
    let error = serde_json::from_value::<IdentityDocumentRecord>(json).unwrap_err();
    assert_eq!(
        error.to_string(),
        "fingerprints[3]: an entry needs `impression` or `absence`"
    );

    let residence = serde_json::to_value(temporary_residence_record()).unwrap();
    let mut json = residence.clone();
    json["fingerprints_and_palms"].as_array_mut().unwrap().pop();
    let error = serde_json::from_value::<TemporaryResidenceRecord>(json).unwrap_err();
    assert_eq!(
        error.to_string(),
        "fingerprints_and_palms: no capture for position(s) 23"
    );

    let mut json = residence;
    json["fingerprints_and_palms"][11]["position"] = json!(21);
    let error = serde_json::from_value::<TemporaryResidenceRecord>(json).unwrap_err();
    assert_eq!(
        error.to_string(),
        "fingerprints_and_palms[11]: position 21 is given twice"
    );
}

/// Explicit `null` is an optional item left out, and nothing else.
#[test]
fn null_means_absent_for_optional_items_only() {
    let mut json = serde_json::to_value(identity_document_record()).unwrap();
    json["iin"] = Value::Null;
    json["full_name"]["patronymic"] = Value::Null;
    let record: IdentityDocumentRecord = serde_json::from_value(json).unwrap();
    assert_eq!(record.iin, None);
    assert_eq!(record.full_name.patronymic, None);

    let mut json = serde_json::to_value(identity_document_record()).unwrap();
    json["photo"] = Value::Null;
    let error = serde_json::from_value::<IdentityDocumentRecord>(json).unwrap_err();
    assert_eq!(
        error.to_string(),
        "photo: expected a mapping of `format` and `data`, found null"
    );
}

#[test]
fn stateless_persons_and_refugees_are_citizenship_values() {
    for code in ["XXA", "XXB", "XXC", "XXX"] {
        let mut json = serde_json::to_value(visa_record()).unwrap();
        json["citizenship"] = json!(code);
        let record: VisaRecord = serde_json::from_value(json).unwrap();
        assert_eq!(record.citizenship.code(), code);
        assert_eq!(serde_json::to_value(&record).unwrap()["citizenship"], code);
    }
}
