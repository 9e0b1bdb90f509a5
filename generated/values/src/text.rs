//! Text values: the rules all of them share, and the types that need nothing more.
//!
//! A text is taken as given, never trimmed: it may not begin or end with white space, may not
//! hold a character of the categories Cc (control), Cf (format: zero-width spaces, the byte
//! order mark, bidirectional controls, tags), Zl and Zp (line and paragraph separators), Co
//! (private use), Cs (surrogate) or Cn (unassigned), nor a blank filler ([`BLANK_FILLERS`]:
//! Hangul fillers, variation selectors, the Braille blank), and holds at least one visible character
//! (a letter, digit, punctuation mark or symbol). It is stored composed to Unicode NFC, so that
//! `й` typed as `и` and a combining breve equals `й`. `Debug` shows the type, never the text:
//! these are personal data.

use unicode_normalization::UnicodeNormalization;
use unicode_properties::{GeneralCategory, GeneralCategoryGroup, UnicodeGeneralCategory};

/// Why a text was refused, and where. It names a character by its code point and position,
/// never by itself, and never repeats the text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value}: {problem}")]
pub struct TextError {
    /// The type the text was meant for, e.g. `Name`.
    pub value: &'static str,
    /// What is wrong.
    pub problem: TextProblem,
}

/// What is wrong with a text. Positions count characters from 1, as given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TextProblem {
    /// No character at all.
    #[error("the text is empty")]
    Empty,
    /// More characters than the value allows.
    #[error("the text has {length} characters, more than the {limit} allowed")]
    TooLong {
        /// How many characters it has.
        length: usize,
        /// How many it may have.
        limit: usize,
    },
    /// White space at the start or the end.
    #[error("U+{code_point:04X} at character {position} is white space at an end of the text")]
    SurroundingSpace {
        /// Where.
        position: usize,
        /// Which.
        code_point: u32,
    },
    /// A character the value does not allow.
    #[error("U+{code_point:04X} at character {position} is not allowed: {allowed}")]
    NotAllowed {
        /// Where.
        position: usize,
        /// Its code point.
        code_point: u32,
        /// What the value allows.
        allowed: &'static str,
    },
    /// Only combining marks and spaces, where a visible character is needed.
    #[error("the text has no visible character (letter, digit, punctuation or symbol)")]
    NothingVisible,
    /// A name that does not begin with a letter (after one apostrophe at most).
    #[error(
        "U+{code_point:04X} at character {position} begins a name or a word of it, where a letter should"
    )]
    NoLetterFirst {
        /// Where.
        position: usize,
        /// Which.
        code_point: u32,
    },
    /// A text or name that is longer than its limit only once composed to NFC (a character whose
    /// composition is several, as U+FB2C is three), so that what is stored would not read back.
    #[error(
        "composed to Unicode NFC, the text has {length} characters, more than the {limit} allowed"
    )]
    ComposedTooLong {
        /// How many characters the composed text has.
        length: usize,
        /// How many it may have.
        limit: usize,
    },
    /// A name that breaks a rule only once composed to NFC: a letter and a combining mark that
    /// compose into a letter no alphabet of a name has.
    #[error(
        "composed to Unicode NFC, the name has U+{code_point:04X} at character {position}, which no alphabet of a name has"
    )]
    Composed {
        /// Where, in the composed name.
        position: usize,
        /// Which.
        code_point: u32,
    },
    /// A word of a name that mixes the Latin and Cyrillic scripts.
    #[error(
        "U+{code_point:04X} at character {position} is of another script than the word it is in"
    )]
    MixedScripts {
        /// Where.
        position: usize,
        /// Which.
        code_point: u32,
    },
}

/// The most characters a text value holds: far more than any authority's name, address line or
/// basis of registration needs.
pub const TEXT_LIMIT: usize = 1000;

const TEXT_CHARACTERS: &str = "a text holds no control, format, separator, private-use, surrogate, unassigned or blank filler character";

/// The characters that render as nothing or as blank though no category says so: the
/// Default_Ignorable_Code_Point characters of Unicode 16.0 (DerivedCoreProperties.txt) that are
/// not of category Cf or Cn (the combining grapheme joiner U+034F, the Hangul fillers U+115F,
/// U+1160, U+3164 and U+FFA0, the Khmer inherent vowels U+17B4 and U+17B5, the Mongolian
/// variation selectors U+180B–U+180D and U+180F, and the variation selectors U+FE00–U+FE0F and
/// U+E0100–U+E01EF), and the Braille pattern blank U+2800, a symbol that prints nothing.
pub const BLANK_FILLERS: [(char, char); 10] = [
    ('\u{34F}', '\u{34F}'),
    ('\u{115F}', '\u{1160}'),
    ('\u{17B4}', '\u{17B5}'),
    ('\u{180B}', '\u{180D}'),
    ('\u{180F}', '\u{180F}'),
    ('\u{2800}', '\u{2800}'),
    ('\u{3164}', '\u{3164}'),
    ('\u{FE00}', '\u{FE0F}'),
    ('\u{FFA0}', '\u{FFA0}'),
    ('\u{E0100}', '\u{E01EF}'),
];

