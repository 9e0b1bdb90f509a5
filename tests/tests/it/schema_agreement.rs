//! The JSON Schemas and the Rust types accept the same JSON, but for the rules a schema cannot
//! state, which each schema's `description` and the README list:
//!
//! - an IIN's check digit,
//! - a period's end not before its start,
//! - an image's or impression's bytes beginning with the declared format's signature,
//! - a name or text staying in its alphabets and within its limit once composed to Unicode NFC;
//!
//! and a key given twice, which `serde_json` refuses and no schema sees (parsers keep one).
//!
//! Valid records and hostile mutations of them go to both (`jsonschema`, with formats asserted
//! and without, as validators run by default, and `serde_json`); where they disagree, the Rust
//! error must be one of those rules, and the schema must never refuse what Rust accepts. Then the character classes of the patterns are held to
//! the Rust types code point by code point, and the schemas to the rules of Ajv's strict mode
//! that can be checked without Ajv.

use dactylo_records::{Name, Place};
use jsonschema::Validator;
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

use crate::support::json::{node_mut, paths};
use crate::support::records::all;
use crate::support::schema::{schema, validator, validator_with_formats};
use dactylo_tests::fixtures::{EachRecord, Record, each_record};
use dactylo_tests::{any_record, complete};
use proptest::test_runner::TestRunner;

/// The words of the Rust errors of the rules no schema states.
pub(crate) const UNSTATED_RULES: [&str; 4] = [
    "the check digit",
    "is before",
    "the bytes are declared",
    "composed to Unicode NFC",
];

/// Strings that break, or nearly break, each rule of the values.
fn hostile_string() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "Anna",
        "Анна",
        "Mаria",
        "ӘЙГЕРІМ",
        "Müller",
        "Mu\u{308}ller",
        "О\u{308}",
        "\u{212A}",
        "Ａ",
        "ﬀ",
        "ᴬ",
        "Ⅻ",
        "ı",
        "ß",
        "2",
        "１",
        " ",
        "\u{A0}",
        "\u{2002}",
        "-",
        "'",
        "’",
        "ʼ",
        "_",
        "\u{301}",
        "\u{200B}",
        "\u{FEFF}",
        "\u{202E}",
        "\u{2028}",
        "\t",
        "\n",
        "\u{E000}",
        "\u{378}",
        "\u{E0041}",
        "𗀀",
        "中",
        "KAZ",
        "XXA",
        "ZZZ",
        "M",
        "F",
        "X",
        "XX",
        "UP",
        "wsq",
        "jpeg",
        "png",
        "N1234",
        "n12",
        "IV-ЖА",
        "II-МЮ 123456",
        "СН",
        "АВ12",
        "ЖA",
        "Ё",
        "Қ",
        "№",
        " 123456",
        "1990",
        "1990-02",
        "1990-02-28",
        "1990-02-29",
        "2024-02-29",
        "2023-02-29",
        "1985-02-31",
        "2025-04-31",
        "1900-02-29",
        "2000-02-29",
        "Smith\n",
        "0000",
        "-01",
        "T10:00",
        "/9j/",
        "4A==",
        "QR==",
        "A=",
        "=",
        "+",
        "/",
        "AAAA",
        "iVBO",
        "/6D/",
        "Rk1SAA==",
        "900314400120",
        "900314400121",
        "90031440012",
    ]);
    prop_oneof![
        4 => prop::collection::vec(piece, 0..4).prop_map(|pieces| pieces.concat()),
        1 => "[A-Z]{1,3}",
        1 => "[a-z0-9_]{1,12}",
        1 => "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?",
        1 => "\\PC{0,8}",
    ]
}

fn hostile_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        6 => hostile_string().prop_map(Value::from),
        1 => prop::sample::select(vec![0_i64, 1, 10, 11, 21, 22, 23, -1]).prop_map(Value::from),
        1 => prop::sample::select(vec![1.0_f64, 1.5, 21.0, 1e3]).prop_map(Value::from),
        1 => Just(Value::Null),
        1 => Just(json!(true)),
        1 => Just(json!([])),
        1 => Just(json!({})),
    ]
}

#[derive(Debug, Clone)]
pub(crate) enum Mutation {
    Replace(prop::sample::Index, Value),
    Remove(prop::sample::Index),
    AddKey(prop::sample::Index, String, Value),
    /// An element of a list repeated at its end, or the last one dropped.
    Repeat(prop::sample::Index),
}

