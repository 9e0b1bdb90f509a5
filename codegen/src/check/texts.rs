//! The checks of the act's words and the spec's examples: what a doc comment, a compiler
//! message or a doctest can carry.

use super::Checker;
use crate::error::Finding;

/// The bidirectional controls rustc refuses in comments and literals (lints
/// `text_direction_codepoint_in_comment` and `…_in_literal`, denied by default): they can make
/// source read differently from how it compiles. Every other character reaches the
/// documentation as written.
const BIDI_CONTROLS: [(char, &str); 9] = [
    ('\u{202A}', "LEFT-TO-RIGHT EMBEDDING"),
    ('\u{202B}', "RIGHT-TO-LEFT EMBEDDING"),
    ('\u{202C}', "POP DIRECTIONAL FORMATTING"),
    ('\u{202D}', "LEFT-TO-RIGHT OVERRIDE"),
    ('\u{202E}', "RIGHT-TO-LEFT OVERRIDE"),
    ('\u{2066}', "LEFT-TO-RIGHT ISOLATE"),
    ('\u{2067}', "RIGHT-TO-LEFT ISOLATE"),
    ('\u{2068}', "FIRST STRONG ISOLATE"),
    ('\u{2069}', "POP DIRECTIONAL ISOLATE"),
];

impl Checker {
    /// A text of the act or of the project: not blank, and printable in a doc comment.
    pub(super) fn text(&mut self, path: &str, text: &str) {
        if text.trim().is_empty() {
            self.report(path, "the text is empty");
        }
        self.reject_bidi_controls(path, text, "the text");
    }

    /// A reading note: the project's words on how it reads the act, checked as a text.
    pub(super) fn reading(&mut self, path: &str, reading: Option<String>) -> Option<String> {
        if let Some(reading) = &reading {
            self.text(&format!("{path}.reading"), reading);
        }
        reading
    }

    pub(super) fn reject_bidi_controls(&mut self, path: &str, text: &str, what: &str) {
        let found = text.chars().enumerate().find_map(|(position, c)| {
            BIDI_CONTROLS
                .iter()
                .find(|(control, _)| *control == c)
                .map(|(_, name)| (position, c, name))
        });
        if let Some((position, c, name)) = found {
            let message = format!(
                "{what} holds U+{:04X} {name} (character {}), a bidirectional control that Rust refuses in doc comments and string literals",
                u32::from(c),
                position + 1
            );
            let help = "remove it: the text's direction needs no control in Kazakh or English";
            self.report_finding(Finding::at(path, message).help(help));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidirectional_controls_are_refused_and_named() {
        let mut checker = Checker::default();
        checker.text("a.kk", "тегі\u{202E}аты");
        checker.text("a.en", "surname \u{200F} and \u{061C} marks stay");
        assert_eq!(checker.findings.len(), 1);
        assert_eq!(checker.findings[0].path, "a.kk");
        assert!(
            checker.findings[0]
                .message
                .starts_with("the text holds U+202E RIGHT-TO-LEFT OVERRIDE (character 5)"),
            "{}",
            checker.findings[0].message
        );
    }
}