/// Whether `character` is one of the [`BLANK_FILLERS`].
pub(crate) fn is_blank_filler(character: char) -> bool {
    BLANK_FILLERS
        .iter()
        .any(|&(first, last)| (first..=last).contains(&character))
}

/// Whether a text may hold `character`: not of the categories Cc, Cf, Zl, Zp, Co, Cs or Cn, and
/// not a blank filler.
pub(crate) fn is_text_character(character: char) -> bool {
    !is_blank_filler(character)
        && !matches!(
            character.general_category(),
            GeneralCategory::Control
                | GeneralCategory::Format
                | GeneralCategory::LineSeparator
                | GeneralCategory::ParagraphSeparator
                | GeneralCategory::PrivateUse
                | GeneralCategory::Surrogate
                | GeneralCategory::Unassigned
        )
}

/// A letter, digit, punctuation mark or symbol that is not a blank filler.
pub(crate) fn is_visible(character: char) -> bool {
    !is_blank_filler(character)
        && matches!(
            character.general_category_group(),
            GeneralCategoryGroup::Letter
                | GeneralCategoryGroup::Number
                | GeneralCategoryGroup::Punctuation
                | GeneralCategoryGroup::Symbol
        )
}

/// `text`'s characters with their positions from 1.
pub(crate) fn positioned(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    text.chars().enumerate().map(|(index, c)| (index + 1, c))
}

/// The checks every text shares that come before its own: not empty, not longer than `limit`,
/// no white space at either end. Lengths count the characters as given.
pub(crate) fn check_extent(text: &str, limit: usize) -> Result<(), TextProblem> {
    let length = text.chars().count();
    if length == 0 {
        return Err(TextProblem::Empty);
    }
    if length > limit {
        return Err(TextProblem::TooLong { length, limit });
    }
    let ends = [(1, text.chars().next()), (length, text.chars().next_back())];
    for (position, character) in ends {
        if let Some(character) = character.filter(|c| c.is_whitespace()) {
            return Err(TextProblem::SurroundingSpace {
                position,
                code_point: u32::from(character),
            });
        }
    }
    Ok(())
}

/// `text` as a text value: checked as given, stored in NFC.
pub(crate) fn text(value: &'static str, text: &str) -> Result<String, TextError> {
    let refuse = |problem| TextError { value, problem };
    check_extent(text, TEXT_LIMIT).map_err(refuse)?;
    if let Some((position, character)) = positioned(text).find(|(_, c)| !is_text_character(*c)) {
        return Err(refuse(TextProblem::NotAllowed {
            position,
            code_point: u32::from(character),
            allowed: TEXT_CHARACTERS,
        }));
    }
    if !text.chars().any(is_visible) {
        return Err(refuse(TextProblem::NothingVisible));
    }
    let composed: String = text.nfc().collect();
    let length = composed.chars().count();
    if length > TEXT_LIMIT {
        return Err(refuse(TextProblem::ComposedTooLong {
            length,
            limit: TEXT_LIMIT,
        }));
    }
    Ok(composed)
}

/// A text value with no rule beyond the shared ones.
macro_rules! text_value {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, Hash)]
        pub struct $name(String);

        impl $name {
            /// Checks the text and stores it composed to Unicode NFC.
            ///
            /// # Errors
            ///
            /// When it is empty or longer than [`TEXT_LIMIT`], begins or ends with white space,
            /// holds a character no text may hold, or has no visible character.
            pub fn new(text: &str) -> Result<Self, TextError> {
                self::text(stringify!($name), text).map(Self)
            }

            /// The text, in NFC.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        string_value!($name, TextError, as_str, "a text");
        redacted_debug!($name);

        impl $crate::catalogue::Schema for $name {
            fn schema() -> $crate::catalogue::Object {
                text_schema()
            }

            const CHARACTERS: Option<$crate::catalogue::Characters> =
                Some($crate::catalogue::Characters::Text);
        }
    };
}

/// The schema every text shares; its characters' rule is the pattern of
/// [`Characters::Text`](crate::catalogue::Characters::Text).
fn text_schema() -> crate::catalogue::Object {
    crate::catalogue::Object::new()
        .with("type", "string")
        .with("minLength", 1)
        .with("maxLength", TEXT_LIMIT)
        .with(
            "description",
            format!(
                "A text: at most {TEXT_LIMIT} characters, none of the categories Cc, Cf, Zl, \
                 Zp, Co, Cs or Cn nor a blank filler, no white space at either end, at least one \
                 letter, digit, punctuation mark or symbol. Not expressed by this schema: at most \
                 {TEXT_LIMIT} characters once composed to Unicode NFC."
            )
            .as_str(),
        )
}

text_value! {
    /// A place of birth, as written in the identity document.
    Place
}

