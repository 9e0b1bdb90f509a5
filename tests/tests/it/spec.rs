//! The spec says what the act says: the lists of paragraphs 6 to 10 item for item, only the
//! text's own conditions optional (or a reading written down), every `kk` text taken verbatim
//! from the official text, and the act's whole provenance.

use dactylo_codegen::Spec;
use dactylo_codegen::model::{Citation, Force, Model, Presence, Record, Status, TypeRef};

const SPEC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/resolution-939.yaml");
const OFFICIAL_TEXT: &str = include_str!("../../../spec/sources/resolution-939.kk.txt");
const SOURCES_README: &str = include_str!("../../../spec/sources/README.md");

struct List {
    paragraph: u32,
    record: &'static str,
    /// The fields, one a numbered item, in the text's order.
    fields: &'static [&'static str],
    /// The items the text itself makes conditional.
    optional_items: &'static [u32],
}

/// The lists as counted in the official text (and named in the project's contract).
const LISTS: [List; 5] = [
    List {
        paragraph: 6,
        record: "IdentityDocumentRecord",
        fields: &[
            "full_name",
            "birth",
            "sex",
            "ethnicity",
            "citizenship",
            "photo",
            "fingerprints",
            "identity_document",
            "signature",
            "iin",
            "registration",
            "issuing_authority",
            "registering_officer",
        ],
        optional_items: &[4, 10],
    },
    List {
        paragraph: 7,
        record: "VisaRecord",
        fields: &[
            "full_name",
            "birth_date",
            "sex",
            "fingerprints",
            "citizenship",
            "photo",
            "identity_document",
            "visa",
            "registration",
            "issuing_authority",
            "registering_officer",
        ],
        optional_items: &[],
    },
    List {
        paragraph: 8,
        record: "TemporaryResidenceRecord",
        fields: &[
            "full_name",
            "birth_date",
            "sex",
            "fingerprints_and_palms",
            "citizenship",
            "photo",
            "residence_abroad",
            "temporary_residence",
            "receiving_party_address",
            "identity_document",
            "registration",
            "registering_officer",
        ],
        optional_items: &[],
    },
    List {
        paragraph: 9,
        record: "ExpulsionOrReadmissionRecord",
        fields: &[
            "full_name",
            "birth_date",
            "sex",
            "fingerprints_and_palms",
            "citizenship",
            "photo",
            "identity_document",
            "registration",
            "registering_officer",
            "expulsion",
            "entry_banned_until",
        ],
        optional_items: &[],
    },
    List {
        paragraph: 10,
        record: "PermanentResidenceRecord",
        fields: &[
            "full_name",
            "birth_date",
            "sex",
            "fingerprints_and_palms",
            "citizenship",
            "photo",
            "identity_document",
            "registration",
            "registering_officer",
            "prior_permits",
            "intended_permanent_address",
            "reviewing_authority",
        ],
        optional_items: &[],
    },
];

fn model() -> Model {
    Spec::load(SPEC).expect("the spec is valid").model().clone()
}

fn record<'a>(model: &'a Model, name: &str) -> &'a Record {
    model
        .records
        .iter()
        .find(|record| record.name == name)
        .unwrap_or_else(|| panic!("the spec has no record `{name}`"))
}

/// What to do when the spec and the lists pinned here part: the one place that names items.
const UPDATE: &str = "the spec and the act's lists pinned in `LISTS` (tests/tests/spec.rs) \
                      differ: if the law changed, change `LISTS` to the act's new lists; if not, \
                      the spec has strayed from the act";

/// `what` pinned against `what` in the spec, with what to do when they differ.
fn pinned<T: PartialEq + std::fmt::Debug + ?Sized>(what: &str, spec: &T, pinned: &T) {
    assert!(
        spec == pinned,
        "{what}: the spec has\n  {spec:?}\nwhere the act has\n  {pinned:?}\n{UPDATE}"
    );
}

