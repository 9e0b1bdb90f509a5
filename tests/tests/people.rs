//! People as they are, and items as the text words them: a person with one name, a date of birth
//! known to the month or the year, sex `X`, a visa and a temporary residence permit held together,
//! and a court act known only by its kind. Each wire form round-trips, and the record's JSON
//! Schema judges it as the Rust types do.

use dactylo_records::{
    CompositeError, CourtAct, CourtActKind, ExpulsionOrReadmissionRecord, FullName, Name,
    NoneGivenError, PermanentResidenceRecord, PriorPermits, Sex, TemporaryResidencePermit, Visa,
    VisaRecord,
};
use dactylo_tests::{complete, date};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

mod support;

use support::schema::validator;

/// `record`'s JSON with the value at `pointer` replaced by `value` (or removed, for `None`).
fn with<T: Serialize>(record: &T, pointer: &str, value: Option<Value>) -> Value {
    let mut json = serde_json::to_value(record).unwrap();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let parent = json.pointer_mut(parent).unwrap().as_object_mut().unwrap();
    match value {
        Some(value) => parent.insert(key.to_owned(), value),
        None => parent.remove(key),
    };
    json
}

/// Whether the JSON reads as `T`, and whether `record`'s schema accepts it: the two must agree.
fn judged<T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug>(
    schema: &str,
    json: &Value,
) -> Result<T, String> {
    let read = serde_json::from_value::<T>(json.clone()).map_err(|error| error.to_string());
    let valid = validator(schema).is_valid(json);
    assert_eq!(
        read.is_ok(),
        valid,
        "Rust and the schema disagree: {read:?}\n{json:#}"
    );
    if let Ok(value) = &read {
        let again: T = serde_json::from_value(serde_json::to_value(value).unwrap()).unwrap();
        assert_eq!(&again, value, "the value does not round-trip");
    }
    read
}

#[test]
fn a_person_with_one_name_has_it_as_the_surname_and_no_given_name() {
    let visa = complete::visa_record();
    let json = with(&visa, "/full_name", Some(json!({ "surname": "Sukarno" })));
    let read: VisaRecord = judged("visa_record", &json).unwrap();
    assert_eq!(
        read.full_name,
        FullName {
            surname: Name::new("Sukarno").unwrap(),
            given_name: None,
            patronymic: None,
        }
    );
    assert_eq!(
        serde_json::to_value(&read.full_name).unwrap(),
        json!({ "surname": "Sukarno" })
    );
    // `null` reads as absent; a surname is never left out.
    let null = with(
        &visa,
        "/full_name",
        Some(json!({ "surname": "Sukarno", "given_name": null })),
    );
    assert_eq!(judged::<VisaRecord>("visa_record", &null).unwrap(), read);
    let no_surname = with(
        &visa,
        "/full_name",
        Some(json!({ "given_name": "Sukarno" })),
    );
    let error = judged::<VisaRecord>("visa_record", &no_surname).unwrap_err();
    assert!(
        error.contains("full_name") && error.contains("surname"),
        "{error}"
    );
}

#[test]
fn a_date_of_birth_may_be_known_to_the_month_or_the_year() {
    let visa = complete::visa_record();
    for (wire, known) in [
        ("1985-07-01", "1985-07-01"),
        ("1985-07", "1985-07"),
        ("1985", "1985"),
    ] {
        let json = with(&visa, "/birth_date", Some(json!(wire)));
        let read: VisaRecord = judged("visa_record", &json).unwrap();
        assert_eq!(read.birth_date.to_string(), known);
        assert_eq!(serde_json::to_value(read.birth_date).unwrap(), json!(wire));
    }
    for wrong in [
        "1985-7",
        "85",
        "1985-13",
        "1985-07-32",
        "1985-00",
        "0000",
        "19850701",
        "1985-W27",
    ] {
        let json = with(&visa, "/birth_date", Some(json!(wrong)));
        let error = judged::<VisaRecord>("visa_record", &json).unwrap_err();
        assert!(error.starts_with("birth_date: "), "{wrong}: {error}");
        assert!(!error.contains(wrong), "the error repeats {wrong}: {error}");
    }
    // Other dates stay full dates.
    let json = with(&visa, "/visa/issued_on", Some(json!("2025-01")));
    assert!(judged::<VisaRecord>("visa_record", &json).is_err());
}

#[test]
fn sex_x_is_unspecified() {
    let visa = complete::visa_record();
    let json = with(&visa, "/sex", Some(json!("X")));
    let read: VisaRecord = judged("visa_record", &json).unwrap();
    assert_eq!(read.sex, Sex::Unspecified);
    assert_eq!(serde_json::to_value(Sex::Unspecified).unwrap(), json!("X"));
    for wrong in ["x", "U", "", "MALE"] {
        let json = with(&visa, "/sex", Some(json!(wrong)));
        assert!(
            judged::<VisaRecord>("visa_record", &json).is_err(),
            "{wrong}"
        );
    }
}

