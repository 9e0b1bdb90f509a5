//! Amendments to the real spec, as edits of its text: what `diff.rs` judges and `amendments.rs`
//! regenerates. Each edit replaces a text the spec holds once.

/// A required item added at the end of paragraph 7 (subparagraph 12).
pub const REQUIRED_ITEM_ADDED: (&str, &str) = (
    "        en: >-
          surname, given name, patronymic (if shown in the identity document) of the person who
          carried out the dactyloscopic registration

  TemporaryResidenceRecord:
",
    "        en: >-
          surname, given name, patronymic (if shown in the identity document) of the person who
          carried out the dactyloscopic registration
      - ident: purpose_of_visit
        type: Place
        data: [place_of_birth]
        citation: { paragraph: 7, item: 12 }
        kk: сапарының мақсаты
        en: purpose of the visit

  TemporaryResidenceRecord:
",
);

/// An item renamed, keeping its citation and its datum.
pub const ITEM_RENAMED: (&str, &str) = (
    "      - ident: reviewing_authority\n        type: Authority\n",
    "      - ident: considering_authority\n        type: Authority\n        data: [reviewing_authority]\n",
);

/// A list added, paragraph 11, with a required, a composite and an optional item.
pub const LIST_ADDED: (&str, &str) = (
    "  PermanentResidenceRecord:\n",
    "  CitizenshipRecord:
    paragraph: 11
    lead_in: { kk: азаматтыққа қабылдаған кезде, en: when citizenship is granted }
    fields:
      - ident: full_name
        type: FullName
        citation: { paragraph: 11, item: 1 }
        kk: тегі, аты, әкесінің аты
        en: surname, given name, patronymic
      - ident: photo
        type: Photo
        citation: { paragraph: 11, item: 2 }
        kk: фотосуреті
        en: photograph
      - ident: iin
        type: Iin
        citation: { paragraph: 11, item: 3 }
        kk: жеке сәйкестендіру нөмірі (бар болса)
        en: individual identification number, if the person has one
        optional: true
        condition: { kk: бар болса, en: if the person has one }

  PermanentResidenceRecord:\n",
);
