//! Checks a [`SpecFile`] into a [`Model`], reporting every problem found rather than the first.
//!
//! Findings name their node by path (`records.VisaRecord.fields[3].type`); the loader's
//! positions place them in the text.

use std::collections::{BTreeMap, BTreeSet};

use crate::error::Finding;
use crate::model::{
    Act, Citation, Composite, Field, Member, Model, Period, Presence, Record, Status, Texts,
    TypeRef, ValueType,
};
use crate::names::{self, Case};
use crate::spec::{
    ActSpec, CompositeSpec, MemberSpec, PeriodSpec, RecordSpec, SpecFile, StatusSpec, TextsSpec,
    ValueSpec,
};
use crate::suggest;

/// Checks `spec`, returning the model or every problem found.
pub(crate) fn check(spec: SpecFile) -> Result<Model, Vec<Finding>> {
    let mut checker = Checker::default();
    let act = checker.act(spec.act);
    checker.declare_types(&spec.values, &spec.composites, &spec.records);
    let values = checker.values(spec.values);
    let composites = checker.composites(spec.composites);
    checker.reject_containment_cycles(&composites);
    let records = checker.records(spec.records);
    if checker.findings.is_empty() {
        Ok(Model {
            act,
            values,
            composites,
            records,
        })
    } else {
        Err(checker.findings)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum TypeKind {
    Value,
    Composite,
}

#[derive(Default)]
struct Checker {
    findings: Vec<Finding>,
    /// Every declared value and composite type.
    types: BTreeMap<String, TypeKind>,
}

impl Checker {
    fn report(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.findings.push(Finding::at(path, message));
    }

    fn report_finding(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    fn act(&mut self, act: ActSpec) -> Act {
        if act.number == 0 {
            self.report("act.number", "the act's number must be a positive integer");
        }
        let status = match (act.status, act.repealed_by) {
            (StatusSpec::InForce, None) => Status::InForce,
            (StatusSpec::Repealed, Some(by)) => Status::Repealed {
                by_number: by.number,
                by_date: by.date,
            },
            (StatusSpec::InForce, Some(_)) => {
                self.report(
                    "act.repealed_by",
                    "an act in force has no `repealed_by`: remove it, or set `status: repealed`",
                );
                Status::InForce
            }
            (StatusSpec::Repealed, None) => {
                self.report(
                    "act.status",
                    "a repealed act needs `repealed_by` with the repealing act's number and date",
                );
                Status::InForce
            }
        };
        Act {
            kind: self.texts("act.kind", act.kind),
            number: act.number,
            date: act.date,
            title: self.texts("act.title", act.title),
            legal_basis: self.texts("act.legal_basis", act.legal_basis),
            status,
        }
    }

    /// Records every type name and checks that all names placed side by side in the generated
    /// crate's root (types, records and their builders) are valid and distinct.
    fn declare_types(
        &mut self,
        values: &[(String, ValueSpec)],
        composites: &[(String, CompositeSpec)],
        records: &[(String, RecordSpec)],
    ) {
        let mut taken: BTreeMap<String, String> = BTreeMap::new();
        taken.insert(
            names::UNSET_TYPE.to_owned(),
            "the builders' marker type".to_owned(),
        );
        let declared = values
            .iter()
            .map(|(name, _)| (name, "values", Some(TypeKind::Value)))
            .chain(
                composites
                    .iter()
                    .map(|(name, _)| (name, "composites", Some(TypeKind::Composite))),
            )
            .chain(records.iter().map(|(name, _)| (name, "records", None)));
        for (name, section, kind) in declared {
            let path = format!("{section}.{name}");
            if let Some(problem) = names::problem_with(name, Case::Pascal) {
                self.report_finding(
                    Finding::at(&path, problem.message)
                        .on_key()
                        .help(problem.help),
                );
                continue;
            }
            let mut generated = vec![name.clone()];
            if kind.is_none() {
                generated.push(names::builder(name));
            }
            for generated_name in generated {
                match taken.get(&generated_name) {
                    Some(owner) => {
                        let message =
                            format!("the name `{generated_name}` is already taken by {owner}");
                        let help = "every type, record and builder in the generated crate needs its own name";
                        self.report_finding(Finding::at(&path, message).on_key().help(help));
                    }
                    None => {
                        taken.insert(generated_name, format!("`{path}`"));
                    }
                }
            }
            if let Some(kind) = kind {
                self.types.insert(name.clone(), kind);
            }
        }
    }

    fn values(&mut self, values: Vec<(String, ValueSpec)>) -> Vec<ValueType> {
        values
            .into_iter()
            .map(|(name, value)| {
                self.nonblank(&format!("values.{name}.en"), &value.en);
                ValueType { name, en: value.en }
            })
            .collect()
    }

    fn composites(&mut self, composites: Vec<(String, CompositeSpec)>) -> Vec<Composite> {
        composites
            .into_iter()
            .map(|(name, composite)| {
                let path = format!("composites.{name}");
                let texts = self.texts(
                    &path,
                    TextsSpec {
                        kk: composite.kk,
                        en: composite.en,
                    },
                );
                if composite.parts.is_empty() {
                    self.report(
                        format!("{path}.parts"),
                        "a composite needs at least one part",
                    );
                }
                let parts =
                    self.members(&format!("{path}.parts"), composite.parts, MemberKind::Part);
                let parts: Vec<Member> = parts.into_iter().map(|(member, _)| member).collect();
                let periods = self.periods(&path, &parts, composite.periods);
                Composite {
                    name,
                    texts,
                    parts,
                    periods,
                }
            })
            .collect()
    }

    /// Each end of a period names a required part, and both ends have the same type.
    fn periods(&mut self, path: &str, parts: &[Member], periods: Vec<PeriodSpec>) -> Vec<Period> {
        let mut checked = Vec::with_capacity(periods.len());
        for (index, period) in periods.into_iter().enumerate() {
            let at = format!("{path}.periods[{index}]");
            let mut ends = Vec::with_capacity(2);
            for (key, ident) in [("start", &period.start), ("end", &period.end)] {
                match parts.iter().find(|part| &part.ident == ident) {
                    None => {
                        let message = format!("`{ident}` is not a part of this composite");
                        let help = suggest::did_you_mean(
                            ident,
                            parts.iter().map(|part| part.ident.as_str()),
                        );
                        self.report_finding(
                            Finding::at(format!("{at}.{key}"), message).maybe_help(help),
                        );
                    }
                    Some(part) if !part.is_required() => self.report(
                        format!("{at}.{key}"),
                        format!("`{ident}` is optional, and a period needs both its ends"),
                    ),
                    Some(part) => ends.push(part),
                }
            }
            if let [start, end] = ends[..] {
                if start.ident == end.ident {
                    self.report(&at, "a period needs two different parts");
                } else if start.ty != end.ty {
                    self.report(
                        &at,
                        format!(
                            "`{}` is a `{}` but `{}` is a `{}`: a period's ends have the same type",
                            start.ident,
                            start.ty.name(),
                            end.ident,
                            end.ty.name()
                        ),
                    );
                } else {
                    checked.push(Period {
                        start: period.start,
                        end: period.end,
                    });
                }
            }
        }
        checked
    }

    /// A composite that contains itself, directly or through others, would be infinitely large.
    fn reject_containment_cycles(&mut self, composites: &[Composite]) {
        let contains: BTreeMap<&str, Vec<&str>> = composites
            .iter()
            .map(|composite| {
                let inner = composite
                    .parts
                    .iter()
                    .filter_map(|part| match &part.ty {
                        TypeRef::Composite(name) => Some(name.as_str()),
                        TypeRef::Value(_) => None,
                    })
                    .collect();
                (composite.name.as_str(), inner)
            })
            .collect();
        let mut reported = BTreeSet::new();
        for composite in composites {
            let start = composite.name.as_str();
            if let Some(cycle) = find_cycle(start, &contains) {
                let members: BTreeSet<&str> = cycle.iter().copied().collect();
                if reported.is_disjoint(&members) {
                    let chain = cycle.join("` contains `");
                    // Point at the part that opens the cycle.
                    let next = cycle.get(1).copied().unwrap_or(start);
                    let part = composite
                        .parts
                        .iter()
                        .position(|part| part.ty.name() == next);
                    let at = part.map_or_else(
                        || format!("composites.{start}"),
                        |index| format!("composites.{start}.parts[{index}].type"),
                    );
                    let message = format!("`{chain}`: a composite cannot contain itself");
                    let help = "a composite's size would be infinite: give this part another type";
                    self.report_finding(Finding::at(at, message).help(help));
                }
                reported.extend(members);
            }
        }
    }

    fn records(&mut self, records: Vec<(String, RecordSpec)>) -> Vec<Record> {
        let mut paragraphs: BTreeMap<u32, String> = BTreeMap::new();
        records
            .into_iter()
            .map(|(name, record)| {
                let path = format!("records.{name}");
                if record.paragraph == 0 {
                    self.report(
                        format!("{path}.paragraph"),
                        "a paragraph number is positive",
                    );
                } else if let Some(other) = paragraphs.get(&record.paragraph) {
                    let problem = format!(
                        "paragraph {} is already the list of `{other}`",
                        record.paragraph
                    );
                    self.report(format!("{path}.paragraph"), problem);
                } else {
                    paragraphs.insert(record.paragraph, name.clone());
                }
                let lead_in = self.texts(&format!("{path}.lead_in"), record.lead_in);
                if record.fields.is_empty() {
                    self.report(
                        format!("{path}.fields"),
                        "a record needs at least one field",
                    );
                }
                let fields_path = format!("{path}.fields");
                let kind = MemberKind::Field {
                    paragraph: record.paragraph,
                };
                let members = self.members(&fields_path, record.fields, kind);
                self.check_citations(&fields_path, record.paragraph, &members);
                self.check_record_scope(&path, &name, &members);
                let fields = members
                    .into_iter()
                    .filter_map(|(member, citation)| {
                        citation.map(|citation| Field { member, citation })
                    })
                    .collect();
                Record {
                    name,
                    paragraph: record.paragraph,
                    lead_in,
                    fields,
                }
            })
            .collect()
    }

    /// Items are numbered 1, 2, 3… in the text; the fields follow that numbering exactly.
    fn check_citations(
        &mut self,
        path: &str,
        paragraph: u32,
        members: &[(Member, Option<Citation>)],
    ) {
        let mut seen = BTreeSet::new();
        for (index, (_, citation)) in members.iter().enumerate() {
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

    /// The names a record's private module holds side by side: the record, its builder, and per
    /// required field a type parameter and two sealed traits.
    fn check_record_scope(
        &mut self,
        path: &str,
        record: &str,
        members: &[(Member, Option<Citation>)],
    ) {
        let mut taken: BTreeMap<String, String> = BTreeMap::new();
        taken.insert(record.to_owned(), "the record".to_owned());
        taken.insert(names::builder(record), "the builder".to_owned());
        let mut setters: BTreeMap<String, String> = BTreeMap::new();
        setters.insert(
            names::BUILD_METHOD.to_owned(),
            "the builder's `build` method".to_owned(),
        );
        let mut seen = BTreeSet::new();
        for (index, (member, _)) in members.iter().enumerate() {
            let at = format!("{path}.fields[{index}].ident");
            let ident = &member.ident;
            // An invalid or repeated ident is reported once, where it is declared.
            if names::problem_with(ident, Case::Snake).is_some() || !seen.insert(ident) {
                continue;
            }
            let mut own_setters = vec![ident.clone()];
            if member.is_required() {
                for generated in [
                    names::item_parameter(ident),
                    names::is_set_trait(ident),
                    names::is_unset_trait(ident),
                ] {
                    if let Some(owner) = taken.insert(generated.clone(), format!("field `{ident}`"))
                    {
                        let message = format!(
                            "`{ident}` needs the name `{generated}`, already taken by {owner}"
                        );
                        self.report_finding(Finding::at(&at, message).help("rename the field"));
                    }
                }
            } else {
                own_setters.push(names::maybe_setter(ident));
            }
            for setter in own_setters {
                if let Some(owner) = setters.insert(setter.clone(), format!("field `{ident}`")) {
                    let message = format!(
                        "`{ident}` needs a setter named `{setter}`, already taken by {owner}"
                    );
                    self.report_finding(Finding::at(&at, message).help("rename the field"));
                }
            }
        }
    }

    fn members(
        &mut self,
        path: &str,
        members: Vec<MemberSpec>,
        kind: MemberKind,
    ) -> Vec<(Member, Option<Citation>)> {
        let mut idents: BTreeMap<String, usize> = BTreeMap::new();
        members
            .into_iter()
            .enumerate()
            .map(|(index, member)| {
                let at = format!("{path}[{index}]");
                if let Some(problem) = names::problem_with(&member.ident, Case::Snake) {
                    self.report_finding(Finding::at(format!("{at}.ident"), problem.message).help(problem.help));
                } else if let Some(first) = idents.insert(member.ident.clone(), index) {
                    let message = format!("`{}` is already the name of {path}[{first}]", member.ident);
                    let help = "each field or part has its own name";
                    self.report_finding(Finding::at(format!("{at}.ident"), message).help(help));
                }
                let ty = self.resolve(&format!("{at}.type"), &member.ty);
                let texts = self.texts(
                    &at,
                    TextsSpec {
                        kk: member.kk,
                        en: member.en,
                    },
                );
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
                let member = Member {
                    ident: member.ident,
                    ty,
                    texts,
                    presence,
                };
                (member, citation)
            })
            .collect()
    }

    fn resolve(&mut self, path: &str, name: &str) -> TypeRef {
        match self.types.get(name) {
            Some(TypeKind::Value) => TypeRef::Value(name.to_owned()),
            Some(TypeKind::Composite) => TypeRef::Composite(name.to_owned()),
            None => {
                let help = suggest::did_you_mean(name, self.types.keys().map(String::as_str));
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
                condition: Some(self.texts(&format!("{path}.condition"), condition)),
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

    fn texts(&mut self, path: &str, texts: TextsSpec) -> Texts {
        self.nonblank(&format!("{path}.kk"), &texts.kk);
        self.nonblank(&format!("{path}.en"), &texts.en);
        Texts {
            kk: texts.kk,
            en: texts.en,
        }
    }

    fn nonblank(&mut self, path: &str, text: &str) {
        if text.trim().is_empty() {
            self.report(path, "the text is empty");
        }
    }
}

#[derive(Clone, Copy)]
enum MemberKind {
    /// A record's field, in the list of `paragraph`.
    Field {
        paragraph: u32,
    },
    Part,
}

/// The names on a containment path from `start` back to itself, if there is one.
fn find_cycle<'a>(
    start: &'a str,
    contains: &BTreeMap<&'a str, Vec<&'a str>>,
) -> Option<Vec<&'a str>> {
    fn walk<'a>(
        node: &'a str,
        start: &'a str,
        contains: &BTreeMap<&'a str, Vec<&'a str>>,
        path: &mut Vec<&'a str>,
        visited: &mut BTreeSet<&'a str>,
    ) -> bool {
        for &next in contains.get(node).map_or(&[][..], Vec::as_slice) {
            if next == start {
                path.push(next);
                return true;
            }
            if visited.insert(next) {
                path.push(next);
                if walk(next, start, contains, path, visited) {
                    return true;
                }
                path.pop();
            }
        }
        false
    }
    let mut path = vec![start];
    let mut visited = BTreeSet::new();
    walk(start, start, contains, &mut path, &mut visited).then_some(path)
}
