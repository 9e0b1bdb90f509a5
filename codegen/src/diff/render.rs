//! The report of a [`Diff`]: plain text grouped by place, or Markdown grouped by changelog
//! section for a CHANGELOG entry. Both end with the line `semver: <verdict>`.

use std::fmt::Write;

use super::{Change, Diff, Place, Section};

/// How [`Diff::render`] writes the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// One block per list or type, one line per change, its verdict at the end.
    #[default]
    Text,
    /// Keep a Changelog's sections (Added, Changed, Removed), one bullet per change.
    Markdown,
}

pub(super) fn render(diff: &Diff, format: Format) -> String {
    let mut text = match format {
        Format::Text => by_place(diff.changes()),
        Format::Markdown => by_section(diff.changes()),
    };
    let _ = writeln!(text, "semver: {}", diff.semver());
    text
}

fn heading(place: &Place) -> String {
    match place {
        Place::Act => "The act".to_owned(),
        Place::List { name, paragraph } => format!("`{name}` (paragraph {paragraph})"),
        Place::Composite(name) => format!("The composite `{name}`"),
        Place::Value(name) => format!("The value type `{name}`"),
        Place::Data => "The matrix of data".to_owned(),
        Place::Lists => "The lists".to_owned(),
        Place::Schema { record, file } => format!("The JSON Schema of `{record}` (`{file}`)"),
    }
}

fn by_place(changes: &[Change]) -> String {
    let mut text = String::new();
    if changes.is_empty() {
        text.push_str("No change.\n\n");
        return text;
    }
    let mut current: Option<&Place> = None;
    for change in changes {
        if current != Some(&change.place) {
            if current.is_some() {
                text.push('\n');
            }
            let _ = writeln!(text, "{}:", heading(&change.place));
            current = Some(&change.place);
        }
        let _ = writeln!(text, "  - {}: {}", change.what, change.semver);
    }
    text.push('\n');
    text
}

fn by_section(changes: &[Change]) -> String {
    let mut text = String::new();
    if changes.is_empty() {
        text.push_str("No change.\n\n");
        return text;
    }
    for (section, title) in [
        (Section::Added, "Added"),
        (Section::Changed, "Changed"),
        (Section::Removed, "Removed"),
    ] {
        let in_section: Vec<&Change> = changes
            .iter()
            .filter(|change| change.section == section)
            .collect();
        if in_section.is_empty() {
            continue;
        }
        let _ = writeln!(text, "### {title}\n");
        for change in in_section {
            let _ = writeln!(text, "- {} (**{}**)", change.what, change.semver);
        }
        text.push('\n');
    }
    text
}