pub(crate) fn mutation() -> impl Strategy<Value = Mutation> {
    let index = any::<prop::sample::Index>;
    let key = prop::sample::select(vec![
        "position",
        "impression",
        "absence",
        "patronymic",
        "iin",
        "date",
        "extra",
    ])
    .prop_map(str::to_owned);
    prop_oneof![
        6 => (index(), hostile_value()).prop_map(|(at, value)| Mutation::Replace(at, value)),
        2 => index().prop_map(Mutation::Remove),
        1 => (index(), key, hostile_value()).prop_map(|(at, key, value)| Mutation::AddKey(at, key, value)),
        1 => index().prop_map(Mutation::Repeat),
    ]
}

fn apply(json: &mut Value, mutation: &Mutation) {
    // Every node below the root.
    let found: Vec<Vec<String>> = paths(json).into_iter().skip(1).collect();
    if found.is_empty() {
        return;
    }
    match mutation {
        Mutation::Replace(at, value) => {
            let path = at.get(&found).clone();
            *node_mut(json, &path) = value.clone();
        }
        Mutation::Remove(at) => {
            let path = at.get(&found).clone();
            let (last, parent) = path.split_last().unwrap();
            match node_mut(json, parent) {
                Value::Object(entries) => {
                    entries.remove(last);
                }
                Value::Array(items) => {
                    items.remove(last.parse::<usize>().unwrap());
                }
                _ => {}
            }
        }
        Mutation::AddKey(at, key, value) => {
            let path = at.get(&found).clone();
            if let Value::Object(entries) = node_mut(json, &path) {
                entries.insert(key.clone(), value.clone());
            }
        }
        Mutation::Repeat(at) => {
            let path = at.get(&found).clone();
            let (last, parent) = path.split_last().unwrap();
            if let Value::Array(items) = node_mut(json, parent) {
                let item = items[last.parse::<usize>().unwrap()].clone();
                items.push(item);
            }
        }
    }
}

/// Both sides judge `json` alike, or Rust refuses it for a rule no schema states: with formats
/// asserted and, as validators run by default, without.
fn agree<T: DeserializeOwned>(file: &str, json: &Value) -> Result<(), TestCaseError> {
    agree_with::<T>(validator(file), json)?;
    agree_with::<T>(validator_with_formats(file), json)
}

fn agree_with<T: DeserializeOwned>(
    validator: &Validator,
    json: &Value,
) -> Result<(), TestCaseError> {
    let schema_accepts = validator.is_valid(json);
    match serde_json::from_value::<T>(json.clone()) {
        Ok(_) => prop_assert!(
            schema_accepts,
            "the schema refuses what Rust accepts: {:?}\n{json}",
            validator
                .iter_errors(json)
                .map(|error| error.to_string())
                .collect::<Vec<_>>()
        ),
        Err(error) if schema_accepts => {
            let error = error.to_string();
            prop_assert!(
                UNSTATED_RULES.iter().any(|rule| error.contains(rule)),
                "the schema accepts what Rust refuses for a rule it could state: {error}\n{json}"
            );
        }
        Err(_) => {}
    }
    Ok(())
}

pub(crate) fn mutated<T: serde::Serialize>(record: &T, mutations: &[Mutation]) -> Value {
    let mut json = serde_json::to_value(record).unwrap();
    for mutation in mutations {
        apply(&mut json, mutation);
    }
    json
}

struct Agreement;

impl EachRecord for Agreement {
    fn record<R: Record>(&mut self) {
        let mut runner = TestRunner::new(ProptestConfig {
            failure_persistence: None,
            ..dactylo_tests::seeds::config(192)
        });
        let cases = (any_record::<R>(), prop::collection::vec(mutation(), 0..3));
        if let Err(failure) = runner.run(&cases, |(record, mutations)| {
            agree::<R>(R::SCHEMA, &mutated(&record, &mutations))
        }) {
            panic!("{}: {failure}", R::NAME);
        }
    }
}

#[test]
fn every_record_and_its_mutations_are_judged_alike() {
    each_record(&mut Agreement);
}

/// Characters to put at either end of a string, each breaking or keeping some rule (a final line
/// feed, which Python's `$` lets through, among them).
pub(crate) const EDITS: [char; 33] = [
    '\n', 'A', 'M', 'W', 'X', 'Z', 'a', 'z', '0', '9', ' ', '-', '\'', '_', '=', '/', '+', 'Ё',
    'Ә', 'ı', 'Ａ', '\u{301}', '\u{200B}', '\u{A0}', '\u{FEFF}', '\u{202E}', '\u{2028}', '\t',
    '\u{E000}', '\u{378}', '中', '𗀀', 'ж',
];

