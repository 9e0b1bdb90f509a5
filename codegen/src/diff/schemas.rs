//! The records' JSON Schemas compared as their validators read them: what other systems enforce
//! when they validate JSON without the crate. Words (descriptions, titles, comments, examples)
//! are left out; a keyword that accepts more is minor, any other change major. A value type's
//! schema is code in `dactylo-values`, not spec, so comparing the released schemas with the
//! newer spec's is what finds a value's schema tightened.

use serde_json::{Map, Value};

use super::{Change, Place, Section, Semver};

/// A record's JSON Schema, as a version of `dactylo-records` holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordSchema {
    /// The record's name.
    pub record: String,
    /// Its file in the crate's `schema/` directory.
    pub file: String,
    /// The schema.
    pub schema: Value,
}

/// The keywords that only annotate: validators do not read them.
const ANNOTATIONS: [&str; 7] = [
    "$comment",
    "title",
    "description",
    "examples",
    "default",
    "deprecated",
    "$id",
];

/// Keywords whose values are sets: their order means nothing.
const SETS: [&str; 2] = ["required", "enum"];

/// Differing places shown per schema; the rest are counted.
const SHOWN: usize = 4;

/// How a keyword's change moves what the schema accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Effect {
    /// It accepts at least what it did.
    Accepts,
    /// It may refuse what it accepted.
    Refuses,
}

/// Compares the schema of each record kept, by name, and adds a change for each that its
/// validators read otherwise, when that says more than the spec's own changes: a schema follows
/// the spec, so only a change the spec does not explain (a value type's schema) is new.
pub(super) fn compare(older: &[RecordSchema], newer: &[RecordSchema], found: &mut Vec<Change>) {
    let so_far = found.iter().map(|change| change.semver).max();
    for new in newer {
        let Some(old) = older.iter().find(|old| old.record == new.record) else {
            continue;
        };
        let mut differences = Vec::new();
        compare_values(
            &old.schema,
            &new.schema,
            "",
            Keys::Keywords,
            &mut differences,
        );
        let Some(effect) = differences.iter().map(|(_, effect)| *effect).max() else {
            continue;
        };
        let semver = match effect {
            Effect::Accepts => Semver::Minor,
            Effect::Refuses => Semver::Major,
        };
        if so_far.is_some_and(|so_far| so_far >= semver) {
            continue;
        }
        let mut places: Vec<String> = differences
            .iter()
            .take(SHOWN)
            .map(|(pointer, _)| format!("`{pointer}`"))
            .collect();
        if differences.len() > SHOWN {
            places.push(format!("{} more", differences.len() - SHOWN));
        }
        let consequence = match effect {
            Effect::Accepts => {
                "it accepts JSON the older one refused, which validators of the older schema \
                 refuse"
            }
            Effect::Refuses => {
                "it may refuse JSON the older one accepted: systems that validate stored or \
                 received JSON with it refuse what they took before"
            }
        };
        found.push(Change {
            place: Place::Schema {
                record: new.record.clone(),
                file: new.file.clone(),
            },
            section: Section::Changed,
            what: format!(
                "what its validators read changed at {}: {consequence}",
                places.join(", ")
            ),
            semver,
        });
    }
}

/// What the keys of a schema's object are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keys {
    /// Keywords: a schema.
    Keywords,
    /// The names of properties (`properties`), each with its schema.
    Properties,
    /// The names of definitions (`$defs`), each a schema.
    Definitions,
}

fn compare_values(
    old: &Value,
    new: &Value,
    at: &str,
    keys: Keys,
    differences: &mut Vec<(String, Effect)>,
) {
    match (old, new) {
        (Value::Object(old), Value::Object(new)) => {
            compare_objects(old, new, at, keys, differences);
        }
        (Value::Array(old), Value::Array(new)) if old.len() == new.len() => {
            for (index, (old, new)) in old.iter().zip(new).enumerate() {
                let at = format!("{at}/{index}");
                compare_values(old, new, &at, Keys::Keywords, differences);
            }
        }
        _ if old == new => {}
        _ => differences.push((at.to_owned(), Effect::Refuses)),
    }
}

