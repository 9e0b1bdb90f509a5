//! Text values: the rules all of them share, and the types that need nothing more.
//!
//! Every text is trimmed, composed to Unicode NFC (so that `й` typed as `и` and a combining
//! breve equals `й`), non-empty, and free of control characters. `Debug` shows the type, never
//! the text: these are personal data.

use unicode_normalization::UnicodeNormalization;

/// Why a text was refused, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value}: {problem}")]
pub struct TextError {
    /// The type the text was meant for, e.g. `Name`.
    pub value: &'static str,
    /// What is wrong.
    pub problem: TextProblem,
}

/// What is wrong with a text. Positions count characters from 1, after trimming.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TextProblem {
    /// Nothing is left after trimming.
    #[error("the text is empty")]
    Empty,
    /// A control character, such as a line break or a NUL.
    #[error("control character U+{code_point:04X} at character {position}")]
    ControlCharacter {
        /// Where.
        position: usize,
        /// Which.
        code_point: u32,
    },
    /// A character the value does not allow.
    #[error("{character:?} (U+{code_point:04X}) at character {position} is not allowed: {allowed}")]
    NotAllowed {
        /// Where.
        position: usize,
        /// Which.
        character: char,
        /// Its code point.
        code_point: u32,
        /// What the value allows.
        allowed: &'static str,
    },
    /// Only punctuation and spaces, where a letter is needed.
    #[error("there is no letter")]
    NoLetter,
}

/// Which characters a text value allows, besides the shared rules.
pub(crate) struct CharacterRule {
    pub(crate) allows: fn(char) -> bool,
    pub(crate) description: &'static str,
}

/// Any character but a control character.
pub(crate) const ANY_CHARACTER: CharacterRule = CharacterRule {
    allows: |_| true,
    description: "",
};

/// Trims `text`, composes it to NFC and applies the shared rules and `rule`.
pub(crate) fn clean(
    value: &'static str,
    text: &str,
    rule: &CharacterRule,
) -> Result<String, TextError> {
    let refuse = |problem| TextError { value, problem };
    let composed: String = text.nfc().collect();
    let trimmed = composed.trim();
    if trimmed.is_empty() {
        return Err(refuse(TextProblem::Empty));
    }
    for (index, character) in trimmed.chars().enumerate() {
        let position = index + 1;
        let code_point = u32::from(character);
        if character.is_control() {
            return Err(refuse(TextProblem::ControlCharacter {
                position,
                code_point,
            }));
        }
        if !(rule.allows)(character) {
            return Err(refuse(TextProblem::NotAllowed {
                position,
                character,
                code_point,
                allowed: rule.description,
            }));
        }
    }
    Ok(trimmed.to_owned())
}

/// A text value with no rule beyond the shared ones.
macro_rules! text_value {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, Hash)]
        pub struct $name(String);

        impl $name {
            /// Trims the text and composes it to Unicode NFC.
            ///
            /// # Errors
            ///
            /// When nothing is left after trimming, or the text holds a control character.
            pub fn new(text: &str) -> Result<Self, TextError> {
                clean(stringify!($name), text, &ANY_CHARACTER).map(Self)
            }

            /// The text, trimmed and in NFC.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        string_value!($name, TextError, as_str);
        redacted_debug!($name);
    };
}

text_value! {
    /// Checked like every text: trimmed, in Unicode NFC, not empty, no control character.
    Place
}

text_value! {
    /// Checked like every text: trimmed, in Unicode NFC, not empty, no control character.
    Ethnicity
}

text_value! {
    /// Checked like every text: trimmed, in Unicode NFC, not empty, no control character.
    RegistrationBasis
}

text_value! {
    /// Checked like every text: trimmed, in Unicode NFC, not empty, no control character.
    Authority
}

text_value! {
    /// A region, a locality, a street, a building, an apartment or a postal code, checked like
    /// every text: trimmed, in Unicode NFC, not empty, no control character.
    AddressLine
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_and_composes() {
        let decomposed = "  и\u{306}\t";
        assert_eq!(Place::new(decomposed).unwrap().as_str(), "й");
        assert_eq!(
            Place::new("Алматы").unwrap(),
            Place::new(" Алматы ").unwrap()
        );
    }

    #[test]
    fn refuses_empty_text_and_control_characters() {
        assert_eq!(
            Authority::new(" \n ").unwrap_err(),
            TextError {
                value: "Authority",
                problem: TextProblem::Empty
            }
        );
        let error = AddressLine::new("Abay 10\u{7}").unwrap_err();
        assert_eq!(
            error.problem,
            TextProblem::ControlCharacter {
                position: 8,
                code_point: 7
            }
        );
        assert_eq!(
            error.to_string(),
            "AddressLine: control character U+0007 at character 8"
        );
        let inner_line_break = RegistrationBasis::new("line one\nline two").unwrap_err();
        assert!(matches!(
            inner_line_break.problem,
            TextProblem::ControlCharacter { position: 9, .. }
        ));
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