#[test]
fn prior_permits_hold_a_visa_a_temporary_residence_permit_or_both() {
    let visa = || Visa::new(date(2022, 1, 10), date(2022, 4, 10)).unwrap();
    let permit = || TemporaryResidencePermit::new(date(2023, 5, 1), date(2026, 4, 30)).unwrap();
    let both = PriorPermits::new(Some(visa()), Some(permit())).unwrap();
    assert_eq!(both.visa(), Some(&visa()));
    assert_eq!(both.temporary_residence_permit(), Some(&permit()));
    assert!(PriorPermits::new(Some(visa()), None).is_ok());
    assert!(PriorPermits::new(None, Some(permit())).is_ok());
    let none = PriorPermits::new(None, None).unwrap_err();
    assert_eq!(
        none,
        CompositeError::NoneGiven(NoneGivenError {
            value: "PriorPermits",
            parts: &["visa", "temporary_residence_permit"],
        })
    );
    assert_eq!(
        none.to_string(),
        "PriorPermits: none of `visa` and `temporary_residence_permit` is given; at least one is \
         required"
    );

    let record = complete::permanent_residence_record();
    let visa_json = json!({ "issued_on": "2022-01-10", "valid_until": "2022-04-10" });
    let permit_json = json!({ "issued_on": "2023-05-01", "valid_until": "2026-04-30" });
    for (given, expected) in [
        (
            json!({ "visa": visa_json, "temporary_residence_permit": permit_json }),
            Some(&both),
        ),
        (json!({ "visa": visa_json }), None),
        (
            json!({ "temporary_residence_permit": permit_json, "visa": null }),
            None,
        ),
    ] {
        let json = with(&record, "/prior_permits", Some(given));
        let read: PermanentResidenceRecord = judged("permanent_residence_record", &json).unwrap();
        if let Some(expected) = expected {
            assert_eq!(&read.prior_permits, expected);
        }
    }
    for neither in [
        json!({}),
        json!({ "visa": null }),
        json!({ "visa": null, "temporary_residence_permit": null }),
    ] {
        let json = with(&record, "/prior_permits", Some(neither));
        let error =
            judged::<PermanentResidenceRecord>("permanent_residence_record", &json).unwrap_err();
        assert!(
            error.starts_with("prior_permits: PriorPermits: none of"),
            "{error}"
        );
    }
}

#[test]
fn a_court_act_needs_only_its_kind() {
    let bare = CourtAct::new(CourtActKind::Verdict, None, None, None).unwrap();
    assert_eq!(bare.kind(), &CourtActKind::Verdict);
    assert_eq!(
        (bare.court(), bare.date(), bare.in_force_since()),
        (None, None, None)
    );
    // A period's ends are checked when both are given, and only then.
    assert!(CourtAct::new(CourtActKind::Decision, None, Some(date(2025, 1, 15)), None).is_ok());
    assert!(CourtAct::new(CourtActKind::Decision, None, None, Some(date(2025, 1, 15))).is_ok());
    let error = CourtAct::new(
        CourtActKind::Decision,
        None,
        Some(date(2025, 1, 15)),
        Some(date(2025, 1, 14)),
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "CourtAct: `in_force_since` is before `date`"
    );

    let record = complete::expulsion_or_readmission_record();
    let json = with(
        &record,
        "/expulsion/grounds",
        Some(json!({ "kind": "decision" })),
    );
    let read: ExpulsionOrReadmissionRecord =
        judged("expulsion_or_readmission_record", &json).unwrap();
    assert_eq!(
        read.expulsion.grounds,
        CourtAct::new(CourtActKind::Decision, None, None, None).unwrap()
    );
    let no_kind = with(
        &record,
        "/expulsion/grounds",
        Some(json!({ "court": "Astana City Court" })),
    );
    let error = judged::<ExpulsionOrReadmissionRecord>("expulsion_or_readmission_record", &no_kind)
        .unwrap_err();
    assert!(
        error.contains("expulsion.grounds") && error.contains("kind"),
        "{error}"
    );
}

#[test]
fn a_document_without_an_end_of_validity_cannot_be_recorded() {
    // Every list requires the period of validity: the type has no way to leave it out, and the
    // schema requires it too.
    let record = complete::visa_record();
    let json = with(&record, "/identity_document/valid_until", None);
    let error = judged::<VisaRecord>("visa_record", &json).unwrap_err();
    assert!(
        error.contains("identity_document") && error.contains("valid_until"),
        "{error}"
    );
    let json = with(&record, "/identity_document/valid_until", Some(Value::Null));
    assert!(judged::<VisaRecord>("visa_record", &json).is_err());
}
