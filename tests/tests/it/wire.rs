//! Records on the wire, as JSON: a round trip keeps every item, and a record the act would not
//! accept is refused with an error that names what is wrong. Every record of the spec is tried,
//! and each value type where some record holds it (found in the spec, not named here).

use dactylo_records::{ImageFormat, Photo};
use dactylo_tests::fixtures::{EachRecord, Record, each_record};
use dactylo_tests::{Random, complete, signatures};
use serde_json::{Value, json};

use crate::support::places::{Place, model, place_of, places_of};
use crate::support::records::{all, named};

struct RoundTrip;

impl EachRecord for RoundTrip {
    fn record<R: Record>(&mut self) {
        let mut records = vec![complete::<R>()];
        records.extend((0..8).map(|seed| R::draw(&mut Random::new(seed), R::NAME)));
        for record in records {
            let json = serde_json::to_string(&record).expect("a record serializes");
            let back: R = serde_json::from_str(&json).expect("a serialized record deserializes");
            assert_eq!(back, record, "{json}");
        }
    }
}

#[test]
fn every_record_survives_a_round_trip() {
    each_record(&mut RoundTrip);
}

#[test]
fn the_wire_format_uses_the_field_names_and_plain_values() {
    let model = model();
    for record in &model.records {
        let json = named(&record.name).complete();
        let keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let idents: Vec<&str> = record
            .fields
            .iter()
            .map(|f| f.member.ident.as_str())
            .collect();
        assert_eq!(
            keys, idents,
            "{}: every item, in the text's order",
            record.name
        );
    }
    // Plain values: dates as text, photos as a format and base64, captures as a list of
    // positions.
    let date = place_of(&model, "Date");
    let value = date.get(&named(&date.record).complete()).unwrap().clone();
    let text = value.as_str().unwrap();
    assert!(
        text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-',
        "{text}"
    );
    let photo = place_of(&model, "Photo");
    let value = photo.get(&named(&photo.record).complete()).unwrap().clone();
    assert!(
        ["jpeg", "jpeg2000", "png"].contains(&value["format"].as_str().unwrap()),
        "{value}"
    );
    assert!(value["data"].is_string(), "{value}");
    let jpeg = Photo::new(ImageFormat::Jpeg, signatures::JPEG.to_vec()).unwrap();
    assert_eq!(
        serde_json::to_value(&jpeg).unwrap(),
        // Base64 of FF D8 FF E0.
        json!({ "format": "jpeg", "data": "/9j/4A==" })
    );
    for (ty, positions) in [
        ("Fingerprints", (1..=10).collect::<Vec<u64>>()),
        ("FingerprintsAndPalms", (1..=10).chain([21, 23]).collect()),
    ] {
        let place = place_of(&model, ty);
        let value = place.get(&named(&place.record).complete()).unwrap().clone();
        let found: Vec<u64> = value
            .as_array()
            .unwrap()
            .iter()
            .map(|entry| entry["position"].as_u64().unwrap())
            .collect();
        assert_eq!(found, positions, "{ty}");
        for entry in value.as_array().unwrap() {
            let capture = match (&entry["impression"], &entry["absence"]) {
                (Value::Object(impression), Value::Null) => impression["format"].as_str(),
                (Value::Null, absence) => absence.as_str(),
                _ => None,
            };
            let wire_names = ["wsq", "jpeg2000", "png", "iso_19794_2", "XX", "UP"];
            assert!(
                capture.is_some_and(|name| wire_names.contains(&name)),
                "{ty}: {entry}"
            );
        }
    }
}

#[test]
fn absent_optional_items_are_left_out_and_read_back_as_absent() {
    let model = model();
    for record in &model.records {
        let wire = named(&record.name);
        let json = wire.required_only(3);
        let keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let required: Vec<&str> = record
            .required_fields()
            .map(|field| field.member.ident.as_str())
            .collect();
        assert_eq!(keys, required, "{}", record.name);
        assert_eq!(wire.read(json.clone()), Ok(json), "{}", record.name);
    }
}

#[test]
fn a_record_missing_a_required_item_is_refused_naming_it() {
    let model = model();
    for record in &model.records {
        let wire = named(&record.name);
        for field in record.required_fields() {
            let mut json = wire.complete();
            json.as_object_mut().unwrap().remove(&field.member.ident);
            let error = wire.read(json).unwrap_err();
            let expected = format!("missing field `{}`", field.member.ident);
            assert!(error.contains(&expected), "{}: {error}", record.name);
        }
    }
}

