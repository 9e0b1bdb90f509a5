//! The YAML text's shape, checked in one pass before anything is built from it: how deep it
//! nests, which YAML features it uses, and how much its aliases repeat.
//!
//! The YAML libraries build a document whatever its shape, and some of that costs more than the
//! text's size: nesting a thousand levels deep, or an alias of an alias of an alias. This pass
//! streams the parser's events, keeps only a stack as deep as the nesting allowed, and stops at
//! the first limit crossed, so that reading any spec takes time linear in its size.

use std::collections::BTreeMap;

use saphyr_parser::{Event, Parser, ScanError, Span as YamlSpan, Tag};

use super::positions::CharIndex;
use crate::error::{Problem, Span};

/// How deeply collections may nest. The spec's deepest node (a value's JSON Schema) is nine
/// levels down; serde_json stops at 128.
pub(crate) const MAX_DEPTH: usize = 64;

/// How many nodes aliases may repeat in all: far more than a spec needs (the real one repeats
/// about 200), few enough that no alias can make a small text into a huge document.
pub(crate) const MAX_REPEATED_NODES: usize = 100_000;

/// The problems of `source`'s shape: a syntax error, tags, nesting beyond [`MAX_DEPTH`] and
/// aliases that repeat more than [`MAX_REPEATED_NODES`].
pub(crate) fn problems(source: &str) -> Vec<Problem> {
    let mut scan = Scan {
        source,
        index: None,
        problems: Vec::new(),
        open: Vec::new(),
        anchors: BTreeMap::new(),
        repeated: 0,
    };
    for event in Parser::new_from_str(source) {
        match event {
            Ok((event, span)) => {
                if scan.event(event, span).is_break() {
                    break;
                }
            }
            Err(error) => {
                scan.syntax_error(&error);
                break;
            }
        }
    }
    scan.problems
}

struct Scan<'a> {
    source: &'a str,
    /// Built on the first problem: a spec without one never pays for it.
    index: Option<CharIndex>,
    problems: Vec<Problem>,
    /// The collections not closed yet: their anchor and the nodes they hold so far.
    open: Vec<Collection>,
    /// The nodes each anchored node holds, aliases expanded, by anchor id.
    anchors: BTreeMap<usize, usize>,
    repeated: usize,
}

struct Collection {
    anchor: usize,
    nodes: usize,
}

