//! What can go wrong, as types.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// Where in a spec file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A position in the text, both counted from 1.
    LineColumn {
        /// The line, counted from 1.
        line: usize,
        /// The column, counted from 1.
        column: usize,
    },
    /// The path to a node, such as `records.VisaRecord.fields[3].type`, for problems found after
    /// the YAML was read.
    Path(String),
    /// The file as a whole.
    Document,
}

/// One thing wrong with a spec, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where the problem is.
    pub location: Location,
    /// What is wrong, in plain words.
    pub message: String,
}

impl Problem {
    pub(crate) fn at(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            location: Location::Path(path.into()),
            message: message.into(),
        }
    }
}

/// An error of the generator.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The spec cannot be read as YAML or breaks a rule of the spec format.
    #[error("{}", InvalidSpecDisplay { file, problems })]
    InvalidSpec {
        /// The spec file, as named to the generator.
        file: PathBuf,
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
    /// An option given to the generator is not usable.
    #[error("invalid option: {0}")]
    InvalidOption(String),
    /// The generator produced code that does not parse: a bug in the generator, not in the spec.
    #[error(
        "dactylo-codegen produced invalid Rust for {file} (a bug in dactylo-codegen): {reason}"
    )]
    Internal {
        /// The file being generated.
        file: String,
        /// What the parser said.
        reason: String,
    },
}

struct InvalidSpecDisplay<'a> {
    file: &'a PathBuf,
    problems: &'a [Problem],
}

impl fmt::Display for InvalidSpecDisplay<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = self.file.display();
        for (index, problem) in self.problems.iter().enumerate() {
            if index > 0 {
                f.write_str("\n")?;
            }
            match &problem.location {
                Location::LineColumn { line, column } => {
                    write!(f, "{file}:{line}:{column}: {}", problem.message)?;
                }
                Location::Path(path) => write!(f, "{file}: {path}: {}", problem.message)?,
                Location::Document => write!(f, "{file}: {}", problem.message)?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_names_the_file_and_where() {
        let error = Error::InvalidSpec {
            file: PathBuf::from("spec/x.yaml"),
            problems: vec![
                Problem {
                    location: Location::LineColumn { line: 3, column: 7 },
                    message: "unknown field `optinal`".into(),
                },
                Problem::at("records.VisaRecord.fields[3].type", "unknown type `Foo`"),
            ],
        };
        assert_eq!(
            error.to_string(),
            "spec/x.yaml:3:7: unknown field `optinal`\n\
             spec/x.yaml: records.VisaRecord.fields[3].type: unknown type `Foo`"
        );
    }
}
