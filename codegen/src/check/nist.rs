//! The spec's mapping to ANSI/NIST-ITL transactions: the domain of the `nist` section, and the
//! Type-2 field of every record field that is not an image, each number once in its record and
//! in the range the standard leaves to a domain.

use std::collections::BTreeMap;

use super::Checker;
use crate::error::Finding;
use crate::model::{
    Composite, NIST_IMAGE_TYPES, NistDomain, NistMapping, Presence, Record, TypeRef,
};
use crate::spec::{NistFieldSpec, NistSpec};

/// The Type-2 fields a domain may number: 2.001 and 2.002 are LEN and IDC.
pub(crate) const DOMAIN_FIELDS: std::ops::RangeInclusive<u32> = 3..=999;

/// The longest domain name or version, in characters.
const DOMAIN_TEXT_LIMIT: usize = 40;

impl Checker {
    /// The mapping as written, its numbers checked one by one; a number that is not one is
    /// reported and stands as 0, so that the rest is still checked.
    pub(super) fn nist_mapping(&mut self, at: &str, spec: NistFieldSpec) -> NistMapping {
        match spec {
            NistFieldSpec::Field(Ok(field)) => NistMapping::Field(field),
            NistFieldSpec::Field(Err(written)) => {
                let message = format!("`{written}` is not a field of the Type-2 record");
                let help =
                    "write the field's tag as the standard does, `2.` and three digits: `2.031`";
                self.report_finding(Finding::at(at, message).help(help));
                NistMapping::Field(0)
            }
            NistFieldSpec::Parts(parts) => NistMapping::Parts(
                parts
                    .into_iter()
                    .map(|(part, spec)| {
                        let mapping = self.nist_mapping(&format!("{at}.{part}"), spec);
                        (part, mapping)
                    })
                    .collect(),
            ),
        }
    }

    /// The domain, when the spec exports the records; every mapping checked against the types.
    pub(super) fn nist(
        &mut self,
        spec: Option<NistSpec>,
        composites: &[Composite],
        records: &[Record],
    ) -> Option<NistDomain> {
        let Some(spec) = spec else {
            for record in records {
                for (index, field) in record.fields.iter().enumerate() {
                    if field.nist.is_some() {
                        let at = format!("records.{}.fields[{index}].nist", record.name);
                        let help = "add a `nist` section, `nist: { domain: <name>, version: <version> }`, which names the transactions' domain";
                        let message = "a Type-2 field number, but the spec exports no transactions";
                        self.report_finding(Finding::at(at, message).on_key().help(help));
                    }
                }
            }
            return None;
        };
        for (key, text) in [("domain", &spec.domain), ("version", &spec.version)] {
            let printable = text.bytes().all(|byte| (0x20..=0x7E).contains(&byte));
            if text.is_empty() || text.chars().count() > DOMAIN_TEXT_LIMIT || !printable {
                let message = format!(
                    "the domain's {key} is 1 to {DOMAIN_TEXT_LIMIT} printable ASCII characters, as field 1.013 DOM holds it"
                );
                self.report(format!("nist.{key}"), message);
            }
        }
        for record in records {
            MappingCheck {
                checker: self,
                composites,
                record,
                numbers: BTreeMap::new(),
                images: BTreeMap::new(),
            }
            .record();
        }
        Some(NistDomain {
            name: spec.domain,
            version: spec.version,
        })
    }
}

struct MappingCheck<'c, 'm> {
    checker: &'c mut Checker,
    composites: &'m [Composite],
    record: &'m Record,
    /// The numbers seen, with the item that has each.
    numbers: BTreeMap<u32, String>,
    /// The image records seen: fingers, photo, signature, with the field that has them.
    images: BTreeMap<&'static str, String>,
}

