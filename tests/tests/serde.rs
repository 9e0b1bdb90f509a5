//! Records on the wire, as JSON: a round trip keeps every item, and a record the act would not
//! accept is refused with an error that names what is wrong.

use dactylo_records::IdentityDocumentRecord;
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
    assert_eq!(json["iin"], "900314400123");
    assert_eq!(json["identity_document"]["valid_until"], "2034-12-01");
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
fn unknown_fields_are_refused() {
    let mut json = serde_json::to_value(identity_document_record()).unwrap();
    json["nationality"] = json!("typo of ethnicity");
    let error = serde_json::from_value::<IdentityDocumentRecord>(json).unwrap_err();
    assert!(
        error.to_string().contains("unknown field `nationality`"),
        "{error}"
    );

    let mut json = serde_json::to_value(identity_document_record()).unwrap();
    json["birth"]["city"] = json!("Алматы");
    let error = serde_json::from_value::<IdentityDocumentRecord>(json).unwrap_err();
    assert!(
        error.to_string().contains("unknown field `city`"),
        "{error}"
    );
}

#[test]
fn malformed_values_are_refused_without_panicking() {
    let cases: [(&str, Value); 3] = [
        ("sex", json!("X")),
        ("birth", json!({ "date": "1990-02-30", "place": "Алматы" })),
        ("photo", json!("not bytes")),
    ];
    for (item, value) in cases {
        let mut json = serde_json::to_value(identity_document_record()).unwrap();
        json[item] = value;
        assert!(
            serde_json::from_value::<IdentityDocumentRecord>(json).is_err(),
            "{item} should be refused"
        );
    }
}
