//! Reads the YAML text into a [`SpecFile`], reporting every entry that does not fit the format.
//!
//! This is the only module that knows the YAML libraries: swapping `serde_yaml` (deprecated
//! upstream) for a maintained fork changes this module and nothing else.
//!
//! The text's shape is checked first ([`shape`]: nesting, tags, aliases), so that no text costs
//! more than its size to read. It is then read into a YAML value (a syntax error stops there), then each entry of each
//! section, and each field or part of a record or composite, is deserialized on its own: a
//! mistake in one does not hide the mistakes in the others. An unknown key is reported and left
//! out ([`Loaded`]), so that the checker still reports the rest. [`Positions`] places every
//! problem in the text; the text is indexed only when there is a problem to place.

mod positions;
mod shape;

use serde::de::DeserializeOwned;
use serde_path_to_error::Segment;
use serde_yaml::{Mapping, Value};

use self::positions::Positions;
use crate::error::{Finding, Problem, Span};
use crate::spec::{
    ActSpec, CompositeSpec, MemberSpec, NistSpec, RecordSpec, SpecFile, TextsSpec, ValueSpec,
};
use crate::suggest;

const SECTIONS: [&str; 6] = ["act", "data", "values", "composites", "records", "nist"];

/// The spec in `source`, its unknown keys reported and left out ([`Loaded`]), or every problem
/// found reading it when any is more than an unknown key.
pub(crate) fn load(source: &str) -> Result<Loaded, Vec<Problem>> {
    let shape = shape::problems(source);
    if !shape.is_empty() {
        return Err(shape);
    }
    let document: Value = match serde_yaml::from_str(source) {
        Ok(document) => document,
        Err(error) => {
            let duplicates = Positions::index(source).duplicate_keys(source);
            return Err(if duplicates.is_empty() {
                vec![syntax_problem(source, &error)]
            } else {
                duplicates
            });
        }
    };
    let mut reader = Reader::default();
    let spec = reader.spec(document);
    match spec {
        Some(spec) if !reader.refused => Ok(Loaded {
            spec,
            unknown_keys: reader.findings,
            left_out: reader.left_out,
        }),
        _ => Err(locate(source, reader.findings)),
    }
}

/// A spec read whole but for the keys the format does not know. Each such key is a finding and
/// is left out of the spec, so that a misspelt key does not hide the spec's other problems: the
/// checker still reads the rest.
pub(crate) struct Loaded {
    pub(crate) spec: SpecFile,
    /// A finding for each unknown key; none for a spec of known keys only.
    pub(crate) unknown_keys: Vec<Finding>,
    /// The nodes an unknown key was left out of.
    pub(crate) left_out: LeftOut,
}

/// The paths of the nodes an unknown key was left out of.
#[derive(Default)]
pub(crate) struct LeftOut(Vec<String>);

impl LeftOut {
    /// Whether the checker's `finding` is about a node an unknown key was left out of, where the
    /// key may have been meant to say what the checker finds missing (`optinal: true` beside a
    /// `condition`): such a finding would mislead, and is not reported.
    pub(crate) fn covers(&self, finding: &Finding) -> bool {
        self.0.iter().any(|node| {
            finding
                .path
                .strip_prefix(node.as_str())
                .is_some_and(|rest| {
                    rest.is_empty() || rest.starts_with('.') || rest.starts_with('[')
                })
        })
    }
}

/// How many unknown keys of one node are left out before the node is refused whole: each costs
/// one more reading of the node.
const UNKNOWN_KEYS_LEFT_OUT: usize = 8;

/// Places each finding in `source`, in the order given.
pub(crate) fn locate(source: &str, findings: Vec<Finding>) -> Vec<Problem> {
    let positions = Positions::index(source);
    findings
        .into_iter()
        .map(|finding| positions.locate(source, finding))
        .collect()
}

#[derive(Default)]
struct Reader {
    findings: Vec<Finding>,
    /// Whether a finding is more than an unknown key left out: the spec is then not checked.
    refused: bool,
    /// The nodes an unknown key was left out of.
    left_out: LeftOut,
}