impl<'m> MappingCheck<'_, 'm> {
    fn record(&mut self) {
        for (index, field) in self.record.fields.iter().enumerate() {
            let at = format!("records.{}.fields[{index}]", self.record.name);
            let ident = &field.member.ident;
            let ty = &field.member.ty;
            if NIST_IMAGE_TYPES.contains(&ty.name()) {
                self.image(&at, ident, ty.name(), field.nist.is_some());
                continue;
            }
            match &field.nist {
                None => {
                    let example = match ty {
                        TypeRef::Value(_) => "`nist: 2.031`".to_owned(),
                        TypeRef::Composite(name) => format!(
                            "one field per part, `nist: {{ {}: 2.031, … }}`",
                            self.composite(name)
                                .and_then(|composite| composite.parts.first())
                                .map_or("part", |part| part.ident.as_str())
                        ),
                    };
                    let message = format!(
                        "`{ident}` has no field of the Type-2 record, and the spec exports the records"
                    );
                    self.checker.report_finding(
                        Finding::at(format!("{at}.ident"), message).help(format!("add {example}")),
                    );
                }
                Some(mapping) => {
                    let optional = !field.member.is_required();
                    self.mapping(&format!("{at}.nist"), ident, ty, mapping, optional);
                }
            }
        }
    }

    fn composite(&self, name: &str) -> Option<&'m Composite> {
        self.composites
            .iter()
            .find(|composite| composite.name == name)
    }

    fn image(&mut self, at: &str, ident: &str, ty: &str, mapped: bool) {
        if mapped {
            let message = format!(
                "`{ty}` travels in its own image records, by its type: it has no field of the Type-2 record"
            );
            self.checker
                .report_finding(Finding::at(format!("{at}.nist"), message).on_key());
        }
        let kind = match ty {
            "Photo" => "a photo",
            "Signature" => "a signature",
            _ => "fingerprints",
        };
        if let Some(other) = self.images.get(kind) {
            let message = format!(
                "the record already holds {kind} in `{other}`: a transaction holds one set of fingerprints, one photo and one signature, told apart by record type"
            );
            self.checker.report(format!("{at}.type"), message);
        } else {
            self.images.insert(kind, ident.to_owned());
        }
    }

    /// Checks the mapping of `item` (a field, or a part's path from it), of type `ty`.
    fn mapping(
        &mut self,
        at: &str,
        item: &str,
        ty: &TypeRef,
        mapping: &NistMapping,
        optional: bool,
    ) {
        match (ty, mapping) {
            (TypeRef::Value(_), NistMapping::Field(number)) => self.number(at, item, *number),
            (TypeRef::Value(name), NistMapping::Parts(_)) => {
                let message = format!("`{name}` is a value: it has one field, like `2.031`");
                self.checker.report(at, message);
            }
            (TypeRef::Composite(name), NistMapping::Field(_)) => {
                let message = format!(
                    "`{name}` is a composite: each of its parts has its own field, like `{{ part: 2.031, … }}`"
                );
                self.checker.report(at, message);
            }
            (TypeRef::Composite(name), NistMapping::Parts(mapped)) => {
                let Some(composite) = self.composite(name) else {
                    return;
                };
                let all_optional = composite.parts.iter().all(|part| !part.is_required());
                if optional && all_optional {
                    let message = format!(
                        "`{item}` is optional and every part of `{name}` is too: a transaction without their fields cannot tell an absent `{item}` from an empty one"
                    );
                    self.checker.report(at, message);
                }
                for (part, _) in mapped {
                    if !composite.parts.iter().any(|known| &known.ident == part) {
                        let message = format!("`{name}` has no part `{part}`");
                        self.checker
                            .report_finding(Finding::at(format!("{at}.{part}"), message).on_key());
                    }
                }
                for part in &composite.parts {
                    let path = format!("{item}.{}", part.ident);
                    if NIST_IMAGE_TYPES.contains(&part.ty.name()) {
                        let message = format!(
                            "part `{}` of `{name}` is an image, and an image inside a composite has no record of a transaction",
                            part.ident
                        );
                        self.checker.report(at, message);
                        continue;
                    }
                    match mapping.part(&part.ident) {
                        Some(part_mapping) => {
                            let optional = matches!(part.presence, Presence::Optional { .. });
                            self.mapping(
                                &format!("{at}.{}", part.ident),
                                &path,
                                &part.ty,
                                part_mapping,
                                optional,
                            );
                        }
                        None => {
                            let message = format!(
                                "part `{}` of `{name}` has no field of the Type-2 record",
                                part.ident
                            );
                            let help = format!("add `{}: 2.0NN` to the mapping", part.ident);
                            self.checker
                                .report_finding(Finding::at(at, message).help(help));
                        }
                    }
                }
            }
        }
    }

    fn number(&mut self, at: &str, item: &str, number: u32) {
        if number == 0 {
            return;
        }
        if !DOMAIN_FIELDS.contains(&number) {
            let message = format!(
                "field 2.{number:03} is not one a domain defines: 2.001 is LEN and 2.002 is IDC"
            );
            let help = "number the domain's fields from 2.003 to 2.999";
            self.checker
                .report_finding(Finding::at(at, message).help(help));
        } else if let Some(other) = self.numbers.get(&number) {
            let message = format!("field 2.{number:03} is already `{other}`'s");
            let help = "each item and part of a record has a Type-2 field of its own";
            self.checker
                .report_finding(Finding::at(at, message).help(help));
        } else {
            self.numbers.insert(number, item.to_owned());
        }
    }
}

#[cfg(test)]
mod tests {
    use dactylo_values::catalogue::{Carriage, VALUE_TYPES};

    use crate::model::NIST_IMAGE_TYPES;

    #[test]
    fn the_image_types_are_those_the_values_carry_in_records_of_their_own() {
        let images: Vec<&str> = VALUE_TYPES
            .iter()
            .filter(|value| matches!(value.carriage, Carriage::Images { .. }))
            .map(|value| value.name)
            .collect();
        assert_eq!(images, NIST_IMAGE_TYPES);
    }
}
