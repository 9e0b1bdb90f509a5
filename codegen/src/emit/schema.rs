//! JSON Schemas (draft 2020-12), one per record, for systems that exchange records without Rust:
//! the record's items as properties, exactly its required items required, no other property,
//! and every type it uses in `$defs`, value types with the schema written beside each in
//! `dactylo_values::catalogue`.

use serde_json::{Map, Value, json};

use std::collections::BTreeMap;

use dactylo_values::catalogue::{self, Characters};

use super::markdown::one_line;
use super::{characters, docs};
use crate::error::Error;
use crate::model::{Composite, Member, Model, Presence, Record, Status, TypeRef};

const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The definition of each value type of a model that the catalogue holds, with its rule of
/// characters: read once for all the records' schemas.
pub(crate) struct ValueSchemas(BTreeMap<String, (Map<String, Value>, Option<Characters>)>);

/// The value types' definitions of `model`: the catalogue's schema of each, described with the
/// spec's words when the schema has no description of its own. A value type the catalogue does
/// not hold has none: only a spec that names none generates schemas.
///
/// # Errors
///
/// [`Error::Internal`] when a value type's schema in the catalogue is not a JSON object.
pub(crate) fn value_schemas(model: &Model) -> Result<ValueSchemas, Error> {
    let mut schemas = BTreeMap::new();
    for value in &model.values {
        let Some(entry) = catalogue::ValueType::named(&value.name) else {
            continue;
        };
        let Ok(Value::Object(mut keywords)) = serde_json::from_str(&(entry.schema)()) else {
            return Err(Error::Internal {
                file: format!("the schema of `{}`", value.name),
                reason: "dactylo-values' catalogue holds no JSON object for it".to_owned(),
            });
        };
        keywords
            .entry("description")
            .or_insert_with(|| Value::from(value.en.clone()));
        schemas.insert(value.name.clone(), (keywords, entry.characters));
    }
    Ok(ValueSchemas(schemas))
}

/// The schema of `record`, headed by `comment`, its value types defined as `values` says.
pub(crate) fn record(
    model: &Model,
    values: &ValueSchemas,
    record: &Record,
    id: &str,
    comment: &str,
) -> Value {
    let mut definitions = Map::new();
    for field in &record.fields {
        define(model, values, &field.member.ty, &mut definitions);
    }
    let act = &model.act;
    let status = match &act.status {
        Status::InForce => String::new(),
        Status::Repealed {
            by_number,
            by_date,
            takes_effect,
            ..
        } => format!(
            " The act is repealed by {} No. {by_number} of {by_date}, which took effect {}; the \
             act applied until the day before.",
            act.kind.en,
            docs::force(takes_effect, *by_date)
        ),
    };
    let mut description = format!(
        "The list of {}.{status}\n\nkk: {}\n\nen: {}",
        act.cite_paragraph(record.paragraph).en,
        docs::kazakh_plain(&record.lead_in),
        one_line(&record.lead_in.en)
    );
    if let Some(reading) = &record.reading {
        description.push_str(&format!("\n\nReading: {}", one_line(reading)));
    }
    let properties: Map<String, Value> = record
        .fields
        .iter()
        .map(|field| {
            let description = format!(
                "{}: {}",
                act.cite(field.citation).en,
                member_description(&field.member)
            );
            (
                field.member.ident.clone(),
                property(&field.member, description),
            )
        })
        .collect();
    json!({
        "$comment": comment,
        "$schema": DRAFT,
        "$id": id,
        "title": record.name,
        "description": description,
        "type": "object",
        "properties": properties,
        "required": required(record.fields.iter().map(|field| &field.member)),
        "additionalProperties": false,
        "$defs": definitions,
    })
}