#[test]
fn each_list_has_its_items_in_the_texts_order() {
    let model = model();
    let names: Vec<&str> = model
        .records
        .iter()
        .map(|record| record.name.as_str())
        .collect();
    pinned("the lists", &names[..], &LISTS.map(|list| list.record)[..]);
    let total: usize = model.records.iter().map(|record| record.fields.len()).sum();
    let pinned_total: usize = LISTS.iter().map(|list| list.fields.len()).sum();
    pinned("the items of all the lists", &total, &pinned_total);
    assert_eq!(
        pinned_total, 59,
        "the five lists of the act hold 59 items in all"
    );

    for list in &LISTS {
        let record = record(&model, list.record);
        pinned(
            &format!("the paragraph of `{}`", list.record),
            &record.paragraph,
            &list.paragraph,
        );
        let fields: Vec<&str> = record
            .fields
            .iter()
            .map(|f| f.member.ident.as_str())
            .collect();
        pinned(
            &format!("the items of `{}`", list.record),
            &fields[..],
            list.fields,
        );
        for (index, field) in record.fields.iter().enumerate() {
            assert_eq!(
                field.citation.paragraph, list.paragraph,
                "{}",
                field.member.ident
            );
            assert_eq!(
                field.citation.item as usize,
                index + 1,
                "{}",
                field.member.ident
            );
        }
    }
}

#[test]
fn only_the_items_the_text_makes_conditional_are_optional() {
    let model = model();
    for list in &LISTS {
        let optional: Vec<u32> = record(&model, list.record)
            .fields
            .iter()
            .filter(|field| !field.member.is_required())
            .map(|field| field.citation.item)
            .collect();
        pinned(
            &format!("the optional items of `{}`", list.record),
            &optional[..],
            list.optional_items,
        );
    }
}

#[test]
fn a_composites_part_is_optional_only_where_the_text_or_a_reading_says_so() {
    let model = model();
    for record in &model.records {
        for ident in ["full_name", "registering_officer"] {
            let field = record
                .fields
                .iter()
                .find(|f| f.member.ident == ident)
                .unwrap_or_else(|| {
                    panic!(
                        "`{}` has no `{ident}`, which every list of the act has; {UPDATE}",
                        record.name
                    )
                });
            assert_eq!(
                field.member.ty,
                TypeRef::Composite("FullName".into()),
                "{}",
                record.name
            );
        }
    }
    for composite in &model.composites {
        for part in &composite.parts {
            let at = format!("{}.{}", composite.name, part.ident);
            let conditional_in_the_text =
                matches!(&part.presence, Presence::Optional { condition: Some(_) });
            let expected_optional = match composite.name.as_str() {
                // The patronymic by the text's condition; the given name by the reading for
                // persons with one name.
                "FullName" => part.ident != "surname",
                // An address's lines beyond country and locality depend on the address itself.
                "Address" => !matches!(part.ident.as_str(), "country" | "locality"),
                // The text names the kind of court act, and no detail of it.
                "CourtAct" => part.ident != "kind",
                // A visa and a temporary residence permit, at least one of them.
                "PriorPermits" => true,
                _ => false,
            };
            assert_eq!(!part.is_required(), expected_optional, "{at}");
            assert_eq!(conditional_in_the_text, at == "FullName.patronymic", "{at}");
            // An optional part the text makes no condition of is a reading, written down.
            let explained = conditional_in_the_text
                || part.reading.is_some()
                || composite.reading.is_some()
                || composite.name == "Address";
            assert!(
                part.is_required() || explained,
                "{at}: optional without a reading"
            );
        }
    }
    let prior = model.composite("PriorPermits").unwrap();
    assert_eq!(
        prior.at_least_one_of,
        ["visa", "temporary_residence_permit"]
    );
    assert!(!prior.texts.en.contains(" or "), "{}", prior.texts.en);
}

/// Whitespace in the official text is page layout: lines are broken anywhere, even just after
/// an opening parenthesis.
fn normalized(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("( ", "(")
        .replace(" )", ")")
}