impl Reader {
    fn spec(&mut self, document: Value) -> Option<SpecFile> {
        let Value::Mapping(top) = document else {
            let message = if document.is_null() {
                "the spec is empty"
            } else {
                "the spec is a mapping of the sections `act`, `data`, `values`, `composites` and `records`"
            };
            self.refuse(Finding::at("", message));
            return None;
        };
        let mut sections: [Option<Value>; 6] = Default::default();
        // A misspelt section is reported as such, not again as a missing one.
        let mut misspelt = false;
        for (key, value) in top {
            let name = key.as_str().unwrap_or_default();
            match SECTIONS.iter().position(|section| *section == name) {
                Some(index) => sections[index] = Some(value),
                None => {
                    misspelt = true;
                    self.refuse(
                        Finding::at(name, format!("unknown section `{name}`"))
                            .on_key()
                            .maybe_help(suggest::did_you_mean(name, SECTIONS))
                            .help_or(
                                "the sections are `act`, `data`, `values`, `composites`, `records` and `nist`",
                            ),
                    );
                }
            }
        }
        let [act, data, values, composites, records, nist] =
            sections.map(|section| section.unwrap_or(Value::Null));
        let act = match act {
            Value::Null if misspelt => None,
            Value::Null => {
                self.refuse(Finding::at("", "the spec has no `act` section"));
                None
            }
            act => self.deserialize::<ActSpec>("act", act),
        };
        let data = self.entries("data", data, |reader, path, value| {
            reader.deserialize::<TextsSpec>(path, value)
        });
        let values = self.entries("values", values, |reader, path, value| {
            reader.deserialize::<ValueSpec>(path, value)
        });
        let composites = self.entries("composites", composites, Reader::composite);
        let records = self.entries("records", records, Reader::record);
        if !misspelt && records.as_ref().is_some_and(Vec::is_empty) {
            self.refuse(Finding::at(
                "",
                "the spec has no `records`: it needs at least one list",
            ));
        }
        let nist = match nist {
            Value::Null => Some(None),
            nist => self.deserialize::<NistSpec>("nist", nist).map(Some),
        };
        Some(SpecFile {
            nist: nist?,
            act: act?,
            data: data?,
            values: values?,
            composites: composites?,
            records: records?,
        })
    }

    /// The entries of a section, a mapping of names to definitions, in document order.
    fn entries<T>(
        &mut self,
        section: &str,
        value: Value,
        mut read: impl FnMut(&mut Reader, &str, Value) -> Option<T>,
    ) -> Option<Vec<(String, T)>> {
        let mapping = match value {
            Value::Null => Mapping::new(),
            Value::Mapping(mapping) => mapping,
            other => {
                let found = kind(&other);
                self.refuse(Finding::at(
                    section,
                    format!("`{section}` is a mapping of names to definitions, not {found}"),
                ));
                return None;
            }
        };
        let mut entries = Vec::with_capacity(mapping.len());
        let mut complete = true;
        for (key, value) in mapping {
            let Some(name) = key.as_str().map(str::to_owned) else {
                let found = kind(&key);
                self.refuse(Finding::at(
                    section,
                    format!("a name in `{section}` is {found}, not text"),
                ));
                complete = false;
                continue;
            };
            match read(self, &format!("{section}.{name}"), value) {
                Some(entry) => entries.push((name, entry)),
                None => complete = false,
            }
        }
        complete.then_some(entries)
    }

    fn composite(&mut self, path: &str, value: Value) -> Option<CompositeSpec> {
        let raw = self.deserialize::<CompositeSpec<Value>>(path, value)?;
        let parts = self.members(&format!("{path}.parts"), raw.parts)?;
        Some(CompositeSpec {
            kk: raw.kk,
            kk_label: raw.kk_label,
            en: raw.en,
            parts,
            periods: raw.periods,
            at_least_one_of: raw.at_least_one_of,
            reading: raw.reading,
        })
    }

    fn record(&mut self, path: &str, value: Value) -> Option<RecordSpec> {
        let raw = self.deserialize::<RecordSpec<Value>>(path, value)?;
        let fields = self.members(&format!("{path}.fields"), raw.fields)?;
        Some(RecordSpec {
            paragraph: raw.paragraph,
            lead_in: raw.lead_in,
            reading: raw.reading,
            fields,
        })
    }

    fn members(&mut self, path: &str, members: Vec<Value>) -> Option<Vec<MemberSpec>> {
        let read: Vec<Option<MemberSpec>> = members
            .into_iter()
            .enumerate()
            .map(|(index, member)| self.deserialize(&format!("{path}[{index}]"), member))
            .collect();
        read.into_iter().collect()
    }

    fn refuse(&mut self, finding: Finding) {
        self.refused = true;
        self.findings.push(finding);
    }

