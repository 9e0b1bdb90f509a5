//! The words of records, builders, their states and the compiler's messages.

use super::{citation, item_texts, kazakh, presence, reading, type_link};
use crate::emit::markdown::markdown;
use crate::model::{Act, Field, Force, InForce, Model, Record, Status};
use crate::plan::{FieldItems, FieldRole, Machinery, RecordModule};

pub(in crate::emit) fn record(act: &Act, module: &RecordModule) -> Vec<String> {
    let record = module.record;
    let (builder, builder_fn, build) = (&module.builder, &module.builder_fn, &module.build);
    let paragraph = act.cite_paragraph(record.paragraph);
    let mut lines = vec![
        format!(
            "A list of the Rules approved by {} of {}, cited as {} (kk: {}).",
            markdown(&act.name()),
            markdown(&act.issuer.en),
            markdown(&paragraph.en),
            markdown(&paragraph.kk),
        ),
        String::new(),
        format!("> {}", kazakh(&record.lead_in)),
        String::new(),
        format!("> {}", markdown(&record.lead_in.en)),
    ];
    lines.extend(reading(record.reading.as_ref()));
    lines.extend([
        String::new(),
        format!("{} The record keeps the list as the act set it.", status(act)),
        String::new(),
        "Each field is one numbered item (subparagraph) of the paragraph, in the text's order."
            .to_owned(),
        format!(
            "Create a record with [`{}::{builder_fn}`]: [`{builder}::{build}`] compiles only once every required item is set.",
            module.name
        ),
    ]);
    lines
}

/// "on 2024-11-20", or "ten calendar days after its first official publication (…), so from
/// 2024-11-19 at the earliest".
pub(in crate::emit) fn force(in_force: &InForce, adopted: jiff::civil::Date) -> String {
    match in_force.from {
        Force::On(date) => format!("on {date}"),
        Force::AfterPublication { days, published } => {
            let after = format!("{days} calendar days after its first official publication");
            match (published, in_force.from.first_day()) {
                (Some(published), Some(first)) => {
                    format!("{after} (published {published}), so from {first}")
                }
                _ => format!(
                    "{after}, a date not recorded here, so from {} at the earliest",
                    in_force.from.earliest_first_day(adopted)
                ),
            }
        }
    }
}

/// The doc of `ACT`: which act, when it applied, and how to ask about a day. `act_type` is the
/// path of the `Act` type from the generated module.
pub(in crate::emit) fn act_constant(act: &Act, act_type: &str) -> Vec<String> {
    vec![
        format!(
            "{} of {}: the act whose lists the records hold, with its dates of force.",
            markdown(&act.name()),
            markdown(&act.issuer.en)
        ),
        String::new(),
        status(act),
        String::new(),
        format!(
            "[`Act::applied_on`]({act_type}::applied_on) tells whether a day, such as a record's day of"
        ),
        "registration, fell while the act applied; where a publication day the spec does not know"
            .to_owned(),
        "decides it, the answer says so.".to_owned(),
    ]
}

fn status(act: &Act) -> String {
    let kind = markdown(&act.kind.en);
    let number = act.number;
    let took_effect = format!(
        "{kind} No. {number} took effect {}",
        force(&act.in_force, act.date)
    );
    match &act.status {
        Status::InForce => format!("**Status:** {took_effect}, and is in force."),
        Status::Repealed {
            by_number,
            by_date,
            takes_effect,
            ..
        } => format!(
            "**Status:** {took_effect}. It is repealed by {kind} No. {by_number} of {by_date}, \
             which took effect {}: No. {number} applied until the day before.",
            force(takes_effect, *by_date),
        ),
    }
}

/// The doc of a record's field: presence, citation, and the item's words.
pub(in crate::emit) fn field(act: &Act, field: &Field) -> Vec<String> {
    let mut lines = vec![format!(
        "{}. {}.",
        presence(&field.member.presence),
        markdown(&citation(act, field.citation))
    )];
    lines.extend(item_texts(&field.member));
    lines.push(String::new());
    lines.push(format!(
        "Type: {}.",
        type_link(field.member.ty.name(), "super")
    ));
    lines
}

pub(in crate::emit) fn setter(act: &Act, items: &FieldItems) -> Vec<String> {
    let field = items.field;
    let member = &field.member;
    let mut lines = vec![format!(
        "Sets `{}`: {}, {}.",
        member.ident,
        presence(&member.presence).to_lowercase(),
        markdown(&citation(act, field.citation))
    )];
    lines.extend(item_texts(member));
    lines.push(String::new());
    lines.push(match &items.role {
        FieldRole::Required { .. } => "Setting it a second time does not compile.".to_owned(),
        FieldRole::Optional { maybe_setter, .. } => format!(
            "Setting it again replaces the earlier value; [`Self::{maybe_setter}`] takes an `Option`."
        ),
    });
    lines
}

