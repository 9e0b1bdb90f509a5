//! A spec with a mistake is refused with a message that says where and what, and every mistake
//! of a run is reported, not only the first.

use crate::support::small_act;
use dactylo_codegen::{Error, Problem, SingleFile, Spec};

/// The smallest valid spec: one value type, one composite with an optional part, one record with
/// a required and an optional field.
const VALID: &str = concat!(
    small_act!(),
    "\
values:
  Name: { en: A name., example: 'Name::new(\"Anna\")?' }
  Date: { en: A date., example: 'jiff::civil::date(2024, 1, 1)' }
composites:
  FullName:
    kk: тегі, аты
    en: surname, given name
    parts:
      - { ident: surname, type: Name, kk: тегі, en: surname }
      - ident: patronymic
        type: Name
        kk: әкесінің аты
        en: patronymic
        optional: true
        condition: { kk: бар болса, en: if any }
records:
  VisaRecord:
    paragraph: 7
    lead_in: { kk: мынадай мәліметтерді қамтиды, en: contains the following }
    fields:
      - { ident: full_name, type: FullName, citation: { paragraph: 7, item: 1 }, kk: тегі, en: name }
      - { ident: birth_date, type: Date, citation: { paragraph: 7, item: 2 }, kk: туған күні, en: date of birth }
      - ident: nickname
        type: Name
        citation: { paragraph: 7, item: 3 }
        kk: лақап аты
        en: nickname
        optional: true
        condition: { kk: бар болса, en: if any }
"
);

fn with(from: &str, to: &str) -> String {
    assert!(VALID.contains(from), "the valid spec has no `{from}`");
    VALID.replacen(from, to, 1)
}

fn problems(source: &str) -> Vec<Problem> {
    match Spec::parse(source, "spec.yaml") {
        Err(Error::InvalidSpec { file, problems, .. }) => {
            assert_eq!(file.to_str(), Some("spec.yaml"));
            problems
        }
        Ok(_) => panic!("the spec was accepted"),
        Err(other) => panic!("unexpected error: {other}"),
    }
}

/// The one problem of `source`.
fn only_problem(source: &str) -> Problem {
    let mut problems = problems(source);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    problems.remove(0)
}

/// The one problem of `source`: its path and message.
fn problem(source: &str) -> (Option<String>, String) {
    let problem = only_problem(source);
    (problem.path, problem.message)
}

/// The line, from 1, on which `needle` first appears in `text`.
fn line_of(text: &str, needle: &str) -> usize {
    1 + text[..text.find(needle).expect("the text has it")]
        .matches('\n')
        .count()
}

fn at(path: &str) -> Option<String> {
    Some(path.to_owned())
}

#[test]
fn the_valid_spec_is_accepted() {
    let spec = Spec::parse(VALID, "spec.yaml").unwrap();
    assert_eq!(spec.model().records[0].fields.len(), 3);
}

#[test]
fn a_yaml_syntax_error_has_a_line_and_column() {
    let problem = only_problem(&with("  number: 1\n", "  number: [1\n"));
    assert_eq!(problem.span.map(|span| span.line), Some(4));
}

#[test]
fn a_misspelt_key_is_refused_where_it_is() {
    let problem = only_problem(&with("        optional: true\n", "        optinal: true\n"));
    let span = problem.span.expect("a place");
    assert_eq!((span.line, span.column), (27, 9));
    assert_eq!(
        problem.path.as_deref(),
        Some("composites.FullName.parts[1].optinal")
    );
    assert!(
        problem.message.starts_with("unknown field `optinal`"),
        "{}",
        problem.message
    );
    assert_eq!(problem.help.as_deref(), Some("did you mean `optional`?"));
}

#[test]
fn a_missing_key_and_a_wrong_value_type_are_refused() {
    let (location, message) = problem(&with("  number: 1\n", ""));
    assert_eq!(location, at("act"));
    assert!(message.contains("missing field `number`"), "{message}");
    let (location, message) = problem(&with("    paragraph: 7\n", "    paragraph: seven\n"));
    assert_eq!(location, at("records.VisaRecord.paragraph"));
    assert!(message.starts_with("invalid type"), "{message}");
    let (location, _) = problem(&with("  date: 2024-01-01\n", "  date: 2024-13-01\n"));
    assert_eq!(location, at("act.date"));
}