/// Every string and number of `json`, by path.
pub(crate) fn leaves(json: &Value) -> Vec<Vec<String>> {
    let mut copy = json.clone();
    paths(json)
        .into_iter()
        .filter(|path| {
            let node = node_mut(&mut copy, path);
            node.is_string() || node.is_number()
        })
        .collect()
}

/// Each string leaf with a character put at its start or end, or one taken off, or replaced by
/// one character, and each
/// number replaced by its neighbours, judged by both sides: the near misses a random search
/// would rarely draw.
fn neighbours_agree<T: DeserializeOwned + serde::Serialize>(record: &T, schema: &str) {
    let json = serde_json::to_value(record).unwrap();
    for path in leaves(&json) {
        let mut variants = Vec::new();
        match node_mut(&mut json.clone(), &path).clone() {
            Value::String(text) => {
                for c in EDITS {
                    variants.push(Value::from(format!("{c}{text}")));
                    variants.push(Value::from(format!("{text}{c}")));
                    variants.push(Value::from(c.to_string()));
                }
                let mut shorter = text.chars();
                shorter.next_back();
                variants.push(Value::from(shorter.as_str()));
                variants.push(Value::from(text.chars().skip(1).collect::<String>()));
            }
            _ => {
                for number in [
                    json!(0),
                    json!(-1),
                    json!(11),
                    json!(22),
                    json!(23),
                    json!(1.0),
                    json!(1.5),
                    json!("1"),
                ] {
                    variants.push(number);
                }
            }
        }
        for variant in variants {
            let mut instance = json.clone();
            *node_mut(&mut instance, &path) = variant;
            if let Err(failure) = agree::<T>(schema, &instance) {
                panic!("{}: {failure}", path.join("."));
            }
        }
    }
}

struct Neighbours;

impl EachRecord for Neighbours {
    fn record<R: Record>(&mut self) {
        neighbours_agree(&complete::<R>(), R::SCHEMA);
    }
}

#[test]
fn the_neighbours_of_valid_records_are_judged_alike() {
    each_record(&mut Neighbours);
}

/// Every record's schema.
fn schemas() -> Vec<(&'static str, Value)> {
    all()
        .iter()
        .map(|wire| (wire.schema(), schema(wire.schema())))
        .collect()
}

/// The definition `name` of the first schema that has it.
fn definition(name: &str) -> Value {
    schemas()
        .into_iter()
        .find_map(|(_, schema)| schema["$defs"].get(name).cloned())
        .unwrap_or_else(|| panic!("no schema defines `{name}`"))
}

/// The pattern of the shared definition `name` of the schemas.
fn pattern(name: &str) -> regex::Regex {
    let definition = definition(name);
    regex::Regex::new(definition["pattern"].as_str().unwrap()).unwrap()
}

/// Every code point of the planes that assign characters (0 to 3, and 14 to 16, where the tags,
/// variation selectors and private use are): the others hold none, and both sides refuse them.
fn code_points() -> impl Iterator<Item = char> {
    (0..=0x3_FFFF_u32)
        .chain(0xE_0000..=0x10_FFFF)
        .filter_map(char::from_u32)
}

#[test]
fn the_text_pattern_accepts_a_character_where_the_text_types_do() {
    let text = pattern("text-characters");
    for c in code_points() {
        for candidate in [
            format!("a{c}a"),
            c.to_string(),
            format!("{c}a"),
            format!("a{c}"),
        ] {
            assert_eq!(
                text.is_match(&candidate),
                Place::new(&candidate).is_ok(),
                "U+{:04X} in {candidate:?}",
                u32::from(c)
            );
        }
    }
}

#[test]
fn the_name_pattern_accepts_a_character_where_names_do() {
    let name = pattern("name-characters");
    for c in code_points() {
        for candidate in [
            c.to_string(),
            format!("A{c}"),
            format!("Я{c}"),
            format!("A{c}b"),
        ] {
            let rust = Name::new(&candidate);
            let composed = rust
                .as_ref()
                .is_err_and(|error| error.to_string().contains("composed to Unicode NFC"));
            assert!(
                name.is_match(&candidate) == rust.is_ok() || composed,
                "U+{:04X} in {candidate:?}: {rust:?}",
                u32::from(c)
            );
        }
    }
}

/// Keywords JSON Schema 2020-12 defines, as Ajv's `strictSchema` knows them.
const KEYWORDS: [&str; 31] = [
    "$schema",
    "$id",
    "$ref",
    "$defs",
    "$comment",
    "title",
    "description",
    "type",
    "enum",
    "const",
    "properties",
    "required",
    "additionalProperties",
    "minProperties",
    "maxProperties",
    "items",
    "minItems",
    "maxItems",
    "contains",
    "allOf",
    "anyOf",
    "oneOf",
    "not",
    "pattern",
    "minLength",
    "maxLength",
    "format",
    "contentEncoding",
    "minimum",
    "maximum",
    "uniqueItems",
];

