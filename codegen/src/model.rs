//! The checked spec: every name valid, every type reference resolved, every citation in place.
//!
//! Emission reads only this model, so it never has to handle a spec that is wrong.

use jiff::civil::Date;

/// A checked spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Model {
    /// The act whose lists this is.
    pub act: Act,
    /// The distinct data the lists hold, in spec order: the rows of the matrix that compares the
    /// lists. Empty when the spec declares none.
    pub data: Vec<Datum>,
    /// Value types written by hand in the generated crate, in spec order.
    pub values: Vec<ValueType>,
    /// Types generated for items that bundle several data, in spec order.
    pub composites: Vec<Composite>,
    /// The lists, one record a paragraph, in spec order.
    pub records: Vec<Record>,
    /// The ANSI/NIST-ITL domain of the records' transactions, when the spec exports them: then
    /// every record field that is not an image has its [`Field::nist`] mapping.
    pub nist: Option<NistDomain>,
}

/// The domain of a transaction's Type-2 record, written in field 1.013 DOM.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NistDomain {
    /// The domain's name (DNM).
    pub name: String,
    /// The domain's version (DVN).
    pub version: String,
}

/// Where a record field's value travels in the Type-2 record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NistMapping {
    /// A value, in the Type-2 field of this number (`31` for field 2.031).
    Field(u32),
    /// A composite, each part in its own mapping, in the order of the composite's parts.
    Parts(Vec<(String, NistMapping)>),
}

impl NistMapping {
    /// Every field number of the mapping, with the path of its part from the field (`surname`,
    /// `visa.issued_on`; empty for a value), in part order.
    pub fn fields(&self) -> Vec<(String, u32)> {
        let mut fields = Vec::new();
        self.collect("", &mut fields);
        fields
    }

    fn collect(&self, prefix: &str, fields: &mut Vec<(String, u32)>) {
        match self {
            NistMapping::Field(number) => fields.push((prefix.to_owned(), *number)),
            NistMapping::Parts(parts) => {
                for (part, mapping) in parts {
                    let path = if prefix.is_empty() {
                        part.clone()
                    } else {
                        format!("{prefix}.{part}")
                    };
                    mapping.collect(&path, fields);
                }
            }
        }
    }

    /// The mapping of the part `part`.
    pub fn part(&self, part: &str) -> Option<&NistMapping> {
        match self {
            NistMapping::Field(_) => None,
            NistMapping::Parts(parts) => parts
                .iter()
                .find(|(name, _)| name == part)
                .map(|(_, mapping)| mapping),
        }
    }
}

/// The value types that travel in image records, not in the Type-2 record: by type, not by a
/// field number.
pub const NIST_IMAGE_TYPES: [&str; 4] =
    ["Fingerprints", "FingerprintsAndPalms", "Photo", "Signature"];

/// A text in Kazakh (authoritative) and English (a working rendering).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Texts {
    /// Kazakh: the act's words, or the project's label where [`Texts::quotes_the_act`] is false.
    pub kk: String,
    /// English.
    pub en: String,
    /// Whether the Kazakh quotes the act verbatim; otherwise it is the project's own label (the
    /// name of a datum the act gives no words of its own).
    pub quotes_the_act: bool,
}

/// The legal act.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Act {
    /// The kind of act, e.g. "Resolution".
    pub kind: Texts,
    /// Who adopted it, e.g. the Government of the Republic of Kazakhstan.
    pub issuer: Texts,
    /// Its number.
    pub number: u32,
    /// The date it was adopted.
    pub date: Date,
    /// Its title.
    pub title: Texts,
    /// The law it was adopted under.
    pub legal_basis: Texts,
    /// Who signed it.
    pub signatory: Texts,
    /// When it entered into force.
    pub in_force: InForce,
    /// How its provisions are cited.
    pub citations: CitationForms,
    /// Other acts it refers to.
    pub references: Vec<Reference>,
    /// Whether it is in force.
    pub status: Status,
}

impl Act {
    /// "Resolution No. 939 of 2024-11-08".
    pub fn name(&self) -> String {
        format!("{} No. {} of {}", self.kind.en, self.number, self.date)
    }