text_value! {
    /// A nationality in the sense of ethnicity, as the holder gives it.
    Ethnicity
}

text_value! {
    /// The basis of a dactyloscopic registration.
    RegistrationBasis
}

text_value! {
    /// The name of a state authority or court.
    Authority
}

text_value! {
    /// A region, a locality, a street, a building, an apartment or a postal code.
    AddressLine
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composes_to_nfc_as_given() {
        assert_eq!(Place::new("и\u{306}").unwrap().as_str(), "й");
        assert_eq!(Place::new("Алматы").unwrap().as_str(), "Алматы");
    }

    #[test]
    fn the_limit_holds_once_composed_so_that_what_is_stored_reads_back() {
        // U+FB2C composes to three characters under NFC.
        let grows = "\u{FB2C}".repeat(334);
        let error = Place::new(&grows).unwrap_err();
        assert_eq!(
            error.problem,
            TextProblem::ComposedTooLong {
                length: 1002,
                limit: TEXT_LIMIT
            }
        );
        assert!(error.to_string().contains("composed to Unicode NFC"));
        let stored = Place::new(&"\u{FB2C}".repeat(333)).unwrap();
        assert_eq!(Place::new(stored.as_str()).unwrap(), stored);
    }

    #[test]
    fn refuses_surrounding_space_and_names_it_by_code_point() {
        let error = Place::new(" Алматы").unwrap_err();
        assert_eq!(
            error.to_string(),
            "Place: U+0020 at character 1 is white space at an end of the text"
        );
        let error = Authority::new("Court\u{A0}").unwrap_err();
        assert!(matches!(
            error.problem,
            TextProblem::SurroundingSpace {
                position: 6,
                code_point: 0xA0
            }
        ));
    }

    #[test]
    fn blank_fillers_are_neither_visible_nor_allowed() {
        for filler in [
            '\u{3164}', '\u{115F}', '\u{1160}', '\u{FFA0}', '\u{2800}', '\u{34F}',
        ] {
            assert!(Place::new(&filler.to_string()).is_err(), "{filler:?}");
            assert!(
                Place::new(&format!("Алматы{filler}а")).is_err(),
                "{filler:?}"
            );
            assert!(!is_text_character(filler));
        }
        for selector in ['\u{FE00}', '\u{FE0F}', '\u{E0100}', '\u{E01EF}', '\u{180B}'] {
            assert!(Place::new(&format!("A{selector}")).is_err(), "{selector:?}");
        }
        assert!(
            Place::new("\u{2801}").is_ok(),
            "a Braille pattern with a dot is visible"
        );
    }

    #[test]
    fn refuses_the_categories_no_text_may_hold() {
        for (text, code_point) in [
            ("a\u{7}b", 0x7),
            ("a\u{200B}b", 0x200B),
            ("a\u{FEFF}b", 0xFEFF),
            ("a\u{202E}b", 0x202E),
            ("a\u{2066}b", 0x2066),
            ("a\u{2028}b", 0x2028),
            ("a\u{2029}b", 0x2029),
            ("a\u{E0041}b", 0xE0041),
            ("a\u{E000}b", 0xE000),
            ("a\u{378}b", 0x378),
            ("a\nb", 0xA),
        ] {
            let problem = AddressLine::new(text).unwrap_err().problem;
            assert!(
                matches!(problem, TextProblem::NotAllowed { position: 2, code_point: found, .. } if found == code_point),
                "U+{code_point:04X}: {problem:?}"
            );
        }
    }

    #[test]
    fn a_text_needs_a_visible_character() {
        assert_eq!(Place::new("").unwrap_err().problem, TextProblem::Empty);
        assert_eq!(
            Place::new("\u{301}").unwrap_err().problem,
            TextProblem::NothingVisible
        );
        assert_eq!(
            Place::new("\u{200B}").unwrap_err().problem,
            TextProblem::NotAllowed {
                position: 1,
                code_point: 0x200B,
                allowed: TEXT_CHARACTERS
            }
        );
        assert!(Place::new("·").is_ok());
    }

    #[test]
    fn a_text_has_a_limit() {
        assert!(Authority::new(&"a".repeat(TEXT_LIMIT)).is_ok());
        assert_eq!(
            Authority::new(&"a".repeat(TEXT_LIMIT + 1))
                .unwrap_err()
                .problem,
            TextProblem::TooLong {
                length: TEXT_LIMIT + 1,
                limit: TEXT_LIMIT
            }
        );
    }

    #[test]
    fn debug_redacts_the_text() {
        let place = Place::new("Алматы").unwrap();
        assert_eq!(format!("{place:?}"), "Place(<redacted>)");
    }

    #[test]
    fn parses_from_strings() {
        let ethnicity: Ethnicity = "қазақ".parse().unwrap();
        assert_eq!(ethnicity.as_str(), "қазақ");
        assert!(Ethnicity::try_from(String::new()).is_err());
    }
}
