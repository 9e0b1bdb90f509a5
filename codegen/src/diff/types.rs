//! Changes to the composite and value types, each with the items that use it. A composite is created with a struct literal or its `new`, so any change to
//! its parts or rules breaks code that creates it: major.

use super::{Change, Changes, ONLY_WORDS, Place, Section, Semver, member_words, texts_changed};
use crate::model::{Composite, Member, Model, ValueType};
use crate::names::records_crate::ROOT_NAMES;

pub(super) fn compare(older: &Model, newer: &Model, found: &mut Vec<Change>) {
    for composite in &newer.composites {
        let mut changes = Changes {
            place: Place::Composite(composite.name.clone()),
            found: &mut *found,
        };
        let used = used_by(newer, &composite.name);
        match older.composite(&composite.name) {
            Some(old) => self::composite(old, composite, &used, &mut changes),
            None => changes.added(
                Semver::Minor,
                format!("the composite `{}` added{used}: a new type", composite.name),
            ),
        }
    }
    for old in &older.composites {
        if newer.composite(&old.name).is_none() {
            let mut changes = Changes {
                place: Place::Composite(old.name.clone()),
                found: &mut *found,
            };
            changes.removed(format!(
                "the composite `{}` removed{}: code that names it no longer compiles",
                old.name,
                used_by(older, &old.name)
            ));
        }
    }
    for value in &newer.values {
        let mut changes = Changes {
            place: Place::Value(value.name.clone()),
            found: &mut *found,
        };
        let used = used_by(newer, &value.name);
        let exported_anyway = ROOT_NAMES.contains(&value.name.as_str());
        match older.value(&value.name) {
            Some(old) => self::value(old, value, &used, &mut changes),
            None if exported_anyway => changes.added(
                Semver::Patch,
                format!(
                    "the value type `{}` named by the spec{used}: the crate's root exported it \
                     already, so only the docs change",
                    value.name
                ),
            ),
            None => changes.added(
                Semver::Minor,
                format!(
                    "the value type `{}` named by the spec{used}: it is re-exported at the crate's \
                     root",
                    value.name
                ),
            ),
        }
    }
    for old in &older.values {
        if newer.value(&old.name).is_none() {
            let mut changes = Changes {
                place: Place::Value(old.name.clone()),
                found: &mut *found,
            };
            if ROOT_NAMES.contains(&old.name.as_str()) {
                changes.push(
                    Section::Removed,
                    Semver::Patch,
                    format!(
                        "the value type `{}` no longer named by the spec: the crate's root still \
                         exports it, so only the docs change",
                        old.name
                    ),
                );
                continue;
            }
            changes.removed(format!(
                "the value type `{}` no longer named by the spec: it is no longer re-exported \
                 at the crate's root, so code that names it there no longer compiles",
                old.name
            ));
        }
    }
}

/// " (used by `VisaRecord.visa`, `PermanentResidenceRecord.prior_permits`)", or nothing.
fn used_by(model: &Model, name: &str) -> String {
    let uses: Vec<String> = model
        .uses_of(name)
        .iter()
        .map(|used| format!("`{}.{}`", used.record.name, used.field.member.ident))
        .collect();
    if uses.is_empty() {
        String::new()
    } else {
        format!(" (used by {})", uses.join(", "))
    }
}

fn composite(older: &Composite, newer: &Composite, used: &str, changes: &mut Changes<'_>) {
    let name = &newer.name;
    let creates = if older.is_checked() {
        format!("`{name}::new` call")
    } else {
        format!("`{name}` struct literal")
    };
    for part in &newer.parts {
        let at = format!("`{name}.{}`{used}", part.ident);
        match older.parts.iter().find(|old| old.ident == part.ident) {
            None => changes.added(
                Semver::Major,
                format!(
                    "{at} added as {}: every {creates} must now give it",
                    presence(part)
                ),
            ),
            Some(old) => self::part(old, part, &at, &creates, changes),
        }
    }
    for old in &older.parts {
        if !newer.parts.iter().any(|part| part.ident == old.ident) {
            changes.removed(format!(
                "`{name}.{}`{used} removed: code that gives or reads it no longer compiles, and \
                 JSON that has it no longer reads",
                old.ident
            ));
        }
    }
    let order: Vec<&str> = newer
        .parts
        .iter()
        .map(|part| part.ident.as_str())
        .filter(|ident| older.parts.iter().any(|old| &old.ident == ident))
        .collect();
    let old_order: Vec<&str> = older
        .parts
        .iter()
        .map(|part| part.ident.as_str())
        .filter(|ident| order.contains(ident))
        .collect();
    if order != old_order {
        if newer.is_checked() {
            changes.changed(
                Semver::Major,
                format!(
                    "`{name}`{used}: its parts are reordered, and so are the arguments of \
                     `{name}::new`"
                ),
            );
        } else {
            changes.changed(
                Semver::Patch,
                format!(
                    "`{name}`{used}: its parts are now in the order {}: its fields, `Debug`, JSON \
                     keys and schema properties follow it; a struct literal names them, so code \
                     and JSON still compile and read",
                    order.join(", ")
                ),
            );
        }
    }
    if older.periods != newer.periods || older.at_least_one_of != newer.at_least_one_of {
        changes.changed(
            Semver::Major,
            format!(
                "`{name}`{used}: its rules across parts changed: values it accepted may now be \
                 refused, and how it is created changes"
            ),
        );
    }
    if let Some(languages) = texts_changed(&older.texts, &newer.texts) {
        changes.changed(
            Semver::Patch,
            format!("`{name}`{used}: its text changed in {languages}: {ONLY_WORDS}"),
        );
    }
    if older.reading != newer.reading {
        changes.changed(
            Semver::Patch,
            format!("`{name}`{used}: its reading changed: {ONLY_WORDS}"),
        );
    }
}

fn presence(member: &Member) -> &'static str {
    if member.is_required() {
        "required"
    } else {
        "optional"
    }
}

fn part(older: &Member, newer: &Member, at: &str, creates: &str, changes: &mut Changes<'_>) {
    if older.ty != newer.ty {
        changes.changed(
            Semver::Major,
            format!(
                "{at} retyped from `{}` to `{}`: code that gives or reads it no longer compiles, \
                 and its JSON changes",
                older.ty.name(),
                newer.ty.name()
            ),
        );
    }
    if older.is_required() != newer.is_required() {
        changes.changed(
            Semver::Major,
            format!(
                "{at} made {}: its type changes to or from an `Option`, so every {creates} and \
                 code that reads it must change",
                presence(newer)
            ),
        );
    }
    member_words(older, newer, at, changes);
}

fn value(older: &ValueType, newer: &ValueType, used: &str, changes: &mut Changes<'_>) {
    let name = &newer.name;
    if older.en != newer.en {
        changes.changed(
            Semver::Patch,
            format!("`{name}`{used}: its description changed: {ONLY_WORDS}"),
        );
    }
    if older.example != newer.example {
        changes.changed(
            Semver::Patch,
            format!("`{name}`{used}: its example changed: only the generated examples change"),
        );
    }
}
