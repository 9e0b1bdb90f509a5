//! Changes to the data of the matrix, row by row. The rows are only in the docs (the matrix
//! that compares the lists), so every change to them is patch.

use super::{Change, Changes, Place, Section, Semver, texts_changed};
use crate::model::{Datum, Model};

const ONLY_THE_MATRIX: &str = "only the matrix of the docs changes";

pub(super) fn compare(older: &Model, newer: &Model, found: &mut Vec<Change>) {
    let mut changes = Changes {
        place: Place::Data,
        found,
    };
    let in_older = |key: &str| older.data.iter().find(|datum| datum.key == key);
    for datum in &newer.data {
        match in_older(&datum.key) {
            None => changes.added(
                Semver::Patch,
                format!(
                    "the row `{}` ({}): {ONLY_THE_MATRIX}",
                    datum.key, datum.texts.en
                ),
            ),
            Some(old) => {
                if let Some(languages) = texts_changed(&old.texts, &datum.texts) {
                    changes.changed(
                        Semver::Patch,
                        format!(
                            "the row `{}`: its text changed in {languages}: {ONLY_THE_MATRIX}",
                            datum.key
                        ),
                    );
                }
            }
        }
    }
    for old in &older.data {
        if !newer.data.iter().any(|datum| datum.key == old.key) {
            changes.push(
                Section::Removed,
                Semver::Patch,
                format!(
                    "the row `{}` ({}): {ONLY_THE_MATRIX}",
                    old.key, old.texts.en
                ),
            );
        }
    }
    let kept_order = |from: &[Datum], other: &[Datum]| -> Vec<String> {
        from.iter()
            .filter(|datum| other.iter().any(|kept| kept.key == datum.key))
            .map(|datum| format!("`{}`", datum.key))
            .collect()
    };
    let (old_order, new_order) = (
        kept_order(&older.data, &newer.data),
        kept_order(&newer.data, &older.data),
    );
    if old_order != new_order {
        changes.changed(
            Semver::Patch,
            format!(
                "the rows are now in the order {}: {ONLY_THE_MATRIX}",
                new_order.join(", ")
            ),
        );
    }
}
