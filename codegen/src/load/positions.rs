//! Where each node of the spec is in its text, by path.
//!
//! serde_yaml tells positions only for its own errors, so the text is read a second time with a
//! parser that keeps them, and every key and value is indexed by the same path the checker
//! reports (`records.VisaRecord.fields[3].type`).

use std::collections::{BTreeMap, BTreeSet};

use saphyr_parser::{Event, Marker, Parser, Span as YamlSpan};

use crate::error::{Finding, Problem, Span, Target};

/// Positions of a node: its key's, when it is a mapping entry, and its value's.
#[derive(Debug, Clone, Copy)]
struct Node {
    key: Option<YamlSpan>,
    value: YamlSpan,
}

/// Every node of a spec's text by path.
#[derive(Debug, Default)]
pub(crate) struct Positions {
    nodes: BTreeMap<String, Vec<Node>>,
    /// A key written twice in one mapping: its path and the second occurrence.
    duplicates: Vec<(String, YamlSpan)>,
    chars: CharIndex,
}

enum Frame {
    Mapping {
        path: String,
        /// The key just read, waiting for its value.
        key: Option<(String, YamlSpan)>,
        seen: BTreeSet<String>,
    },
    Sequence {
        path: String,
        next: usize,
    },
}

impl Positions {
    /// Indexes `source`. A text the parser cannot read is indexed up to where it stops; the
    /// problem itself is serde_yaml's to report.
    pub(crate) fn index(source: &str) -> Positions {
        let mut positions = Positions {
            chars: CharIndex::new(source),
            ..Positions::default()
        };
        let mut stack: Vec<Frame> = Vec::new();
        // Collections not closed yet: their path, key and start.
        let mut open: Vec<(String, Option<YamlSpan>, Marker)> = Vec::new();
        for event in Parser::new_from_str(source) {
            let Ok((event, span)) = event else { break };
            match event {
                Event::Scalar(text, ..) => {
                    if let Some(Frame::Mapping { path, key, seen }) = stack.last_mut()
                        && key.is_none()
                    {
                        if !seen.insert(text.to_string()) {
                            positions.duplicates.push((join(path, &text), span));
                        }
                        *key = Some((text.into_owned(), span));
                        continue;
                    }
                    let (path, key) = child(&mut stack);
                    positions.record(path, key, span);
                }
                Event::Alias(_) => {
                    let (path, key) = child(&mut stack);
                    positions.record(path, key, span);
                }
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    let (path, key) = child(&mut stack);
                    open.push((path.clone(), key, span.start));
                    stack.push(if matches!(event, Event::MappingStart(..)) {
                        Frame::Mapping {
                            path,
                            key: None,
                            seen: BTreeSet::new(),
                        }
                    } else {
                        Frame::Sequence { path, next: 0 }
                    });
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    stack.pop();
                    if let Some((path, key, start)) = open.pop() {
                        positions.record(path, key, YamlSpan::new(start, span.end));
                    }
                }
                _ => {}
            }
        }
        positions
    }

    fn record(&mut self, path: String, key: Option<YamlSpan>, value: YamlSpan) {
        self.nodes
            .entry(path)
            .or_default()
            .push(Node { key, value });
    }

    /// Every key written twice in one mapping, as findings at the second occurrence.
    pub(crate) fn duplicate_keys(&self, source: &str) -> Vec<Problem> {
        self.duplicates
            .iter()
            .map(|(path, span)| {
                let (section, name) = path.rsplit_once('.').unwrap_or(("the spec", path.as_str()));
                Problem {
                    message: format!("`{name}` appears twice in `{section}`"),
                    path: Some(path.clone()),
                    span: Some(self.chars.located(source, *span)),
                    help: Some("a name is declared once: rename or remove one of them".to_owned()),
                }
            })
            .collect()
    }

    /// The finding as a problem, placed in the text when its node is known.
    pub(crate) fn locate(&self, source: &str, finding: Finding) -> Problem {
        let node = self
            .nodes
            .get(&finding.path)
            .and_then(|nodes| nodes.first());
        let span = node.map(|node| match (finding.target, node.key) {
            (Target::Key, Some(key)) => key,
            _ => node.value,
        });
        Problem {
            message: finding.message,
            path: (!finding.path.is_empty()).then_some(finding.path),
            span: span.map(|span| self.chars.located(source, span)),
            help: finding.help,
        }
    }
}

/// The path of the node the innermost collection is about to receive.
fn child(stack: &mut [Frame]) -> (String, Option<YamlSpan>) {
    match stack.last_mut() {
        None => (String::new(), None),
        Some(Frame::Mapping { path, key, .. }) => match key.take() {
            Some((name, span)) => (join(path, &name), Some(span)),
            // A collection used as a key: no name to index it by.
            None => (join(path, "?"), None),
        },
        Some(Frame::Sequence { path, next }) => {
            *next += 1;
            (format!("{path}[{}]", *next - 1), None)
        }
    }
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}.{name}")
    }
}

