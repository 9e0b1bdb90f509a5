//! What can go wrong, as types, and how a spec's problems read: like rustc's, with the offending
//! line and a caret under the node.

use std::fmt;
use std::io;
use std::ops::Range;
use std::path::PathBuf;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

/// Where a problem is in the spec's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The line, counted from 1.
    pub line: usize,
    /// The column, in characters, counted from 1.
    pub column: usize,
    /// The bytes of the text the problem is about.
    pub bytes: Range<usize>,
}

/// One thing wrong with a spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// What is wrong, in plain words.
    pub message: String,
    /// The node's path in the spec, such as `records.VisaRecord.fields[3].type`, when known.
    pub path: Option<String>,
    /// Where it is in the text, when known.
    pub span: Option<Span>,
    /// How to fix it, when that is obvious.
    pub help: Option<String>,
}

/// An error of the generator.
///
/// `Debug` prints what `Display` does, so that a build script's `fn main() -> Result<(), Error>`
/// shows the located report rather than the error's fields.
#[derive(thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The spec cannot be read as YAML or breaks a rule of the spec format.
    #[error("{}", Diagnostics { file, text, problems, styled: false })]
    InvalidSpec {
        /// The spec file, as named to the generator.
        file: PathBuf,
        /// The spec's text, to show the lines the problems are on.
        text: String,
        /// Every problem found, in document order where known.
        problems: Vec<Problem>,
    },
    /// A file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// A file could not be written, renamed into place or removed.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// A path below an output directory is a symbolic link, which the generator does not write
    /// or remove through.
    #[error(
        "{} is a symbolic link: dactylo-codegen writes and removes files only in the directories it was given, never through a link; replace the link with a directory or file",
        path.display()
    )]
    Link {
        /// The link.
        path: PathBuf,
    },
    /// An option given to the generator is not usable.
    #[error("invalid option: {0}")]
    InvalidOption(String),
    /// The generator produced output it cannot use: Rust that does not parse, JSON that does
    /// not serialize. A bug in the generator, not in the spec.
    #[error(
        "dactylo-codegen produced invalid output for {file} (a bug in dactylo-codegen, please report it): {reason}"
    )]
    Internal {
        /// The file being generated.
        file: String,
        /// What went wrong.
        reason: String,
    },
    /// A file where the generator would write holds something it did not write (no generated
    /// marker in its header): it is left alone, and nothing is written.
    #[error(
        "{} is in the way of a generated file but was not written by dactylo-codegen (its header has no `@generated` marker); nothing was written: move it, or choose another output directory",
        path.display()
    )]
    NotOwned {
        /// The file.
        path: PathBuf,
    },
    /// Another run of the generator is writing to the same output directory.
    #[error(
        "another dactylo-codegen run is writing to {}; wait for it to finish, then run again",
        dir.display()
    )]
    Busy {
        /// The output directory.
        dir: PathBuf,
    },
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

impl Error {
    /// The error as rustc shows its own, in colour when `styled`; the same text as `Display`
    /// otherwise.
    pub fn render(&self, styled: bool) -> String {
        match self {
            Error::InvalidSpec {
                file,
                text,
                problems,
            } => Diagnostics {
                file,
                text,
                problems,
                styled,
            }
            .to_string(),
            other => format!("error: {other}"),
        }
    }
}

struct Diagnostics<'a> {
    file: &'a PathBuf,
    text: &'a str,
    problems: &'a [Problem],
    styled: bool,
}

impl fmt::Display for Diagnostics<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let renderer = if self.styled {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let file = self.file.to_string_lossy();
        for (index, problem) in self.problems.iter().enumerate() {
            if index > 0 {
                f.write_str("\n\n")?;
            }
            let mut group = Group::with_title(Level::ERROR.primary_title(problem.message.as_str()));
            group = match problem
                .span
                .as_ref()
                .and_then(|span| excerpt(self.text, span))
            {
                Some((lines, line_start, bytes)) => {
                    let mut annotation = AnnotationKind::Primary.span(bytes);
                    if let Some(path) = &problem.path {
                        annotation = annotation.label(path.as_str());
                    }
                    group.element(
                        Snippet::source(lines)
                            .line_start(line_start)
                            .path(file.as_ref())
                            .annotation(annotation),
                    )
                }
                None => {
                    let origin = Origin::path(file.as_ref());
                    let group = group.element(origin);
                    match &problem.path {
                        Some(path) => group.element(Level::NOTE.message(format!("at {path}"))),
                        None => group,
                    }
                }
            };
            if let Some(help) = &problem.help {
                group = group.element(Level::HELP.message(help.as_str()));
            }
            write!(f, "{}", renderer.render(&[group]))?;
        }
        Ok(())
    }
}

/// The whole lines of `text` that `span` touches, the number of the first, and the span's bytes
/// within them; `None` for a span that does not fall on characters of the text (no loader makes
/// one), which is then shown as a problem without a place. Each problem is shown from its own
/// lines, so that a report costs time in its problems and their lines, not in the problems
/// times the spec's length.
fn excerpt<'a>(text: &'a str, span: &Span) -> Option<(&'a str, usize, Range<usize>)> {
    let (start, end) = (span.bytes.start, span.bytes.end.max(span.bytes.start));
    if !(text.is_char_boundary(start) && text.is_char_boundary(end)) {
        return None;
    }
    let first = text[..start].rfind('\n').map_or(0, |newline| newline + 1);
    let last = text[end..]
        .find('\n')
        .map_or(text.len(), |newline| end + newline);
    Some((&text[first..last], span.line, start - first..end - first))
}