    /// The citation of a numbered item, in Kazakh and English.
    pub fn cite(&self, citation: Citation) -> Texts {
        self.citations
            .item
            .fill(citation.paragraph, Some(citation.item))
    }

    /// The citation of a paragraph, in Kazakh and English.
    pub fn cite_paragraph(&self, paragraph: u32) -> Texts {
        self.citations.paragraph.fill(paragraph, None)
    }
}

/// When an act enters into force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InForce {
    /// The act's words that say when.
    pub rule: Texts,
    /// The paragraph of the act that says it, if it is the act's own.
    pub paragraph: Option<u32>,
    /// The rule as dates.
    pub from: Force,
    /// How the project reads the rule.
    pub reading: Option<String>,
}

/// The first day an act is in force, as its rule gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Force {
    /// On a date.
    On(Date),
    /// After `days` calendar days have passed since the day of first official publication:
    /// from the day after the last of them.
    AfterPublication {
        /// The calendar days.
        days: u16,
        /// The day of first official publication, when known.
        published: Option<Date>,
    },
}

impl Force {
    /// The first day in force, when the rule and its dates give it.
    pub fn first_day(&self) -> Option<Date> {
        match *self {
            Force::On(date) => Some(date),
            Force::AfterPublication { days, published } => published.and_then(|day| {
                day.checked_add(jiff::Span::new().days(i64::from(days) + 1))
                    .ok()
            }),
        }
    }

    /// The first day in force at the earliest, for an act adopted on `adopted`: an act is not
    /// published before it is adopted.
    pub fn earliest_first_day(&self, adopted: Date) -> Date {
        match *self {
            Force::On(date) => date,
            Force::AfterPublication { days, published } => {
                let published = published.unwrap_or(adopted);
                published
                    .checked_add(jiff::Span::new().days(i64::from(days) + 1))
                    .unwrap_or(published)
            }
        }
    }
}

/// The forms of a citation: templates with `{paragraph}` and `{item}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitationForms {
    /// A paragraph of the act's lists.
    pub paragraph: Texts,
    /// A numbered item (subparagraph) of a paragraph.
    pub item: Texts,
}

impl Texts {
    /// The template filled with the numbers.
    fn fill(&self, paragraph: u32, item: Option<u32>) -> Texts {
        let fill = |template: &str| {
            let text = template.replace("{paragraph}", &paragraph.to_string());
            match item {
                Some(item) => text.replace("{item}", &item.to_string()),
                None => text,
            }
        };
        Texts {
            kk: fill(&self.kk),
            en: fill(&self.en),
            quotes_the_act: false,
        }
    }
}

/// An act that the lists' act refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// The paragraph that refers to it.
    pub paragraph: u32,
    /// What it is.
    pub title: Texts,
    /// Its number.
    pub number: u32,
    /// Its date.
    pub date: Date,
    /// Its number in the state register of normative legal acts.
    pub registration: Option<u32>,
}

/// Whether an act is in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// In force.
    InForce,
    /// Repealed by another act.
    Repealed {
        /// The repealing act's number.
        by_number: u32,
        /// The repealing act's date.
        by_date: Date,
        /// When the repealing act took effect: the repealed act's last day is the day before.
        takes_effect: InForce,
        /// The day a source stating the repeal was read, and the project's reading of it.
        stated: Option<Stated>,
    },
}

/// A source that states an act's repeal, read on a day: the repeal had taken effect by then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stated {
    /// The day the source was read.
    pub on: Date,
    /// How the project reads the statement.
    pub reading: String,
}

/// A datum some lists hold: a row of the matrix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Datum {
    /// Its key, which fields name in `data`.
    pub key: String,
    /// What it is.
    pub texts: Texts,
}

/// A value type written by hand. Its JSON Schema and its rule of characters are written beside
/// it, in `dactylo_values::catalogue`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueType {
    /// Its Rust name in the values module.
    pub name: String,
    /// What it holds, in English.
    pub en: String,
    /// A Rust expression creating one, inside a function returning `Result<_, ValueError>`.
    pub example: String,
}