#[test]
fn an_unknown_type_is_refused_by_path() {
    let problem = only_problem(&with("type: Date,", "type: Datum,"));
    assert_eq!(problem.path, at("records.VisaRecord.fields[1].type"));
    assert_eq!(problem.message, "unknown type `Datum`");
    assert_eq!(problem.help.as_deref(), Some("did you mean `Date`?"));
}

#[test]
fn citations_follow_the_records_paragraph_and_numbering() {
    let (location, message) = problem(&with(
        "{ paragraph: 7, item: 2 }",
        "{ paragraph: 8, item: 2 }",
    ));
    assert_eq!(location, at("records.VisaRecord.fields[1].citation"));
    assert!(message.contains("cites paragraph 8"), "{message}");

    let (location, message) = problem(&with(
        "{ paragraph: 7, item: 3 }",
        "{ paragraph: 7, item: 4 }",
    ));
    assert_eq!(location, at("records.VisaRecord.fields[2].citation"));
    assert!(message.contains("must be item 3"), "{message}");

    let (location, message) = problem(&with(
        "{ paragraph: 7, item: 2 }",
        "{ paragraph: 7, item: 1 }",
    ));
    assert_eq!(location, at("records.VisaRecord.fields[1].citation"));
    assert!(message.contains("item 1 is cited twice"), "{message}");

    let (location, _) = problem(&with(", citation: { paragraph: 7, item: 2 }", ""));
    assert_eq!(location, at("records.VisaRecord.fields[1]"));
}

#[test]
fn names_must_be_valid_rust_of_the_right_case() {
    let (location, message) = problem(&with("ident: birth_date", "ident: type"));
    assert_eq!(location, at("records.VisaRecord.fields[1].ident"));
    assert_eq!(message, "`type` is a Rust keyword");

    let snake = only_problem(&with("ident: birth_date", "ident: birthDate"));
    assert_eq!(snake.message, "`birthDate` is not snake_case");
    assert_eq!(snake.help.as_deref(), Some("did you mean `birth_date`?"));

    let pascal = only_problem(&with("  VisaRecord:", "  visa_record:"));
    assert_eq!(pascal.path, at("records.visa_record"));
    assert_eq!(pascal.message, "`visa_record` is not PascalCase");
    assert_eq!(pascal.help.as_deref(), Some("did you mean `VisaRecord`?"));
    assert_eq!(
        pascal.span.map(|span| span.line),
        Some(line_of(VALID, "  VisaRecord:"))
    );

    let (_, message) = problem(&with("ident: birth_date", "ident: туған_күні"));
    assert!(message.contains("is not ASCII"), "{message}");
}

#[test]
fn duplicates_are_refused() {
    let (location, message) = problem(&with("ident: birth_date", "ident: full_name"));
    assert_eq!(location, at("records.VisaRecord.fields[1].ident"));
    assert_eq!(
        message,
        "the field `full_name` of `VisaRecord` appears twice"
    );

    let second_record = "  VisaRecord:\n    paragraph: 8\n    lead_in: { kk: а, en: a }\n    fields:\n      - { ident: x, type: Name, citation: { paragraph: 8, item: 1 }, kk: а, en: a }\n";
    let twice = only_problem(&format!("{VALID}{second_record}"));
    assert_eq!(twice.message, "`VisaRecord` appears twice in `records`");
    assert_eq!(
        twice.span.map(|span| span.line),
        Some(VALID.lines().count() + 1)
    );

    let same_paragraph = second_record
        .replace("VisaRecord", "OtherRecord")
        .replace('8', "7");
    let (location, message) = problem(&format!("{VALID}{same_paragraph}"));
    assert_eq!(location, at("records.OtherRecord.paragraph"));
    assert_eq!(message, "paragraph 7 is already the list of `VisaRecord`");
}

#[test]
fn generated_names_must_not_clash() {
    let (location, message) =
        problem(&with("  VisaRecord:", "  FullName:").replace("VisaRecord", "FullName"));
    assert_eq!(location, at("records.FullName"));
    assert_eq!(
        message,
        "`FullName` would name both the composite `FullName` and the record `FullName`"
    );

    let (_, message) = problem(&with("ident: birth_date", "ident: build"));
    assert_eq!(
        message,
        "`build` would name both the method `VisaRecordBuilder::build` and the setter of field `build`"
    );

    let (location, message) = problem(&with("ident: birth_date", "ident: maybe_nickname"));
    assert_eq!(location, at("records.VisaRecord.fields[2].ident"));
    assert_eq!(
        message,
        "`maybe_nickname` would name both the setter of field `maybe_nickname` and the setter `maybe_nickname` of optional field `nickname`"
    );

    let (location, message) = problem(
        &with("  Name: { en: A name.", "  Unset: { en: A name.")
            .replace("type: Name", "type: Unset"),
    );
    assert_eq!(location, at("values.Unset"));
    assert!(
        message.contains("the type `Unset` of the builders' states"),
        "{message}"
    );
}

