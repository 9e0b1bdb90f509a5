//! Numbers of documents, as the documents print them: the machine-readable zone's form, and the
//! series and number of Soviet and CIS documents that have no such zone.

use super::text::{TextError, TextProblem, check_extent, positioned};

/// The most characters a document number holds: the nine of ICAO Doc 9303's document number
/// field and the overflow the TD1 format allows into its optional data.
pub const DOCUMENT_NUMBER_LIMIT: usize = 24;

/// The Cyrillic letters a group of a document number may hold: the 33 capitals of the Russian
/// alphabet, those of the series of Soviet and CIS documents (`IV-ЖА 123456`, `СН 123456`).
pub const SERIES_LETTERS: &str = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ";

const DOCUMENT_NUMBER_CHARACTERS: &str = "a document number holds the capital letters A to Z, the digits 0 to 9, the capital letters of the Russian alphabet, hyphens and spaces";

const SEPARATOR_PLACE: &str =
    "a hyphen or a space in a document number stands alone between two groups of characters";

const SEPARATOR_WITHOUT_SERIES: &str = "a hyphen or a space in a document number separates the groups of a Cyrillic series (IV-ЖА 123456); a number of Latin letters and digits alone is written without, as a machine-readable zone writes it";

/// A document number as the document prints it, at most [`DOCUMENT_NUMBER_LIMIT`] characters,
/// in one of two forms:
///
/// - capital Latin letters `A`–`Z` and digits `0`–`9` and nothing else (`N12345678`), as ICAO
///   Doc 9303 writes a number in a machine-readable zone, so that the number on record is the
///   number a reader of the zone compares it with;
/// - a number with a Cyrillic series, as Soviet and CIS documents without such a zone print
///   it: groups, one of them or more of capital letters of the Russian alphabet
///   ([`SERIES_LETTERS`]) alone, the others of capital Latin letters and digits, with one
///   hyphen or one space between two groups: a Roman numeral, a hyphen and two Cyrillic
///   letters before the number (`IV-ЖА 123456`, the Soviet passport and birth certificates),
///   or two Cyrillic letters (`СН 123456`).
///
/// Nothing else: no filler `<`, no lowercase letter, no sign `№` (the document's label, not part
/// of the number), and no hyphen or space in a number of the first form, which would make
/// `N 12345678` a second spelling of `N12345678`.
///
/// Cyrillic and Latin capitals that look alike (`А` and `A`, `С` and `C`) are different
/// characters, so the rule of groups decides which one a number holds wherever it can: a group
/// with a digit or a Latin letter is Latin, so `АВ1234567` typed with Cyrillic `А` and `В` is
/// refused; a group of Cyrillic letters is Cyrillic throughout, so `ЖA` with a Latin `A` is
/// refused. A series whose every letter has a lookalike (`СН` and `CH`) cannot be told apart
/// by its characters: record it in the script the document prints, as the two are different
/// numbers.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct DocumentNumber(String);

/// Which characters a group of a document number holds, decided by its characters.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Group {
    /// Capital Latin letters and digits.
    Latin,
    /// Capital Cyrillic letters of the Russian alphabet.
    Cyrillic,
}

fn is_series_letter(character: char) -> bool {
    SERIES_LETTERS.contains(character)
}

fn is_latin_character(character: char) -> bool {
    character.is_ascii_uppercase() || character.is_ascii_digit()
}

fn is_separator(character: char) -> bool {
    character == '-' || character == ' '
}

impl DocumentNumber {
    /// Checks that `text` is 1 to 24 capital Latin letters and digits, or a number with a
    /// Cyrillic series: groups of one kind each (capital Latin letters and digits, or capital
    /// Russian letters), one of them Cyrillic, with one hyphen or space between two groups.
    ///
    /// # Errors
    ///
    /// When it is empty or too long, holds any other character, has a hyphen or space at an
    /// end, beside another or in a number without a Cyrillic group, or a group mixes the two
    /// kinds (the position is that of the first Cyrillic letter of a group with a digit or Latin
    /// letter).
    pub fn new(text: &str) -> Result<Self, TextError> {
        check(text).map_err(|problem| TextError {
            value: "DocumentNumber",
            problem,
        })?;
        Ok(DocumentNumber(text.to_owned()))
    }

    /// The number.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn check(text: &str) -> Result<(), TextProblem> {
    check_extent(text, DOCUMENT_NUMBER_LIMIT)?;
    let characters: Vec<(usize, char)> = positioned(text).collect();
    if let Some(&(position, character)) = characters
        .iter()
        .find(|(_, c)| !(is_latin_character(*c) || is_series_letter(*c) || is_separator(*c)))
    {
        return Err(TextProblem::NotAllowed {
            position,
            code_point: u32::from(character),
            allowed: DOCUMENT_NUMBER_CHARACTERS,
        });
    }
    let mut has_series = false;
    for group in characters.split(|(_, c)| is_separator(*c)) {
        if group.is_empty() {
            let position = empty_group_separator(&characters);
            return Err(TextProblem::NotAllowed {
                position,
                code_point: u32::from(characters[position - 1].1),
                allowed: SEPARATOR_PLACE,
            });
        }
        let kind = if group.iter().any(|(_, c)| is_latin_character(*c)) {
            Group::Latin
        } else {
            Group::Cyrillic
        };
        if kind == Group::Latin
            && let Some(&(position, character)) = group.iter().find(|(_, c)| is_series_letter(*c))
        {
            return Err(TextProblem::MixedScripts {
                position,
                code_point: u32::from(character),
            });
        }
        has_series |= kind == Group::Cyrillic;
    }
    match characters.iter().find(|(_, c)| is_separator(*c)) {
        Some(&(position, separator)) if !has_series => Err(TextProblem::NotAllowed {
            position,
            code_point: u32::from(separator),
            allowed: SEPARATOR_WITHOUT_SERIES,
        }),
        _ => Ok(()),
    }
}

