//! The generated JSON Schemas and the Rust types agree: the JSON of every complete record is
//! valid against its record's schema, and JSON the Rust types refuse for a missing item, a
//! malformed value or an unknown field, the schema refuses too.

use jsonschema::Validator;
use serde_json::{Value, json};

use crate::support::places::{Place, every_place, model, place_of};
use crate::support::records::{all, named};
use crate::support::schema::{schema, validator};

fn errors(validator: &Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|error| error.to_string())
        .collect()
}

#[test]
fn every_record_conforms_to_its_schema_complete_or_drawn() {
    for wire in all() {
        let validator = validator(wire.schema());
        let instances = [wire.complete(), wire.required_only(1)]
            .into_iter()
            .chain((0..8).map(|seed| wire.drawn(seed)));
        for instance in instances {
            let errors = errors(validator, &instance);
            assert!(errors.is_empty(), "{}: {errors:#?}", wire.name());
        }
    }
}

/// PNG data of `size` bytes (a multiple of 3 after the first 9): the signature and zeros.
fn png_data(size: usize) -> Value {
    // `iVBORw0KGgoA` is the PNG signature and one zero byte; each `AAAA` is three zero bytes.
    let data = format!("iVBORw0KGgoA{}", "AAAA".repeat((size - 9) / 3));
    json!({ "format": "png", "data": data })
}

/// A finger's impression is held to the finger's limit and a palm's to the palm's, by the Rust
/// types and by the schema alike.
#[test]
fn a_finger_and_a_palm_each_have_their_limit() {
    use dactylo_records::FINGER_IMPRESSION_LIMIT;
    let place = place_of(&model(), "FingerprintsAndPalms");
    let wire = named(&place.record);
    let with = |entry: usize, size: usize| {
        let mut instance = wire.complete();
        let mut captures = place.get(&instance).unwrap().clone();
        captures[entry]["impression"] = png_data(size);
        place.set(&mut instance, captures);
        instance
    };
    let (finger, palm) = (0, 10);
    for (what, instance, valid) in [
        (
            "a finger at its limit",
            with(finger, FINGER_IMPRESSION_LIMIT),
            true,
        ),
        (
            "a finger over it",
            with(finger, FINGER_IMPRESSION_LIMIT + 3),
            false,
        ),
        (
            "a palm over a finger's limit",
            with(palm, FINGER_IMPRESSION_LIMIT + 3),
            true,
        ),
    ] {
        assert_eq!(wire.read(instance.clone()).is_ok(), valid, "Rust, {what}");
        assert_eq!(
            validator(wire.schema()).is_valid(&instance),
            valid,
            "schema, {what}"
        );
    }
}

/// A change to a record's JSON at the place of a type.
type Damage = fn(&Place, &mut Value);

/// Each change to a valid record that the Rust types refuse, with the schema, made where some
/// record holds the type it damages.
#[test]
fn what_the_types_refuse_the_schema_refuses() {
    let model = model();
    let unknown_field: Damage = |_, json| json["nationality"] = json!("typo of ethnicity");
    let broken: [(&str, &str, Damage); 12] = [
        ("a missing required item", "Photo", |place, json| {
            place.remove(json)
        }),
        ("a missing part", "Date", |place, json| place.remove(json)),
        ("an unknown field", "Photo", unknown_field),
        ("an unknown part", "Photo", |place, json| {
            let mut value = place.get(json).unwrap().clone();
            value["city"] = json!("Алматы");
            place.set(json, value);
        }),
        ("an IIN with 11 digits", "Iin", |place, json| {
            place.set(json, json!("90031440012"))
        }),
        ("an IIN with a letter", "Iin", |place, json| {
            place.set(json, json!("90031440012X"))
        }),
        ("an unknown country", "Citizenship", |place, json| {
            place.set(json, json!("ZZZ"))
        }),
        ("a sex other than M, F or X", "Sex", |place, json| {
            place.set(json, json!("W"))
        }),
        ("a date that is not a date", "BirthDate", |place, json| {
            place.set(json, json!("1990-02-30"))
        }),
        ("an empty name", "Name", |place, json| {
            place.set(json, json!(""))
        }),
        ("a photo in another format", "Photo", |place, json| {
            let mut value = place.get(json).unwrap().clone();
            value["format"] = json!("gif");
            place.set(json, value);
        }),
        ("a finger given twice", "Fingerprints", |place, json| {
            let mut value = place.get(json).unwrap().clone();
            value[9]["position"] = json!(1);
            place.set(json, value);
        }),
    ];
    for (what, ty, damage) in broken {
        // A missing part: a required part of a composite.
        let place = if what == "a missing part" {
            every_place(&model)
                .into_iter()
                .find(|place| place.path.len() > 1 && place.required && place.ty.name() == ty)
                .unwrap()
        } else {
            place_of(&model, ty)
        };
        let wire = named(&place.record);
        let mut instance = wire.complete();
        damage(&place, &mut instance);
        assert!(
            wire.read(instance.clone()).is_err(),
            "the Rust types accept {what}"
        );
        assert!(
            !validator(wire.schema()).is_valid(&instance),
            "the schema accepts {what}"
        );
    }
}