impl Scan<'_> {
    fn event(&mut self, event: Event<'_>, span: YamlSpan) -> std::ops::ControlFlow<()> {
        use std::ops::ControlFlow::{Break, Continue};
        match event {
            Event::Scalar(_, _, anchor, tag) => {
                self.refuse_tag(tag.as_deref(), span);
                self.add(1);
                self.anchor(anchor, 1);
            }
            Event::SequenceStart(anchor, tag) | Event::MappingStart(anchor, tag) => {
                self.refuse_tag(tag.as_deref(), span);
                if self.open.len() == MAX_DEPTH {
                    self.too_deep(span);
                    return Break(());
                }
                self.open.push(Collection { anchor, nodes: 1 });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(closed) = self.open.pop() {
                    self.add(closed.nodes);
                    self.anchor(closed.anchor, closed.nodes);
                }
            }
            Event::Alias(anchor) => {
                let nodes = self.anchors.get(&anchor).copied().unwrap_or(1);
                self.repeated = self.repeated.saturating_add(nodes);
                if self.repeated > MAX_REPEATED_NODES {
                    self.problem(
                        span,
                        format!(
                            "the spec's aliases repeat more than {MAX_REPEATED_NODES} nodes in all"
                        ),
                        "an alias repeats the node its anchor names: write the repeated parts out, or repeat less",
                    );
                    return Break(());
                }
                self.add(nodes);
            }
            _ => {}
        }
        Continue(())
    }

    /// Counts `nodes` into the innermost open collection.
    fn add(&mut self, nodes: usize) {
        if let Some(parent) = self.open.last_mut() {
            parent.nodes = parent.nodes.saturating_add(nodes);
        }
    }

    fn anchor(&mut self, anchor: usize, nodes: usize) {
        // The parser numbers anchors from 1; 0 is a node without one.
        if anchor > 0 {
            self.anchors.insert(anchor, nodes);
        }
    }

    fn refuse_tag(&mut self, tag: Option<&Tag>, span: YamlSpan) {
        if let Some(tag) = tag {
            let written = if tag.handle == "tag:yaml.org,2002:" {
                format!("!!{}", tag.suffix)
            } else {
                format!("{}{}", tag.handle, tag.suffix)
            };
            self.problem(
                span,
                format!("YAML tags such as `{written}` are not part of the spec format"),
                "remove the tag: every value of the spec is plain text, a number, a list or a mapping",
            );
        }
    }

    /// The parser's own error: stopping here, rather than handing the text on to serde_yaml,
    /// keeps a text nested too deep to parse from costing more than its size.
    fn syntax_error(&mut self, error: &ScanError) {
        let at = *error.marker();
        // The scanner looks ahead through flow collections (`[[[[…`), and gives up 256 levels
        // down, before the events reach this pass's own limit.
        if error.info() == "recursion limit exceeded" {
            self.too_deep(YamlSpan::new(at, at));
            return;
        }
        self.problems.push(super::syntax_problem_at(
            self.source,
            at.line(),
            at.col() + 1,
            error.info().to_owned(),
        ));
    }

    fn too_deep(&mut self, span: YamlSpan) {
        self.problem(
            span,
            format!("the spec nests deeper than {MAX_DEPTH} levels"),
            "no spec needs this depth: flatten the nesting",
        );
    }

    fn problem(&mut self, span: YamlSpan, message: String, help: &str) {
        let index = self
            .index
            .get_or_insert_with(|| CharIndex::new(self.source));
        let span: Span = index.located(self.source, span);
        self.problems.push(Problem {
            message,
            path: None,
            span: Some(span),
            help: Some(help.to_owned()),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(source: &str) -> Vec<String> {
        problems(source)
            .into_iter()
            .map(|problem| problem.message)
            .collect()
    }

    #[test]
    fn the_real_spec_has_a_plain_shape() {
        assert_eq!(
            messages(include_str!("../../../spec/resolution-939.yaml")),
            Vec::<String>::new()
        );
    }

    #[test]
    fn nesting_stops_at_the_limit_and_is_placed_there() {
        let fits = format!(
            "a: {}{}",
            "[".repeat(MAX_DEPTH - 1),
            "]".repeat(MAX_DEPTH - 1)
        );
        assert_eq!(messages(&fits), Vec::<String>::new());
        // Block collections are counted as the parser meets them: the 65th is refused.
        let block: String = (0..1_000)
            .map(|level| format!("{}- a:\n", "  ".repeat(level)))
            .collect();
        let found = problems(&block);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].message, "the spec nests deeper than 64 levels");
        let span = found[0].span.as_ref().unwrap();
        // Each level is a sequence and a mapping: the 65th collection is the 33rd sequence.
        assert_eq!(span.line, 33);
        // Flow collections are refused as deep as the parser's look-ahead gives up.
        let flow = format!("a: {}{}", "[".repeat(100_000), "]".repeat(100_000));
        let found = problems(&flow);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].message, "the spec nests deeper than 64 levels");
    }

    #[test]
    fn tags_are_refused_where_written() {
        let found = problems("a: !!binary aGVsbG8=\nb: !foo { c: 1 }\nc: plain\n");
        let messages: Vec<&str> = found.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "YAML tags such as `!!binary` are not part of the spec format",
                "YAML tags such as `!foo` are not part of the spec format",
            ]
        );
        assert_eq!(found[1].span.as_ref().unwrap().line, 2);
    }

    #[test]
    fn aliases_are_fine_until_they_repeat_too_much() {
        assert_eq!(
            messages("a: &x { b: 1, c: [1, 2] }\nd: *x\ne: *x\n"),
            Vec::<String>::new()
        );
        // Each level doubles the last: ten levels of ten aliases repeat 10^10 nodes.
        let mut bomb = String::from("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for level in 1..10 {
            let previous = format!("*l{}", level - 1);
            let items = [previous.as_str(); 10].join(", ");
            bomb.push_str(&format!("l{level}: &l{level} [{items}]\n"));
        }
        assert_eq!(
            messages(&bomb),
            ["the spec's aliases repeat more than 100000 nodes in all"]
        );
    }
}
