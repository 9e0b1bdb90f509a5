//! Changes to the lists and their items. A record's fields are the API (its builder's setters,
//! its public fields) and the JSON (its keys), so what adds a requirement or takes something
//! away is major, what only adds is minor, and what changes only words or citations is patch.

use super::{Change, Changes, ONLY_WORDS, Place, Semver, member_words, texts_changed};
use crate::model::{Field, Model, Record};
use crate::plan::{Destination, Plan, RecordModule};

pub(super) fn compare(older: &Model, newer: &Model, found: &mut Vec<Change>) {
    // The newer spec's names: its builders, as its messages name them.
    let plan = Plan::new(newer, &Destination::default());
    let mut paired = Vec::new();
    for module in &plan.records {
        let record = module.record;
        let place = Place::List {
            name: record.name.clone(),
            paragraph: record.paragraph,
        };
        let mut changes = Changes {
            place,
            found: &mut *found,
        };
        let same_name = older.records.iter().find(|old| old.name == record.name);
        let renamed = || {
            older.records.iter().find(|old| {
                old.paragraph == record.paragraph
                    && !newer.records.iter().any(|new| new.name == old.name)
            })
        };
        match same_name.or_else(renamed) {
            Some(old) => {
                paired.push(old.name.as_str());
                list(old, module, &mut changes);
            }
            None => changes.added(
                Semver::Minor,
                format!(
                    "`{}` (paragraph {}) added, with `{}`: new types, and nothing that exists \
                     changes",
                    record.name, record.paragraph, module.builder
                ),
            ),
        }
    }
    lists_order(older, newer, &paired, found);
    for old in older
        .records
        .iter()
        .filter(|old| !paired.contains(&old.name.as_str()))
    {
        let mut changes = Changes {
            place: Place::List {
                name: old.name.clone(),
                paragraph: old.paragraph,
            },
            found: &mut *found,
        };
        changes.removed(format!(
            "`{}` (paragraph {}) removed: code that names it or its builder no longer compiles",
            old.name, old.paragraph
        ));
    }
}

/// The order of the lists kept, which the reference, the crate's docs and its re-exports follow.
fn lists_order(older: &Model, newer: &Model, paired: &[&str], found: &mut Vec<Change>) {
    // Paired records by their older names, in each spec's order.
    let old_order: Vec<&str> = older
        .records
        .iter()
        .map(|record| record.name.as_str())
        .filter(|name| paired.contains(name))
        .collect();
    let new_order: Vec<&str> = paired.to_vec();
    if old_order != new_order {
        let names: Vec<String> = newer
            .records
            .iter()
            .map(|record| format!("`{}`", record.name))
            .collect();
        Changes {
            place: Place::Lists,
            found,
        }
        .changed(
            Semver::Patch,
            format!(
                "the lists are now in the order {}: the reference and the docs follow it; code \
                 and JSON do not change",
                names.join(", ")
            ),
        );
    }
}

fn list(older: &Record, module: &RecordModule, changes: &mut Changes<'_>) {
    let newer = module.record;
    if older.name != newer.name {
        changes.changed(
            Semver::Major,
            format!(
                "`{}` (paragraph {}) renamed from `{}`: code that names the record or its builder \
                 no longer compiles, and its JSON Schema's file is renamed",
                newer.name, newer.paragraph, older.name
            ),
        );
    }
    if older.paragraph != newer.paragraph {
        changes.changed(
            Semver::Patch,
            format!(
                "`{}` is now the list of paragraph {} (was {}): its citations change; code and \
                 JSON do not",
                newer.name, newer.paragraph, older.paragraph
            ),
        );
    }
    if let Some(languages) = texts_changed(&older.lead_in, &newer.lead_in) {
        changes.changed(
            Semver::Patch,
            format!(
                "the lead-in of `{}` changed in {languages}: {ONLY_WORDS}",
                newer.name
            ),
        );
    }
    if older.reading != newer.reading {
        changes.changed(
            Semver::Patch,
            format!("the reading of `{}` changed: {ONLY_WORDS}", newer.name),
        );
    }
    fields(older, module, changes);
}

