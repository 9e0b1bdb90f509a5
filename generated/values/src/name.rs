//! Names of people: texts with an alphabet.

use unicode_normalization::UnicodeNormalization;
use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
use unicode_script::{Script, UnicodeScript};

use super::text::{TextError, TextProblem, check_extent, is_blank_filler, positioned};

/// The letters the Kazakh alphabet adds to the Russian one, capital and small (Kyrgyz adds
/// `Ң Ө Ү`, which are among them).
pub const KAZAKH_LETTERS: &str = "ӘәҒғҚқҢңӨөҰұҮүҺһІі";

/// The letters the Tajik and the Cyrillic Uzbek alphabets add to the Russian one beyond
/// [`KAZAKH_LETTERS`], capital and small: Tajik `Ӣ Ӯ Ҳ Ҷ`, Uzbek `Ў Ҳ` (their `Ғ Қ` are
/// Kazakh letters too).
pub const TAJIK_AND_UZBEK_LETTERS: &str = "ӢӣӮӯҲҳҶҷЎў";

/// The modifier letter turned comma `ʻ` (U+02BB), which the Uzbek Latin alphabet writes after
/// `O` and `G` to make the letters `Oʻ` and `Gʻ` (`Gʻayrat`, `Oʻrinboyev`): part of a Latin word,
/// after a letter.
pub const UZBEK_TURNED_COMMA: char = '\u{2BB}';

/// The most characters a name holds: more than any passport prints on one line.
pub const NAME_LIMIT: usize = 200;

/// The apostrophes a name may hold: ASCII `'`, the typographic `’` and the modifier letter `ʼ`.
pub const APOSTROPHES: [char; 3] = ['\'', '\u{2019}', '\u{2BC}'];

const NAME_CHARACTERS: &str = "a name holds letters of the Cyrillic alphabets of Kazakh, Russian, Kyrgyz, Tajik and Uzbek or of the Latin script, combining marks after them, spaces, hyphens and apostrophes";

/// The script of a letter a name may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Alphabet {
    /// The Russian alphabet with `Ё`, and the letters Kazakh adds to it.
    Cyrillic,
    /// A letter of the Latin script that no compatibility mapping changes: `Müller`, `Øvergaard`,
    /// `Ğalım`, but not fullwidth `Ａ`, the ligature `ﬀ` or the modifier `ᴬ`.
    Latin,
}

/// What a character of a name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameCharacter {
    Letter(Alphabet),
    /// A nonspacing combining mark of no script of its own (an accent, a diaeresis).
    Mark,
    /// A modifier that is part of the Latin letter before it: Uzbek `ʻ`.
    LatinModifier,
    /// A space or a hyphen, between words.
    Separator,
    /// An apostrophe, between words or before the first.
    Apostrophe,
}

/// Whether no compatibility mapping changes `character`: it is not a fullwidth, ligature,
/// superscript or other variant of another character.
fn is_compatibility_stable(character: char) -> bool {
    let mut mapped = std::iter::once(character).nfkc();
    mapped.next() == Some(character) && mapped.next().is_none()
}

/// What `character` is in a name, or `None` when a name may not hold it.
pub(crate) fn name_character(character: char) -> Option<NameCharacter> {
    if matches!(character, 'А'..='я' | 'Ё' | 'ё')
        || KAZAKH_LETTERS.contains(character)
        || TAJIK_AND_UZBEK_LETTERS.contains(character)
    {
        return Some(NameCharacter::Letter(Alphabet::Cyrillic));
    }
    if character == UZBEK_TURNED_COMMA {
        return Some(NameCharacter::LatinModifier);
    }
    if is_blank_filler(character) {
        return None;
    }
    if character == ' ' || character == '-' {
        return Some(NameCharacter::Separator);
    }
    if APOSTROPHES.contains(&character) {
        return Some(NameCharacter::Apostrophe);
    }
    if !is_compatibility_stable(character) {
        return None;
    }
    let category = character.general_category();
    let letter = matches!(
        category,
        GeneralCategory::UppercaseLetter
            | GeneralCategory::LowercaseLetter
            | GeneralCategory::TitlecaseLetter
            | GeneralCategory::OtherLetter
    );
    match character.script() {
        Script::Latin if letter => Some(NameCharacter::Letter(Alphabet::Latin)),
        Script::Inherited if category == GeneralCategory::NonspacingMark => {
            Some(NameCharacter::Mark)
        }
        _ => None,
    }
}

/// Where a name's reading is: the grammar is `'? word ([ -']+ word)*`, a word being letters of
/// one alphabet with the marks that follow them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reading {
    Start,
    AfterLeadingApostrophe,
    InWord(Alphabet),
    BetweenWords,
}

