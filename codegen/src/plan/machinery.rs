//! The machinery every builder shares: the places `Unset` and `Set`, the sealed traits of the
//! places, and the functions that put a value in a state of a given count of required items.

use super::layout::chunk_ranges;
use super::{Kind, Name, Planner, Scope};
use crate::model::Model;
use crate::names;

/// What the builders of every record share, at the generated module's root.
#[non_exhaustive]
pub struct Machinery {
    /// The place of a required item not yet set.
    pub unset: Name,
    /// The place of a required item set, holding its value.
    pub set: Name,
    /// The type parameter of the value a `Set` holds.
    pub set_parameter: Name,
    /// The private module of the sealed traits and of the functions that put a value in a state.
    pub sealed: Name,
    /// The sealed trait of a builder's places.
    pub place_trait: Name,
    /// The sealed trait of a place holding a value.
    pub holds_trait: Name,
    /// The type parameter of that trait: the value's type.
    pub holds_parameter: Name,
    /// That trait's method, which gives the value held.
    pub holds_method: Name,
    /// One per count of required items some builder has, in increasing order.
    pub layouts: Vec<SharedLayout>,
}

/// The functions that put a value in a state of `required` items, shared by every builder of as
/// many required items.
#[non_exhaustive]
pub struct SharedLayout {
    /// How many required items the states hold.
    pub required: usize,
    /// One per item, in order.
    pub put: Vec<PutFunction>,
}

/// The function that puts the value of one item in a state.
#[non_exhaustive]
pub struct PutFunction {
    /// Its name: `put_1_of_12`.
    pub name: Name,
    /// The item, by index among the required ones.
    pub item: usize,
    /// The items of each chunk, by index.
    pub chunks: Vec<std::ops::Range<usize>>,
    /// The type parameter of each chunk but the item's own (`None` there).
    pub chunk_parameters: Vec<Option<Name>>,
    /// The type parameters of the places of the item's own chunk.
    pub place_parameters: Vec<Name>,
    /// The type parameter of the value put.
    pub value_parameter: Name,
}

/// The places, the sealed traits, and for each count of required items some builder has, one
/// function per item that puts its value in a state of that layout.
pub(super) fn machinery(
    model: &Model,
    unset: Name,
    set: Name,
    set_parameter: Name,
    sealed: Name,
    planner: &mut Planner,
) -> Machinery {
    let path = vec![sealed.to_string()];
    let scope = Scope::Module(path.clone());
    let place_trait = planner.generator(
        &scope,
        Kind::Trait,
        names::PLACE_TRAIT,
        "the sealed trait of a builder's places",
    );
    let holds_trait = planner.generator(
        &scope,
        Kind::Trait,
        names::HOLDS_TRAIT,
        "the sealed trait of a place holding a value",
    );
    let holds_parameter = planner.generator(
        &scope,
        Kind::TypeParameter,
        names::HOLDS_PARAMETER,
        "the type parameter of `Holds`",
    );
    let holds_method = planner.generator(
        &Scope::Associated(path.clone(), names::HOLDS_TRAIT.to_owned()),
        Kind::Method,
        names::HOLDS_METHOD,
        "the method of `Holds` that gives the value held",
    );
    let mut counts: Vec<usize> = model
        .records
        .iter()
        .map(|record| record.required_fields().count())
        .filter(|&count| count > 0)
        .collect();
    counts.sort_unstable();
    counts.dedup();
    let layouts = counts
        .into_iter()
        .map(|required| SharedLayout {
            required,
            put: (0..required)
                .map(|item| put_function(&path, item, required, planner))
                .collect(),
        })
        .collect();
    Machinery {
        unset,
        set,
        set_parameter,
        sealed,
        place_trait,
        holds_trait,
        holds_parameter,
        holds_method,
        layouts,
    }
}

fn put_function(
    sealed: &[String],
    item: usize,
    required: usize,
    planner: &mut Planner,
) -> PutFunction {
    let scope = Scope::Module(sealed.to_vec());
    let name_text = names::put_fn(item, required);
    let what = format!("the function that puts item {item} of {required} in a state");
    let name = planner.generator(&scope, Kind::Function, &name_text, what);
    let generics = Scope::Function(sealed.to_vec(), name_text.clone());
    let chunks = chunk_ranges(required);
    let own = chunks
        .iter()
        .position(|range| range.contains(&item))
        .expect("every item is in a chunk");
    let chunk_parameters = (0..chunks.len())
        .map(|chunk| {
            (chunk != own).then(|| {
                let what = format!("the type parameter of chunk {chunk} in `{name_text}`");
                planner.generator(
                    &generics,
                    Kind::TypeParameter,
                    names::chunk_parameter(chunk),
                    what,
                )
            })
        })
        .collect();
    let place_parameters = (0..chunks[own].len())
        .map(|index| {
            let what = format!("the type parameter of place {index} of its chunk in `{name_text}`");
            planner.generator(
                &generics,
                Kind::TypeParameter,
                names::own_place_parameter(index),
                what,
            )
        })
        .collect();
    let value_parameter = planner.generator(
        &generics,
        Kind::TypeParameter,
        names::PUT_VALUE_PARAMETER,
        format!("the type parameter of the value `{name_text}` puts"),
    );
    PutFunction {
        name,
        item,
        chunks,
        chunk_parameters,
        place_parameters,
        value_parameter,
    }
}