/// The position of the first separator that has no group on one of its sides.
fn empty_group_separator(characters: &[(usize, char)]) -> usize {
    let mut previous_was_separator = true;
    for &(position, character) in characters {
        let separator = is_separator(character);
        if separator && previous_was_separator {
            return position;
        }
        previous_was_separator = separator;
    }
    characters.len()
}

string_value!(DocumentNumber, TextError, as_str, "a document number");
redacted_debug!(DocumentNumber);

impl crate::catalogue::Schema for DocumentNumber {
    fn schema() -> crate::catalogue::Object {
        let series = format!("[{SERIES_LETTERS}]+");
        let pattern =
            format!("^(?:[A-Z0-9]+|(?:[A-Z0-9]+[ -])*{series}(?:[ -](?:[A-Z0-9]+|{series}))*)$");
        let description = format!(
            "A document number as the document prints it, at most {DOCUMENT_NUMBER_LIMIT} \
             characters: capital Latin letters and digits alone, or a number with a Cyrillic \
             series, in groups of capital Latin letters and digits or of capital letters of the \
             Russian alphabet, one of them Cyrillic, with one hyphen or space between two groups."
        );
        crate::catalogue::Object::new()
            .with("type", "string")
            .with("maxLength", DOCUMENT_NUMBER_LIMIT)
            .with_pattern(&pattern)
            .with("description", description.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(text: &str) -> TextProblem {
        DocumentNumber::new(text).unwrap_err().problem
    }

    #[test]
    fn accepts_machine_readable_numbers_and_cis_series() {
        for text in [
            "N12345678",
            "533401372",
            "AB1234567",
            "IV-ЖА 123456",
            "II-МЮ 654321",
            "СН 123456",
            "12 АБ 34",
            "ЁЖ-12",
            &"1".repeat(DOCUMENT_NUMBER_LIMIT),
        ] {
            assert_eq!(DocumentNumber::new(text).unwrap().as_str(), text);
        }
    }

    #[test]
    fn refuses_other_characters_where_they_are() {
        for (text, position) in [
            ("n123", 1),
            ("N1\u{200B}2", 3),
            ("N1\u{FEFF}", 3),
            ("N１２", 2),
            ("N<<1", 2),
            ("IV-ЖА № 123456", 7),
            ("Қ 123", 1),
            ("IV-жа 1", 4),
            ("ІV-ЖА 1", 1),
            ("N1\t2", 3),
            ("N1_2", 3),
        ] {
            assert!(
                matches!(
                    problem(text),
                    TextProblem::NotAllowed { position: p, allowed, .. }
                        if p == position && allowed == DOCUMENT_NUMBER_CHARACTERS
                ),
                "{text:?}: {:?}",
                problem(text)
            );
        }
    }

    #[test]
    fn separators_stand_alone_between_groups() {
        for (text, position) in [
            ("N12--3", 5),
            ("N12 -3", 5),
            ("-N1", 1),
            ("N1-", 3),
            ("IV- ЖА", 4),
        ] {
            assert!(
                matches!(
                    problem(text),
                    TextProblem::NotAllowed { position: p, allowed, .. }
                        if p == position && allowed == SEPARATOR_PLACE
                ),
                "{text:?}: {:?}",
                problem(text)
            );
        }
        for (text, position) in [("N 12345678", 2), ("45 06 123456", 3), ("AB-1", 3)] {
            assert!(
                matches!(
                    problem(text),
                    TextProblem::NotAllowed { position: p, allowed, .. }
                        if p == position && allowed == SEPARATOR_WITHOUT_SERIES
                ),
                "{text:?}: {:?}",
                problem(text)
            );
        }
        assert!(matches!(
            problem(" N1"),
            TextProblem::SurroundingSpace { position: 1, .. }
        ));
    }

    #[test]
    fn a_group_is_latin_or_cyrillic_never_both() {
        // Cyrillic А and В typed among digits, as a lookalike of a Latin series.
        for (text, position) in [
            ("АВ1234567", 1),
            ("A\u{412}1234567", 2),
            ("IVЖА 123456", 3),
            ("IV-Ж\u{41} 1", 4),
        ] {
            assert!(
                matches!(
                    problem(text),
                    TextProblem::MixedScripts { position: p, .. } if p == position
                ),
                "{text:?}: {:?}",
                problem(text)
            );
        }
    }

    #[test]
    fn limits_count_every_character() {
        assert!(matches!(
            problem(&"1".repeat(DOCUMENT_NUMBER_LIMIT + 1)),
            TextProblem::TooLong { .. }
        ));
        assert!(matches!(problem(""), TextProblem::Empty));
    }

    #[test]
    fn errors_never_repeat_the_number() {
        let error = DocumentNumber::new("IV-ЖА № 123456")
            .unwrap_err()
            .to_string();
        assert!(
            !error.contains("123456") && !error.contains("ЖА"),
            "{error}"
        );
    }
}
