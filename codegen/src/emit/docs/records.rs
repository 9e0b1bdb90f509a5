//! The words of records, builders, their states and the compiler's messages.

use super::{citation, item_texts, kazakh, kazakh_plain, presence, reading, type_link};
use crate::emit::markdown::{markdown, one_line};
use crate::model::{Act, Field, Force, InForce, Model, Presence, Record, Status};
use crate::names;

pub(in crate::emit) fn record(act: &Act, record: &Record) -> Vec<String> {
    let builder = names::builder(&record.name);
    let paragraph = act.cite_paragraph(record.paragraph);
    let mut lines = vec![
        format!(
            "A list of {} of {}, cited as {} (kk: {}).",
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
            "Create a record with [`{}::builder`]: [`{builder}::build`] compiles only once every required item is set.",
            record.name
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

pub(in crate::emit) fn setter(act: &Act, field: &Field) -> Vec<String> {
    let member = &field.member;
    let mut lines = vec![format!(
        "Sets `{}`: {}, {}.",
        member.ident,
        presence(&member.presence).to_lowercase(),
        markdown(&citation(act, field.citation))
    )];
    lines.extend(item_texts(member));
    lines.push(String::new());
    lines.push(match member.presence {
        Presence::Required => "Setting it a second time does not compile.".to_owned(),
        Presence::Optional { .. } => format!(
            "Setting it again replaces the earlier value; [`Self::{}`] takes an `Option`.",
            names::maybe_setter(&member.ident)
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

pub(in crate::emit) fn builder(act: &Act, record: &Record) -> Vec<String> {
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
    let mut lines = vec![
        format!(
            "Builds a {} ({}); start with [`{}::builder`].",
            type_link(&record.name, "self"),
            markdown(&act.cite_paragraph(record.paragraph).en),
            record.name
        ),
        String::new(),
        "Its state `S` says which required items are set, whatever the order of the calls, so"
            .to_owned(),
        "branches that set the same items in different orders have the same type. [`Self::build`]"
            .to_owned(),
        "compiles only when every required item is set, and setting a required item twice does"
            .to_owned(),
        "not compile. Optional items leave the type unchanged. The states are named in".to_owned(),
        format!(
            "[`{states}::{module}`](super::{states}::{module}), for code that names a partly built builder.",
            states = names::STATES_MODULE,
            module = names::record_module(&record.name)
        ),
        String::new(),
        format!("Required items: {}.", list(true)),
    ];
    let optional = list(false);
    if !optional.is_empty() {
        lines.push(String::new());
        lines.push(format!("Optional items: {optional}."));
    }
    lines
}

/// The doc of a builder's empty state.
pub(in crate::emit) fn empty_state(record: &Record) -> Vec<String> {
    vec![format!(
        "The state of a {} with no item set.",
        type_link(&names::builder(&record.name), "self")
    )]
}

/// The doc of the state after a required field is set.
pub(in crate::emit) fn set_state(field: &Field) -> Vec<String> {
    vec![format!(
        "The state `S` with `{}` (subparagraph {}) set as well.",
        field.member.ident, field.citation.item
    )]
}

/// The doc of the module naming the builders' states, with an example from the first record
/// that has two required items.
pub(in crate::emit) fn states_module(model: &Model) -> Vec<String> {
    let mut lines = vec![
        "Names of the builders' states, for code that names the type of a partly built builder."
            .to_owned(),
    ];
    let example = model.records.iter().find_map(|record| {
        let mut required = record.required_fields();
        Some((record, required.next()?, required.next()?))
    });
    if let Some((record, first, second)) = example {
        let (first, second) = (&first.member.ident, &second.member.ident);
        lines.push(String::new());
        lines.push(format!(
            "`{}<{module}::{}<{module}::{}<{module}::{}>>>` holds `{first}` and `{second}`, whichever was set first.",
            names::builder(&record.name),
            names::state_alias(second),
            names::state_alias(first),
            names::EMPTY_STATE,
            module = names::record_module(&record.name),
        ));
    }
    lines
}

/// The doc of one record's states.
pub(in crate::emit) fn record_states(record: &Record) -> Vec<String> {
    vec![format!(
        "The states of a {}.",
        type_link(&names::builder(&record.name), "super")
    )]
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

pub(in crate::emit) fn unset() -> Vec<String> {
    [
        "Marks a required item that a builder does not hold yet.",
        "",
        "A builder's state holds one leaf for each required item: `Unset` until the item's",
        "setter is called. It cannot be created outside the generated code.",
    ]
    .map(str::to_owned)
    .to_vec()
}

/// The compiler's words for a builder misused: `build()` called without a required field
/// ([`missing`]), or a required field set twice ([`already_set`]).
pub(in crate::emit) struct Diagnostic {
    pub(in crate::emit) message: String,
    pub(in crate::emit) label: String,
    pub(in crate::emit) note: String,
}

pub(in crate::emit) fn missing(act: &Act, record: &Record, field: &Field) -> Diagnostic {
    let ident = &field.member.ident;
    let cited = act.cite(field.citation);
    Diagnostic {
        message: format!(
            "{} is missing `{ident}` ({}): {}",
            record.name,
            one_line(&field.member.texts.en),
            cited.en
        ),
        label: format!("`{ident}` is required: call `.{ident}(...)` before `.build()`"),
        note: format!("kk: {}: {}", cited.kk, kazakh_plain(&field.member.texts)),
    }
}

pub(in crate::emit) fn already_set(act: &Act, record: &Record, field: &Field) -> Diagnostic {
    let ident = &field.member.ident;
    Diagnostic {
        message: format!(
            "`{ident}` is already set on this {} ({}): {}",
            names::builder(&record.name),
            one_line(&field.member.texts.en),
            citation(act, field.citation)
        ),
        label: format!("`{ident}` was set earlier: set each item once"),
        note: format!("remove one of the calls to `.{ident}(...)`"),
    }
}
