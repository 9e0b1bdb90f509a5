//! The spec says what the act says: the lists of paragraphs 6 to 10 item for item, only the
//! text's own conditions optional, and every Kazakh text taken verbatim from the official text.

use dactylo_codegen::Spec;
use dactylo_codegen::model::{Model, Presence, Record, Status, TypeRef};

const SPEC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/resolution-939.yaml");
const OFFICIAL_TEXT: &str = include_str!("../../spec/sources/resolution-939.kk.txt");

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
            "visa_or_temporary_permit",
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

#[test]
fn each_list_has_its_items_in_the_texts_order() {
    let model = model();
    let names: Vec<&str> = model
        .records
        .iter()
        .map(|record| record.name.as_str())
        .collect();
    assert_eq!(names, LISTS.map(|list| list.record));
    let total: usize = model.records.iter().map(|record| record.fields.len()).sum();
    assert_eq!(total, 59, "the five lists hold 59 items in all");

    for list in &LISTS {
        let record = record(&model, list.record);
        assert_eq!(record.paragraph, list.paragraph, "{}", list.record);
        let fields: Vec<&str> = record
            .fields
            .iter()
            .map(|f| f.member.ident.as_str())
            .collect();
        assert_eq!(fields, list.fields, "{}", list.record);
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
        assert_eq!(optional, list.optional_items, "{}", list.record);
    }
}

#[test]
fn the_patronymic_is_optional_in_every_full_name() {
    let model = model();
    let full_name = model
        .composites
        .iter()
        .find(|composite| composite.name == "FullName")
        .expect("a FullName composite");
    let presence: Vec<(&str, bool)> = full_name
        .parts
        .iter()
        .map(|part| (part.ident.as_str(), part.is_required()))
        .collect();
    assert_eq!(
        presence,
        [
            ("surname", true),
            ("given_name", true),
            ("patronymic", false)
        ]
    );

    for record in &model.records {
        for ident in ["full_name", "registering_officer"] {
            let field = record
                .fields
                .iter()
                .find(|f| f.member.ident == ident)
                .unwrap();
            assert_eq!(
                field.member.ty,
                TypeRef::Composite("FullName".into()),
                "{}",
                record.name
            );
        }
    }
    // The bundles the text names have every datum required but the patronymic; only an
    // address's lines beyond country and locality depend on the address itself.
    for composite in &model.composites {
        for part in &composite.parts {
            let conditional_in_the_text =
                matches!(&part.presence, Presence::Optional { condition: Some(_) });
            let expected_optional = match composite.name.as_str() {
                "FullName" => part.ident == "patronymic",
                "Address" => !matches!(part.ident.as_str(), "country" | "locality"),
                _ => false,
            };
            let at = format!("{}.{}", composite.name, part.ident);
            assert_eq!(!part.is_required(), expected_optional, "{at}");
            assert_eq!(conditional_in_the_text, at == "FullName.patronymic", "{at}");
        }
    }
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
fn the_title_and_composite_texts_are_quoted_from_the_official_text() {
    let model = model();
    let official = normalized(OFFICIAL_TEXT);
    assert!(
        official.contains(&normalized(&model.act.title.kk)),
        "act.title"
    );
    for composite in &model.composites {
        let text = normalized(&composite.texts.kk);
        assert!(official.contains(&text), "{}: «{text}»", composite.name);
    }
}

#[test]
fn the_act_is_resolution_939_repealed_by_829() {
    let act = model().act;
    assert_eq!(act.number, 939);
    assert_eq!(act.date.to_string(), "2024-11-08");
    assert_eq!(act.short_name(), "Resolution 939");
    assert!(act.legal_basis.en.contains("Article 12"));
    assert!(act.legal_basis.kk.contains("12-бабы"));
    match act.status {
        Status::Repealed { by_number, by_date } => {
            assert_eq!(by_number, 829);
            assert_eq!(by_date.to_string(), "2025-10-08");
        }
        Status::InForce => panic!("Resolution 939 was repealed by No. 829"),
    }
}
