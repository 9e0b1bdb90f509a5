//! The spec's mapping to ANSI/NIST-ITL transactions: a spec that exports its records gives every
//! item a Type-2 field of its own, in the range a domain may use, and a mistake is refused where
//! it is written.

use crate::support::small_act;
use dactylo_codegen::{Error, Spec};

/// A spec that exports its one record: a composite mapped part by part, a value, and a photo,
/// which travels in its own record.
const EXPORTED: &str = concat!(
    small_act!(),
    "\
values:
  Name: { en: A name., example: 'Name::new(\"Anna\")?' }
  Date: { en: A date., example: 'Date::new(2024, 1, 1)?' }
  Photo: { en: A photo., example: 'Photo::new(ImageFormat::Png, b\"\\x89PNG\\r\\n\\x1a\\n\".to_vec())?' }
composites:
  FullName:
    kk: тегі, аты
    en: surname, given name
    parts:
      - { ident: surname, type: Name, kk: тегі, en: surname }
      - { ident: given_name, type: Name, kk: аты, en: given name, optional: true }
records:
  VisaRecord:
    paragraph: 7
    lead_in: { kk: мынадай мәліметтерді қамтиды, en: contains the following }
    fields:
      - ident: full_name
        type: FullName
        citation: { paragraph: 7, item: 1 }
        kk: тегі
        en: name
        nist: { surname: 2.011, given_name: 2.012 }
      - { ident: birth_date, type: Date, citation: { paragraph: 7, item: 2 }, kk: туған күні, en: date of birth, nist: 2.020 }
      - { ident: photo, type: Photo, citation: { paragraph: 7, item: 3 }, kk: фотосуреті, en: photo }
nist:
  domain: TEST
  version: \"1\"
"
);

fn with(from: &str, to: &str) -> String {
    assert!(EXPORTED.contains(from), "the spec has no `{from}`");
    EXPORTED.replacen(from, to, 1)
}

/// Every problem of `source`: its path, message and line.
fn problems(source: &str) -> Vec<(String, String, usize)> {
    match Spec::parse(source, "spec.yaml") {
        Err(Error::InvalidSpec { problems, .. }) => problems
            .into_iter()
            .map(|problem| {
                let line = problem.span.as_ref().map_or(0, |span| span.line);
                (problem.path.unwrap_or_default(), problem.message, line)
            })
            .collect(),
        Ok(_) => panic!("the spec was accepted"),
        Err(other) => panic!("unexpected error: {other}"),
    }
}

fn line_of(text: &str, needle: &str) -> usize {
    1 + text[..text.find(needle).expect("the text has it")]
        .matches('\n')
        .count()
}

#[test]
fn an_exported_spec_is_accepted_and_maps_each_leaf_once() {
    let spec = Spec::parse(EXPORTED, "spec.yaml").unwrap();
    let model = spec.model();
    let domain = model.nist.as_ref().unwrap();
    assert_eq!(
        (domain.name.as_str(), domain.version.as_str()),
        ("TEST", "1")
    );
    let fields: Vec<_> = model.records[0]
        .fields
        .iter()
        .map(|field| field.nist.as_ref().map(|mapping| mapping.fields()))
        .collect();
    assert_eq!(
        fields,
        [
            Some(vec![
                ("surname".to_owned(), 11),
                ("given_name".to_owned(), 12)
            ]),
            Some(vec![(String::new(), 20)]),
            None,
        ]
    );
}

#[test]
fn a_field_number_is_written_as_the_standard_writes_it_and_in_the_domains_range() {
    // 2.010 and 2.1 read alike as YAML numbers; three digits after the point are what the
    // standard writes, so `2.1` is field 2.100.
    let spec = with("nist: 2.020", "nist: 2.1");
    let model = Spec::parse(&spec, "spec.yaml").unwrap().model().clone();
    assert_eq!(
        model.records[0].fields[1].nist.as_ref().unwrap().fields()[0].1,
        100
    );
    for (written, message) in [
        (
            "2.001",
            "field 2.001 is not one a domain defines: 2.001 is LEN and 2.002 is IDC",
        ),
        (
            "2.002",
            "field 2.002 is not one a domain defines: 2.001 is LEN and 2.002 is IDC",
        ),
        ("'2.31'", "`2.31` is not a field of the Type-2 record"),
        ("2.0205", "`2.0205` is not a field of the Type-2 record"),
        ("20", "`20` is not a field of the Type-2 record"),
        ("14.020", "`14.02` is not a field of the Type-2 record"),
    ] {
        let spec = with("nist: 2.020", &format!("nist: {written}"));
        let found = problems(&spec);
        assert_eq!(found.len(), 1, "{written}: {found:?}");
        let (path, found_message, line) = &found[0];
        assert_eq!(found_message, message, "{written}");
        assert_eq!(path, "records.VisaRecord.fields[1].nist");
        assert_eq!(*line, line_of(&spec, "date of birth"));
    }
}

