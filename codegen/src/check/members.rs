//! The checks of record fields and composite parts: their names, types, presence and
//! citations.

use std::collections::BTreeSet;

use super::{Checker, TypeKind};
use crate::error::Finding;
use crate::model::{Citation, Member, Presence, TypeRef};
use crate::names::{self, Case};
use crate::spec::{MemberSpec, TextsSpec};
use crate::suggest::Suggestions;

/// A field or part as checked, with what only a record field has.
pub(super) struct CheckedMember {
    pub(super) member: Member,
    pub(super) citation: Option<Citation>,
    /// The data rows the spec names, if it names any.
    pub(super) data: Option<Vec<String>>,
    /// Its Type-2 field or fields, for a record's field.
    pub(super) nist: Option<crate::spec::NistFieldSpec>,
}

#[derive(Clone, Copy)]
pub(super) enum MemberKind {
    /// A record's field, in the list of `paragraph`.
    Field {
        paragraph: u32,
    },
    Part,
}

impl Checker {
    /// Items are numbered 1, 2, 3… in the text; the fields follow that numbering exactly.
    pub(super) fn check_citations(
        &mut self,
        path: &str,
        paragraph: u32,
        members: &[CheckedMember],
    ) {
        let mut seen = BTreeSet::new();
        for (index, CheckedMember { citation, .. }) in members.iter().enumerate() {
            let Some(citation) = citation else { continue };
            let at = format!("{path}[{index}].citation");
            let expected_item = u32::try_from(index + 1).unwrap_or(u32::MAX);
            if citation.paragraph != paragraph {
                let message = format!(
                    "cites paragraph {}, but this record is the list of paragraph {paragraph}",
                    citation.paragraph
                );
                let help = format!("cite `{{ paragraph: {paragraph}, item: {expected_item} }}`");
                self.report_finding(Finding::at(&at, message).help(help));
            } else if !seen.insert(citation.item) {
                let message = format!("item {} is cited twice in this record", citation.item);
                let help =
                    "each field is one item of the list: number them 1, 2, 3… in the text's order";
                self.report_finding(Finding::at(&at, message).help(help));
            } else if citation.item != expected_item {
                let message = format!(
                    "cites item {}, but field {} of the list must be item {expected_item}",
                    citation.item,
                    index + 1
                );
                let help = "fields follow the text's numbering, one field an item, in order";
                self.report_finding(Finding::at(&at, message).help(help));
            }
        }
    }

    pub(super) fn members(
        &mut self,
        path: &str,
        members: Vec<MemberSpec>,
        kind: MemberKind,
    ) -> Vec<CheckedMember> {
        members
            .into_iter()
            .enumerate()
            .map(|(index, member)| {
                let at = format!("{path}[{index}]");
                if let Some(problem) = names::problem_with(&member.ident, Case::Snake) {
                    self.invalid_names = true;
                    self.report_finding(Finding::at(format!("{at}.ident"), problem.message).help(problem.help));
                }
                let ty = self.resolve(&format!("{at}.type"), &member.ty);
                // A list's item quotes the act; a composite's part may be the project's label.
                let must_quote = matches!(kind, MemberKind::Field { .. });
                let texts = self.texts_of(&at, member.kk, member.kk_label, member.en, must_quote);
                let presence = self.presence(&at, member.optional, member.condition, kind);
                let citation = match (kind, member.citation) {
                    (MemberKind::Field { paragraph }, None) => {
                        let help = format!("add `citation: {{ paragraph: {paragraph}, item: {} }}`", index + 1);
                        self.report_finding(Finding::at(&at, "a record field needs a citation").help(help));
                        None
                    }
                    (MemberKind::Part, Some(_)) => {
                        self.report(
                            format!("{at}.citation"),
                            "a composite part has no citation: the record field that uses the composite has it",
                        );
                        None
                    }
                    (_, citation) => citation.map(|c| Citation {
                        paragraph: c.paragraph,
                        item: c.item,
                    }),
                };
                if let Some(example) = &member.example {
                    self.example(&format!("{at}.example"), example);
                }
                if matches!(kind, MemberKind::Part) && member.nist.is_some() {
                    let message = "a composite part has no field number of its own: the record field that uses the composite maps each part";
                    self.report(format!("{at}.nist"), message);
                }
                if matches!(kind, MemberKind::Part) && member.data.is_some() {
                    let message = "a composite part fills no data row: the record field that uses the composite does";
                    self.report(format!("{at}.data"), message);
                }
                CheckedMember {
                    member: Member {
                        ident: member.ident,
                        ty,
                        texts,
                        presence,
                        example: member.example,
                        reading: self.reading(&at, member.reading),
                    },
                    citation,
                    data: member.data,
                    nist: member.nist,
                }
            })
            .collect()
    }

    fn resolve(&mut self, path: &str, name: &str) -> TypeRef {
        match self.types.get(name) {
            Some(TypeKind::Value) => TypeRef::Value(name.to_owned()),
            Some(TypeKind::Composite) => TypeRef::Composite(name.to_owned()),
            None => {
                let types = &self.types;
                let help = self
                    .type_suggestions
                    .get_or_insert_with(|| Suggestions::new(types.keys().cloned()))
                    .did_you_mean(name);
                self.report_finding(
                    Finding::at(path, format!("unknown type `{name}`"))
                        .maybe_help(help)
                        .help_or("declare it under `values` or `composites`"),
                );
                TypeRef::Value(name.to_owned())
            }
        }
    }

    /// Only the text makes an item optional, so an optional record field quotes the words that
    /// do; a composite's part may be optional by the nature of the datum (a street line).
    fn presence(
        &mut self,
        path: &str,
        optional: bool,
        condition: Option<TextsSpec>,
        kind: MemberKind,
    ) -> Presence {
        match (optional, condition, kind) {
            (false, None, _) => Presence::Required,
            (true, Some(condition), _) => Presence::Optional {
                condition: Some(self.quote(&format!("{path}.condition"), condition)),
            },
            (true, None, MemberKind::Part) => Presence::Optional { condition: None },
            (true, None, MemberKind::Field { .. }) => {
                let finding = Finding::at(path, "an optional item needs a `condition`")
                    .help("quote the words of the text that make it conditional: `condition: { kk: …, en: … }`");
                self.report_finding(finding);
                Presence::Required
            }
            (false, Some(_), _) => {
                self.report(
                    format!("{path}.condition"),
                    "only an optional item has a `condition`: add `optional: true`, or remove it",
                );
                Presence::Required
            }
        }
    }
}