    /// `value` as a `T`, or a finding at the innermost node serde could not read. An unknown key
    /// is reported and left out, and the rest read again, up to [`UNKNOWN_KEYS_LEFT_OUT`] keys
    /// of one node.
    fn deserialize<T: DeserializeOwned>(&mut self, path: &str, mut value: Value) -> Option<T> {
        for left_out in 0..=UNKNOWN_KEYS_LEFT_OUT {
            let error = match serde_path_to_error::deserialize::<_, T>(&value) {
                Ok(read) => return Some(read),
                Err(error) => error,
            };
            let segments: Vec<Segment> = error.path().iter().cloned().collect();
            let inner = error.path().to_string();
            let at = match inner.as_str() {
                "." | "" => path.to_owned(),
                _ if inner.starts_with('[') => format!("{path}{inner}"),
                _ => format!("{path}.{inner}"),
            };
            let finding = serde_finding(at, &error.into_inner().to_string());
            // A key missing once an unknown one is left out is most likely that key misspelt
            // (`lead_inn`): the unknown key's finding says it all.
            if left_out > 0 && finding.message.starts_with("missing field") {
                self.refused = true;
                return None;
            }
            if !finding.message.starts_with("unknown field") || !remove(&mut value, &segments) {
                self.refuse(finding);
                return None;
            }
            // The unknown key is the last segment: its node's path is the finding's without it.
            let key = match segments.last() {
                Some(Segment::Map { key }) => key.len(),
                _ => 0,
            };
            let node = finding.path[..finding.path.len() - key]
                .trim_end_matches('.')
                .to_owned();
            self.findings.push(finding);
            self.left_out.0.push(node);
        }
        self.refuse(Finding::at(
            path,
            format!("more than {UNKNOWN_KEYS_LEFT_OUT} unknown keys"),
        ));
        None
    }
}

/// Removes the mapping entry at `path` from `value`; whether there was one.
fn remove(value: &mut Value, path: &[Segment]) -> bool {
    let Some((last, parents)) = path.split_last() else {
        return false;
    };
    let mut node = value;
    for segment in parents {
        let next = match (segment, node) {
            (Segment::Seq { index }, Value::Sequence(items)) => items.get_mut(*index),
            (Segment::Map { key }, Value::Mapping(mapping)) => mapping.get_mut(key.as_str()),
            _ => None,
        };
        match next {
            Some(next) => node = next,
            None => return false,
        }
    }
    match (last, node) {
        (Segment::Map { key }, Value::Mapping(mapping)) => mapping.remove(key.as_str()).is_some(),
        _ => false,
    }
}

/// A finding for a serde message, on the key for a key that should not be there or that is
/// missing, with the closest accepted name for a misspelt one.
fn serde_finding(path: String, message: &str) -> Finding {
    let unknown = message.starts_with("unknown field") || message.starts_with("unknown variant");
    let finding = Finding::at(path, message);
    let finding = if unknown || message.starts_with("missing field") {
        finding.on_key()
    } else {
        finding
    };
    let quoted: Vec<&str> = message.split('`').skip(1).step_by(2).collect();
    if !unknown {
        return match quoted.first() {
            Some(missing) if message.starts_with("missing field") => {
                finding.help(format!("add `{missing}: …`"))
            }
            _ => finding,
        };
    }
    match quoted.split_first() {
        Some((wrong, expected)) => {
            finding.maybe_help(suggest::did_you_mean(wrong, expected.iter().copied()))
        }
        None => finding,
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "empty",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a text",
        Value::Sequence(_) => "a list",
        Value::Mapping(_) => "a mapping",
        Value::Tagged(_) => "a tagged value",
    }
}

/// A YAML syntax error, placed where serde_yaml says. serde_yaml ends its messages with " at line
/// L column C"; the place is shown by the caret instead.
fn syntax_problem(source: &str, error: &serde_yaml::Error) -> Problem {
    let message = without_positions(&error.to_string());
    match error.location() {
        Some(location) => syntax_problem_at(source, location.line(), location.column(), message),
        None => Problem {
            message,
            path: None,
            span: None,
            help: None,
        },
    }
}