#[test]
fn a_field_number_is_used_once_in_a_record() {
    let spec = with("nist: 2.020", "nist: 2.012");
    let found = problems(&spec);
    assert_eq!(
        found,
        [(
            "records.VisaRecord.fields[1].nist".to_owned(),
            "field 2.012 is already `full_name.given_name`'s".to_owned(),
            line_of(&spec, "date of birth"),
        )]
    );
}

#[test]
fn every_item_of_an_exported_record_is_mapped_and_only_to_what_its_type_has() {
    let spec = with(", nist: 2.020", "");
    assert_eq!(
        problems(&spec),
        [(
            "records.VisaRecord.fields[1].ident".to_owned(),
            "`birth_date` has no field of the Type-2 record, and the spec exports the records"
                .to_owned(),
            line_of(&spec, "ident: birth_date"),
        )]
    );
    let spec = with(", given_name: 2.012", "");
    let found = problems(&spec);
    assert_eq!(
        found[0].1,
        "part `given_name` of `FullName` has no field of the Type-2 record"
    );
    assert_eq!(found[0].2, line_of(&spec, "nist: { surname"));
    let spec = with("given_name: 2.012", "given: 2.012");
    let messages: Vec<_> = problems(&spec)
        .into_iter()
        .map(|(_, message, _)| message)
        .collect();
    assert_eq!(
        messages,
        [
            "part `given_name` of `FullName` has no field of the Type-2 record",
            "`FullName` has no part `given`",
        ]
    );
    let found = problems(&with(
        "nist: { surname: 2.011, given_name: 2.012 }",
        "nist: 2.011",
    ));
    assert_eq!(
        found[0].1,
        "`FullName` is a composite: each of its parts has its own field, like `{ part: 2.031, … }`"
    );
    let found = problems(&with("nist: 2.020", "nist: { date: 2.020 }"));
    assert_eq!(
        found[0].1,
        "`Date` is a value: it has one field, like `2.031`"
    );
    let found = problems(&with("en: photo }", "en: photo, nist: 2.030 }"));
    assert_eq!(
        found[0].1,
        "`Photo` travels in its own image records, by its type: it has no field of the Type-2 record"
    );
}

#[test]
fn field_numbers_without_a_domain_and_on_composite_parts_are_refused() {
    let spec = with("nist:\n  domain: TEST\n  version: \"1\"\n", "");
    assert_eq!(
        problems(&spec)
            .into_iter()
            .map(|(path, message, _)| (path, message))
            .collect::<Vec<_>>(),
        [
            (
                "records.VisaRecord.fields[0].nist".to_owned(),
                "a Type-2 field number, but the spec exports no transactions".to_owned()
            ),
            (
                "records.VisaRecord.fields[1].nist".to_owned(),
                "a Type-2 field number, but the spec exports no transactions".to_owned()
            ),
        ]
    );
    let found = problems(&with(
        "kk: тегі, en: surname }",
        "kk: тегі, en: surname, nist: 2.011 }",
    ));
    assert_eq!(found[0].0, "composites.FullName.parts[0].nist");
    let found = problems(&with("domain: TEST", "domain: \"TEST\\u001d\""));
    assert_eq!(
        found[0].1,
        "the domain's domain is 1 to 40 printable ASCII characters, as field 1.013 DOM holds it"
    );
}

#[test]
fn a_record_holds_one_photo_and_an_optional_composite_is_told_from_an_empty_one() {
    let second_photo = "      - { ident: other_photo, type: Photo, citation: { paragraph: 7, item: 4 }, kk: фотосуреті, en: other }\n";
    let spec = EXPORTED.replacen(
        "nist:\n  domain",
        &format!("{second_photo}nist:\n  domain"),
        1,
    );
    let found = problems(&spec);
    assert_eq!(found[0].0, "records.VisaRecord.fields[3].type");
    assert!(
        found[0]
            .1
            .starts_with("the record already holds a photo in `photo`"),
        "{}",
        found[0].1
    );

    let all_optional = with(
        "{ ident: surname, type: Name, kk: тегі, en: surname }",
        "{ ident: surname, type: Name, kk: тегі, en: surname, optional: true }",
    )
    .replacen("        en: name\n", "        en: name\n        optional: true\n        condition: { kk: бар болса, en: if any }\n", 1);
    let found = problems(&all_optional);
    assert_eq!(
        found[0].1,
        "`full_name` is optional and every part of `FullName` is too: a transaction without their fields cannot tell an absent `full_name` from an empty one"
    );
}