#[test]
fn absent_optional_items_stateless_persons_and_indefinite_validity_conform() {
    let model = model();
    for wire in all() {
        let validator = validator(wire.schema());
        let mut instance = wire.complete();
        let places = every_place(&model);
        for place in places
            .iter()
            .filter(|place| place.record == wire.name() && !place.member_required)
        {
            // Of the parts of which at least one is required, the first stays.
            let first_of_required_group = places
                .iter()
                .find(|upper| {
                    upper.record == place.record
                        && upper.path[..] == place.path[..place.path.len() - 1]
                })
                .and_then(|upper| model.composite(upper.ty.name()))
                .is_some_and(|composite| composite.at_least_one_of.first() == place.path.last());
            if place.get(&instance).is_some() && !first_of_required_group {
                place.remove(&mut instance);
            }
        }
        for place in every_place(&model)
            .iter()
            .filter(|place| place.record == wire.name() && place.ty.name() == "Citizenship")
        {
            place.set(&mut instance, json!("XXA"));
        }
        for place in every_place(&model)
            .iter()
            .filter(|place| place.record == wire.name() && place.ty.name() == "ValidityEnd")
        {
            place.set(&mut instance, json!("indefinite"));
        }
        let errors = errors(validator, &instance);
        assert!(errors.is_empty(), "{}: {errors:#?}", wire.name());
    }
}

#[test]
fn the_schemas_say_what_the_spec_says() {
    let model = model();
    for record in &model.records {
        let schema = schema(named(&record.name).schema());
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
        let expected: Vec<&str> = record
            .required_fields()
            .map(|field| field.member.ident.as_str())
            .collect();
        assert_eq!(required, expected, "{}", record.name);
        let description = schema["description"].as_str().unwrap();
        let lead_in: String = record
            .lead_in
            .kk
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            description.contains(&format!("paragraph {}", record.paragraph))
                && description.contains(&lead_in),
            "{description}"
        );
        for field in &record.fields {
            let property = schema["properties"][&field.member.ident]["description"]
                .as_str()
                .unwrap();
            assert!(
                property.contains(
                    &field
                        .member
                        .texts
                        .en
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                ),
                "{property}"
            );
            if let dactylo_codegen::model::Presence::Optional {
                condition: Some(condition),
            } = &field.member.presence
            {
                assert!(property.contains(&condition.en), "{property}");
            }
        }
    }
}

/// The schema of the value type `name`, as the records' schemas define it.
fn value_validator(name: &str) -> Validator {
    let record = schema("visa_record.schema.json");
    let mut definition = record["$defs"][name].clone();
    definition["$schema"] = record["$schema"].clone();
    jsonschema::validator_for(&definition).unwrap()
}

/// With formats not asserted, as validators run by default, the pattern alone admits exactly
/// the dates `Date` reads: every month's days, February the 29th in leap years only (1900 is
/// not one, 2000 is), years 0001 to 9999; and `BirthDate`'s reduced forms besides.
#[test]
fn date_patterns_admit_exactly_the_valid_dates_without_format_assertion() {
    let date = value_validator("Date");
    let birth_date = value_validator("BirthDate");
    let judged_alike = |text: &str| {
        let instance = Value::from(text);
        assert_eq!(
            date.is_valid(&instance),
            text.parse::<dactylo_records::Date>().is_ok(),
            "Date {text:?}"
        );
        assert_eq!(
            birth_date.is_valid(&instance),
            text.parse::<dactylo_records::BirthDate>().is_ok(),
            "BirthDate {text:?}"
        );
    };
    // The 29th of February of every year, and each year alone and with a month.
    for year in 0..=9999 {
        judged_alike(&format!("{year:04}-02-29"));
        judged_alike(&format!("{year:04}"));
    }
    // Every month and day, and their near misses, in years of each kind.
    for year in [
        0, 1, 4, 100, 400, 1600, 1900, 1985, 2000, 2023, 2024, 2100, 9996, 9999,
    ] {
        for month in 0..=13 {
            judged_alike(&format!("{year:04}-{month:02}"));
            for day in 0..=32 {
                judged_alike(&format!("{year:04}-{month:02}-{day:02}"));
            }
        }
    }
    for text in [
        "2024-02-29\n",
        "1985-7-01",
        "19850701",
        "+1985-07-01",
        "1985-07-01T00:00",
    ] {
        judged_alike(text);
    }
}