/// A syntax error at `line` and `column` (both from 1, the column in characters), with the
/// caret under the token that begins there.
pub(crate) fn syntax_problem_at(
    source: &str,
    line: usize,
    column: usize,
    message: String,
) -> Problem {
    let line_start = line_start(source, line);
    let line_text = source[line_start..].lines().next().unwrap_or_default();
    let start = line_text
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line_start + line_text.len(), |(offset, _)| {
            line_start + offset
        });
    let end = source[start..]
        .char_indices()
        .find(|(_, c)| c.is_whitespace() || matches!(c, ':' | ',' | '}' | ']'))
        .map_or(source.len(), |(offset, _)| start + offset);
    // A tab in the indentation up to the error is the likely cause.
    let indentation = &source[line_start..start.max(line_start)];
    let at_tab =
        indentation.trim_start_matches(' ').starts_with('\t') || source[start..].starts_with('\t');
    Problem {
        message,
        path: None,
        span: Some(Span {
            line,
            column,
            bytes: start..end.max(start + usize::from(start < source.len())),
        }),
        help: at_tab.then(|| "YAML indents with spaces: replace the tab".to_owned()),
    }
}

/// The message without its " at line L column C" parts: the caret shows the place.
fn without_positions(message: &str) -> String {
    let mut rest = message;
    let mut cleaned = String::with_capacity(message.len());
    while let Some(start) = rest.find(" at line ") {
        cleaned.push_str(&rest[..start]);
        let after = &rest[start + " at line ".len()..];
        let numbers_end = after
            .find(|c: char| !(c.is_ascii_digit() || c == ' ' || "column".contains(c)))
            .unwrap_or(after.len());
        rest = &after[numbers_end..];
    }
    cleaned.push_str(rest);
    cleaned
}

/// The byte offset at which line `line` (from 1) begins.
fn line_start(source: &str, line: usize) -> usize {
    if line <= 1 {
        return 0;
    }
    source
        .match_indices('\n')
        .nth(line - 2)
        .map_or(source.len(), |(offset, _)| offset + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(source: &str) -> Vec<Problem> {
        match load(source) {
            Err(problems) => problems,
            Ok(_) => panic!("the spec was read"),
        }
    }

    #[test]
    fn a_syntax_error_is_placed() {
        let problems = problems("act:\n\tkind: tabs cannot indent YAML\n");
        assert_eq!(problems.len(), 1);
        let span = problems[0].span.as_ref().expect("a place");
        assert_eq!(span.line, 2);
        assert!(
            !problems[0].message.contains(" at line "),
            "{}",
            problems[0].message
        );
    }

    #[test]
    fn every_bad_entry_is_reported() {
        let source = "act: {}\nvalues:\n  A: { en: a, example: x, fr: b }\n  B: { en: b, example: x }\n  C: []\ncomposites: {}\nrecords: {}\n";
        let problems = problems(source);
        let messages: Vec<&str> = problems
            .iter()
            .map(|problem| problem.message.as_str())
            .collect();
        assert!(
            messages[0].starts_with("missing field `kind`"),
            "{messages:?}"
        );
        assert!(
            messages[1].starts_with("unknown field `fr`"),
            "{messages:?}"
        );
        assert!(
            messages[2].starts_with("invalid type: sequence"),
            "{messages:?}"
        );
        assert_eq!(
            messages[3],
            "the spec has no `records`: it needs at least one list"
        );
        assert_eq!(problems[1].path.as_deref(), Some("values.A.fr"));
        assert_eq!(&source[problems[1].span.clone().unwrap().bytes], "fr");
    }

    #[test]
    fn a_misspelt_key_gets_a_suggestion() {
        let problems = problems("act: {}\nvalue: {}\ncomposites: {}\nrecords: {}\n");
        let misspelt = problems
            .iter()
            .find(|problem| problem.message == "unknown section `value`")
            .unwrap();
        assert_eq!(misspelt.help.as_deref(), Some("did you mean `values`?"));
    }

    #[test]
    fn a_key_written_twice_is_reported_where_it_repeats() {
        let problems = problems("records:\n  A: 1\n  A: 2\n");
        assert_eq!(problems[0].message, "`A` appears twice in `records`");
        assert_eq!(problems[0].span.as_ref().map(|span| span.line), Some(3));
    }

    #[test]
    fn positions_are_cut_from_serde_yaml_messages() {
        assert_eq!(
            without_positions(
                "did not find expected key at line 39 column 11, while parsing a block mapping at line 1 column 1"
            ),
            "did not find expected key, while parsing a block mapping"
        );
        assert_eq!(without_positions("no position here"), "no position here");
    }

    #[test]
    fn an_empty_spec_says_so() {
        assert_eq!(problems("")[0].message, "the spec is empty");
        assert_eq!(
            problems("# only a comment\n")[0].message,
            "the spec is empty"
        );
    }
}
