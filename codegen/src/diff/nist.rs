//! Changes to the records' ANSI/NIST-ITL transactions: the domain, and the Type-2 field of each
//! item. A transaction is read by its field numbers and its domain, so moving an item to another
//! field, or taking one away, breaks the receivers of old transactions and `from_nist` of the
//! newer crate alike (it refuses a field it does not map): major. A field added for a new item
//! is minor: the item's own change says whether old transactions still read.

use std::collections::BTreeMap;

use super::{Change, Changes, Place, Semver};
use crate::model::{Model, Record};

pub(super) fn compare(older: &Model, newer: &Model, found: &mut Vec<Change>) {
    let mut changes = Changes {
        place: Place::Act,
        found: &mut *found,
    };
    match (&older.nist, &newer.nist) {
        (None, Some(domain)) => changes.added(
            Semver::Minor,
            format!(
                "ANSI/NIST-ITL transactions (domain {}, version {}): every record gains \
                 `to_nist` and `from_nist` under the feature `nist`",
                domain.name, domain.version
            ),
        ),
        (Some(_), None) => changes.removed(
            "ANSI/NIST-ITL transactions: `to_nist`, `from_nist` and the feature `nist`'s use \
             for them no longer compile",
        ),
        (Some(old), Some(new)) if old != new => changes.changed(
            Semver::Major,
            format!(
                "the transactions' domain (1.013 DOM) changed from {} {} to {} {}: transactions \
                 of the old domain no longer read, and receivers that check DOM refuse the new",
                old.name, old.version, new.name, new.version
            ),
        ),
        _ => {}
    }
    if older.nist.is_none() || newer.nist.is_none() {
        return;
    }
    for record in &newer.records {
        let paired = older
            .records
            .iter()
            .find(|old| old.name == record.name)
            .or_else(|| {
                older
                    .records
                    .iter()
                    .find(|old| old.paragraph == record.paragraph)
            });
        let Some(old) = paired else { continue };
        let mut changes = Changes {
            place: Place::List {
                name: record.name.clone(),
                paragraph: record.paragraph,
            },
            found: &mut *found,
        };
        fields(&mapped(old), &mapped(record), &record.name, &mut changes);
    }
}

/// Every mapped item of `record` (`full_name.surname`), with its Type-2 field number.
fn mapped(record: &Record) -> BTreeMap<String, u32> {
    let mut items = BTreeMap::new();
    for field in &record.fields {
        let Some(mapping) = &field.nist else { continue };
        for (path, number) in mapping.fields() {
            let item = match path.as_str() {
                "" => field.member.ident.clone(),
                path => format!("{}.{path}", field.member.ident),
            };
            items.insert(item, number);
        }
    }
    items
}

fn fields(
    older: &BTreeMap<String, u32>,
    newer: &BTreeMap<String, u32>,
    record: &str,
    changes: &mut Changes<'_>,
) {
    for (item, number) in newer {
        match older.get(item) {
            Some(old) if old != number => changes.changed(
                Semver::Major,
                format!(
                    "`{record}.{item}` moved from Type-2 field 2.{old:03} to 2.{number:03}: \
                     receivers of old transactions read it from the wrong field, and `from_nist` \
                     refuses old transactions"
                ),
            ),
            Some(_) => {}
            None => changes.added(
                Semver::Minor,
                format!("`{record}.{item}` travels in Type-2 field 2.{number:03}"),
            ),
        }
    }
    for (item, number) in older {
        if !newer.contains_key(item) {
            changes.removed(format!(
                "`{record}.{item}` no longer travels in Type-2 field 2.{number:03}: `from_nist` \
                 refuses old transactions that hold it"
            ));
        }
    }
}
