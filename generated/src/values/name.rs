//! Names of people and numbers of documents: texts with an alphabet.

use unicode_script::{Script, UnicodeScript};

use super::text::{CharacterRule, TextError, TextProblem, clean};

/// The letters the Kazakh alphabet adds to the Russian one.
const KAZAKH_LETTERS: &str = "ӘәҒғҚқҢңӨөҰұҮүҺһІі";

const NAME_CHARACTERS: CharacterRule = CharacterRule {
    allows: is_name_character,
    description: "a name holds Kazakh, Russian or Latin letters, spaces, hyphens and apostrophes",
};

/// A letter of the Russian or Kazakh Cyrillic alphabets, or a Latin letter (with diacritics
/// too, as foreign passports print them: Müller, Øvergaard), or a space, hyphen or apostrophe.
fn is_name_character(character: char) -> bool {
    is_name_letter(character) || matches!(character, ' ' | '-' | '\'' | '\u{2019}' | '\u{2BC}')
}

fn is_name_letter(character: char) -> bool {
    matches!(character, 'А'..='я' | 'Ё' | 'ё')
        || KAZAKH_LETTERS.contains(character)
        || (character.is_alphabetic() && character.script() == Script::Latin)
}

/// As written in the identity document: trimmed, in Unicode NFC, with at least one letter, and
/// only letters of the Kazakh, Russian or Latin alphabets, spaces, hyphens and apostrophes.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Name(String);

impl Name {
    /// Trims the name, composes it to NFC and checks its characters.
    ///
    /// # Errors
    ///
    /// When it is empty, has no letter, or holds a character a name does not allow.
    pub fn new(text: &str) -> Result<Self, TextError> {
        let name = clean("Name", text, &NAME_CHARACTERS)?;
        if !name.chars().any(is_name_letter) {
            return Err(TextError {
                value: "Name",
                problem: TextProblem::NoLetter,
            });
        }
        Ok(Name(name))
    }

    /// The name, trimmed and in NFC.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

string_value!(Name, TextError, as_str);
redacted_debug!(Name);

const DOCUMENT_NUMBER_CHARACTERS: CharacterRule = CharacterRule {
    allows: |character| !character.is_whitespace(),
    description: "a document number has no whitespace inside",
};

/// Trimmed, with no whitespace inside.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct DocumentNumber(String);

impl DocumentNumber {
    /// Trims the number and checks that no whitespace is left inside it.
    ///
    /// # Errors
    ///
    /// When it is empty or holds whitespace or a control character.
    pub fn new(text: &str) -> Result<Self, TextError> {
        clean("DocumentNumber", text, &DOCUMENT_NUMBER_CHARACTERS).map(DocumentNumber)
    }

    /// The number.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

string_value!(DocumentNumber, TextError, as_str);
redacted_debug!(DocumentNumber);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_kazakh_russian_and_latin_names() {
        for name in [
            "Әйгерім",
            "Қайратқызы",
            "Ұлықбек",
            "Үміт",
            "Іңкәр",
            "Һарун",
            "Ғалым",
            "Өмірзақ",
            "Фёдор",
            "Салтыков-Щедрин",
            "O'Connor",
            "Nazarbayev",
            "Müller",
            "Øvergaard",
            "Ğalım",
            "de la Cruz",
            "Д\u{2019}Артаньян",
        ] {
            assert_eq!(
                Name::new(name).map(|n| n.as_str().to_owned()),
                Ok(name.to_owned())
            );
        }
    }

    #[test]
    fn refuses_what_is_not_a_name() {
        let cases = [
            ("", TextProblem::Empty),
            ("   ", TextProblem::Empty),
            ("- '", TextProblem::NoLetter),
            (
                "Анна\u{0}",
                TextProblem::ControlCharacter {
                    position: 5,
                    code_point: 0,
                },
            ),
        ];
        for (text, problem) in cases {
            assert_eq!(Name::new(text).unwrap_err().problem, problem, "{text:?}");
        }
        for (text, character, position) in [
            ("Anna2", '2', 5),
            ("Anna_Smith", '_', 5),
            ("Ἀλέξανδρος", 'Ἀ', 1),
            ("Ґанна", 'Ґ', 1),
            ("李", '李', 1),
            ("Anna\u{202E}", '\u{202E}', 5),
        ] {
            let problem = Name::new(text).unwrap_err().problem;
            assert!(
                matches!(problem, TextProblem::NotAllowed { character: c, position: p, .. } if c == character && p == position),
                "{text:?}: {problem:?}"
            );
        }
    }

    #[test]
    fn composes_to_nfc() {
        assert_eq!(Name::new("Фе\u{308}дор").unwrap().as_str(), "Фёдор");
        assert_eq!(Name::new("Mu\u{308}ller").unwrap().as_str(), "Müller");
        assert_eq!(
            Name::new("Фе\u{308}дор").unwrap(),
            Name::new("Фёдор").unwrap()
        );
        // A letter outside the alphabets stays refused once composed (Cyrillic ӧ).
        assert!(Name::new("Йо\u{308}зеф").is_err());
    }

    #[test]
    fn document_numbers_have_no_whitespace_inside() {
        assert_eq!(
            DocumentNumber::new(" N1234567 ").unwrap().as_str(),
            "N1234567"
        );
        let error = DocumentNumber::new("N12 34").unwrap_err();
        assert!(
            matches!(error.problem, TextProblem::NotAllowed { position: 4, .. }),
            "{error}"
        );
        assert_eq!(
            error.to_string(),
            "DocumentNumber: ' ' (U+0020) at character 4 is not allowed: a document number has no whitespace inside"
        );
    }
}
