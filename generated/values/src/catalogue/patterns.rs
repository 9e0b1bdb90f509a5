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
    let [allowed, marks, marks_and_spaces, visible, not_space] = classes(|c| {
        let allowed = is_text_character(c);
        let visible = is_visible(c);
        [
            allowed,
            allowed && c.general_category_group() == GeneralCategoryGroup::Mark,
            allowed && !visible,
            visible,
            allowed && !c.is_whitespace(),
        ]
    });
    format!("^(?:{marks}{marks_and_spaces}*)?{visible}(?:{allowed}*{not_space})?$")
}

/// `^'?W(?:[ -']+W)*$`, a word `W` being letters of one alphabet, each with its marks (and, for
/// Latin letters, the modifiers that are part of them).
pub(super) fn name() -> String {
    let [marks, latin_marks, latin, cyrillic, apostrophes, separators] = classes(|c| {
        let character = name_character(c);
        [
            character == Some(NameCharacter::Mark),
            matches!(
                character,
                Some(NameCharacter::Mark | NameCharacter::LatinModifier)
            ),
            character == Some(NameCharacter::Letter(Alphabet::Latin)),
            character == Some(NameCharacter::Letter(Alphabet::Cyrillic)),
            character == Some(NameCharacter::Apostrophe),
            matches!(
                character,
                Some(NameCharacter::Separator | NameCharacter::Apostrophe)
            ),
        ]
    });
    let word = format!("(?:(?:{latin}{latin_marks}*)+|(?:{cyrillic}{marks}*)+)");
    format!("^{apostrophes}?{word}(?:{separators}+{word})*$")
}

/// `N` character classes in one pass over the code points, character `c` in class `i` when
/// `includes(c)[i]`: classifying a character once, not once per class, takes a fifth of the
/// time (the build script of `dactylo-codegen` computes these).
fn classes<const N: usize>(includes: impl Fn(char) -> [bool; N]) -> [String; N] {
    let mut ranges: [Vec<(char, char)>; N] = std::array::from_fn(|_| Vec::new());
    for character in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
        for (ranges, included) in ranges.iter_mut().zip(includes(character)) {
            if !included {
                continue;
            }
            match ranges.last_mut() {
                Some((_, end)) if u32::from(*end) + 1 == u32::from(character) => *end = character,
                _ => ranges.push((character, character)),
            }
        }
    }
    ranges.map(|ranges| written(&ranges))
}

/// A character class of the ranges, of literal characters.
fn written(ranges: &[(char, char)]) -> String {
    let mut class = String::from("[");
    for &(start, end) in ranges {
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
        let [a_to_e, a_and_b, syntax, emoji] = classes(|c| {
            [
                ('a'..='e').contains(&c),
                c == 'a' || c == 'b',
                "-^]\\[".contains(c),
                c == '\u{1F600}',
            ]
        });
        assert_eq!(a_to_e, "[a-e]");
        assert_eq!(a_and_b, "[ab]");
        assert_eq!(syntax, r"[\-\[-\^]");
        assert_eq!(emoji, "[\u{1F600}]");
    }
}
