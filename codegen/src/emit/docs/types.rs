//! The words of composites, their parts and constructors, and value types.

use super::{item_texts, kazakh, presence, reading, type_link};
use crate::emit::markdown::markdown;
use crate::model::{Composite, Member, Model, ValueType};

pub(in crate::emit) fn composite(model: &Model, composite: &Composite) -> Vec<String> {
    let mut lines = vec![
        format!("Data: {}.", markdown(&composite.texts.en)),
        String::new(),
        if composite.texts.quotes_the_act {
            format!("kk: {}", kazakh(&composite.texts))
        } else {
            format!("kk label: {}", markdown(&composite.texts.kk))
        },
    ];
    lines.extend(reading(composite.reading.as_ref()));
    if composite.is_checked() {
        lines.push(String::new());
        lines.push(format!(
            "Create it with [`{}::new`], which checks {}.",
            composite.name,
            rules(composite)
        ));
    }
    lines.extend(used_by(model, &composite.name, "super"));
    lines
}

/// The doc of a value type's re-export, which rustdoc puts before the hand-written doc: what
/// the spec says it holds, and where the lists use it.
pub(in crate::emit) fn value(model: &Model, value: &ValueType) -> Vec<String> {
    let mut lines = vec![markdown(&value.en)];
    lines.extend(used_by(model, &value.name, "self"));
    lines
}

/// "Used by:" and one line per record, linking through the module path `prefix`.
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
                    "`{}` (subparagraph {}{through})",
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

/// The doc of a checked composite's constructor.
pub(in crate::emit) fn constructor(composite: &Composite) -> Vec<String> {
    vec![
        format!("Creates it from its parts, checking {}.", rules(composite)),
        String::new(),
        "# Errors".to_owned(),
        String::new(),
        "A `CompositeError` naming the rule the parts break.".to_owned(),
    ]
}

/// "that `valid_until` is not before `issued_on`, and that at least one of `visa` and
/// `temporary_residence_permit` is given".
pub(in crate::emit) fn rules(composite: &Composite) -> String {
    let mut rules: Vec<String> = composite
        .periods
        .iter()
        .map(|period| {
            let both_required = composite
                .parts
                .iter()
                .filter(|part| part.ident == period.start || part.ident == period.end)
                .all(Member::is_required);
            let when = if both_required {
                ""
            } else {
                " when both are given"
            };
            format!(
                "that `{}` is not before `{}`{when}",
                period.end, period.start
            )
        })
        .collect();
    if !composite.at_least_one_of.is_empty() {
        let parts: Vec<String> = composite
            .at_least_one_of
            .iter()
            .map(|part| format!("`{part}`"))
            .collect();
        rules.push(format!(
            "that at least one of {} is given",
            parts.join(" and ")
        ));
    }
    rules.join(", and ")
}

pub(in crate::emit) fn part(member: &Member) -> Vec<String> {
    let mut lines = vec![format!("{}.", presence(&member.presence))];
    lines.extend(item_texts(member));
    lines
}