fn compare_objects(
    old: &Map<String, Value>,
    new: &Map<String, Value>,
    at: &str,
    keys: Keys,
    differences: &mut Vec<(String, Effect)>,
) {
    let all_keys = old
        .keys()
        .chain(new.keys().filter(|key| !old.contains_key(*key)));
    for key in all_keys {
        let (old_value, new_value) = (old.get(key), new.get(key));
        let annotation = keys == Keys::Keywords && ANNOTATIONS.contains(&key.as_str());
        if annotation || old_value == new_value {
            continue;
        }
        let place = format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"));
        let below = match (keys, key.as_str()) {
            (Keys::Keywords, "properties") => Keys::Properties,
            (Keys::Keywords, "$defs") => Keys::Definitions,
            _ => Keys::Keywords,
        };
        let effect = match (old_value, new_value) {
            (Some(old), Some(new)) => {
                let effect = if keys != Keys::Keywords {
                    None
                } else if SETS.contains(&key.as_str()) {
                    match set_effect(key, old, new) {
                        Some(effect) => Some(effect),
                        None => continue,
                    }
                } else {
                    bound_effect(key, old, new)
                };
                match effect {
                    Some(effect) => effect,
                    None => {
                        compare_values(old, new, &place, below, differences);
                        continue;
                    }
                }
            }
            // A definition added or removed comes with a `$ref` changed, judged where it is.
            _ if keys == Keys::Definitions => continue,
            // A property added is one more the schema names; with no other allowed, that
            // accepts more (a required one is also in `required`).
            (None, Some(_)) if keys == Keys::Properties => Effect::Accepts,
            (Some(_), None) if keys == Keys::Properties => Effect::Refuses,
            (None, Some(_)) => Effect::Refuses,
            (Some(_), None) => removed_effect(key),
            (None, None) => continue,
        };
        differences.push((place, effect));
    }
}

/// The bounds whose larger value accepts more, and those whose smaller value does.
const UPPER_BOUNDS: [&str; 5] = [
    "maxLength",
    "maxItems",
    "maxProperties",
    "maximum",
    "exclusiveMaximum",
];
const LOWER_BOUNDS: [&str; 5] = [
    "minLength",
    "minItems",
    "minProperties",
    "minimum",
    "exclusiveMinimum",
];

/// The effect of a bound's change, when `key` is a bound; `None` for other keywords.
fn bound_effect(key: &str, old: &Value, new: &Value) -> Option<Effect> {
    let (old, new) = (old.as_f64()?, new.as_f64()?);
    let looser = if UPPER_BOUNDS.contains(&key) {
        new >= old
    } else if LOWER_BOUNDS.contains(&key) {
        new <= old
    } else {
        return None;
    };
    Some(if looser {
        Effect::Accepts
    } else {
        Effect::Refuses
    })
}

/// `required` asks for fewer when the newer set is within the older; `enum` accepts more when
/// it holds the older one. `None` when both hold the same, in another order.
fn set_effect(key: &str, old: &Value, new: &Value) -> Option<Effect> {
    let members = |value: &Value| -> Vec<Value> { value.as_array().cloned().unwrap_or_default() };
    let (old, new) = (members(old), members(new));
    let within = |inner: &[Value], outer: &[Value]| inner.iter().all(|value| outer.contains(value));
    if within(&old, &new) && within(&new, &old) {
        return None;
    }
    let looser = match key {
        "required" => within(&new, &old),
        _ => within(&old, &new),
    };
    Some(if looser {
        Effect::Accepts
    } else {
        Effect::Refuses
    })
}