/// The problem of `name` (as given, or composed) as a name, if any.
fn name_problem(name: &str) -> Option<TextProblem> {
    if let Err(problem) = check_extent(name, NAME_LIMIT) {
        return Some(problem);
    }
    let mut reading = Reading::Start;
    for (position, character) in positioned(name) {
        let code_point = u32::from(character);
        let Some(kind) = name_character(character) else {
            return Some(TextProblem::NotAllowed {
                position,
                code_point,
                allowed: NAME_CHARACTERS,
            });
        };
        reading = match (reading, kind) {
            (Reading::InWord(script), NameCharacter::Letter(alphabet)) if script != alphabet => {
                return Some(TextProblem::MixedScripts {
                    position,
                    code_point,
                });
            }
            (_, NameCharacter::Letter(alphabet)) => Reading::InWord(alphabet),
            (Reading::InWord(script), NameCharacter::Mark) => Reading::InWord(script),
            (Reading::InWord(Alphabet::Latin), NameCharacter::LatinModifier) => {
                Reading::InWord(Alphabet::Latin)
            }
            (Reading::Start, NameCharacter::Apostrophe) => Reading::AfterLeadingApostrophe,
            (
                Reading::InWord(_) | Reading::BetweenWords,
                NameCharacter::Separator | NameCharacter::Apostrophe,
            ) => Reading::BetweenWords,
            _ => {
                return Some(TextProblem::NoLetterFirst {
                    position,
                    code_point,
                });
            }
        };
    }
    match (reading, name.chars().next_back()) {
        (Reading::InWord(_), _) | (_, None) => None,
        (_, Some(last)) => Some(TextProblem::NotAllowed {
            position: name.chars().count(),
            code_point: u32::from(last),
            allowed: "a name ends with a letter, or a combining mark after one",
        }),
    }
}

/// A surname, given name or patronymic as the identity document writes it.
///
/// It holds words of letters of the Cyrillic alphabets of Russian, Kazakh, Kyrgyz, Tajik and
/// Uzbek or of the Latin script (with Uzbek's `ʻ` after a Latin letter), each word of one
/// script; combining marks after letters; and spaces, hyphens and apostrophes
/// between words (one apostrophe may also begin the name, as in `'t Hooft`). It holds no digit,
/// no compatibility character (fullwidth `Ａ`, ligature `ﬀ`, superscript `ᴬ`, numeral `Ⅻ`), and
/// at most [`NAME_LIMIT`] characters. It is stored composed to Unicode NFC, and refused if the
/// composition makes a letter no alphabet above has (Cyrillic `о` with a combining diaeresis
/// composes to `ӧ`).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Name(String);

impl Name {
    /// Checks the name as given and as composed to NFC, and stores it composed.
    ///
    /// # Errors
    ///
    /// [`TextError`] saying which rule of [`Name`] it breaks, and where.
    pub fn new(text: &str) -> Result<Self, TextError> {
        let refuse = |problem| TextError {
            value: "Name",
            problem,
        };
        if let Some(problem) = name_problem(text) {
            return Err(refuse(problem));
        }
        let composed: String = text.nfc().collect();
        if let Some(problem) = name_problem(&composed) {
            let composition = match problem {
                TextProblem::NotAllowed {
                    position,
                    code_point,
                    ..
                }
                | TextProblem::MixedScripts {
                    position,
                    code_point,
                }
                | TextProblem::NoLetterFirst {
                    position,
                    code_point,
                } => TextProblem::Composed {
                    position,
                    code_point,
                },
                TextProblem::TooLong { length, limit } => {
                    TextProblem::ComposedTooLong { length, limit }
                }
                other => other,
            };
            return Err(refuse(composition));
        }
        Ok(Name(composed))
    }

    /// The name, in NFC.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

string_value!(Name, TextError, as_str, "a name");
redacted_debug!(Name);

impl crate::catalogue::Schema for Name {
    fn schema() -> crate::catalogue::Object {
        let description = format!(
            "A surname, given name or patronymic: words of letters of the Cyrillic alphabets of \
             Russian, Kazakh, Kyrgyz, Tajik and Uzbek or of the Latin script (each word of one \
             script, letters with their combining marks) between spaces, hyphens and \
             apostrophes; no digit, no compatibility character, at most {NAME_LIMIT} characters. \
             Not expressed by this schema: the name composed to Unicode NFC stays in these \
             alphabets and within {NAME_LIMIT} characters."
        );
        crate::catalogue::Object::new()
            .with("type", "string")
            .with("minLength", 1)
            .with("maxLength", NAME_LIMIT)
            .with("description", description.as_str())
    }