#[test]
fn a_composite_missing_a_required_part_is_refused_naming_it() {
    let model = model();
    let parts: Vec<Place> = crate::support::places::every_place(&model)
        .into_iter()
        .filter(|place| place.path.len() > 1 && place.required)
        .collect();
    assert!(!parts.is_empty());
    for place in parts {
        let wire = named(&place.record);
        let mut json = wire.complete();
        place.remove(&mut json);
        let error = wire.read(json).unwrap_err();
        let part = place.path.last().unwrap();
        let above = place.path[..place.path.len() - 1].join(".");
        assert_eq!(
            error,
            format!("{above}: missing field `{part}`"),
            "{place:?}"
        );
    }
}

#[test]
fn unknown_fields_are_refused_without_repeating_them() {
    for wire in all() {
        let mut json = wire.complete();
        json["nationality"] = json!("typo of ethnicity");
        let error = wire.read(json).unwrap_err();
        assert!(
            error.starts_with("unknown field, a key of 11 characters; the fields are `"),
            "{error}"
        );
        assert!(!error.contains("nationality"), "{error}");
    }
    let model = model();
    let composite = crate::support::places::every_place(&model)
        .into_iter()
        .find(|place| place.required && model.composite(place.ty.name()).is_some())
        .unwrap();
    let wire = named(&composite.record);
    let mut json = wire.complete();
    let mut value = composite.get(&json).unwrap().clone();
    value["city"] = json!("Алматы");
    composite.set(&mut json, value);
    let error = wire.read(json).unwrap_err();
    assert!(
        error.starts_with(&format!(
            "{}: unknown field, a key of 4 characters; the fields are `",
            composite.dotted()
        )),
        "{error}"
    );
    assert!(!error.contains("city"), "{error}");
}

/// Every value is checked on the way in as when it is created: invalid JSON never yields a
/// record, and the error says where and what was wrong, never what the value was. Each case is
/// put where some record holds its type.
#[test]
fn invalid_values_are_refused_with_the_place_and_the_reason() {
    let cases: [(&str, Value, &str); 17] = [
        (
            "Sex",
            json!("W"),
            "expected one of `M`, `F` or `X`, found a string of 1 character",
        ),
        (
            "Iin",
            json!("900314400121"),
            "the check digit (character 12) is not the one the first 11 digits give",
        ),
        ("Iin", json!("90031440012"), "an IIN has 12 digits, not 11"),
        (
            "Citizenship",
            json!("KZX"),
            "Citizenship: a code of 3 characters that is not an ISO 3166-1 alpha-3 country code, nor a nationality code of ICAO Doc 9303 Part 3",
        ),
        (
            "Name",
            json!("Smith2"),
            "Name: U+0032 at character 6 is not allowed",
        ),
        (
            "Name",
            json!(" Smith"),
            "Name: U+0020 at character 1 is white space at an end of the text",
        ),
        (
            "FullName",
            json!("Anna Smith"),
            "expected a mapping of the parts of `FullName`, found a string of 10 characters",
        ),
        (
            "BirthDate",
            json!("1990-02-30"),
            "BirthDate: the day is not a day of its month",
        ),
        (
            "BirthDate",
            json!("1990-02-01T00:00"),
            "BirthDate: a date is written YYYY-MM-DD, YYYY-MM or YYYY, and this text of 16 characters is not",
        ),
        (
            "Photo",
            json!({ "format": "png", "data": "/9j/4GZhY2U=" }),
            "Photo: the bytes are declared PNG but look like JPEG",
        ),
        (
            "Photo",
            json!({ "format": "jpeg", "data": "" }),
            "Photo: there are no bytes",
        ),
        (
            "Photo",
            json!({ "format": "jpeg", "data": "not base64!" }),
            ".data: Photo: the data is not base64: its length, 11 characters, is not a multiple of 4",
        ),
        (
            "IdentityDocument",
            json!({ "number": "N1", "issued_on": "2024-12-02", "valid_until": "2024-12-01" }),
            "IdentityDocument: `valid_until` is before `issued_on`",
        ),
        (
            "DocumentNumber",
            json!("N 1"),
            "DocumentNumber: U+0020 at character 2 is not allowed",
        ),
        (
            "Fingerprints",
            json!([{ "position": 1, "absence": "XX" }]),
            "no capture for position(s) 2, 3, 4, 5, 6, 7, 8, 9, 10",
        ),
        (
            "Fingerprints",
            json!([{ "position": 21, "absence": "XX" }]),
            "[0].position: expected a finger position, 1 to 10, found another integer",
        ),
        (
            "Fingerprints",
            json!([{ "position": 1, "impression": null, "absence": "XX" }]),
            "[0].impression: expected a mapping of `format` and `data`, found null",
        ),
    ];
    let model = model();
    for (ty, value, reason) in cases {
        let place = place_of(&model, ty);
        let wire = named(&place.record);
        let mut json = wire.complete();
        place.set(&mut json, value);
        let error = wire.read(json).unwrap_err();
        // The error begins with the place: `full_name.surname: Name: …`, `photo.data: …`,
        // `fingerprints[0].position: …`.
        let separator = if reason.starts_with(['.', '[']) {
            ""
        } else {
            ": "
        };
        let expected = format!("{}{separator}{reason}", place.dotted());
        assert!(
            error.starts_with(&expected),
            "{ty}: {error}\nexpected: {expected}"
        );
    }
}