/// Adds the definition of `ty`, and of every type it is made of, to `definitions`.
fn define(
    model: &Model,
    values: &ValueSchemas,
    ty: &TypeRef,
    definitions: &mut Map<String, Value>,
) {
    let name = ty.name();
    if definitions.contains_key(name) {
        return;
    }
    match ty {
        TypeRef::Value(_) => {
            let Some((keywords, characters)) = values.0.get(name) else {
                return;
            };
            let mut keywords = keywords.clone();
            if let Some(rule) = *characters {
                let definition = characters::definition(rule);
                let reference = json!({ "$ref": format!("#/$defs/{definition}") });
                match keywords.get_mut("allOf") {
                    Some(Value::Array(all)) => all.push(reference),
                    _ => {
                        keywords.insert("allOf".to_owned(), json!([reference]));
                    }
                }
                definitions.insert(
                    definition.to_owned(),
                    json!({
                        "type": "string",
                        "pattern": characters::pattern(rule),
                        "not": serde_json::from_str::<Value>(catalogue::LINE_FEED)
                            .expect("the catalogue's subschema is JSON"),
                    }),
                );
            }
            definitions.insert(name.to_owned(), Value::Object(keywords));
        }
        TypeRef::Composite(_) => {
            if let Some(composite) = model.composite(name) {
                // Inserted before its parts, so that definitions read from the outside in.
                definitions.insert(name.to_owned(), Value::Null);
                for part in &composite.parts {
                    define(model, values, &part.ty, definitions);
                }
                definitions.insert(name.to_owned(), composite_schema(composite));
            }
        }
    }
}

fn composite_schema(composite: &Composite) -> Value {
    let properties: Map<String, Value> = composite
        .parts
        .iter()
        .map(|part| (part.ident.clone(), property(part, member_description(part))))
        .collect();
    let mut description = format!(
        "{}\n\nkk: {}",
        one_line(&composite.texts.en),
        docs::kazakh_plain(&composite.texts)
    );
    if let Some(reading) = &composite.reading {
        description.push_str(&format!("\n\nReading: {}", one_line(reading)));
    }
    for period in &composite.periods {
        description.push_str(&format!(
            "\n\nNot expressed by this schema: `{}` is not before `{}` when both are given.",
            period.end, period.start
        ));
    }
    let mut schema = json!({
        "description": description,
        "type": "object",
        "properties": properties,
        "required": required(composite.parts.iter()),
        "additionalProperties": false,
    });
    if !composite.at_least_one_of.is_empty() {
        // Given means present and not null.
        let given: Vec<Value> = composite
            .at_least_one_of
            .iter()
            .map(|part| {
                json!({
                    "type": "object",
                    "required": [part],
                    "properties": { part.as_str(): { "not": { "type": "null" } } },
                })
            })
            .collect();
        schema["anyOf"] = Value::Array(given);
    }
    schema
}

/// A property: a reference to its type's definition, described. An optional member may be
/// left out, or be null.
fn property(member: &Member, description: String) -> Value {
    let reference = json!({ "$ref": format!("#/$defs/{}", member.ty.name()) });
    if member.is_required() {
        json!({ "description": description, "$ref": format!("#/$defs/{}", member.ty.name()) })
    } else {
        json!({ "description": description, "anyOf": [reference, { "type": "null" }] })
    }
}

fn member_description(member: &Member) -> String {
    let presence = match &member.presence {
        Presence::Required => "required".to_owned(),
        Presence::Optional {
            condition: Some(condition),
        } => format!("optional, {}", one_line(&condition.en)),
        Presence::Optional { condition: None } => "optional".to_owned(),
    };
    let mut description = format!(
        "{} ({presence}).\n\nkk: {}",
        one_line(&member.texts.en),
        docs::kazakh_plain(&member.texts)
    );
    if let Some(reading) = &member.reading {
        description.push_str(&format!("\n\nReading: {}", one_line(reading)));
    }
    description
}

fn required<'a>(members: impl Iterator<Item = &'a Member>) -> Value {
    members
        .filter(|member| member.is_required())
        .map(|member| Value::from(member.ident.clone()))
        .collect()
}