#[test]
fn a_record_named_like_a_generated_module_is_refused_with_the_module_named() {
    for (record, module) in [
        ("Composites", "the module of composites"),
        ("States", "the module of the builders' states"),
        (
            "Sealed",
            "the private module of the builders' sealed traits",
        ),
    ] {
        let problem = only_problem(&VALID.replace("VisaRecord", record));
        assert_eq!(problem.path, at(&format!("records.{record}")));
        let lower = record.to_lowercase();
        assert_eq!(
            problem.message,
            format!("`{lower}` would name both {module} and the module of record `{record}`")
        );
        assert_eq!(problem.help.as_deref(), Some("rename the record"));
        assert_eq!(problem.span.map(|span| span.column), Some(3));
    }
}

#[test]
fn a_record_whose_module_would_be_a_keyword_is_refused() {
    for (record, module) in [
        ("Mod", "mod"),
        ("Type", "type"),
        ("Crate", "crate"),
        ("Super", "super"),
    ] {
        let problem = only_problem(&VALID.replace("VisaRecord", record));
        assert_eq!(problem.path, at(&format!("records.{record}")));
        assert_eq!(
            problem.message,
            format!(
                "the record `{record}` would live in a module named `{module}`, a Rust keyword"
            )
        );
    }
}

#[test]
fn a_part_named_like_the_constructor_is_refused_only_where_there_is_one() {
    let periods = "    periods:\n      - { start: issued_on, end: valid_until }\n";
    let composite = "  Visa:\n    kk: виза\n    en: visa\n    parts:\n      - { ident: new, type: Date, kk: жаңа, en: new }\n      - { ident: issued_on, type: Date, kk: күні, en: issued }\n      - { ident: valid_until, type: Date, kk: мерзімі, en: until }\n";
    let spec = with(
        "composites:\n",
        &format!("composites:\n{composite}{periods}"),
    );
    let (location, message) = problem(&spec);
    assert_eq!(location, at("composites.Visa.parts[0].ident"));
    assert_eq!(
        message,
        "`new` would name both the constructor of `Visa` and the getter of part `new` of `Visa`"
    );
    // Without periods there is no constructor, and a part may be called `new`.
    let spec = with("composites:\n", &format!("composites:\n{composite}"));
    assert!(Spec::parse(&spec, "spec.yaml").is_ok());
}

#[test]
fn names_that_hygienic_code_keeps_apart_are_accepted() {
    // A composite may shadow the prelude, and an optional field may be called `state`: the
    // generated code spells out `::core::option::Option` and keeps its own field apart.
    for (from, to) in [
        ("FullName", "Option"),
        ("FullName", "Result"),
        ("FullName", "TryFrom"),
        ("FullName", "Box"),
        ("ident: nickname", "ident: state"),
    ] {
        let spec = VALID.replace(from, to);
        if let Err(error) = Spec::parse(&spec, "spec.yaml") {
            panic!("`{to}` was refused: {error}");
        }
    }
}

#[test]
fn a_bidirectional_control_in_a_text_is_refused_where_it_is() {
    let (location, message) = problem(&with("kk: лақап аты", "kk: лақап \u{202E}аты"));
    assert_eq!(location, at("records.VisaRecord.fields[2].kk"));
    assert!(
        message.starts_with("the text holds U+202E RIGHT-TO-LEFT OVERRIDE (character 7)"),
        "{message}"
    );
}

/// `VALID` with the last occurrence of `from` (in the record, after the composite) replaced.
fn with_last(from: &str, to: &str) -> String {
    let at = VALID.rfind(from).expect("the valid spec has it");
    format!("{}{to}{}", &VALID[..at], &VALID[at + from.len()..])
}