/// A capture list, wherever it is held, with one entry changed.
fn captures_with(place: &Place, change: impl FnOnce(&mut Vec<Value>)) -> String {
    let wire = named(&place.record);
    let mut json = wire.complete();
    let mut entries = place.get(&json).unwrap().as_array().unwrap().clone();
    change(&mut entries);
    place.set(&mut json, Value::Array(entries));
    wire.read(json).unwrap_err()
}

#[test]
fn capture_sets_hold_each_position_once() {
    let model = model();
    for ty in ["Fingerprints", "FingerprintsAndPalms"] {
        let place = place_of(&model, ty);
        let at = place.dotted();
        let error = captures_with(&place, |entries| entries[9]["position"] = json!(1));
        assert_eq!(error, format!("{at}[9]: position 1 is given twice"));
        let error = captures_with(&place, |entries| {
            entries[0]["absence"] = json!("UP");
        });
        assert_eq!(
            error,
            format!("{at}[0]: an entry has `impression` or `absence`, not both")
        );
        let error = captures_with(&place, |entries| entries[3] = json!({ "position": 4 }));
        assert_eq!(
            error,
            format!("{at}[3]: an entry needs `impression` or `absence`")
        );
        let error = captures_with(&place, |entries| {
            entries.pop();
        });
        let last = if ty == "Fingerprints" { 10 } else { 23 };
        assert_eq!(error, format!("{at}: no capture for position(s) {last}"));
    }
}

/// Explicit `null` is an optional item left out, and nothing else.
#[test]
fn null_means_absent_for_optional_items_only() {
    let model = model();
    for place in crate::support::places::every_place(&model) {
        let wire = named(&place.record);
        let complete = wire.complete();
        if place.get(&complete).is_none() {
            continue;
        }
        let mut json = complete.clone();
        place.set(&mut json, Value::Null);
        let read = wire.read(json);
        if !place.member_required {
            let written = read.unwrap_or_else(|error| panic!("{place:?}: {error}"));
            assert!(place.get(&written).is_none(), "{place:?}");
        } else {
            let error = read.unwrap_err();
            assert!(
                error.starts_with(&format!("{}: ", place.dotted())) && error.contains("found null"),
                "{place:?}: {error}"
            );
        }
    }
}

#[test]
fn stateless_persons_and_refugees_are_citizenship_values() {
    let model = model();
    for place in places_of(&model, "Citizenship") {
        let wire = named(&place.record);
        for code in ["XXA", "XXB", "XXC", "XXX"] {
            let mut json = wire.complete();
            place.set(&mut json, json!(code));
            let written = wire.read(json).unwrap();
            assert_eq!(place.get(&written), Some(&json!(code)));
        }
    }
}

/// The `Wire` of every record reads what the record writes.
#[test]
fn every_record_reads_what_it_writes() {
    for wire in all() {
        for seed in 0..4 {
            let json = wire.drawn(seed);
            assert_eq!(wire.read(json.clone()), Ok(json), "{}", wire.name());
        }
    }
}