pub(in crate::emit) fn maybe_setter(act: &Act, field: &Field) -> Vec<String> {
    let member = &field.member;
    let mut lines = vec![format!(
        "Sets `{}` when `value` is `Some`, or leaves it out: {}, {}.",
        member.ident,
        presence(&member.presence).to_lowercase(),
        markdown(&citation(act, field.citation))
    )];
    lines.extend(item_texts(member));
    lines
}

pub(in crate::emit) fn builder(
    act: &Act,
    module: &RecordModule,
    machinery: &Machinery,
) -> Vec<String> {
    let record = module.record;
    let list = |required: bool| {
        record
            .fields
            .iter()
            .filter(|field| field.member.is_required() == required)
            .map(|field| {
                format!(
                    "`{}` (subparagraph {})",
                    field.member.ident, field.citation.item
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (unset, set) = (
        type_link(machinery.unset.as_str(), "super"),
        type_link(machinery.set.as_str(), "super"),
    );
    let mut lines = vec![
        format!(
            "Builds a {} ({}); start with [`{}::{}`].",
            type_link(module.name.as_str(), "self"),
            markdown(&act.cite_paragraph(record.paragraph).en),
            module.name,
            module.builder_fn,
        ),
        String::new(),
        "Its state is in its type parameters: one tuple per chunk of required items, each item's"
            .to_owned(),
        format!(
            "place {unset} until its setter is called and {set}, holding the value, after. The"
        ),
        "state depends on which items are set, not on the order of the calls, so branches that set"
            .to_owned(),
        format!(
            "the same items in different orders have the same type. [`Self::{}`] compiles only when",
            module.build
        ),
        "every required item is set, and setting a required item twice does not compile. Optional"
            .to_owned(),
        "items leave the type unchanged. `Clone` needs every value set to be `Clone`, which every"
            .to_owned(),
        "value type is. `Debug` shows the builder's name and no value: it holds personal data."
            .to_owned(),
    ];
    let required: Vec<&str> = record
        .required_fields()
        .map(|field| field.member.ident.as_str())
        .collect();
    let by_chunk = module.layout.items_by_chunk(&required);
    if !by_chunk.is_empty() {
        lines.push(String::new());
        lines.push("The state's parameters, and the items whose places each holds:".to_owned());
        lines.push(String::new());
        for (chunk, items) in module.layout.chunks.iter().zip(&by_chunk) {
            let items: Vec<String> = items.iter().map(|item| format!("`{item}`")).collect();
            lines.push(format!("- `{}`: ({})", chunk.parameter, items.join(", ")));
        }
        lines.extend(helper_example(module, machinery));
    }
    lines.push(String::new());
    lines.push(format!("Required items: {}.", list(true)));
    let optional = list(false);
    if !optional.is_empty() {
        lines.push(String::new());
        lines.push(format!("Optional items: {optional}."));
    }
    lines
}

/// A generic function that sets the first required item whatever else is set, written from the
/// layout alone: its parameters are the builder's own, those of the other places of the first
/// chunk and of the other chunks.
fn helper_example(module: &RecordModule, machinery: &Machinery) -> Vec<String> {
    let layout = &module.layout;
    let (Some(first_chunk), Some(first)) = (
        layout.chunks.first(),
        module
            .fields
            .iter()
            .find(|field| field.required_item() == Some(0)),
    ) else {
        return Vec::new();
    };
    let others: Vec<String> = first_chunk
        .items
        .clone()
        .skip(1)
        .map(|item| layout.places[item].parameter.to_string())
        .collect();
    let chunks: Vec<String> = layout.chunks[1..]
        .iter()
        .map(|chunk| chunk.parameter.to_string())
        .collect();
    let generics: Vec<String> = others.iter().chain(&chunks).cloned().collect();
    let state = |marker: &str| {
        let first_chunk: Vec<String> = std::iter::once(marker.to_owned())
            .chain(others.iter().cloned())
            .collect();
        let first_chunk = if first_chunk.len() == 1 {
            format!("({},)", first_chunk[0])
        } else {
            format!("({})", first_chunk.join(", "))
        };
        std::iter::once(first_chunk)
            .chain(chunks.iter().cloned())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (setter, ty) = (&first.setter, first.field.member.ty.name());
    let (builder, unset, set) = (&module.builder, &machinery.unset, &machinery.set);
    vec![
        String::new(),
        format!(
            "A function that sets `{setter}` whatever else is set names the other places and chunks"
        ),
        "as parameters of its own:".to_owned(),
        String::new(),
        "```ignore".to_owned(),
        format!("fn with_{setter}<{}>(", generics.join(", ")),
        format!("    builder: {builder}<{}>,", state(unset.as_str())),
        format!("    value: {ty},"),
        format!(") -> {builder}<{}> {{", state(&format!("{set}<{ty}>"))),
        format!("    builder.{setter}(value)"),
        "}".to_owned(),
        "```".to_owned(),
    ]
}

pub(in crate::emit) fn builder_fn(record: &Record) -> Vec<String> {
    vec![format!(
        "Starts a builder of a {} with no item set.",
        type_link(&record.name, "self")
    )]
}

pub(in crate::emit) fn build_method(act: &Act, record: &Record) -> Vec<String> {
    vec![
        format!(
            "Finishes the {} of {}.",
            type_link(&record.name, "self"),
            markdown(&act.cite_paragraph(record.paragraph).en)
        ),
        String::new(),
        "It compiles only once every required item is set; the compiler names each one missing."
            .to_owned(),
    ]
}

/// The doc of the module that names each record's traits of its builder's state.
pub(in crate::emit) fn states_module(model: &Model) -> Vec<String> {
    let mut lines = vec![
        "The traits a builder's state must satisfy, one module per record: for each required item,"
            .to_owned(),
        "`…IsUnset` of its place for its setter, and `…IsSet` for `build()`. The compiler names"
            .to_owned(),
        "them when a builder is misused; a generic function over a partly built builder can name"
            .to_owned(),
        "them in its bounds.".to_owned(),
    ];
    if model.records.is_empty() {
        lines.clear();
        lines.push("The traits a builder's state must satisfy.".to_owned());
    }
    lines
}

/// The doc of one record's traits of its builder's state.
pub(in crate::emit) fn record_states(module: &RecordModule) -> Vec<String> {
    vec![format!(
        "The traits of the state of a {}.",
        type_link(module.builder.as_str(), "super")
    )]
}

pub(in crate::emit) fn unset() -> Vec<String> {
    [
        "The place of a required item that a builder does not hold yet.",
        "",
        "A builder's state has one place for each required item: `Unset` until the item's setter",
        "is called, `Set` after. Only a builder makes one.",
    ]
    .map(str::to_owned)
    .to_vec()
}

pub(in crate::emit) fn set() -> Vec<String> {
    [
        "The place of a required item that a builder holds: the item's value.",
        "",
        "A builder's state has one place for each required item: `Unset` until the item's setter",
        "is called, `Set` after. Only a builder makes one, and only `build()` takes the value out;",
        "it has no `Debug`, as the value is personal data.",
    ]
    .map(str::to_owned)
    .to_vec()
}

/// The doc of the trait `build()` requires of a required item's place.
pub(in crate::emit) fn is_set_trait(field: &Field) -> Vec<String> {
    vec![format!(
        "The place of `{}` is `Set`: what `build()` requires of it. Sealed: only `Set` of its type has it.",
        field.member.ident
    )]
}

/// The doc of the trait a required item's setter requires of its place.
pub(in crate::emit) fn is_unset_trait(field: &Field) -> Vec<String> {
    vec![format!(
        "The place of `{}` is `Unset`: what its setter requires of it. Sealed: only `Unset` has it.",
        field.member.ident
    )]
}

/// The compiler's words for a builder misused: `build()` called without a required field
/// ([`missing`]), or a required field set twice ([`already_set`]). Short: the headline names the
/// record, the item and its citation, and the label what to do.
pub(in crate::emit) struct Diagnostic {
    pub(in crate::emit) message: String,
    pub(in crate::emit) label: String,
}

pub(in crate::emit) fn missing(act: &Act, module: &RecordModule, field: &Field) -> Diagnostic {
    let ident = &field.member.ident;
    Diagnostic {
        message: format!(
            "{} is missing `{ident}`: {}",
            module.name,
            citation(act, field.citation)
        ),
        label: format!("`{ident}` is required: call `.{ident}(...)` before `.build()`"),
    }
}

pub(in crate::emit) fn already_set(act: &Act, module: &RecordModule, field: &Field) -> Diagnostic {
    let ident = &field.member.ident;
    Diagnostic {
        message: format!(
            "`{ident}` is already set on this {}: {}",
            module.builder,
            citation(act, field.citation)
        ),
        label: format!("`{ident}` was set earlier: set each item once"),
    }
}