#[test]
fn an_optional_field_quotes_its_condition_and_a_part_need_not() {
    let condition = "        condition: { kk: бар болса, en: if any }\n";
    let (location, message) = problem(&with_last(condition, ""));
    assert_eq!(location, at("records.VisaRecord.fields[2]"));
    assert!(message.contains("needs a `condition`"), "{message}");

    let part_without_condition = with(condition, "");
    assert!(Spec::parse(&part_without_condition, "spec.yaml").is_ok());

    let (location, _) = problem(&with_last(
        "        optional: true\n        condition: { kk: бар болса, en: if any }\n",
        "        condition: { kk: бар болса, en: if any }\n",
    ));
    assert_eq!(location, at("records.VisaRecord.fields[2].condition"));
}

#[test]
fn a_period_names_two_date_parts() {
    let composite = "  Stay:
    kk: мерзім
    en: stay
    parts:
      - { ident: from, type: Date, kk: бастап, en: from }
      - { ident: until, type: Date, kk: дейін, en: until }
      - { ident: note, type: Name, kk: ескерту, en: note }
      - { ident: other, type: Name, kk: басқа, en: other }
      - { ident: extended, type: Date, kk: ұзартылған, en: extended, optional: true }
    periods:
";
    let spec = |periods: &str| with("records:\n", &format!("{composite}{periods}records:\n"));
    // An optional end is checked when it is given.
    for valid in [
        "{ start: from, end: until }",
        "{ start: from, end: extended }",
    ] {
        let valid = spec(&format!("      - {valid}\n"));
        assert_eq!(
            Spec::parse(&valid, "spec.yaml").unwrap().model().composites[1]
                .periods
                .len(),
            1
        );
    }
    let cases = [
        (
            "{ start: from, end: till }",
            "composites.Stay.periods[0].end",
            "`till` is not a part of this composite",
        ),
        (
            "{ start: from, end: from }",
            "composites.Stay.periods[0]",
            "a period needs two different parts",
        ),
        (
            "{ start: from, end: note }",
            "composites.Stay.periods[0]",
            "`from` is a `Date` and `note` is a `Name`: a period starts with a `Date` and ends with a `Date` or a `ValidityEnd`",
        ),
        (
            "{ start: note, end: other }",
            "composites.Stay.periods[0]",
            "`note` is a `Name` and `other` is a `Name`: a period starts with a `Date` and ends with a `Date` or a `ValidityEnd`",
        ),
    ];
    for (period, path, expected) in cases {
        let (location, message) = problem(&spec(&format!("      - {period}\n")));
        assert_eq!(location, at(path), "{period}");
        assert_eq!(message, expected);
    }
}

#[test]
fn texts_must_not_be_empty() {
    let (location, message) = problem(&with("kk: туған күні,", "kk: '  ',"));
    assert_eq!(location, at("records.VisaRecord.fields[1].kk"));
    assert_eq!(message, "the text is empty");
}

#[test]
fn empty_records_and_composites_are_refused() {
    let fields = VALID.find("    fields:\n").unwrap();
    let empty_record = format!("{}    fields: []\n", &VALID[..fields]);
    let (location, message) = problem(&empty_record);
    assert_eq!(location, at("records.VisaRecord.fields"));
    assert_eq!(message, "a record needs at least one field");

    let (parts, records) = (
        VALID.find("    parts:\n").unwrap(),
        VALID.find("records:\n").unwrap(),
    );
    let empty_composite = format!("{}    parts: []\n{}", &VALID[..parts], &VALID[records..]);
    let (location, message) = problem(&empty_composite);
    assert_eq!(location, at("composites.FullName.parts"));
    assert_eq!(message, "a composite needs at least one part");
}

#[test]
fn a_composite_may_not_contain_itself() {
    let cyclic = with("type: Name, kk: тегі", "type: FullName, kk: тегі");
    let (location, message) = problem(&cyclic);
    assert_eq!(location, at("composites.FullName.parts[0].type"));
    assert!(message.contains("cannot contain itself"), "{message}");
}

#[test]
fn the_status_and_repeal_agree() {
    let (location, _) = problem(&with("status: in_force", "status: repealed"));
    assert_eq!(location, at("act.status"));
    let (location, _) = problem(&with(
        "status: in_force",
        "status: in_force\n  repealed_by: { number: 2, date: 2025-01-01 }",
    ));
    assert_eq!(location, at("act.repealed_by"));
}

