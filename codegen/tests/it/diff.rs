//! `dactylo-codegen diff` on a table of amendments to a frozen copy of the real spec
//! (`data/resolution-939.yaml`, so that the amendments outlive changes of the live spec): each
//! gives its verdict,
//! and its report is a committed snapshot (`snapshots/it__diff__<amendment>.snap`). After a change
//! to the reports, review and accept them with
//! `INSTA_UPDATE=always cargo test -p dactylo-codegen --test it diff` and `git diff`.

use dactylo_codegen::Spec;
use dactylo_codegen::diff::{Format, Semver};

use crate::support::amendments::{ITEM_RENAMED, LIST_ADDED, REQUIRED_ITEM_ADDED};

pub(crate) const SPEC: &str = include_str!("../data/resolution-939.yaml");
/// The same, as the command line, run from the workspace, names it.
pub(crate) const SPEC_PATH: &str = "codegen/tests/data/resolution-939.yaml";

/// An amendment: its name (the snapshot's), what it does to the spec's text, and its verdict.
pub(crate) struct Amendment {
    pub(crate) name: &'static str,
    edits: &'static [(&'static str, &'static str)],
    /// Two blocks of the text swapped: the one from the first text up to the second, and the
    /// one from the second up to the third.
    swapped: Option<[&'static str; 3]>,
    semver: Semver,
}

pub(crate) const AMENDMENTS: &[Amendment] = &[
    Amendment {
        name: "nothing",
        edits: &[],
        semver: Semver::None,
        swapped: None,
    },
    Amendment {
        name: "required_item_added",
        edits: &[REQUIRED_ITEM_ADDED],
        semver: Semver::Major,
        swapped: None,
    },
    Amendment {
        name: "optional_item_added_first",
        edits: &[
            (
                "    fields:
      - ident: full_name
        type: FullName
        citation: { paragraph: 7, item: 1 }",
                "    fields:
      - ident: iin
        type: Iin
        citation: { paragraph: 7, item: 1 }
        kk: жеке сәйкестендіру нөмірі (бар болса)
        en: individual identification number (IIN), if the person has one
        optional: true
        condition: { kk: бар болса, en: if the person has one }
      - ident: full_name
        type: FullName
        citation: { paragraph: 7, item: 2 }",
            ),
            (
                "citation: { paragraph: 7, item: 2 }\n        kk: туған күні",
                "citation: { paragraph: 7, item: 3 }\n        kk: туған күні",
            ),
            (
                "citation: { paragraph: 7, item: 3 }\n        kk: жынысы",
                "citation: { paragraph: 7, item: 4 }\n        kk: жынысы",
            ),
            (
                "{ paragraph: 7, item: 4 }\n        kk: қолының",
                "{ paragraph: 7, item: 5 }\n        kk: қолының",
            ),
            (
                "{ paragraph: 7, item: 5 }\n        kk: азаматтығы",
                "{ paragraph: 7, item: 6 }\n        kk: азаматтығы",
            ),
            (
                "{ paragraph: 7, item: 6 }\n        kk: фотосуреті",
                "{ paragraph: 7, item: 7 }\n        kk: фотосуреті",
            ),
            (
                "{ paragraph: 7, item: 7 }\n        kk: жеке басты",
                "{ paragraph: 7, item: 8 }\n        kk: жеке басты",
            ),
            (
                "{ paragraph: 7, item: 8 }\n        kk: визаның",
                "{ paragraph: 7, item: 9 }\n        kk: визаның",
            ),
            (
                "{ paragraph: 7, item: 9 }\n        kk: дактилоскопиялық тіркеу жүргізілген",
                "{ paragraph: 7, item: 10 }\n        kk: дактилоскопиялық тіркеу жүргізілген",
            ),
            (
                "{ paragraph: 7, item: 10 }\n        kk: виза берген",
                "{ paragraph: 7, item: 11 }\n        kk: виза берген",
            ),
            (
                "{ paragraph: 7, item: 11 }\n        kk: >-\n          дактилоскопиялық тіркеуді",
                "{ paragraph: 7, item: 12 }\n        kk: >-\n          дактилоскопиялық тіркеуді",
            ),
        ],
        semver: Semver::Minor,
        swapped: None,
    },
    Amendment {
        name: "item_renamed",
        edits: &[ITEM_RENAMED],
        semver: Semver::Major,
        swapped: None,
    },
    Amendment {
        name: "item_retyped",
        edits: &[(
            "      - ident: reviewing_authority\n        type: Authority\n",
            "      - ident: reviewing_authority\n        type: Place\n",
        )],
        semver: Semver::Major,
        swapped: None,
    },
    Amendment {
        name: "item_made_optional",
        edits: &[(
            "        kk: тұрақты тұруға өтінішхатты қараған органның атауы
        en: name of the authority that considered the application for permanent residence
",
            "        kk: тұрақты тұруға өтінішхатты қараған органның атауы
        en: name of the authority that considered the application for permanent residence
        optional: true
        condition: { kk: тұрақты тұруға, en: for permanent residence }
",
        )],
        semver: Semver::Major,
        swapped: None,
    },
    Amendment {
        name: "item_removed",
        edits: &[
            (
                "      - ident: reviewing_authority
        type: Authority
        citation: { paragraph: 10, item: 12 }
        kk: тұрақты тұруға өтінішхатты қараған органның атауы
        en: name of the authority that considered the application for permanent residence
",
                "",
            ),
            (
                "  reviewing_authority: { kk_label: өтінішхатты қараған орган, en: authority that considered the application }\n",
                "",
            ),
        ],
        semver: Semver::Major,
        swapped: None,
    },
    Amendment {
        name: "texts_changed",
        edits: &[
            (
                "        en: name of the authority that considered the application for permanent residence\n",
                "        en: name of the body that considered the application for permanent residence\n",
            ),
            (
                "        kk: виза берген органның атауы\n",
                "        kk: визаны берген органның атауы\n",
            ),
            (
                "          the date until which a court has banned entry into the territory of the Republic of\n          Kazakhstan\n        reading: >-\n          The date the ban runs until",
                "          the date until which a court has banned entry into the territory of the Republic of\n          Kazakhstan\n        reading: >-\n          The day the ban runs until",
            ),
        ],
        semver: Semver::Patch,
        swapped: None,
    },
    Amendment {
        name: "list_added",
        edits: &[LIST_ADDED],
        semver: Semver::Minor,
        swapped: None,
    },
    Amendment {
        name: "list_renamed",
        edits: &[(
            "  PermanentResidenceRecord:\n",
            "  PermanentResidencePermitRecord:\n",
        )],
        semver: Semver::Major,
        swapped: None,
    },
    Amendment {
        name: "composite_part_added",
        edits: &[(
            "      - ident: postal_code\n",
            "      - ident: landmark
        type: AddressLine
        kk_label: бағдар
        en: landmark
        optional: true
      - ident: postal_code\n",
        )],
        semver: Semver::Major,
        swapped: None,
    },
    Amendment {
        name: "act_publication_known",
        edits: &[(
            "    # The day of first official publication is not in the sources; see spec/sources/README.md.\n    published: null\n",
            "    published: 2024-11-12\n",
        )],
        semver: Semver::Patch,
        swapped: None,
    },
    Amendment {
        name: "required_items_reordered",
        edits: &[(
            "      - ident: birth_date
        type: BirthDate
        data: [date_of_birth]
        citation: { paragraph: 7, item: 2 }
        kk: туған күні
        en: date of birth
      - ident: sex
        type: Sex
        citation: { paragraph: 7, item: 3 }
        kk: жынысы
        en: sex
",
            "      - ident: sex
        type: Sex
        citation: { paragraph: 7, item: 2 }
        kk: жынысы
        en: sex
      - ident: birth_date
        type: BirthDate
        data: [date_of_birth]
        citation: { paragraph: 7, item: 3 }
        kk: туған күні
        en: date of birth
",
        )],
        semver: Semver::Major,
        swapped: None,
    },
    Amendment {
        name: "names_of_two_items_swapped",
        edits: &[
            (
                "      - ident: full_name\n        type: FullName\n        citation: { paragraph: 7, item: 1 }",
                "      - ident: registering_officer\n        type: FullName\n        citation: { paragraph: 7, item: 1 }",
            ),
            (
                "      - ident: registering_officer\n        type: FullName\n        example: 'FullName { surname: Name::new(\"Ахметов\")?, given_name: Some(Name::new(\"Нұрлан\")?), patronymic: Some(Name::new(\"Серікұлы\")?) }'\n        citation: { paragraph: 7, item: 11 }",
                "      - ident: full_name\n        type: FullName\n        example: 'FullName { surname: Name::new(\"Ахметов\")?, given_name: Some(Name::new(\"Нұрлан\")?), patronymic: Some(Name::new(\"Серікұлы\")?) }'\n        citation: { paragraph: 7, item: 11 }",
            ),
        ],
        semver: Semver::Major,
        swapped: None,
    },
    Amendment {
        name: "lists_reordered",
        edits: &[],
        swapped: Some([
            "  IdentityDocumentRecord:\n",
            "  VisaRecord:\n",
            "  TemporaryResidenceRecord:\n",
        ]),
        semver: Semver::Patch,
    },
    Amendment {
        name: "composite_parts_reordered",
        edits: &[],
        swapped: Some([
            "      - ident: region\n",
            "      - ident: district\n",
            "      - ident: locality\n",
        ]),
        semver: Semver::Patch,
    },
    Amendment {
        name: "checked_composite_parts_reordered",
        edits: &[],
        swapped: Some([
            "      - ident: number\n        type: DocumentNumber\n        kk: нөмірі\n",
            "      - ident: issued_on\n        type: Date\n        kk: берілген күні\n        en: date of issue\n        example: Date::new(2024, 12, 2)?\n",
            "      - ident: valid_until\n        type: Date\n        kk: қолданылу мерзімі\n        en: end of the period of validity\n        example: Date::new(2034, 12, 1)?\n",
        ]),
        semver: Semver::Major,
    },
    Amendment {
        name: "value_exported_anyway_named",
        edits: &[(
            "values:\n  Name:\n",
            "values:\n  ImageFormat:\n    en: The format of an image.\n    example: ImageFormat::Jpeg\n  Name:\n",
        )],
        semver: Semver::Patch,
        swapped: None,
    },
    Amendment {
        name: "data_row_text_changed",
        edits: &[(
            "  photo: { kk: фотосуреті, en: photograph }",
            "  photo: { kk: фотосуреті, en: photograph of the face }",
        )],
        semver: Semver::Patch,
        swapped: None,
    },
    Amendment {
        name: "data_rows_reordered",
        edits: &[(
            "  citizenship: { kk: азаматтығы, en: citizenship }\n  photo: { kk: фотосуреті, en: photograph }\n",
            "  photo: { kk: фотосуреті, en: photograph }\n  citizenship: { kk: азаматтығы, en: citizenship }\n",
        )],
        semver: Semver::Patch,
        swapped: None,
    },
    Amendment {
        name: "reference_registration_changed",
        edits: &[("      registration: 35161\n", "      registration: 35162\n")],
        semver: Semver::Patch,
        swapped: None,
    },
    Amendment {
        name: "value_example_changed",
        edits: &[(
            "    example: DocumentNumber::new(\"N12345678\")?",
            "    example: DocumentNumber::new(\"N1234567\")?",
        )],
        semver: Semver::Patch,
        swapped: None,
    },
];

/// The frozen spec with `amendment` made.
pub(crate) fn amended(amendment: &Amendment) -> String {
    let mut text = SPEC.to_owned();
    for (old, new) in amendment.edits {
        assert_eq!(
            text.matches(old).count(),
            1,
            "{}: the spec does not hold this once:\n{old}",
            amendment.name
        );
        text = text.replace(old, new);
    }
    if let Some(markers) = amendment.swapped {
        let [first, second, end] = markers.map(|marker| {
            assert_eq!(text.matches(marker).count(), 1, "{marker}");
            text.find(marker).unwrap()
        });
        text = [
            &text[..first],
            &text[second..end],
            &text[first..second],
            &text[end..],
        ]
        .concat();
    }
    text
}

#[test]
fn each_amendment_has_its_verdict_and_report() {
    let older = Spec::parse(SPEC, SPEC_PATH).unwrap();
    for amendment in AMENDMENTS {
        let newer = Spec::parse(&amended(amendment), "amended.yaml")
            .unwrap_or_else(|error| panic!("{}: {error}", amendment.name));
        let diff = older.diff(&newer);
        assert_eq!(diff.semver(), amendment.semver, "{}", amendment.name);
        let text = diff.render(Format::Text);
        assert!(
            text.ends_with(&format!("semver: {}\n", amendment.semver)),
            "{text}"
        );
        insta::assert_snapshot!(amendment.name, text);
    }
}

#[test]
fn the_verdict_of_a_change_reversed_is_as_large_for_a_removal() {
    // Adding a required item is major, and so is taking it away; adding an optional item is
    // minor, taking it away major.
    let base = Spec::parse(SPEC, "base.yaml").unwrap();
    for amendment in AMENDMENTS.iter().filter(|a| a.semver >= Semver::Minor) {
        let newer = Spec::parse(&amended(amendment), "amended.yaml").unwrap();
        assert_eq!(
            newer.diff(&base).semver(),
            Semver::Major,
            "{} reversed",
            amendment.name
        );
    }
}

#[test]
fn markdown_reports_group_changes_as_a_changelog_does() {
    let older = Spec::parse(SPEC, "old.yaml").unwrap();
    let amendment = AMENDMENTS
        .iter()
        .find(|amendment| amendment.name == "optional_item_added_first")
        .unwrap();
    let newer = Spec::parse(&amended(amendment), "new.yaml").unwrap();
    let markdown = older.diff(&newer).render(Format::Markdown);
    insta::assert_snapshot!("markdown", markdown);
    let added = markdown.find("### Added").unwrap();
    let changed = markdown.find("### Changed").unwrap();
    assert!(added < changed);
    assert!(!markdown.contains("### Removed"));
    assert!(markdown.ends_with("semver: minor\n"));
}

fn run(args: &[&str]) -> (i32, String, String) {
    let output = crate::support::files::generator()
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .output()
        .unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn the_command_line_reports_and_exits_as_documented() {
    let scratch = tempfile::tempdir().unwrap();
    let amendment = &AMENDMENTS[1];
    let amended_path = scratch.path().join("amended.yaml");
    std::fs::write(&amended_path, amended(amendment)).unwrap();
    let amended_path = amended_path.to_str().unwrap();

    let (code, stdout, _) = run(&["diff", SPEC_PATH, amended_path]);
    assert_eq!(code, 0);
    assert!(stdout.contains("`VisaRecord.purpose_of_visit` (paragraph 7, subparagraph 12) added as required: every `VisaRecordBuilder::build()` call must now set it"), "{stdout}");
    assert!(stdout.ends_with("semver: major\n"), "{stdout}");

    let (code, stdout, _) = run(&["diff", SPEC_PATH, SPEC_PATH, "--format", "markdown"]);
    assert_eq!((code, stdout.as_str()), (0, "No change.\n\nsemver: none\n"));

    // Both specs are checked, and each problem located.
    let (code, stdout, stderr) = run(&[
        "diff",
        "tests/bad-specs/13-missing-kazakh-text.yaml",
        "tests/bad-specs/09-unknown-key-optinal.yaml",
    ]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert!(
        stderr.contains("--> tests/bad-specs/13-missing-kazakh-text.yaml:"),
        "{stderr}"
    );
    assert!(
        stderr.contains("--> tests/bad-specs/09-unknown-key-optinal.yaml:"),
        "{stderr}"
    );

    let (code, _, stderr) = run(&["diff", "spec/absent.yaml", SPEC_PATH]);
    assert_eq!(code, 3);
    assert!(stderr.contains("spec/absent.yaml"), "{stderr}");
}

/// The live spec, which exports its records as ANSI/NIST-ITL transactions.
const LIVE: &str = include_str!("../../../spec/resolution-939.yaml");

#[test]
fn a_changed_field_number_or_domain_breaks_receivers_and_is_major() {
    let older = Spec::parse(LIVE, "spec/resolution-939.yaml").unwrap();
    let changed = |from: &str, to: &str| {
        assert_eq!(LIVE.matches(from).count(), 1, "{from}");
        let newer = Spec::parse(&LIVE.replacen(from, to, 1), "amended.yaml").unwrap();
        older.diff(&newer)
    };
    let diff = changed(
        "paragraph: 6, item: 1 }\n        nist: { surname: 2.011, given_name: 2.012,",
        "paragraph: 6, item: 1 }\n        nist: { surname: 2.012, given_name: 2.011,",
    );
    assert_eq!(diff.semver(), Semver::Major);
    let whats: Vec<&str> = diff
        .changes()
        .iter()
        .map(|change| change.what.as_str())
        .collect();
    assert_eq!(
        whats,
        [
            "`IdentityDocumentRecord.full_name.given_name` moved from Type-2 field 2.012 to 2.011: receivers of old transactions read it from the wrong field, and `from_nist` refuses old transactions",
            "`IdentityDocumentRecord.full_name.surname` moved from Type-2 field 2.011 to 2.012: receivers of old transactions read it from the wrong field, and `from_nist` refuses old transactions",
        ]
    );
    let diff = changed("  version: \"1.0\"\n", "  version: \"1.1\"\n");
    assert_eq!(diff.semver(), Semver::Major);
    assert!(diff.changes()[0].what.starts_with(
        "the transactions' domain (1.013 DOM) changed from KZ-DACTYLO-939 1.0 to KZ-DACTYLO-939 1.1"
    ));
}

#[test]
fn exporting_transactions_adds_and_stopping_removes() {
    let with = Spec::parse(LIVE, "spec/resolution-939.yaml").unwrap();
    // Every `nist:` mapping left out, with the lines a flow mapping continues on.
    let mut open_braces = 0i32;
    let without_text: String = LIVE
        .lines()
        .take_while(|line| !line.starts_with("# The records' ANSI/NIST-ITL"))
        .filter(|line| {
            let mapping = open_braces > 0 || line.trim_start().starts_with("nist:");
            if mapping {
                open_braces += line.matches('{').count() as i32 - line.matches('}').count() as i32;
            }
            !mapping
        })
        .map(|line| format!("{line}\n"))
        .collect();
    let without = Spec::parse(&without_text, "without.yaml").unwrap();
    let added = without.diff(&with);
    assert_eq!(added.semver(), Semver::Minor);
    assert!(added.changes()[0].what.starts_with(
        "ANSI/NIST-ITL transactions (domain KZ-DACTYLO-939, version 1.0): every record gains"
    ));
    assert_eq!(with.diff(&without).semver(), Semver::Major);
}

#[test]
fn a_value_schema_tightened_since_the_release_is_major() {
    let spec = Spec::parse(SPEC, SPEC_PATH).unwrap();
    let released = tempfile::tempdir().unwrap();
    let dir = released.path().to_str().unwrap();
    let write = |adjust: &dyn Fn(&mut serde_json::Value)| {
        for schema in spec.record_schemas().unwrap() {
            let mut json = schema.schema;
            adjust(&mut json);
            std::fs::write(released.path().join(&schema.file), json.to_string()).unwrap();
        }
    };

    write(&|_| {});
    let (code, stdout, _) = run(&["diff", SPEC_PATH, SPEC_PATH, "--released-schemas", dir]);
    assert_eq!((code, stdout.as_str()), (0, "No change.\n\nsemver: none\n"));

    // The release allowed longer document numbers than the newer value type does.
    write(&|json| json["$defs"]["DocumentNumber"]["maxLength"] = 40.into());
    let (code, stdout, _) = run(&["diff", SPEC_PATH, SPEC_PATH, "--released-schemas", dir]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains(
            "The JSON Schema of `VisaRecord` (`visa_record.schema.json`):\n  - what its \
             validators read changed at `/$defs/DocumentNumber/maxLength`: it may refuse JSON \
             the older one accepted"
        ),
        "{stdout}"
    );
    assert!(stdout.ends_with("semver: major\n"), "{stdout}");

    // It allowed only shorter ones: the newer accepts more.
    write(&|json| json["$defs"]["DocumentNumber"]["maxLength"] = 9.into());
    let (_, stdout, _) = run(&["diff", SPEC_PATH, SPEC_PATH, "--released-schemas", dir]);
    assert!(stdout.ends_with("semver: minor\n"), "{stdout}");

    std::fs::remove_file(released.path().join("visa_record.schema.json")).unwrap();
    let (code, _, stderr) = run(&["diff", SPEC_PATH, SPEC_PATH, "--released-schemas", dir]);
    assert_eq!(code, 3);
    assert!(stderr.contains("visa_record.schema.json"), "{stderr}");
}