/// The repairs of `spec/sources/README.md`: each passage the PDF's text layer displaced, as
/// extracted and as the act reads.
fn repairs() -> Vec<(String, String)> {
    let table = SOURCES_README
        .split("| As extracted | As the act reads |")
        .nth(1)
        .expect("spec/sources/README.md has the table of repairs");
    table
        .lines()
        .skip(2)
        .take_while(|line| line.starts_with('|'))
        .map(|row| {
            let cells: Vec<&str> = row.split('|').map(str::trim).collect();
            let code = |cell: &str| cell.trim_matches('`').to_owned();
            (code(cells[1]), code(cells[2]))
        })
        .collect()
}

/// The official text, normalized, with the displaced passages put back in place.
fn official_text() -> String {
    let mut text = normalized(OFFICIAL_TEXT);
    for (extracted, reads) in repairs() {
        assert_eq!(
            text.matches(&extracted).count(),
            1,
            "the official text no longer holds «{extracted}» once, as spec/sources/README.md says"
        );
        text = text.replace(&extracted, &reads);
    }
    text
}

/// Whether `quote` occurs in `text` with no letter or digit on either side.
fn quotes_at_word_boundaries(text: &str, quote: &str) -> bool {
    text.match_indices(quote).any(|(start, _)| {
        let before = text[..start].chars().next_back();
        let after = text[start + quote.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The official text of paragraph `number`: from its number to the next paragraph's.
fn paragraph(official: &str, number: u32) -> &str {
    let start = official
        .find(&format!(" {number}. "))
        .unwrap_or_else(|| panic!("the official text has no paragraph {number}"));
    let rest = &official[start + 1..];
    let end = rest
        .find(&format!(" {}. ", number + 1))
        .unwrap_or(rest.len());
    &rest[..end]
}

#[test]
fn each_lead_in_opens_its_paragraph() {
    let model = model();
    let official = normalized(OFFICIAL_TEXT);
    for record in &model.records {
        let opening = format!("{}. {}", record.paragraph, normalized(&record.lead_in.kk));
        let paragraph = paragraph(&official, record.paragraph);
        assert!(
            paragraph.starts_with(&opening),
            "{}: «{opening}»",
            record.name
        );
    }
}

#[test]
fn each_items_kazakh_text_is_its_numbered_item_verbatim() {
    let model = model();
    let official = normalized(OFFICIAL_TEXT);
    for record in &model.records {
        let paragraph = paragraph(&official, record.paragraph);
        for field in &record.fields {
            let at = format!("{}.{}", record.name, field.member.ident);
            let text = normalized(&field.member.texts.kk);
            let item = field.citation.item;
            // Items end with `;`, the last one with `.`.
            let found = [';', '.']
                .iter()
                .any(|end| paragraph.contains(&format!(" {item}) {text}{end}")));
            assert!(
                found,
                "{at}: «{item}) {text}» is not an item of the official text"
            );
            if let Presence::Optional { condition } = &field.member.presence {
                let condition = condition
                    .as_ref()
                    .expect("an optional item quotes its condition");
                let condition = normalized(&condition.kk);
                assert!(
                    text.contains(&condition),
                    "{at}: «{condition}» is not in the item"
                );
            }
        }
    }
}

#[test]
fn the_repairs_of_the_extraction_are_found_as_extracted() {
    let repairs = repairs();
    assert_eq!(repairs.len(), 5);
    let repaired = official_text();
    for (extracted, reads) in &repairs {
        assert_ne!(extracted, reads);
        // A repair moves words; it adds or drops none.
        let mut extracted_words: Vec<&str> = extracted.split([' ', ',']).collect();
        let mut read_words: Vec<&str> = reads.split([' ', ',']).collect();
        extracted_words.retain(|word| !word.is_empty());
        read_words.retain(|word| !word.is_empty());
        let joined = |words: &mut Vec<&str>| {
            let mut characters: Vec<char> = words.concat().chars().collect();
            characters.sort_unstable();
            characters
        };
        assert_eq!(
            joined(&mut extracted_words),
            joined(&mut read_words),
            "{reads}"
        );
        assert!(repaired.contains(reads.as_str()), "{reads}");
    }
}

#[test]
fn every_kk_quotes_the_official_text_and_every_label_is_the_projects_own() {
    let model = model();
    let official = official_text();
    // Every item and every lead-in quotes the act, at the least.
    let items_and_lead_ins: usize = model
        .records
        .iter()
        .map(|record| record.fields.len() + 1)
        .sum();
    let mut quotes = 0;
    for (path, texts) in model.texts() {
        let kk = normalized(&texts.kk);
        if texts.quotes_the_act {
            quotes += 1;
            assert!(
                quotes_at_word_boundaries(&official, &kk),
                "{path}.kk: «{kk}» is not in the official text, word for word"
            );
        } else if !kk.contains('{') {
            // A label the act does say, word for word, belongs under `kk`.
            assert!(
                !quotes_at_word_boundaries(&official, &kk),
                "{path}.kk_label: «{kk}» is the act's own words: write it under `kk`"
            );
        }
    }
    assert!(quotes > items_and_lead_ins, "{quotes} quotations");
}

#[test]
fn a_quotation_must_be_whole_words_of_the_text() {
    let official = official_text();
    // «ел» (country) is in «елді», but is no word of the text.
    assert!(official.contains("ел"));
    assert!(!quotes_at_word_boundaries(&official, "ел"));
    assert!(quotes_at_word_boundaries(&official, "жынысы"));
    assert!(!quotes_at_word_boundaries(&official, "туған жері"));
    assert!(quotes_at_word_boundaries(
        &official,
        "Заңының 12-бабына сәйкес Қазақстан Республикасының Үкіметі"
    ));
}

#[test]
fn the_act_has_its_whole_provenance() {
    let act = model().act;
    assert_eq!(act.number, 939);
    assert_eq!(act.date.to_string(), "2024-11-08");
    assert_eq!(act.name(), "Resolution No. 939 of 2024-11-08");
    assert_eq!(act.issuer.kk, "Қазақстан Республикасының Үкіметі");
    assert!(act.signatory.en.contains("Prime Minister"));
    assert!(act.signatory.kk.ends_with("О. Бектенов"));
    assert!(act.legal_basis.en.contains("Article 12"));
    assert!(act.legal_basis.kk.contains("12-бабына"));

    assert_eq!(act.in_force.paragraph, Some(2));
    assert_eq!(
        act.in_force.from,
        Force::AfterPublication {
            days: 10,
            published: None
        }
    );
    assert_eq!(
        act.in_force.from.earliest_first_day(act.date).to_string(),
        "2024-11-19"
    );

    let cited = act.cite(Citation {
        paragraph: 6,
        item: 1,
    });
    assert_eq!(
        cited.en,
        "Rules approved by Resolution No. 939, paragraph 6, subparagraph 1)"
    );
    assert_eq!(cited.kk, "Қағидалардың 6-тармағының 1) тармақшасы");
    assert_eq!(act.cite_paragraph(9).kk, "Қағидалардың 9-тармағы");

    let [order] = act.references.as_slice() else {
        panic!("one act referred to: {:?}", act.references)
    };
    assert_eq!(
        (
            order.paragraph,
            order.number,
            order.date.to_string(),
            order.registration
        ),
        (5, 730, "2024-09-30".to_owned(), Some(35161))
    );

    let Status::Repealed {
        by_number,
        by_date,
        takes_effect,
        stated,
    } = act.status
    else {
        panic!("Resolution No. 939 was repealed by No. 829")
    };
    assert_eq!(
        (by_number, by_date.to_string()),
        (829, "2025-10-08".to_owned())
    );
    // The official text is marked «Күшін жойған» (repealed), and was read by this day.
    assert!(OFFICIAL_TEXT.contains("Күшін жойған"));
    assert_eq!(
        stated.map(|stated| stated.on.to_string()),
        Some("2026-11-25".to_owned())
    );
    assert_eq!(
        takes_effect.from,
        Force::AfterPublication {
            days: 10,
            published: None
        }
    );
    // The repeal did not take effect on the day No. 829 was adopted.
    assert_eq!(
        takes_effect.from.earliest_first_day(by_date).to_string(),
        "2025-10-19"
    );
    assert_eq!(takes_effect.from.first_day(), None);

    // The same, as the generated crate's data.
    let day = |text: &str| {
        dactylo_records::Date::new(
            text[..4].parse().unwrap(),
            text[5..7].parse().unwrap(),
            text[8..].parse().unwrap(),
        )
        .unwrap()
    };
    let act = dactylo_records::ACT;
    assert_eq!(act.earliest_first_day(), day("2024-11-19"));
    assert_eq!(act.earliest_last_day(), Some(day("2025-10-18")));
    assert_eq!(
        act.applied_on(day("2024-11-18")),
        dactylo_records::Applied::No
    );
    assert_eq!(
        act.applied_on(day("2025-10-08")),
        dactylo_records::Applied::Unknown
    );
}

#[test]
fn a_known_publication_day_gives_the_exact_first_day() {
    let published = "2024-11-12".parse().unwrap();
    let force = Force::AfterPublication {
        days: 10,
        published: Some(published),
    };
    // Ten calendar days pass on the 13th to the 22nd; the act applies from the 23rd.
    assert_eq!(force.first_day().unwrap().to_string(), "2024-11-23");
    assert_eq!(
        force.earliest_first_day("2024-11-08".parse().unwrap()),
        force.first_day().unwrap()
    );
}

#[test]
fn the_readings_a_lawyer_needs_are_in_the_spec() {
    let model = model();
    let record = |name: &str| record(&model, name);
    let field = |record_name: &str, ident: &str| {
        record(record_name)
            .fields
            .iter()
            .find(|field| field.member.ident == ident)
            .unwrap()
            .member
            .reading
            .clone()
            .unwrap_or_else(|| panic!("{record_name}.{ident} has no reading"))
    };
    let part = |composite: &str, ident: &str| {
        model
            .composite(composite)
            .unwrap()
            .parts
            .iter()
            .find(|part| part.ident == ident)
            .unwrap()
            .reading
            .clone()
            .unwrap_or_else(|| panic!("{composite}.{ident} has no reading"))
    };
    let expulsion = record("ExpulsionOrReadmissionRecord")
        .reading
        .clone()
        .unwrap();
    assert!(expulsion.contains("readmission"), "{expulsion}");
    assert!(field("ExpulsionOrReadmissionRecord", "registering_officer").contains("order"));
    assert!(field("ExpulsionOrReadmissionRecord", "expulsion").contains("readmission"));
    assert!(field("ExpulsionOrReadmissionRecord", "entry_banned_until").contains("өткенге дейін"));
    assert!(field("PermanentResidenceRecord", "fingerprints_and_palms").contains("екі қолы"));
    assert!(field("PermanentResidenceRecord", "identity_document").contains("date of issue"));
    assert!(part("FullName", "given_name").contains("ICAO"));
    assert!(part("IdentityDocument", "valid_until").contains("қолданылу мерзімі"));
    assert!(part("IdentityDocument", "valid_until").contains("without an end of validity"));
    for composite in ["PriorPermits", "CourtAct"] {
        assert!(
            model.composite(composite).unwrap().reading.is_some(),
            "{composite}"
        );
    }
    let ban = model
        .data
        .iter()
        .find(|datum| datum.key == "entry_ban")
        .unwrap();
    assert!(
        ban.texts.kk.starts_with("өткенге дейін"),
        "{}",
        ban.texts.kk
    );
    assert!(ban.texts.en.contains("until"), "{}", ban.texts.en);
}