/// A generated type for an item that bundles several data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Composite {
    /// Its Rust name.
    pub name: String,
    /// What it holds.
    pub texts: Texts,
    /// Its parts, in spec order.
    pub parts: Vec<Member>,
    /// Pairs of parts whose end may not be before their start. A composite with any is
    /// created through a constructor that checks them.
    pub periods: Vec<Period>,
    /// Optional parts of which at least one is given; checked by the constructor too.
    pub at_least_one_of: Vec<String>,
    /// How the project reads the item the composite holds.
    pub reading: Option<String>,
}

impl Composite {
    /// Whether it is created through a constructor that checks a rule across its parts.
    pub fn is_checked(&self) -> bool {
        !self.periods.is_empty() || !self.at_least_one_of.is_empty()
    }

    /// Its shape: its parts' names, types and presence, its periods and the parts of which at
    /// least one is given. Two composites of one name and one shape generate the same type,
    /// whatever their texts: `{surname: Name, given_name?: Name} [] []`.
    pub fn shape(&self) -> String {
        let parts: Vec<String> = self
            .parts
            .iter()
            .map(|part| {
                let optional = match part.presence {
                    Presence::Required => "",
                    Presence::Optional { .. } => "?",
                };
                format!("{}{optional}: {}", part.ident, part.ty.name())
            })
            .collect();
        let periods: Vec<String> = self
            .periods
            .iter()
            .map(|period| format!("{}..{}", period.start, period.end))
            .collect();
        format!(
            "{{{}}} [{}] [{}]",
            parts.join(", "),
            periods.join(", "),
            self.at_least_one_of.join(" | ")
        )
    }
}

/// Two parts of a composite, of the same type, the second not before the first when both are
/// given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    /// The part that starts the period.
    pub start: String,
    /// The part that ends it.
    pub end: String,
}

/// One list of the act.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Its Rust name.
    pub name: String,
    /// The paragraph of the act that holds the list.
    pub paragraph: u32,
    /// The paragraph's words before the numbered items.
    pub lead_in: Texts,
    /// How the project reads the paragraph as a whole.
    pub reading: Option<String>,
    /// One field per numbered item, in the text's order.
    pub fields: Vec<Field>,
}

impl Record {
    /// The fields the text requires.
    pub fn required_fields(&self) -> impl Iterator<Item = &Field> {
        self.fields
            .iter()
            .filter(|field| field.member.is_required())
    }
}

/// A record's field: one numbered item of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// Name, type, texts and presence.
    pub member: Member,
    /// Where the act says it.
    pub citation: Citation,
    /// The keys of the data it holds, when the spec declares data.
    pub data: Vec<String>,
    /// Where it travels in an ANSI/NIST-ITL transaction's Type-2 record, when the spec exports
    /// the records and it is not an image.
    pub nist: Option<NistMapping>,
}

/// A named, typed datum: a record's field or a composite's part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// Its Rust identifier (snake case).
    pub ident: String,
    /// Its type.
    pub ty: TypeRef,
    /// The act's words for it.
    pub texts: Texts,
    /// Whether the text requires it.
    pub presence: Presence,
    /// A Rust expression for its example, instead of its type's.
    pub example: Option<String>,
    /// How the project reads it, where the text needed reading.
    pub reading: Option<String>,
}

impl Member {
    /// Whether the text requires it unconditionally.
    pub fn is_required(&self) -> bool {
        matches!(self.presence, Presence::Required)
    }
}

/// A resolved reference to a type of the spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeRef {
    /// A hand-written value type, by name.
    Value(String),
    /// A generated composite, by name.
    Composite(String),
}

impl TypeRef {
    /// The type's Rust name.
    pub fn name(&self) -> &str {
        match self {
            TypeRef::Value(name) | TypeRef::Composite(name) => name,
        }
    }
}

/// Whether a datum must be present.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Presence {
    /// The text requires it.
    Required,
    /// The text makes it conditional, or (for a composite's part) the datum may not exist.
    Optional {
        /// The act's words that make it so; every optional record field has them.
        condition: Option<Texts>,
    },
}