/// A keyword removed: a constraint gone accepts more; anything else (a `$ref`, a `type`'s
/// company) is read as refusing, as its meaning is not known here.
fn removed_effect(key: &str) -> Effect {
    let constraint = UPPER_BOUNDS.contains(&key)
        || LOWER_BOUNDS.contains(&key)
        || [
            "pattern",
            "required",
            "not",
            "const",
            "enum",
            "format",
            "additionalProperties",
            "unevaluatedProperties",
        ]
        .contains(&key);
    if constraint {
        Effect::Accepts
    } else {
        Effect::Refuses
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn verdict(older: Value, newer: Value) -> Option<Semver> {
        let schema = |schema| RecordSchema {
            record: "VisaRecord".to_owned(),
            file: "visa_record.schema.json".to_owned(),
            schema,
        };
        let mut found = Vec::new();
        compare(&[schema(older)], &[schema(newer)], &mut found);
        assert!(found.len() <= 1);
        found.first().map(|change| change.semver)
    }

    fn record(required: Value, name: Value) -> Value {
        json!({
            "type": "object",
            "description": "The list.",
            "properties": { "name": { "$ref": "#/$defs/Name" }, "iin": { "type": "string" } },
            "required": required,
            "additionalProperties": false,
            "$defs": { "Name": name },
        })
    }

    fn name(max_length: u32, pattern: &str) -> Value {
        json!({ "type": "string", "maxLength": max_length, "pattern": pattern })
    }

    #[test]
    fn words_and_the_order_of_sets_are_not_what_validators_read() {
        let older = record(json!(["name", "iin"]), name(200, "^a$"));
        let mut newer = record(json!(["iin", "name"]), name(200, "^a$"));
        newer["description"] = json!("Other words.");
        newer["$defs"]["Name"]["description"] = json!("A name.");
        assert_eq!(verdict(older, newer), None);
    }

    #[test]
    fn a_property_named_like_a_keyword_is_a_name() {
        let with_description = |words: &str| {
            let mut schema = record(json!(["name"]), name(200, "^a$"));
            schema["properties"]["description"] = json!({ "type": "string", "description": words });
            schema
        };
        assert_eq!(verdict(with_description("a"), with_description("b")), None);
        let mut without = with_description("a");
        without["properties"]
            .as_object_mut()
            .unwrap()
            .remove("description");
        assert_eq!(verdict(with_description("a"), without), Some(Semver::Major));
    }

    #[test]
    fn a_value_schema_tightened_is_major_and_loosened_minor() {
        let older = record(json!(["name"]), name(200, "^a$"));
        let tightened = [
            record(json!(["name"]), name(100, "^a$")),
            record(json!(["name"]), name(200, "^b$")),
            record(json!(["name", "iin"]), name(200, "^a$")),
        ];
        for newer in tightened {
            assert_eq!(verdict(older.clone(), newer), Some(Semver::Major));
        }
        let loosened = [
            record(json!(["name"]), name(300, "^a$")),
            record(json!([]), name(200, "^a$")),
            record(
                json!(["name"]),
                json!({ "type": "string", "maxLength": 200 }),
            ),
        ];
        for newer in loosened {
            assert_eq!(verdict(older.clone(), newer), Some(Semver::Minor));
        }
        let mut property_added = older.clone();
        property_added["properties"]["photo"] = json!({ "type": "string" });
        assert_eq!(verdict(older.clone(), property_added), Some(Semver::Minor));
        let mut enum_grown = older.clone();
        enum_grown["properties"]["iin"]["enum"] = json!(["1"]);
        let mut enum_larger = older.clone();
        enum_larger["properties"]["iin"]["enum"] = json!(["2", "1"]);
        assert_eq!(
            verdict(enum_grown.clone(), enum_larger.clone()),
            Some(Semver::Minor)
        );
        assert_eq!(verdict(enum_larger, enum_grown), Some(Semver::Major));
    }

    #[test]
    fn a_schema_change_the_specs_changes_explain_is_not_reported_again() {
        let older = record(json!(["name"]), name(200, "^a$"));
        let newer = record(json!(["name"]), name(100, "^a$"));
        let schema = |schema| RecordSchema {
            record: "VisaRecord".to_owned(),
            file: "visa_record.schema.json".to_owned(),
            schema,
        };
        let mut found = vec![Change {
            place: Place::Lists,
            section: Section::Changed,
            what: "an item retyped".to_owned(),
            semver: Semver::Major,
        }];
        compare(&[schema(older)], &[schema(newer)], &mut found);
        assert_eq!(found.len(), 1);
    }
}
