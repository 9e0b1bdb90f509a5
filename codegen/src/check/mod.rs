//! Checks a [`SpecFile`] into a [`Model`], reporting every problem found rather than the first.
//!
//! Findings name their node by path (`records.VisaRecord.fields[3].type`); the loader's
//! positions place them in the text.

use std::collections::{BTreeMap, BTreeSet};

use crate::error::Finding;
use crate::model::{
    Act, Citation, CitationForms, Composite, Datum, Field, Force, InForce, Member, Model, Period,
    Record, Reference, Stated, Status, Texts, TypeRef, ValueType,
};
use crate::names::{self, Case};
use crate::plan::{Destination, Plan};
use crate::spec::{
    ActSpec, CompositeSpec, InForceSpec, PeriodSpec, RecordSpec, SpecFile, StatusSpec, TextsSpec,
    ValueSpec,
};
use crate::suggest::{self, Suggestions};

mod collisions;
mod documentation;
mod members;
mod nist;
mod texts;

use members::MemberKind;

/// The value type of a period's ends, whose order the generated constructor checks.
const PERIOD_TYPE: &str = "Date";
/// What may end a period beside a [`PERIOD_TYPE`]: an end of validity, which may be indefinite.
const PERIOD_END_TYPE: &str = "ValidityEnd";

/// Checks `spec`, returning the model or every problem found.
pub(crate) fn check(spec: SpecFile) -> Result<Model, Vec<Finding>> {
    let mut checker = Checker::default();
    let act = checker.act(spec.act);
    let data = checker.data(spec.data);
    checker.declare_types(&spec.values, &spec.composites, &spec.records);
    let values = checker.values(spec.values);
    let composites = checker.composites(spec.composites);
    checker.reject_containment_cycles(&composites);
    let records = checker.records(spec.records, &data);
    checker.reject_unused_data(&data, &records);
    let nist = checker.nist(spec.nist, &composites, &records);
    let model = Model {
        act,
        data,
        values,
        composites,
        records,
        nist,
    };
    // Names derived from invalid names would only repeat their problems.
    if !checker.invalid_names {
        let plan = Plan::new(&model, &Destination::default());
        checker
            .findings
            .extend(collisions::findings(plan.declarations()));
    }
    if checker.findings.is_empty() {
        Ok(model)
    } else {
        Err(checker.findings)
    }
}