/// A paragraph and the number of an item (subparagraph) in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Citation {
    /// The paragraph.
    pub paragraph: u32,
    /// The numbered item (subparagraph) in it.
    pub item: u32,
}

/// A record field that holds a type, directly or through composites.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Use<'a> {
    /// The record.
    pub record: &'a Record,
    /// The field.
    pub field: &'a Field,
    /// The composite the field's type is, when the type is one of its parts (or theirs).
    pub through: Option<&'a str>,
}

impl Model {
    /// Every text of the model, Kazakh and English, with the spec path it comes from: the act's
    /// (its citation forms, which are templates, included), the data's, the composites' and
    /// their parts', the records' and their fields', conditions included.
    pub fn texts(&self) -> Vec<(String, &Texts)> {
        let act = &self.act;
        let mut texts = vec![
            ("act.kind".to_owned(), &act.kind),
            ("act.issuer".to_owned(), &act.issuer),
            ("act.title".to_owned(), &act.title),
            ("act.legal_basis".to_owned(), &act.legal_basis),
            ("act.signatory".to_owned(), &act.signatory),
            ("act.in_force.rule".to_owned(), &act.in_force.rule),
            (
                "act.citations.paragraph".to_owned(),
                &act.citations.paragraph,
            ),
            ("act.citations.item".to_owned(), &act.citations.item),
        ];
        if let Status::Repealed { takes_effect, .. } = &act.status {
            texts.push((
                "act.repealed_by.in_force.rule".to_owned(),
                &takes_effect.rule,
            ));
        }
        for (index, reference) in act.references.iter().enumerate() {
            texts.push((format!("act.references[{index}].title"), &reference.title));
        }
        for datum in &self.data {
            texts.push((format!("data.{}", datum.key), &datum.texts));
        }
        for composite in &self.composites {
            let path = format!("composites.{}", composite.name);
            texts.push((path.clone(), &composite.texts));
            for part in &composite.parts {
                member_texts(&format!("{path}.{}", part.ident), part, &mut texts);
            }
        }
        for record in &self.records {
            let path = format!("records.{}", record.name);
            texts.push((format!("{path}.lead_in"), &record.lead_in));
            for field in &record.fields {
                member_texts(
                    &format!("{path}.{}", field.member.ident),
                    &field.member,
                    &mut texts,
                );
            }
        }
        texts
    }

    /// The composite named `name`.
    pub fn composite(&self, name: &str) -> Option<&Composite> {
        self.composites
            .iter()
            .find(|composite| composite.name == name)
    }

    /// The value type named `name`.
    pub fn value(&self, name: &str) -> Option<&ValueType> {
        self.values.iter().find(|value| value.name == name)
    }

    /// Every record field that holds the type `name`, in record and field order.
    pub fn uses_of(&self, name: &str) -> Vec<Use<'_>> {
        let mut uses = Vec::new();
        for record in &self.records {
            for field in &record.fields {
                let field_type = field.member.ty.name();
                if field_type == name {
                    uses.push(Use {
                        record,
                        field,
                        through: None,
                    });
                } else if self.contains(field_type, name) {
                    uses.push(Use {
                        record,
                        field,
                        through: Some(field_type),
                    });
                }
            }
        }
        uses
    }

    /// Whether the composite `outer` holds `inner` among its parts, or theirs. The checker has
    /// refused composites that contain themselves, so this ends.
    fn contains(&self, outer: &str, inner: &str) -> bool {
        self.composite(outer).is_some_and(|composite| {
            composite
                .parts
                .iter()
                .any(|part| part.ty.name() == inner || self.contains(part.ty.name(), inner))
        })
    }
}

fn member_texts<'a>(path: &str, member: &'a Member, texts: &mut Vec<(String, &'a Texts)>) {
    texts.push((path.to_owned(), &member.texts));
    if let Presence::Optional {
        condition: Some(condition),
    } = &member.presence
    {
        texts.push((format!("{path}.condition"), condition));
    }
}
