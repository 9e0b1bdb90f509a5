//! Changes to the act: its provenance and citation forms change only words; its dates of force
//! change the value of `ACT`, not its type.

use super::{Change, Changes, ONLY_WORDS, Place, Section, Semver, texts_changed};
use crate::model::{Act, Force, InForce, Reference, Stated, Status};

pub(super) fn compare(older: &Act, newer: &Act, found: &mut Vec<Change>) {
    let mut changes = Changes {
        place: Place::Act,
        found,
    };
    if (older.number, older.date) != (newer.number, newer.date) {
        changes.changed(
            Semver::Patch,
            format!(
                "the act is now {} (was {}): the docs and `ACT`'s value change",
                newer.name(),
                older.name()
            ),
        );
    }
    let texts = [
        ("kind", &older.kind, &newer.kind),
        ("issuer", &older.issuer, &newer.issuer),
        ("title", &older.title, &newer.title),
        ("legal basis", &older.legal_basis, &newer.legal_basis),
        ("signatory", &older.signatory, &newer.signatory),
        (
            "form of citing a paragraph",
            &older.citations.paragraph,
            &newer.citations.paragraph,
        ),
        (
            "form of citing a subparagraph",
            &older.citations.item,
            &newer.citations.item,
        ),
    ];
    for (what, older, newer) in texts {
        if let Some(languages) = texts_changed(older, newer) {
            changes.changed(
                Semver::Patch,
                format!("the act's {what} changed in {languages}: {ONLY_WORDS}"),
            );
        }
    }
    references(&mut changes, &older.references, &newer.references);
    in_force(
        &mut changes,
        "entry into force",
        &older.in_force,
        &newer.in_force,
    );
    match (&older.status, &newer.status) {
        (Status::InForce, Status::InForce) => {}
        (
            Status::InForce,
            Status::Repealed {
                by_number, by_date, ..
            },
        ) => changes.changed(
            Semver::Patch,
            format!(
                "the act is repealed by No. {by_number} of {by_date}: the docs and `ACT`'s value \
                 change, not its type"
            ),
        ),
        (Status::Repealed { .. }, Status::InForce) => changes.changed(
            Semver::Patch,
            "the act is no longer recorded as repealed: the docs and `ACT`'s value change, not \
             its type",
        ),
        (
            Status::Repealed {
                by_number,
                by_date,
                takes_effect,
                stated,
            },
            Status::Repealed {
                by_number: new_number,
                by_date: new_date,
                takes_effect: new_effect,
                stated: new_stated,
            },
        ) => {
            let day = |stated: &Option<Stated>| stated.as_ref().map(|stated| stated.on);
            if day(stated) != day(new_stated) {
                let shown = |stated: &Option<Stated>| match stated {
                    Some(stated) => format!("read on {}", stated.on),
                    None => "none".to_owned(),
                };
                changes.changed(
                    Semver::Patch,
                    format!(
                        "the source stating the repeal is now {} (was {}): the docs and `ACT`'s \
                         value change, not its type",
                        shown(new_stated),
                        shown(stated)
                    ),
                );
            }
            if (by_number, by_date) != (new_number, new_date) {
                changes.changed(
                    Semver::Patch,
                    format!(
                        "the repealing act is now No. {new_number} of {new_date} (was No. \
                         {by_number} of {by_date}): the docs and `ACT`'s value change"
                    ),
                );
            }
            in_force(
                &mut changes,
                "repeal's entry into force",
                takes_effect,
                new_effect,
            );
        }
    }
}

fn in_force(changes: &mut Changes<'_>, what: &str, older: &InForce, newer: &InForce) {
    if older.from != newer.from {
        changes.changed(
            Semver::Patch,
            format!(
                "the {what} is now {} (was {}): the docs and `ACT`'s value change, not its type",
                force(newer.from),
                force(older.from)
            ),
        );
    }
    if let Some(languages) = texts_changed(&older.rule, &newer.rule) {
        changes.changed(
            Semver::Patch,
            format!("the words of the {what} changed in {languages}: {ONLY_WORDS}"),
        );
    }
    if older.reading != newer.reading {
        changes.changed(
            Semver::Patch,
            format!("the reading of the {what} changed: {ONLY_WORDS}"),
        );
    }
}

fn force(force: Force) -> String {
    match force {
        Force::On(day) => format!("on {day}"),
        Force::AfterPublication {
            days,
            published: Some(published),
        } => format!("{days} days after publication on {published}"),
        Force::AfterPublication {
            days,
            published: None,
        } => format!("{days} days after an unrecorded publication"),
    }
}

/// The acts the act refers to, each known by its number and date.
fn references(changes: &mut Changes<'_>, older: &[Reference], newer: &[Reference]) {
    let same = |a: &Reference, b: &Reference| a.number == b.number && a.date == b.date;
    let name = |reference: &Reference| format!("No. {} of {}", reference.number, reference.date);
    for reference in newer {
        let at = name(reference);
        let Some(old) = older.iter().find(|old| same(old, reference)) else {
            changes.added(
                Semver::Patch,
                format!(
                    "the reference to {at} (paragraph {}): {ONLY_WORDS}",
                    reference.paragraph
                ),
            );
            continue;
        };
        if let Some(languages) = texts_changed(&old.title, &reference.title) {
            changes.changed(
                Semver::Patch,
                format!("the title of {at} changed in {languages}: {ONLY_WORDS}"),
            );
        }
        if old.paragraph != reference.paragraph {
            changes.changed(
                Semver::Patch,
                format!(
                    "{at} is now referred to by paragraph {} (was {}): {ONLY_WORDS}",
                    reference.paragraph, old.paragraph
                ),
            );
        }
        if old.registration != reference.registration {
            let registration = |number: Option<u32>| {
                number.map_or_else(|| "none".to_owned(), |number| number.to_string())
            };
            changes.changed(
                Semver::Patch,
                format!(
                    "the registration number of {at} is now {} (was {}): {ONLY_WORDS}",
                    registration(reference.registration),
                    registration(old.registration)
                ),
            );
        }
    }
    for old in older {
        if !newer.iter().any(|reference| same(old, reference)) {
            changes.push(
                Section::Removed,
                Semver::Patch,
                format!(
                    "the reference to {} (paragraph {}): {ONLY_WORDS}",
                    name(old),
                    old.paragraph
                ),
            );
        }
    }
}