#[test]
fn a_repeal_is_not_stated_before_the_repealing_act() {
    let repealed = |stated_on: &str| {
        with(
            "status: in_force",
            &format!(
                "status: repealed\n  repealed_by:\n    number: 2\n    date: 2025-01-01\n    \
                 in_force: {{ rule: {{ kk: күшіне енеді, en: enters into force }}, on: 2025-02-01 }}\n    \
                 stated: {{ on: {stated_on}, reading: read then }}"
            ),
        )
    };
    assert!(Spec::parse(&repealed("2026-11-25"), "spec.yaml").is_ok());
    let (location, message) = problem(&repealed("2024-12-31"));
    assert_eq!(location, at("act.repealed_by.stated.on"));
    assert!(
        message.contains("before the repealing act's date"),
        "{message}"
    );
}

#[test]
fn every_problem_of_a_run_is_reported() {
    let spec = with("ident: birth_date", "ident: Birth")
        .replacen("type: Name,", "type: Nme,", 1)
        .replacen("{ paragraph: 7, item: 3 }", "{ paragraph: 7, item: 9 }", 1);
    let problems = problems(&spec);
    let paths: Vec<&str> = problems
        .iter()
        .filter_map(|problem| problem.path.as_deref())
        .collect();
    assert_eq!(
        paths,
        [
            "composites.FullName.parts[0].type",
            "records.VisaRecord.fields[1].ident",
            "records.VisaRecord.fields[2].citation",
        ]
    );
}

/// A misspelt key is left out and the rest still checked, so it hides no other problem; what the
/// checker finds in the node that lost the key (here, a condition without `optional`) is not
/// reported, since the key was likely meant to say it.
#[test]
fn a_misspelt_key_hides_no_other_problem() {
    let spec = with_last("        optional: true\n", "        optinal: true\n")
        .replacen("type: Date,", "type: Datum,", 1)
        .replacen("        optional: true\n", "        optionall: true\n", 1);
    let refused = problems(&spec);
    let found: Vec<(&str, &str)> = refused
        .iter()
        .map(|problem| {
            let message = problem.message.split(',').next().unwrap();
            (problem.path.as_deref().unwrap(), message)
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "composites.FullName.parts[1].optionall",
                "unknown field `optionall`"
            ),
            ("records.VisaRecord.fields[1].type", "unknown type `Datum`"),
            (
                "records.VisaRecord.fields[2].optinal",
                "unknown field `optinal`"
            ),
        ]
    );
    // A required key misspelt is reported once, as unknown, and stops the check there.
    let spec = with("    lead_in:", "    lead_inn:").replacen("type: Date,", "type: Datum,", 1);
    let refused = problems(&spec);
    assert_eq!(refused.len(), 1, "{refused:?}");
    assert!(refused[0].message.starts_with("unknown field `lead_inn`"));
    // A key of the wrong kind is refused as before: nothing else is checked.
    let spec = with("    paragraph: 7\n", "    paragraph: seven\n").replacen(
        "type: Date,",
        "type: Datum,",
        1,
    );
    assert_eq!(problems(&spec).len(), 1);
}

#[test]
fn generating_into_dactylo_records_needs_its_value_types_and_its_root_free() {
    let own_value = with("  Name: { en: A name.", "  Alias: { en: A name.")
        .replace("type: Name", "type: Alias");
    let spec = Spec::parse(&own_value, "spec.yaml").expect("a valid spec of its own");
    let Err(Error::InvalidSpec { problems, .. }) = spec.crate_sources() else {
        panic!("a value type dactylo-records lacks was accepted");
    };
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, at("values.Alias"));
    assert_eq!(
        problems[0].message,
        "`Alias` is not a value type of dactylo-records"
    );
    assert_eq!(
        problems[0].span.as_ref().map(|span| span.line),
        Some(line_of(&own_value, "  Alias:"))
    );
    assert!(matches!(
        spec.single_file(&SingleFile::new("records.rs")),
        Err(Error::InvalidSpec { .. })
    ));
    // Value types of one's own are the caller's to provide.
    let options = SingleFile::new("records.rs").values("crate::values");
    assert!(spec.single_file(&options).is_ok());

    let root_name = VALID.replace("FullName", "Capture");
    let spec = Spec::parse(&root_name, "spec.yaml").expect("valid on its own");
    let Err(Error::InvalidSpec { problems, .. }) = spec.crate_sources() else {
        panic!("a composite hiding a root export of dactylo-records was accepted");
    };
    assert_eq!(problems[0].path, at("composites.Capture"));
    assert!(
        problems[0].message.contains("dactylo-records' own root"),
        "{}",
        problems[0].message
    );
    assert!(spec.single_file(&SingleFile::new("records.rs")).is_ok());
}