/// Checks `node`, a schema object at `at`, and every schema below it, against the rules of Ajv's
/// strict mode that can be checked here. `inherited` is the type an applicator at the same place
/// of the instance (`allOf`, `anyOf`, `oneOf`, `not`) has from its parent.
fn check_strict(
    node: &Map<String, Value>,
    at: &str,
    inherited: Option<&str>,
    problems: &mut Vec<String>,
) {
    let has = |keyword: &str| node.contains_key(keyword);
    let own = node.get("type").and_then(Value::as_str);
    let type_here = own.or(inherited);
    let typed = |expected: &str| type_here == Some(expected);
    for keyword in node.keys() {
        if !KEYWORDS.contains(&keyword.as_str()) {
            problems.push(format!("{at}: unknown keyword `{keyword}` (strictSchema)"));
        }
    }
    let object_keywords = [
        "properties",
        "required",
        "additionalProperties",
        "minProperties",
        "maxProperties",
    ];
    if object_keywords.iter().any(|keyword| has(keyword)) && !typed("object") {
        problems.push(format!(
            "{at}: object keywords without `type: object` (strictTypes)"
        ));
    }
    if ["items", "minItems", "maxItems", "contains"]
        .iter()
        .any(|keyword| has(keyword))
        && !typed("array")
    {
        problems.push(format!(
            "{at}: array keywords without `type: array` (strictTypes)"
        ));
    }
    if ["pattern", "minLength", "maxLength", "format"]
        .iter()
        .any(|keyword| has(keyword))
        && !typed("string")
    {
        problems.push(format!(
            "{at}: string keywords without `type: string` (strictTypes)"
        ));
    }
    if let Some(Value::Array(required)) = node.get("required") {
        for name in required {
            let defined = node
                .get("properties")
                .and_then(Value::as_object)
                .is_some_and(|properties| {
                    properties.contains_key(name.as_str().unwrap_or_default())
                });
            if !defined {
                problems.push(format!(
                    "{at}: required `{name}` not among its properties (strictRequired)"
                ));
            }
        }
    }
    if let Some(Value::String(pattern)) = node.get("pattern") {
        for shorthand in [
            "\\S", "\\s", "\\d", "\\D", "\\w", "\\W", "\\b", "\\p", "\\P",
        ] {
            if pattern.contains(shorthand) {
                problems.push(format!(
                    "{at}: `{shorthand}` means different things in ECMA-262, Rust and Python"
                ));
            }
        }
    }
    for (keyword, value) in node {
        let below = format!("{at}/{keyword}");
        match (keyword.as_str(), value) {
            ("properties" | "$defs", Value::Object(schemas)) => {
                for (name, schema) in schemas {
                    if let Value::Object(schema) = schema {
                        check_strict(schema, &format!("{below}/{name}"), None, problems);
                    }
                }
            }
            ("items" | "contains", Value::Object(schema)) => {
                check_strict(schema, &below, None, problems);
            }
            ("not", Value::Object(schema)) => check_strict(schema, &below, type_here, problems),
            ("allOf" | "anyOf" | "oneOf", Value::Array(schemas)) => {
                for (index, schema) in schemas.iter().enumerate() {
                    if let Value::Object(schema) = schema {
                        check_strict(schema, &format!("{below}/{index}"), type_here, problems);
                    }
                }
            }
            _ => {}
        }
    }
}

#[test]
fn the_schemas_keep_the_rules_of_ajv_strict_mode() {
    let mut problems = Vec::new();
    for (record, schema) in schemas() {
        check_strict(schema.as_object().unwrap(), record, None, &mut problems);
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn each_schema_names_the_rules_it_cannot_state() {
    let description = |name: &str| definition(name)["description"].as_str().unwrap().to_owned();
    assert!(description("Iin").contains("check digit"));
    assert!(description("Photo").contains("signature"));
    assert!(description("Fingerprints").contains("signature"));
    assert!(description("Name").contains("NFC"));
    // Each composite with a period says so.
    for composite in crate::support::places::model().composites {
        for period in &composite.periods {
            let rule = format!("`{}` is not before `{}`", period.end, period.start);
            assert!(
                description(&composite.name).contains(&rule),
                "{}",
                composite.name
            );
        }
    }
}