/// Pairs the fields by ident, then the rest by citation (a rename); what is left is added or
/// removed.
fn fields(older: &Record, module: &RecordModule, changes: &mut Changes<'_>) {
    let newer = module.record;
    let mut unpaired_old: Vec<&Field> = older
        .fields
        .iter()
        .filter(|old| {
            !newer
                .fields
                .iter()
                .any(|new| new.member.ident == old.member.ident)
        })
        .collect();
    for field in &newer.fields {
        let at = subject(newer, field);
        if let Some(old) = older
            .fields
            .iter()
            .find(|old| old.member.ident == field.member.ident)
        {
            // The act's words of another item under this name: the name now holds that datum.
            let words_of = older.fields.iter().find(|other| {
                other.member.ident != field.member.ident
                    && old.member.texts.kk != field.member.texts.kk
                    && other.member.texts.kk == field.member.texts.kk
            });
            if let Some(other) = words_of {
                changes.changed(
                    Semver::Major,
                    format!(
                        "{at} now has the words that `{}` had: JSON written under `{}` holds \
                         another datum than the new crate reads there, though it still reads",
                        other.member.ident, field.member.ident
                    ),
                );
            }
            item(module, old, field, &at, changes);
            continue;
        }
        let renamed = unpaired_old.iter().position(|old| {
            old.citation.item == field.citation.item && old.member.ty == field.member.ty
        });
        if let Some(index) = renamed {
            let old = unpaired_old.remove(index);
            changes.changed(
                Semver::Major,
                format!(
                    "{at} renamed from `{}`: its field and setter are renamed, and JSON under the \
                     old name no longer reads",
                    old.member.ident
                ),
            );
            item(module, old, field, &at, changes);
        } else if field.member.is_required() {
            changes.added(
                Semver::Major,
                format!(
                    "{at} added as required: every `{}::build()` call must now set it, and JSON \
                     without it no longer reads",
                    module.builder
                ),
            );
        } else {
            changes.added(
                Semver::Minor,
                format!(
                    "{at} added as optional: records are `#[non_exhaustive]`, so code that builds \
                     or reads them still compiles, and JSON without it still reads"
                ),
            );
        }
    }
    for old in unpaired_old {
        changes.removed(format!(
            "{} removed: code that sets or reads it no longer compiles, and JSON that has it no \
             longer reads",
            subject(older, old)
        ));
    }
    order(older, module, changes);
}

/// The order of the items kept by name. The required items' order is the builder's: its type
/// parameters, one tuple per chunk, place each item by it, so that a function generic over a
/// partly built builder names the places in that order. Every item's order is that of the
/// record's fields, its `Debug`, its JSON's keys and its schema's properties.
fn order(older: &Record, module: &RecordModule, changes: &mut Changes<'_>) {
    let newer = module.record;
    let kept = |from: &Record, other: &Record, required_only: bool| -> Vec<String> {
        from.fields
            .iter()
            .filter(|field| !required_only || field.member.is_required())
            .filter(|field| {
                other.fields.iter().any(|kept| {
                    kept.member.ident == field.member.ident
                        && kept.member.is_required() == field.member.is_required()
                })
            })
            .map(|field| format!("`{}`", field.member.ident))
            .collect()
    };
    let name = &newer.name;
    let required = kept(newer, older, true);
    if kept(older, newer, true) != required {
        changes.changed(
            Semver::Major,
            format!(
                "the required items of `{name}` are now in the order {}: the places of \
                 `{}`'s state follow it, so a function generic over a partly built builder no \
                 longer compiles",
                required.join(", "),
                module.builder
            ),
        );
    } else if kept(older, newer, false) != kept(newer, older, false) {
        changes.changed(
            Semver::Patch,
            format!(
                "the items of `{name}` are now in the order {}: its fields, `Debug`, JSON keys \
                 and schema properties follow it; code and JSON still compile and read",
                kept(newer, older, false).join(", ")
            ),
        );
    }
}

/// "`VisaRecord.photo` (paragraph 7, subparagraph 6)".
fn subject(record: &Record, field: &Field) -> String {
    format!(
        "`{}.{}` (paragraph {}, subparagraph {})",
        record.name, field.member.ident, field.citation.paragraph, field.citation.item
    )
}

/// The changes to one item kept (by ident or by citation) from `older` to `newer`.
fn item(module: &RecordModule, older: &Field, newer: &Field, at: &str, changes: &mut Changes<'_>) {
    let (old, new) = (&older.member, &newer.member);
    if older.citation != newer.citation {
        changes.changed(
            Semver::Patch,
            format!(
                "{at} renumbered from paragraph {}, subparagraph {}: its citation changes; code \
                 and JSON do not",
                older.citation.paragraph, older.citation.item
            ),
        );
    }
    if old.ty != new.ty {
        changes.changed(
            Semver::Major,
            format!(
                "{at} retyped from `{}` to `{}`: code that sets or reads it no longer compiles, \
                 and its JSON changes",
                old.ty.name(),
                new.ty.name()
            ),
        );
    }
    match (old.is_required(), new.is_required()) {
        (true, false) => changes.changed(
            Semver::Major,
            format!(
                "{at} made optional: the field becomes an `Option`, so code that reads it no \
                 longer compiles"
            ),
        ),
        (false, true) => changes.changed(
            Semver::Major,
            format!(
                "{at} made required: every `{}::build()` call must now set it, and JSON without \
                 it no longer reads",
                module.builder
            ),
        ),
        _ => {}
    }
    member_words(old, new, at, changes);
    if older.data != newer.data {
        changes.changed(
            Semver::Patch,
            format!(
                "{at} now holds the data {} (was {}): only the matrix of the docs changes",
                keys(&newer.data),
                keys(&older.data)
            ),
        );
    }
}

fn keys(keys: &[String]) -> String {
    if keys.is_empty() {
        return "none".to_owned();
    }
    keys.iter()
        .map(|key| format!("`{key}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
