//! Reads the YAML text into [`SpecFile`].
//!
//! This is the only module that knows the YAML library: swapping `serde_yaml` (deprecated
//! upstream) for a maintained fork changes this file and nothing else.

use crate::error::{Location, Problem};
use crate::spec::SpecFile;

/// Parses `source`, or says where and why it cannot be read as a spec.
pub(crate) fn parse(source: &str) -> Result<SpecFile, Problem> {
    serde_yaml::from_str(source).map_err(|error| {
        let location = error.location().map(|at| Location::LineColumn {
            line: at.line(),
            column: at.column(),
        });
        Problem {
            message: without_position(&error.to_string()),
            location: location.unwrap_or(Location::Document),
        }
    })
}

/// `serde_yaml` ends its messages with " at line L column C"; we report the position ourselves,
/// in the `file:line:column` form editors can jump to.
fn without_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(start) => message[..start].to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_syntax_error_has_a_line_and_column() {
        let problem = parse("act:\n\tkind: tabs cannot indent YAML\n").unwrap_err();
        assert!(
            matches!(problem.location, Location::LineColumn { line: 2, .. }),
            "{problem:?}"
        );
        assert!(
            !problem.message.contains(" at line "),
            "{}",
            problem.message
        );
    }

    #[test]
    fn a_missing_key_names_it_and_its_path() {
        let problem = parse("act: {}\n").unwrap_err();
        assert!(
            problem.message.contains("missing field `kind`"),
            "{}",
            problem.message
        );
    }

    #[test]
    fn an_unknown_key_is_rejected() {
        let source = "act:\n  kind: { kk: a, en: b, fr: c }\n";
        let problem = parse(source).unwrap_err();
        assert!(
            problem.message.contains("unknown field `fr`"),
            "{}",
            problem.message
        );
        assert!(
            matches!(problem.location, Location::LineColumn { line: 2, .. }),
            "{problem:?}"
        );
    }
}
