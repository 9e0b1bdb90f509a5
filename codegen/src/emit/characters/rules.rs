//! The rules of `dactylo-records`' texts and names as character classes, computed from the
//! Unicode tables (general category, script, NFKC) that the Rust types check against.
//!
//! The build script includes this file and writes the patterns once per build: computing them
//! takes longer than generating a whole crate. The patterns use explicit character classes of
//! literal characters, with only `\\`, `]`, `[`, `^` and `-` escaped: they mean the same in
//! ECMA-262 (with the `u` flag, as Ajv compiles them), in Rust's `regex` and in Python's `re`,
//! unlike `\S` or `\p{L}`, whose meaning varies between them.

use unicode_normalization::UnicodeNormalization;
use unicode_properties::{GeneralCategory, GeneralCategoryGroup, UnicodeGeneralCategory};
use unicode_script::{Script, UnicodeScript};

/// The characters of the Kazakh alphabet beyond the Russian one, as `dactylo-records` lists them.
const KAZAKH_LETTERS: &str = "ӘәҒғҚқҢңӨөҰұҮүҺһІі";

/// The apostrophes a name may hold.
const APOSTROPHES: &str = "'\u{2019}\u{2BC}";

fn is_text_character(character: char) -> bool {
    !matches!(
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

fn is_visible(character: char) -> bool {
    matches!(
        character.general_category_group(),
        GeneralCategoryGroup::Letter
            | GeneralCategoryGroup::Number
            | GeneralCategoryGroup::Punctuation
            | GeneralCategoryGroup::Symbol
    )
}

/// `^(?:M[MS]*)?V(?:A*N)?$`: before the first visible character, only marks and spaces, the
/// first of them a mark; after it, anything allowed, ending with no space.
pub(crate) fn text_pattern() -> String {
    let allowed = class(is_text_character);
    let marks =
        class(|c| is_text_character(c) && c.general_category_group() == GeneralCategoryGroup::Mark);
    let marks_and_spaces = class(|c| is_text_character(c) && !is_visible(c));
    let visible = class(is_visible);
    let not_space = class(|c| is_text_character(c) && !c.is_whitespace());
    format!("^(?:{marks}{marks_and_spaces}*)?{visible}(?:{allowed}*{not_space})?$")
}

fn is_compatibility_stable(character: char) -> bool {
    let mut mapped = std::iter::once(character).nfkc();
    mapped.next() == Some(character) && mapped.next().is_none()
}

fn is_cyrillic_letter(character: char) -> bool {
    matches!(character, 'А'..='я' | 'Ё' | 'ё') || KAZAKH_LETTERS.contains(character)
}

fn is_latin_letter(character: char) -> bool {
    is_compatibility_stable(character)
        && character.script() == Script::Latin
        && matches!(
            character.general_category(),
            GeneralCategory::UppercaseLetter
                | GeneralCategory::LowercaseLetter
                | GeneralCategory::TitlecaseLetter
                | GeneralCategory::OtherLetter
        )
}

fn is_name_mark(character: char) -> bool {
    is_compatibility_stable(character)
        && character.script() == Script::Inherited
        && character.general_category() == GeneralCategory::NonspacingMark
}

/// `^'?W(?:[ -']+W)*$`, a word `W` being letters of one alphabet, each with its marks.
pub(crate) fn name_pattern() -> String {
    let marks = class(is_name_mark);
    let latin = class(is_latin_letter);
    let cyrillic = class(is_cyrillic_letter);
    let apostrophes = class(|c| APOSTROPHES.contains(c));
    let separators = class(|c| c == ' ' || c == '-' || APOSTROPHES.contains(c));
    let word = format!("(?:(?:{latin}{marks}*)+|(?:{cyrillic}{marks}*)+)");
    format!("^{apostrophes}?{word}(?:{separators}+{word})*$")
}

/// A character class of every character `includes` holds, as ranges of literal characters.
pub(crate) fn class(includes: impl Fn(char) -> bool) -> String {
    let mut ranges: Vec<(char, char)> = Vec::new();
    for character in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
        if !includes(character) {
            continue;
        }
        match ranges.last_mut() {
            Some((_, end)) if u32::from(*end) + 1 == u32::from(character) => *end = character,
            _ => ranges.push((character, character)),
        }
    }
    let mut class = String::from("[");
    for (start, end) in ranges {
        push_literal(&mut class, start);
        if end != start {
            if u32::from(end) > u32::from(start) + 1 {
                class.push('-');
            }
            push_literal(&mut class, end);
        }
    }
    class.push(']');
    class
}

/// A character inside a class: escaped where the three dialects give it a meaning.
fn push_literal(class: &mut String, character: char) {
    if matches!(character, '\\' | ']' | '[' | '^' | '-') {
        class.push('\\');
    }
    class.push(character);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_are_ranges_of_literals_with_syntax_escaped() {
        assert_eq!(class(|c| ('a'..='e').contains(&c)), "[a-e]");
        assert_eq!(class(|c| c == 'a' || c == 'b'), "[ab]");
        assert_eq!(class(|c| "-^]\\[".contains(c)), r"[\-\[-\^]");
        assert_eq!(class(|c| c == '\u{1F600}'), "[\u{1F600}]");
    }

    #[test]
    fn the_patterns_have_the_grammar_of_the_rules() {
        let name = name_pattern();
        assert!(name.starts_with("^['ʼ’]?(?:(?:["), "{name}");
        assert!(name.contains("АЁ") || name.contains("Ё"), "{name}");
        let text = text_pattern();
        assert!(text.starts_with("^(?:["), "{}", &text[..40]);
        assert!(!text.contains("\\S") && !text.contains("\\p"));
    }
}
