//! People as they are, and items as the text words them: a person with one name, a date of birth
//! known to the month or the year, sex `X`, a visa and a temporary residence permit held together,
//! and a court act known only by its kind. Each wire form round-trips, and the record's JSON
//! Schema judges it as the Rust types do.

use dactylo_records::{
    CompositeError, CourtAct, CourtActKind, NoneGivenError, PriorPermits, Sex,
    TemporaryResidencePermit, Visa,
};
use dactylo_tests::date;
use serde_json::{Value, json};

use crate::support::places::{Place, model, place_of};
use crate::support::records::named;
use crate::support::schema::validator;

/// The complete JSON of the first record that holds `ty`, with the value at the type's place
/// replaced by `value` (or removed, for `None`); and the place.
fn with(ty: &str, value: Option<Value>) -> (Value, Place) {
    let place = place_of(&model(), ty);
    let mut json = named(&place.record).complete();
    match value {
        Some(value) => place.set(&mut json, value),
        None => place.remove(&mut json),
    }
    (json, place)
}

/// The JSON as its record reads it and writes it again, after checking that the record's
/// schema judges it alike and that what is written reads back the same.
fn judged(place: &Place, json: &Value) -> Result<Value, String> {
    let wire = named(&place.record);
    let read = wire.read(json.clone());
    let valid = validator(wire.schema()).is_valid(json);
    assert_eq!(
        read.is_ok(),
        valid,
        "Rust and the schema disagree: {read:?}\n{json:#}"
    );
    if let Ok(written) = &read {
        assert_eq!(
            wire.read(written.clone()).as_ref(),
            Ok(written),
            "no round trip"
        );
    }
    read
}

/// The value at `place` of `json` as its record writes it.
fn written(place: &Place, json: &Value) -> Value {
    let written = judged(place, json).unwrap();
    place.get(&written).cloned().unwrap_or(Value::Null)
}

#[test]
fn a_person_with_one_name_has_it_as_the_surname_and_no_given_name() {
    let (json, place) = with("FullName", Some(json!({ "surname": "Sukarno" })));
    assert_eq!(written(&place, &json), json!({ "surname": "Sukarno" }));
    // `null` reads as absent; a surname is never left out.
    let (null, _) = with(
        "FullName",
        Some(json!({ "surname": "Sukarno", "given_name": null })),
    );
    assert_eq!(written(&place, &null), json!({ "surname": "Sukarno" }));
    let (no_surname, _) = with("FullName", Some(json!({ "given_name": "Sukarno" })));
    let error = judged(&place, &no_surname).unwrap_err();
    assert_eq!(
        error,
        format!("{}: missing field `surname`", place.dotted())
    );
}

#[test]
fn a_date_of_birth_may_be_known_to_the_month_or_the_year() {
    for wire in ["1985-07-01", "1985-07", "1985"] {
        let (json, place) = with("BirthDate", Some(json!(wire)));
        assert_eq!(written(&place, &json), json!(wire));
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
        let (json, place) = with("BirthDate", Some(json!(wrong)));
        let error = judged(&place, &json).unwrap_err();
        assert!(
            error.starts_with(&format!("{}: ", place.dotted())),
            "{wrong}: {error}"
        );
        assert!(!error.contains(wrong), "the error repeats {wrong}: {error}");
    }
    // Other dates stay full dates.
    let (json, place) = with("Date", Some(json!("2025-01")));
    assert!(judged(&place, &json).is_err());
}

#[test]
fn sex_x_is_unspecified() {
    let (json, place) = with("Sex", Some(json!("X")));
    assert_eq!(written(&place, &json), json!("X"));
    assert_eq!(serde_json::to_value(Sex::Unspecified).unwrap(), json!("X"));
    for wrong in ["x", "U", "", "MALE"] {
        let (json, place) = with("Sex", Some(json!(wrong)));
        assert!(judged(&place, &json).is_err(), "{wrong}");
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

    let visa_json = json!({ "issued_on": "2022-01-10", "valid_until": "2022-04-10" });
    let permit_json = json!({ "issued_on": "2023-05-01", "valid_until": "2026-04-30" });
    for (given, expected) in [
        (
            json!({ "visa": visa_json, "temporary_residence_permit": permit_json }),
            serde_json::to_value(&both).unwrap(),
        ),
        (json!({ "visa": visa_json }), json!({ "visa": visa_json })),
        (
            json!({ "temporary_residence_permit": permit_json, "visa": null }),
            json!({ "temporary_residence_permit": permit_json }),
        ),
    ] {
        let (json, place) = with("PriorPermits", Some(given));
        assert_eq!(written(&place, &json), expected);
    }
    for neither in [
        json!({}),
        json!({ "visa": null }),
        json!({ "visa": null, "temporary_residence_permit": null }),
    ] {
        let (json, place) = with("PriorPermits", Some(neither));
        let error = judged(&place, &json).unwrap_err();
        assert!(
            error.starts_with(&format!("{}: PriorPermits: none of", place.dotted())),
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

    let (json, place) = with("CourtAct", Some(json!({ "kind": "decision" })));
    assert_eq!(written(&place, &json), json!({ "kind": "decision" }));
    let (no_kind, _) = with("CourtAct", Some(json!({ "court": "Astana City Court" })));
    let error = judged(&place, &no_kind).unwrap_err();
    assert_eq!(error, format!("{}: missing field `kind`", place.dotted()));
}

#[test]
fn a_document_without_an_end_of_validity_cannot_be_recorded() {
    // Every list requires the period of validity: the type has no way to leave it out, and the
    // schema requires it too.
    let place = place_of(&model(), "IdentityDocument");
    let mut json = named(&place.record).complete();
    let mut document = place.get(&json).unwrap().clone();
    document.as_object_mut().unwrap().remove("valid_until");
    place.set(&mut json, document.clone());
    let error = judged(&place, &json).unwrap_err();
    assert_eq!(
        error,
        format!("{}: missing field `valid_until`", place.dotted())
    );
    document["valid_until"] = Value::Null;
    place.set(&mut json, document);
    assert!(judged(&place, &json).is_err());
}