/// The findings of the names a plan declares that collide, for the checks of an output that
/// adds names of its own (a crate's root, a directory of files, the compile-fail programs).
pub(crate) fn collisions(plan: &Plan) -> Vec<Finding> {
    collisions::findings(plan.declarations())
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
    /// The types offered for an unknown one, once every type is declared.
    type_suggestions: Option<Suggestions>,
    /// Whether a name of the spec is not a valid Rust name.
    invalid_names: bool,
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
            (StatusSpec::Repealed, Some(by)) => {
                self.act_date("act.repealed_by.date", by.date);
                if by.date < act.date {
                    self.report(
                        "act.repealed_by.date",
                        format!(
                            "the repealing act is dated before the act itself ({})",
                            act.date
                        ),
                    );
                }
                let stated = by.stated.map(|stated| {
                    self.act_date("act.repealed_by.stated.on", stated.on);
                    if stated.on < by.date {
                        self.report(
                            "act.repealed_by.stated.on",
                            format!(
                                "a source cannot state the repeal before the repealing act's date ({})",
                                by.date
                            ),
                        );
                    }
                    Stated {
                        on: stated.on,
                        reading: stated.reading,
                    }
                });
                Status::Repealed {
                    by_number: by.number,
                    by_date: by.date,
                    takes_effect: self.in_force("act.repealed_by.in_force", by.in_force, by.date),
                    stated,
                }
            }
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
                    "a repealed act needs `repealed_by` with the repealing act's number, date and `in_force`",
                );
                Status::InForce
            }
        };
        self.act_date("act.date", act.date);
        let references = act
            .references
            .into_iter()
            .enumerate()
            .map(|(index, reference)| Reference {
                paragraph: reference.paragraph,
                title: self.quote(&format!("act.references[{index}].title"), reference.title),
                number: reference.number,
                date: reference.date,
                registration: reference.registration,
            })
            .collect();
        Act {
            kind: self.quote("act.kind", act.kind),
            issuer: self.quote("act.issuer", act.issuer),
            number: act.number,
            date: act.date,
            title: self.quote("act.title", act.title),
            legal_basis: self.quote("act.legal_basis", act.legal_basis),
            signatory: self.quote("act.signatory", act.signatory),
            in_force: self.in_force("act.in_force", act.in_force, act.date),
            citations: CitationForms {
                paragraph: self.citation_form(
                    "act.citations.paragraph",
                    act.citations.paragraph,
                    &["paragraph"],
                ),
                item: self.citation_form(
                    "act.citations.item",
                    act.citations.item,
                    &["paragraph", "item"],
                ),
            },
            references,
            status,
        }
    }

    /// When an act `adopted` on a date enters into force: the act's words, and one date or one
    /// rule of days. An act is neither published nor in force before it is adopted.
    fn in_force(
        &mut self,
        path: &str,
        in_force: InForceSpec,
        adopted: jiff::civil::Date,
    ) -> InForce {
        for (key, date) in [("on", in_force.on), ("published", in_force.published)] {
            let Some(date) = date else { continue };
            let at = format!("{path}.{key}");
            if date < adopted {
                self.report(
                    &at,
                    format!("{date} is before the act's adoption on {adopted}"),
                );
            } else {
                self.act_date(&at, date);
            }
        }
        let from = match (in_force.on, in_force.days_after_publication) {
            (Some(date), None) if in_force.published.is_none() => Force::On(date),
            (None, Some(days)) => {
                // The day of entry into force must be a date `ACT` can hold, or the act would be
                // reported as published on a day it does not record.
                if let Some(published) = in_force.published
                    && published.checked_add(jiff::Span::new().days(days)).is_err()
                {
                    self.report(
                        format!("{path}.published"),
                        format!(
                            "{days} days after {published} is past 9999-12-31, the last day a \
                             date of the act may be"
                        ),
                    );
                }
                Force::AfterPublication {
                    days,
                    published: in_force.published,
                }
            }
            (on, days) => {
                let help = "give `on: <date>`, or `days_after_publication: <days>` with `published: <date>` where it is known";
                let message = match (on, days) {
                    (Some(_), Some(_)) => "a date and a rule of days: say when by one of them",
                    (Some(_), None) => {
                        "`published` goes with `days_after_publication`, not with `on`"
                    }
                    _ => "say when: a date, or days after publication",
                };
                self.report_finding(Finding::at(path, message).help(help));
                Force::On(jiff::civil::Date::ZERO)
            }
        };
        InForce {
            rule: self.quote(&format!("{path}.rule"), in_force.rule),
            paragraph: in_force.paragraph,
            from,
            reading: self.reading(path, in_force.reading),
        }
    }

    /// A date of an act, which the generated `ACT` holds as a `Date`: in the years 1 to 9999.
    fn act_date(&mut self, path: &str, date: jiff::civil::Date) {
        if !(1..=9999).contains(&date.year()) {
            self.report(path, format!("{date} is not in the years 0001 to 9999"));
        }
    }

    /// A form of citation: the project's words (`kk_label`), with the placeholders `names`, each
    /// once, and no other.
    fn citation_form(&mut self, path: &str, texts: TextsSpec, names: &[&str]) -> Texts {
        let texts = self.label_or_quote(path, texts);
        for (key, template) in [("kk_label", &texts.kk), ("en", &texts.en)] {
            let at = format!("{path}.{key}");
            let mut rest = template.as_str();
            let mut found = Vec::new();
            while let Some(start) = rest.find('{') {
                let Some(length) = rest[start..].find('}') else {
                    self.report(&at, "a `{` without its `}`");
                    break;
                };
                found.push(rest[start + 1..start + length].to_owned());
                rest = &rest[start + length + 1..];
            }
            let expected: Vec<String> = names.iter().map(ToString::to_string).collect();
            let mut sorted = found.clone();
            sorted.sort();
            let mut wanted = expected.clone();
            wanted.sort();
            if sorted != wanted {
                let message = format!(
                    "a citation form holds {}, each once, and no other placeholder",
                    names
                        .iter()
                        .map(|name| format!("`{{{name}}}`"))
                        .collect::<Vec<_>>()
                        .join(" and ")
                );
                self.report(&at, message);
            }
        }
        texts
    }

    /// Records every type name and checks that each is a valid name. Whether names collide in
    /// the generated code is for [`collisions`] to say, once the model is built.
    fn declare_types(
        &mut self,
        values: &[(String, ValueSpec)],
        composites: &[(String, CompositeSpec)],
        records: &[(String, RecordSpec)],
    ) {
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
                self.invalid_names = true;
                self.report_finding(
                    Finding::at(&path, problem.message)
                        .on_key()
                        .help(problem.help),
                );
                continue;
            }
            if kind.is_none() {
                self.check_module_name(&path, name);
            }
            if let Some(kind) = kind {
                self.types.entry(name.clone()).or_insert(kind);
            }
        }
    }

    /// A record's module, file and schema are named after it in snake case, which may be a
    /// keyword (`Type` → `type`).
    fn check_module_name(&mut self, path: &str, record: &str) {
        let module = names::record_module(record);
        if names::is_keyword(&module) {
            self.invalid_names = true;
            let message = format!(
                "the record `{record}` would live in a module named `{module}`, a Rust keyword"
            );
            self.report_finding(
                Finding::at(path, message)
                    .on_key()
                    .help("rename the record"),
            );
        }
    }

    fn values(&mut self, values: Vec<(String, ValueSpec)>) -> Vec<ValueType> {
        values
            .into_iter()
            .map(|(name, value)| {
                let path = format!("values.{name}");
                self.text(&format!("{path}.en"), &value.en);
                self.example(&format!("{path}.example"), &value.example);
                ValueType {
                    name,
                    en: value.en,
                    example: value.example,
                }
            })
            .collect()
    }

    fn composites(&mut self, composites: Vec<(String, CompositeSpec)>) -> Vec<Composite> {
        composites
            .into_iter()
            .map(|(name, composite)| {
                let path = format!("composites.{name}");
                let texts =
                    self.texts_of(&path, composite.kk, composite.kk_label, composite.en, false);
                if composite.parts.is_empty() {
                    self.report(
                        format!("{path}.parts"),
                        "a composite needs at least one part",
                    );
                } else if composite.parts.len() > crate::ITEMS_LIMIT {
                    self.report(
                        format!("{path}.parts"),
                        format!(
                            "a composite has at most {} parts; this one has {}",
                            crate::ITEMS_LIMIT,
                            composite.parts.len()
                        ),
                    );
                }
                let parts =
                    self.members(&format!("{path}.parts"), composite.parts, MemberKind::Part);
                let parts: Vec<Member> = parts.into_iter().map(|checked| checked.member).collect();
                let periods = self.periods(&path, &parts, composite.periods);
                let at_least_one_of =
                    self.at_least_one_of(&path, &parts, composite.at_least_one_of);
                Composite {
                    name,
                    texts,
                    parts,
                    periods,
                    at_least_one_of,
                    reading: self.reading(&path, composite.reading),
                }
            })
            .collect()
    }

    /// Two or more optional parts of the composite, each named once.
    fn at_least_one_of(&mut self, path: &str, parts: &[Member], names: Vec<String>) -> Vec<String> {
        if names.is_empty() {
            return names;
        }
        let at = format!("{path}.at_least_one_of");
        if names.len() < 2 {
            self.report(
                &at,
                "name two parts or more, of which at least one is given",
            );
        }
        for (index, ident) in names.iter().enumerate() {
            let at = format!("{at}[{index}]");
            match parts.iter().find(|part| &part.ident == ident) {
                None => {
                    let message = format!("`{ident}` is not a part of this composite");
                    let help =
                        suggest::did_you_mean(ident, parts.iter().map(|part| part.ident.as_str()));
                    self.report_finding(Finding::at(at, message).maybe_help(help));
                }
                Some(part) if part.is_required() => self.report(
                    at,
                    format!("`{ident}` is required already: name optional parts only"),
                ),
                Some(_) if names[..index].contains(ident) => {
                    self.report(at, format!("`{ident}` is named twice"));
                }
                Some(_) => {}
            }
        }
        names
    }

    /// Each end of a period names a part, both ends are dates; an optional end is checked when
    /// it is given.
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
                    Some(part) => ends.push(part),
                }
            }
            if let [start, end] = ends[..] {
                if start.ident == end.ident {
                    self.report(&at, "a period needs two different parts");
                } else if start.ty != TypeRef::Value(PERIOD_TYPE.to_owned())
                    || (end.ty != start.ty && end.ty != TypeRef::Value(PERIOD_END_TYPE.to_owned()))
                {
                    self.report(
                        &at,
                        format!(
                            "`{}` is a `{}` and `{}` is a `{}`: a period starts with a `{PERIOD_TYPE}` and ends with a `{PERIOD_TYPE}` or a `{PERIOD_END_TYPE}`",
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

    fn records(&mut self, records: Vec<(String, RecordSpec)>, data: &[Datum]) -> Vec<Record> {
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
                let lead_in = self.quote(&format!("{path}.lead_in"), record.lead_in);
                let reading = self.reading(&path, record.reading);
                if record.fields.is_empty() {
                    self.report(
                        format!("{path}.fields"),
                        "a record needs at least one field",
                    );
                } else if record.fields.len() > crate::ITEMS_LIMIT {
                    self.report(
                        format!("{path}.fields"),
                        format!(
                            "a record has at most {} fields; this one has {}",
                            crate::ITEMS_LIMIT,
                            record.fields.len()
                        ),
                    );
                }
                let fields_path = format!("{path}.fields");
                let kind = MemberKind::Field {
                    paragraph: record.paragraph,
                };
                let members = self.members(&fields_path, record.fields, kind);
                self.check_citations(&fields_path, record.paragraph, &members);
                let fields = members
                    .into_iter()
                    .enumerate()
                    .map(|(index, checked)| {
                        let at = format!("{fields_path}[{index}]");
                        let data = self.field_data(&at, &checked.member.ident, checked.data, data);
                        // A field without a citation has been reported; it keeps its place, so
                        // that every field's index is its index in the spec.
                        let citation = checked.citation.unwrap_or(Citation {
                            paragraph: record.paragraph,
                            item: u32::try_from(index + 1).unwrap_or(u32::MAX),
                        });
                        let nist = checked
                            .nist
                            .map(|nist| self.nist_mapping(&format!("{at}.nist"), nist));
                        Field {
                            member: checked.member,
                            citation,
                            data,
                            nist,
                        }
                    })
                    .collect();
                Record {
                    name,
                    paragraph: record.paragraph,
                    lead_in,
                    reading,
                    fields,
                }
            })
            .collect()
    }

    /// Texts whose Kazakh quotes the act (`kk`) or is the project's label (`kk_label`).
    fn label_or_quote(&mut self, path: &str, texts: TextsSpec) -> Texts {
        self.texts_of(path, texts.kk, texts.kk_label, texts.en, false)
    }

    /// Texts whose Kazakh must quote the act: a list's words, a condition.
    fn quote(&mut self, path: &str, texts: TextsSpec) -> Texts {
        self.texts_of(path, texts.kk, texts.kk_label, texts.en, true)
    }

    fn texts_of(
        &mut self,
        path: &str,
        kk: Option<String>,
        kk_label: Option<String>,
        en: String,
        must_quote: bool,
    ) -> Texts {
        self.text(&format!("{path}.en"), &en);
        let (kk, quotes_the_act) = match (kk, kk_label) {
            (Some(kk), None) => {
                self.text(&format!("{path}.kk"), &kk);
                (kk, true)
            }
            (None, Some(label)) if must_quote => {
                let message = "here the Kazakh quotes the act: write the act's words under `kk`";
                self.report_finding(Finding::at(format!("{path}.kk_label"), message).on_key());
                (label, false)
            }
            (None, Some(label)) => {
                self.text(&format!("{path}.kk_label"), &label);
                (label, false)
            }
            (Some(kk), Some(_)) => {
                let message = "`kk` quotes the act and `kk_label` is the project's own word for it: give one of them";
                self.report_finding(Finding::at(format!("{path}.kk_label"), message).on_key());
                (kk, true)
            }
            (None, None) => {
                let help = if must_quote {
                    "add `kk:` with the act's words"
                } else {
                    "add `kk:` with the act's words, or `kk_label:` with the project's where the act has none"
                };
                self.report_finding(Finding::at(path, "missing field `kk`").help(help));
                (String::new(), true)
            }
        };
        Texts {
            kk,
            en,
            quotes_the_act,
        }
    }
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
