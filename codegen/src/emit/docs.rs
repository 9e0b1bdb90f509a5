//! The words of the generated documentation and compiler messages.
//!
//! Everything a reader of the generated crate sees in prose is composed here, from the act's own
//! texts, so that rustdoc, setters and compile errors cite items the same way.

use proc_macro2::TokenStream;
use quote::quote;

use super::markdown::{markdown, one_line};
use crate::model::{
    Act, Citation, Composite, Field, Member, Model, Presence, Record, Status, ValueType,
};
use crate::names;

/// `#[doc]` attributes, one a line, so that the formatter prints them as `///` comments.
pub(super) fn attrs(lines: &[String]) -> TokenStream {
    let lines = lines.iter().map(|line| {
        let line = if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        };
        quote!(#[doc = #line])
    });
    quote!(#(#lines)*)
}

/// "Resolution 939, paragraph 6, item 6".
pub(super) fn citation(act: &Act, citation: Citation) -> String {
    format!(
        "{}, paragraph {}, item {}",
        act.short_name(),
        citation.paragraph,
        citation.item
    )
}

pub(super) fn record(act: &Act, record: &Record) -> Vec<String> {
    let builder = names::builder(&record.name);
    vec![
        format!(
            "The list of paragraph {} of {} No. {} of {}.",
            record.paragraph,
            markdown(&act.kind.en),
            act.number,
            act.date
        ),
        String::new(),
        format!("> {}", markdown(&record.lead_in.kk)),
        String::new(),
        format!("> {}", markdown(&record.lead_in.en)),
        String::new(),
        status(act),
        String::new(),
        "Each field is one numbered item of the paragraph, in the text's order. Create a record"
            .to_owned(),
        format!(
            "with [`{}::builder`]: [`{builder}::build`] compiles only once every required item is set.",
            record.name
        ),
    ]
}

fn status(act: &Act) -> String {
    match &act.status {
        Status::InForce => format!("{} No. {} is in force.", markdown(&act.kind.en), act.number),
        Status::Repealed { by_number, by_date } => format!(
            "**Status:** {kind} No. {number} is repealed by {kind} No. {by_number} of {by_date}; \
             this type keeps its list as the act set it.",
            kind = markdown(&act.kind.en),
            number = act.number
        ),
    }
}

/// The doc of a record's field: presence, citation, and the item's words.
pub(super) fn field(act: &Act, field: &Field) -> Vec<String> {
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

pub(super) fn setter(act: &Act, field: &Field) -> Vec<String> {
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

pub(super) fn maybe_setter(act: &Act, field: &Field) -> Vec<String> {
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

pub(super) fn builder(act: &Act, record: &Record) -> Vec<String> {
    let list = |required: bool| {
        record
            .fields
            .iter()
            .filter(|field| field.member.is_required() == required)
            .map(|field| format!("`{}` (item {})", field.member.ident, field.citation.item))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut lines = vec![
        format!(
            "Builds a {} ({}, paragraph {}); start with [`{}::builder`].",
            type_link(&record.name, "self"),
            markdown(&act.short_name()),
            record.paragraph,
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
pub(super) fn empty_state(record: &Record) -> Vec<String> {
    vec![format!(
        "The state of a {} with no item set.",
        type_link(&names::builder(&record.name), "self")
    )]
}

/// The doc of the state after a required field is set.
pub(super) fn set_state(field: &Field) -> Vec<String> {
    vec![format!(
        "The state `S` with `{}` (item {}) set as well.",
        field.member.ident, field.citation.item
    )]
}

/// The doc of the module naming the builders' states, with an example from the first record
/// that has two required items.
pub(super) fn states_module(model: &Model) -> Vec<String> {
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
pub(super) fn record_states(record: &Record) -> Vec<String> {
    vec![format!(
        "The states of a {}.",
        type_link(&names::builder(&record.name), "super")
    )]
}

pub(super) fn builder_fn(record: &Record) -> Vec<String> {
    vec![format!(
        "Starts a builder of a {} with no item set.",
        type_link(&record.name, "self")
    )]
}

pub(super) fn build_method(act: &Act, record: &Record) -> Vec<String> {
    vec![
        format!(
            "Finishes the {} of {}, paragraph {}.",
            type_link(&record.name, "self"),
            markdown(&act.short_name()),
            record.paragraph
        ),
        String::new(),
        "It compiles only once every required item is set; the compiler names each one missing."
            .to_owned(),
    ]
}

pub(super) fn composite(model: &Model, composite: &Composite) -> Vec<String> {
    let mut lines = vec![
        format!("Data: {}.", markdown(&composite.texts.en)),
        String::new(),
        format!("kk: {}", markdown(&composite.texts.kk)),
    ];
    if !composite.periods.is_empty() {
        lines.push(String::new());
        lines.push(format!(
            "Create it with [`{}::new`], which checks {}.",
            composite.name,
            periods(composite)
        ));
    }
    lines.extend(used_by(model, &composite.name, "super"));
    lines
}

/// The doc of a value type's re-export, which rustdoc puts before the hand-written doc: what
/// the spec says it holds, and where the lists use it.
pub(super) fn value(model: &Model, value: &ValueType) -> Vec<String> {
    let mut lines = vec![markdown(&value.en)];
    lines.extend(used_by(model, &value.name, "self"));
    lines
}

/// "Used by:" and one line a record, linking through the module path `prefix`.
fn used_by(model: &Model, name: &str, prefix: &str) -> Vec<String> {
    let uses = model.uses_of(name);
    if uses.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![String::new(), "Used by:".to_owned(), String::new()];
    for record in &model.records {
        let fields: Vec<String> = uses
            .iter()
            .filter(|used| used.record.name == record.name)
            .map(|used| {
                let through = used.through.map_or_else(String::new, |composite| {
                    format!(", through {}", type_link(composite, prefix))
                });
                format!(
                    "`{}` (item {}{through})",
                    used.field.member.ident, used.field.citation.item
                )
            })
            .collect();
        if !fields.is_empty() {
            lines.push(format!(
                "- {}, paragraph {}: {}",
                type_link(&record.name, prefix),
                record.paragraph,
                fields.join(", ")
            ));
        }
    }
    lines
}

/// An intra-doc link to the type `name` of the generated module, from a module where it is
/// `prefix::name` (`self`: in scope). The target says it is a type, because a spec type may
/// share its name with a derive macro of the prelude (`Debug`, `Clone`).
fn type_link(name: &str, prefix: &str) -> String {
    if prefix == "self" {
        format!("[`{name}`](type@{name})")
    } else {
        format!("[`{name}`](type@{prefix}::{name})")
    }
}

/// The doc of a checked composite's constructor.
pub(super) fn constructor(composite: &Composite) -> Vec<String> {
    vec![
        format!(
            "Creates it from its parts, checking {}.",
            periods(composite)
        ),
        String::new(),
        "# Errors".to_owned(),
        String::new(),
        "A `PeriodError` naming the period that ends before it starts.".to_owned(),
    ]
}

/// "that `valid_until` is not before `issued_on`".
fn periods(composite: &Composite) -> String {
    composite
        .periods
        .iter()
        .map(|period| format!("that `{}` is not before `{}`", period.end, period.start))
        .collect::<Vec<_>>()
        .join(" and ")
}

pub(super) fn part(member: &Member) -> Vec<String> {
    let mut lines = vec![format!("{}.", presence(&member.presence))];
    lines.extend(item_texts(member));
    lines
}

pub(super) fn unset() -> Vec<String> {
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
pub(super) struct Diagnostic {
    pub(super) message: String,
    pub(super) label: String,
    pub(super) note: String,
}

pub(super) fn missing(act: &Act, record: &Record, field: &Field) -> Diagnostic {
    let ident = &field.member.ident;
    Diagnostic {
        message: format!(
            "{} is missing `{ident}` ({}: {})",
            record.name,
            citation(act, field.citation),
            one_line(&field.member.texts.en)
        ),
        label: format!("`{ident}` is required: call `.{ident}(...)` before `.build()`"),
        note: format!("kk: {}", one_line(&field.member.texts.kk)),
    }
}

pub(super) fn already_set(act: &Act, record: &Record, field: &Field) -> Diagnostic {
    let ident = &field.member.ident;
    Diagnostic {
        message: format!(
            "`{ident}` is already set on this {} ({}: {})",
            names::builder(&record.name),
            citation(act, field.citation),
            one_line(&field.member.texts.en)
        ),
        label: format!("`{ident}` was set earlier: set each item once"),
        note: format!("remove one of the calls to `.{ident}(...)`"),
    }
}

fn presence(presence: &Presence) -> String {
    match presence {
        Presence::Required => "**Required**".to_owned(),
        Presence::Optional {
            condition: Some(condition),
        } => format!(
            "**Optional**: {} (kk: {})",
            markdown(&condition.en),
            markdown(&condition.kk)
        ),
        Presence::Optional { condition: None } => "**Optional**".to_owned(),
    }
}

fn item_texts(member: &Member) -> [String; 3] {
    [
        String::new(),
        format!("- kk: {}", markdown(&member.texts.kk)),
        format!("- en: {}", markdown(&member.texts.en)),
    ]
}
