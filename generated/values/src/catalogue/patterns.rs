//! The rules of characters of texts and names as patterns, each character class computed from the
//! function the type checks its characters with, so that a schema accepts exactly the strings
//! the type accepts as given.
//!
//! The classes are of literal characters, with only `\`, `]`, `[`, `^` and `-` escaped: they mean
//! the same in ECMA-262 (with the `u` flag), in Rust's `regex` and in Python's `re`.

use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};

use crate::name::{Alphabet, NameCharacter, name_character};
use crate::text::{is_text_character, is_visible};

/// `^(?:M[MS]*)?V(?:A*N)?$`: before the first visible character, only marks and spaces, the
/// first of them a mark; after it, anything a text holds, ending with no space.
pub(super) fn text() -> String {
    let allowed = class(is_text_character);
    let marks =
        class(|c| is_text_character(c) && c.general_category_group() == GeneralCategoryGroup::Mark);
    let marks_and_spaces = class(|c| is_text_character(c) && !is_visible(c));
    let visible = class(is_visible);
    let not_space = class(|c| is_text_character(c) && !c.is_whitespace());
    format!("^(?:{marks}{marks_and_spaces}*)?{visible}(?:{allowed}*{not_space})?$")
}

/// `^'?W(?:[ -']+W)*$`, a word `W` being letters of one alphabet, each with its marks.
pub(super) fn name() -> String {
    let is = |expected: NameCharacter| move |c: char| name_character(c) == Some(expected);
    let marks = class(is(NameCharacter::Mark));
    let latin = class(is(NameCharacter::Letter(Alphabet::Latin)));
    let cyrillic = class(is(NameCharacter::Letter(Alphabet::Cyrillic)));
    let apostrophes = class(is(NameCharacter::Apostrophe));
    let separators = class(|c| {
        matches!(
            name_character(c),
            Some(NameCharacter::Separator | NameCharacter::Apostrophe)
        )
    });
    let word = format!("(?:(?:{latin}{marks}*)+|(?:{cyrillic}{marks}*)+)");
    format!("^{apostrophes}?{word}(?:{separators}+{word})*$")
}

/// A character class of every character `includes` holds, as ranges of literal characters.
fn class(includes: impl Fn(char) -> bool) -> String {
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
}
