//! Where the records hold a type: found in the spec, so that a test of a type's JSON can put it
//! where some record holds it, whatever the items are called.

use dactylo_codegen::Spec;
use dactylo_codegen::model::{Member, Model, TypeRef};
use serde_json::Value;

const SPEC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/resolution-939.yaml");

/// The checked spec.
pub fn model() -> Model {
    Spec::load(SPEC).expect("the spec is valid").model().clone()
}

/// A member of a record, by its path from the record: a field, or a part of a composite it
/// holds.
#[derive(Debug, Clone)]
pub struct Place {
    /// The record's name.
    pub record: String,
    /// The members from the record's field down, by ident.
    pub path: Vec<String>,
    /// The member's type.
    pub ty: TypeRef,
    /// Whether the member, and every member above it, is required.
    pub required: bool,
    /// Whether the member itself is required in its record or composite.
    pub member_required: bool,
}

impl Place {
    /// The path as errors name it: `full_name.surname`.
    pub fn dotted(&self) -> String {
        self.path.join(".")
    }

    /// The node of `json` (the record's) at this place.
    pub fn get<'a>(&self, json: &'a Value) -> Option<&'a Value> {
        self.path.iter().try_fold(json, |node, step| node.get(step))
    }

    /// Sets the node of `json` at this place to `value`.
    pub fn set(&self, json: &mut Value, value: Value) {
        let (last, above) = self.path.split_last().unwrap();
        let parent = above
            .iter()
            .fold(json, |node, step| &mut node[step.as_str()]);
        parent[last.as_str()] = value;
    }

    /// Removes the node of `json` at this place.
    pub fn remove(&self, json: &mut Value) {
        let (last, above) = self.path.split_last().unwrap();
        let parent = above
            .iter()
            .fold(json, |node, step| &mut node[step.as_str()]);
        parent.as_object_mut().unwrap().remove(last);
    }
}

/// Every member of every record, in the spec's order, composites' parts after their composite.
pub fn every_place(model: &Model) -> Vec<Place> {
    let mut places = Vec::new();
    for record in &model.records {
        for field in &record.fields {
            walk(
                model,
                &record.name,
                Vec::new(),
                &field.member,
                true,
                &mut places,
            );
        }
    }
    places
}

fn walk(
    model: &Model,
    record: &str,
    mut path: Vec<String>,
    member: &Member,
    required_above: bool,
    places: &mut Vec<Place>,
) {
    path.push(member.ident.clone());
    let required = required_above && member.is_required();
    places.push(Place {
        record: record.to_owned(),
        path: path.clone(),
        ty: member.ty.clone(),
        required,
        member_required: member.is_required(),
    });
    if let Some(composite) = model.composite(member.ty.name()) {
        for part in &composite.parts {
            walk(model, record, path.clone(), part, required, places);
        }
    }
}

/// Every place that holds the type `name`.
pub fn places_of(model: &Model, name: &str) -> Vec<Place> {
    every_place(model)
        .into_iter()
        .filter(|place| place.ty.name() == name)
        .collect()
}

/// The first place that holds the type `name`, required ones first.
pub fn place_of(model: &Model, name: &str) -> Place {
    let places = places_of(model, name);
    places
        .iter()
        .find(|place| place.required)
        .or(places.first())
        .cloned()
        .unwrap_or_else(|| panic!("no record holds a `{name}`"))
}