/// Byte offsets of characters, found in time independent of the text's length: the parser
/// counts characters, Rust slices bytes, and a problem in a long line must not cost a walk from
/// the start of the text.
#[derive(Debug, Default)]
pub(crate) struct CharIndex {
    /// The byte offset of every `CHECKPOINT`th character.
    checkpoints: Vec<usize>,
}

const CHECKPOINT: usize = 256;

impl CharIndex {
    pub(crate) fn new(source: &str) -> CharIndex {
        let checkpoints = source
            .char_indices()
            .step_by(CHECKPOINT)
            .map(|(offset, _)| offset)
            .collect();
        CharIndex { checkpoints }
    }

    /// The byte offset of the `index`th character, or the text's length past its end.
    pub(crate) fn byte_offset(&self, source: &str, index: usize) -> usize {
        let Some(&checkpoint) = self.checkpoints.get(index / CHECKPOINT) else {
            return source.len();
        };
        source[checkpoint..]
            .char_indices()
            .nth(index % CHECKPOINT)
            .map_or(source.len(), |(offset, _)| checkpoint + offset)
    }

    /// A parser span as a [`Span`]: bytes of `source`, cut at the end of its first line so that
    /// a caret under a whole mapping stays on one line.
    pub(crate) fn located(&self, source: &str, span: YamlSpan) -> Span {
        let start = self.byte_offset(source, span.start.index());
        let line_end = source[start..]
            .find('\n')
            .map_or(source.len(), |offset| start + offset);
        let end = self
            .byte_offset(source, span.end.index())
            .clamp(start, line_end);
        Span {
            line: span.start.line(),
            column: span.start.col() + 1,
            bytes: start..end.max(start),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "act:\n  number: 939\nrecords:\n  VisaRecord:\n    fields:\n      - { ident: photo, type: Photo }\n      - ident: sex\n        type: Sex\n";

    fn span_text(path: &str, target: Target) -> String {
        let problem = Positions::index(SOURCE).locate(
            SOURCE,
            Finding {
                target,
                ..Finding::at(path, "x")
            },
        );
        let span = problem.span.expect("a located node");
        SOURCE[span.bytes].to_owned()
    }

    #[test]
    fn indexes_keys_values_and_items_by_path() {
        assert_eq!(span_text("act.number", Target::Value), "939");
        assert_eq!(span_text("act.number", Target::Key), "number");
        assert_eq!(span_text("records.VisaRecord", Target::Key), "VisaRecord");
        assert_eq!(
            span_text("records.VisaRecord.fields[0].type", Target::Value),
            "Photo"
        );
        assert_eq!(
            span_text("records.VisaRecord.fields[1].type", Target::Value),
            "Sex"
        );
        assert_eq!(
            span_text("records.VisaRecord.fields[1]", Target::Value),
            "ident: sex"
        );
    }

    #[test]
    fn lines_and_columns_count_from_one() {
        let problem = Positions::index(SOURCE).locate(
            SOURCE,
            Finding::at("records.VisaRecord.fields[1].type", "x"),
        );
        let span = problem.span.unwrap();
        assert_eq!((span.line, span.column), (8, 15));
    }

    #[test]
    fn an_unknown_path_is_left_unplaced() {
        let problem = Positions::index(SOURCE).locate(SOURCE, Finding::at("records.Nope", "x"));
        assert_eq!(problem.span, None);
        assert_eq!(problem.path.as_deref(), Some("records.Nope"));
    }

    #[test]
    fn finds_keys_written_twice() {
        let source = "records:\n  A: 1\n  B: 2\n  A: 3\n";
        let problems = Positions::index(source).duplicate_keys(source);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].message, "`A` appears twice in `records`");
        assert_eq!(problems[0].span.as_ref().map(|span| span.line), Some(4));
    }

    #[test]
    fn char_index_agrees_with_a_walk_from_the_start() {
        let source = "аб\ncd".repeat(300);
        let index = CharIndex::new(&source);
        for (nth, (offset, _)) in source.char_indices().enumerate() {
            assert_eq!(index.byte_offset(&source, nth), offset, "{nth}");
        }
        let count = source.chars().count();
        assert_eq!(index.byte_offset(&source, count), source.len());
        assert_eq!(index.byte_offset(&source, count + 1000), source.len());
    }

    #[test]
    fn counts_characters_not_bytes() {
        let source = "кк: аты\nen: name\n";
        let problem = Positions::index(source).locate(source, Finding::at("en", "x"));
        assert_eq!(&source[problem.span.unwrap().bytes], "name");
    }
}