/// Which part of a mapping entry a finding is about: its name, or what it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    Key,
    Value,
}

/// A problem as the loader or the checker finds it: by path, to be placed in the text later.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Finding {
    /// The node's path; empty for the document as a whole.
    pub(crate) path: String,
    pub(crate) target: Target,
    pub(crate) message: String,
    pub(crate) help: Option<String>,
}

impl Finding {
    pub(crate) fn at(path: impl Into<String>, message: impl Into<String>) -> Self {
        Finding {
            path: path.into(),
            target: Target::Value,
            message: message.into(),
            help: None,
        }
    }

    /// About the name of the entry at `path` rather than its content.
    #[must_use]
    pub(crate) fn on_key(mut self) -> Self {
        self.target = Target::Key;
        self
    }

    #[must_use]
    pub(crate) fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    #[must_use]
    pub(crate) fn maybe_help(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }

    /// `help`, unless the finding has a more precise one already.
    #[must_use]
    pub(crate) fn help_or(mut self, help: &str) -> Self {
        self.help.get_or_insert_with(|| help.to_owned());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_located_problem_shows_its_line_with_a_caret() {
        let source = "act:\n  numbr: 1\n";
        let error = Error::InvalidSpec {
            file: PathBuf::from("spec/x.yaml"),
            text: source.to_owned(),
            problems: vec![Problem {
                message: "unknown field `numbr`".into(),
                path: Some("act.numbr".into()),
                span: Some(Span {
                    line: 2,
                    column: 3,
                    bytes: 7..12,
                }),
                help: Some("did you mean `number`?".into()),
            }],
        };
        let text = error.to_string();
        assert!(text.starts_with("error: unknown field `numbr`\n"), "{text}");
        assert!(text.contains("--> spec/x.yaml:2:3"), "{text}");
        assert!(text.contains("2 |   numbr: 1"), "{text}");
        assert!(text.contains("^^^^^ act.numbr"), "{text}");
        assert!(text.contains("= help: did you mean `number`?"), "{text}");
    }

    fn located(text: &str, line: usize, bytes: Range<usize>) -> String {
        Error::InvalidSpec {
            file: PathBuf::from("x.yaml"),
            text: text.to_owned(),
            problems: vec![Problem {
                message: "bad".into(),
                path: Some("here".into()),
                span: Some(Span {
                    line,
                    column: 1,
                    bytes,
                }),
                help: None,
            }],
        }
        .to_string()
    }

    /// Shown from its own lines, a problem keeps its line's number and its caret's place,
    /// after lines of multi-byte characters and on a last line without a line feed.
    #[test]
    fn a_problem_is_shown_from_its_own_lines() {
        let text = "бір: 1\nекі: 2\nүш: 3";
        let start = text.find("үш").unwrap();
        let shown = located(text, 3, start..start + "үш".len());
        assert!(shown.contains("3 | үш: 3"), "{shown}");
        assert!(shown.contains("  | ^^ here"), "{shown}");
        assert!(!shown.contains("екі"), "{shown}");
        let start = text.find("екі").unwrap();
        let two_lines = located(text, 2, start..text.len());
        assert!(two_lines.contains("2 | / екі: 2"), "{two_lines}");
        assert!(two_lines.contains("3 | | үш: 3"), "{two_lines}");
        assert!(!two_lines.contains("бір"), "{two_lines}");
        // Inside a character or past the end: not something a loader gives, shown unplaced.
        for bytes in [1..3, 100..200] {
            let shown = located(text, 1, bytes);
            assert!(
                shown.contains("error: bad") && shown.contains("at here"),
                "{shown}"
            );
        }
    }

    #[test]
    fn debug_shows_the_report_that_display_shows() {
        let error = Error::InvalidSpec {
            file: PathBuf::from("spec/x.yaml"),
            text: "act:\n  numbr: 1\n".to_owned(),
            problems: vec![Problem {
                message: "unknown field `numbr`".into(),
                path: Some("act.numbr".into()),
                span: Some(Span {
                    line: 2,
                    column: 3,
                    bytes: 7..12,
                }),
                help: None,
            }],
        };
        assert_eq!(format!("{error:?}"), error.to_string());
        assert!(format!("{error:?}").contains("--> spec/x.yaml:2:3"));
        let error = Error::InvalidOption("`x y` is not a Rust path".into());
        assert_eq!(
            format!("{error:?}"),
            "error: invalid option: `x y` is not a Rust path"
        );
    }

    #[test]
    fn an_unlocated_problem_names_the_file_and_path() {
        let error = Error::InvalidSpec {
            file: PathBuf::from("spec/x.yaml"),
            text: String::new(),
            problems: vec![Problem {
                message: "unknown type `Foo`".into(),
                path: Some("records.VisaRecord.fields[3].type".into()),
                span: None,
                help: None,
            }],
        };
        let text = error.to_string();
        assert!(text.contains("error: unknown type `Foo`"), "{text}");
        assert!(text.contains("spec/x.yaml"), "{text}");
        assert!(
            text.contains("at records.VisaRecord.fields[3].type"),
            "{text}"
        );
    }
}