    const CHARACTERS: Option<crate::catalogue::Characters> =
        Some(crate::catalogue::Characters::Name);
}

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
            "'t Hooft",
            "Nazarbayev",
            "Müller",
            "Øvergaard",
            "Ğalım",
            "de la Cruz",
            "Анна-Maria",
            "Д\u{2019}Артаньян",
            "x\u{301}",
        ] {
            assert_eq!(
                Name::new(name).map(|n| n.as_str().to_owned()),
                Ok(name.to_owned()),
                "{name}"
            );
        }
    }

    #[test]
    fn refuses_what_is_not_a_name() {
        let not_allowed = |position, code_point| TextProblem::NotAllowed {
            position,
            code_point,
            allowed: NAME_CHARACTERS,
        };
        let cases = [
            ("", TextProblem::Empty),
            ("Anna2", not_allowed(5, u32::from('2'))),
            ("Anna_Smith", not_allowed(5, u32::from('_'))),
            ("Ἀλέξανδρος", not_allowed(1, 0x1F08)),
            ("Ґанна", not_allowed(1, u32::from('Ґ'))),
            ("李", not_allowed(1, u32::from('李'))),
            ("Anna\u{202E}", not_allowed(5, 0x202E)),
            ("An\u{200B}na", not_allowed(3, 0x200B)),
            ("Ａｎｎａ", not_allowed(1, 0xFF21)),
            ("Ⅻ", not_allowed(1, 0x216B)),
            ("ᴬᴮ", not_allowed(1, 0x1D2C)),
            ("ﬀ", not_allowed(1, 0xFB00)),
            // A Latin name with a Cyrillic `А` in it.
            (
                "M\u{0430}ria",
                TextProblem::MixedScripts {
                    position: 2,
                    code_point: 0x430,
                },
            ),
            (
                " Anna",
                TextProblem::SurroundingSpace {
                    position: 1,
                    code_point: 0x20,
                },
            ),
            (
                "-Anna",
                TextProblem::NoLetterFirst {
                    position: 1,
                    code_point: u32::from('-'),
                },
            ),
            (
                "\u{301}a",
                TextProblem::NoLetterFirst {
                    position: 1,
                    code_point: 0x301,
                },
            ),
        ];
        for (text, problem) in cases {
            assert_eq!(Name::new(text).unwrap_err().problem, problem, "{text:?}");
        }
        assert!(matches!(
            Name::new("Anna-").unwrap_err().problem,
            TextProblem::NotAllowed { position: 5, .. }
        ));
    }

    #[test]
    fn accepts_the_letters_of_central_asian_documents() {
        for name in [
            // Uzbek Latin, with the turned comma of Oʻ and Gʻ, at a word's end too.
            "Gʻayrat",
            "Oʻrinboyev",
            "Ulugʻbek",
            "Togʻ",
            // Kazakh Latin of 2021, Turkish.
            "Ğalymjan Äbişev",
            "Şükrü Işık",
            "İlkay",
            // Tajik and Cyrillic Uzbek, Kyrgyz.
            "Ҷамшед Раҳимов",
            "Ӯктам Қодирӣ",
            "Ўлмас",
            "Үмөт",
        ] {
            assert!(Name::new(name).is_ok(), "{name}");
        }
        // The turned comma belongs to the Latin letter before it: not alone, not first, not
        // after a Cyrillic letter, not after a space.
        for name in ["ʻ", "ʻA", "Gaʻ ʻb", "Гʻайрат", "A ʻB"] {
            assert!(Name::new(name).is_err(), "{name}");
        }
    }

    #[test]
    fn blank_fillers_are_not_letters_nor_marks() {
        for name in [
            "Anna\u{34F}",
            "Ann\u{FE0F}a",
            "Anna\u{E0100}",
            "\u{3164}",
            "Anna \u{3164}",
            "Anna\u{180B}",
        ] {
            assert!(Name::new(name).is_err(), "{name:?}");
        }
    }

    #[test]
    fn composes_to_nfc_and_checks_the_composition() {
        assert_eq!(Name::new("Фе\u{308}дор").unwrap().as_str(), "Фёдор");
        assert_eq!(Name::new("Mu\u{308}ller").unwrap().as_str(), "Müller");
        // A Cyrillic letter outside the alphabets, once composed (ӧ).
        assert_eq!(
            Name::new("Йо\u{308}зеф").unwrap_err().problem,
            TextProblem::Composed {
                position: 2,
                code_point: 0x4E7
            }
        );
        // The Kelvin sign composes to `K`, but is a compatibility character as given.
        assert!(Name::new("\u{212A}im").is_err());
    }

    #[test]
    fn errors_name_code_points_never_characters() {
        let error = Name::new("Anna2").unwrap_err().to_string();
        assert_eq!(
            error,
            format!("Name: U+0032 at character 5 is not allowed: {NAME_CHARACTERS}")
        );
        assert!(!error.contains("Anna"));
    }
}
