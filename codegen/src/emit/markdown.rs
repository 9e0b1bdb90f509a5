//! The act's words in Markdown, so that rustdoc (and a README's renderer) shows them as written.
//!
//! rustdoc reads doc comments as CommonMark with tables, footnotes, strikethrough, task lists and
//! smart punctuation, and warns of URLs that are not links. So every character that could start
//! markup is escaped (`*`, `[`, `<`, `&`, …), so is every one that smart punctuation would turn
//! into another (`"` and `'` into curly quotes, `--` into a dash, `...` into an ellipsis), and a
//! URL becomes an autolink, which shows it as written and makes it a link.

/// The text on one line, escaped as the module says. The spec's line breaks are layout, not
/// meaning, and a doc line cannot hold one.
pub(crate) fn markdown(text: &str) -> String {
    let text = one_line(text);
    let mut escaped = String::with_capacity(text.len() + text.len() / 8);
    let mut previous: Option<char> = None;
    let mut rest = text.as_str();
    while let Some(c) = rest.chars().next() {
        // rustdoc finds a URL wherever its scheme begins, even inside a word.
        if let Some(length) = url_length(rest) {
            escaped.push('<');
            escaped.push_str(&rest[..length]);
            escaped.push('>');
            previous = rest[..length].chars().next_back();
            rest = &rest[length..];
            continue;
        }
        let next = rest[c.len_utf8()..].chars().next();
        let position = Position {
            previous,
            next,
            at_start: escaped.is_empty(),
            after_leading_digits: !escaped.is_empty()
                && escaped.chars().all(|c| c.is_ascii_digit()),
        };
        if needs_escape(c, &position) {
            escaped.push('\\');
        }
        escaped.push(c);
        previous = Some(c);
        rest = &rest[c.len_utf8()..];
    }
    escaped
}

/// The text on one line: every run of whitespace (line breaks, tabs, carriage returns) as one
/// space.
pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where a character is in the text.
struct Position {
    previous: Option<char>,
    next: Option<char>,
    /// It begins the text, which may begin a line and so a block (`- `, `+ `, `=`).
    at_start: bool,
    /// Only digits come before it: `1.` or `1)` would begin an ordered list.
    after_leading_digits: bool,
}

/// Whether `c` must be escaped where it is.
fn needs_escape(c: char, at: &Position) -> bool {
    match c {
        // Inline markup, links, HTML, entities, headings, tables, strikethrough, and the
        // quotes smart punctuation curls.
        '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '"' | '\'' => true,
        // A dash or an ellipsis to smart punctuation; at the start, a list or a thematic break.
        '-' => at.at_start || at.previous == Some('-') || at.next == Some('-'),
        '.' => at.after_leading_digits || at.previous == Some('.') || at.next == Some('.'),
        ')' => at.after_leading_digits,
        // A list marker, or a setext heading's underline.
        '+' | '=' => at.at_start,
        _ => false,
    }
}

/// The length of the URL `text` begins with, if it begins with one: `http://` or `https://`
/// and what follows up to a space or a character an autolink cannot hold, less the punctuation
/// that ends a sentence rather than the URL. A `|` ends it too: a table's cell would end there,
/// autolink or not, and RFC 3986 has it percent-encoded in a URL.
///
/// Linear in the URL's length: its parentheses are counted once, then its end is trimmed a
/// character at a time.
fn url_length(text: &str) -> Option<usize> {
    let scheme = ["https://", "http://"]
        .into_iter()
        .find(|scheme| text.starts_with(scheme))?;
    let end = text
        .char_indices()
        .find(|(_, c)| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '|'))
        .map_or(text.len(), |(offset, _)| offset);
    let mut url = &text[..end];
    let opened = url.matches('(').count();
    let mut closed = url.matches(')').count();
    while let Some(last) = url.chars().next_back() {
        let sentence_end = matches!(last, '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '"');
        let unmatched = last == ')' && closed > opened;
        if !(sentence_end || unmatched) {
            break;
        }
        closed -= usize::from(unmatched);
        url = &url[..url.len() - last.len_utf8()];
    }
    (url.len() > scheme.len()).then_some(url.len())
}

// The rule of the property tests' seeds (a file of the acceptance tests), for the property below.
#[cfg(test)]
#[path = "../../../tests/src/seeds.rs"]
mod seeds;

#[cfg(test)]
mod tests {
    use super::seeds;
    use super::*;

    #[test]
    fn escapes_what_rustdoc_would_interpret() {
        assert_eq!(markdown("a *b* [c]\n  d"), r"a \*b\* \[c\] d");
        assert_eq!(markdown("тегі, аты"), "тегі, аты");
        assert_eq!(
            markdown("\"Закон\" -- бап..."),
            r#"\"Закон\" \-\- бап\.\.\."#
        );
        assert_eq!(markdown("- item"), r"\- item");
        assert_eq!(markdown("a - b"), "a - b");
        assert_eq!(markdown("A &amp; B"), r"A \&amp; B");
        assert_eq!(markdown("1. бірінші"), r"1\. бірінші");
        assert_eq!(markdown("12) он екі, 3.5"), r"12\) он екі, 3.5");
    }

    #[test]
    fn a_pipe_ends_a_url_so_that_a_table_s_cell_does_not() {
        assert_eq!(
            markdown("see https://x.kz/a|b here"),
            "see <https://x.kz/a>\\|b here"
        );
        let table = format!(
            "| a | b |\n|---|---|\n| {} | c |\n",
            markdown("https://x.kz/a|b")
        );
        let cells = pulldown_cmark::Parser::new_ext(&table, rustdoc_options())
            .filter(|event| {
                matches!(
                    event,
                    pulldown_cmark::Event::Start(pulldown_cmark::Tag::TableCell)
                )
            })
            .count();
        assert_eq!(cells, 4, "{table}");
    }

    #[test]
    fn unmatched_closing_parentheses_leave_the_url_one_by_one() {
        let many = ")".repeat(20_000);
        let escaped = markdown(&format!("https://x.kz/(a){many}"));
        assert!(
            escaped == format!("<https://x.kz/(a)>{many}"),
            "{}",
            &escaped[..40]
        );
    }

    #[test]
    fn a_url_becomes_an_autolink_without_the_sentence_s_end() {
        assert_eq!(
            markdown("see https://adilet.zan.kz/kaz/docs/P2400000939."),
            "see <https://adilet.zan.kz/kaz/docs/P2400000939>."
        );
        assert_eq!(
            markdown("(http://example.com/a_b)"),
            r"(<http://example.com/a_b>)"
        );
        assert_eq!(markdown("атыhttps://x.kz/a"), "аты<https://x.kz/a>");
        assert_eq!(markdown("http:// alone"), "http:// alone");
    }

    /// The Markdown extensions rustdoc turns on (`main_body_opts` in rustdoc's source).
    fn rustdoc_options() -> pulldown_cmark::Options {
        use pulldown_cmark::Options;
        Options::ENABLE_TABLES
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_TASKLISTS
            | Options::ENABLE_SMART_PUNCTUATION
    }

    /// The text a reader sees once `doc` is rendered as rustdoc renders it (its Markdown
    /// options, smart punctuation included); inline HTML is kept as written, so that a tag the
    /// escaping let through shows up as a difference.
    fn rendered(doc: &str) -> String {
        use pulldown_cmark::{Event, Parser};
        let options = rustdoc_options();
        let mut text = String::new();
        for event in Parser::new_ext(doc, options) {
            match event {
                Event::Text(part)
                | Event::Code(part)
                | Event::InlineHtml(part)
                | Event::Html(part) => {
                    text.push_str(&part);
                }
                Event::SoftBreak | Event::HardBreak => text.push(' '),
                Event::Rule => text.push_str("<hr>"),
                Event::TaskListMarker(checked) => {
                    text.push_str(if checked { "[x]" } else { "[ ]" })
                }
                Event::FootnoteReference(name) => text.push_str(&format!("[^{name}]")),
                _ => {}
            }
        }
        text
    }

    /// Whether rendering made `doc` into anything but one paragraph of text and autolinks.
    fn structure(doc: &str) -> Vec<String> {
        use pulldown_cmark::{Event, Parser, Tag};
        let options = rustdoc_options();
        Parser::new_ext(doc, options)
            .filter_map(|event| match event {
                Event::Start(Tag::Paragraph | Tag::Link { .. }) => None,
                Event::Start(tag) => Some(format!("{tag:?}")),
                Event::Html(html) | Event::InlineHtml(html) => Some(format!("html {html}")),
                _ => None,
            })
            .collect()
    }

    fn hostile_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop::sample::select(vec![
            "тегі",
            "Әйгерім",
            "a",
            "1",
            "12",
            " ",
            "  ",
            "\n",
            "\t",
            "\r",
            "*",
            "**",
            "_",
            "__",
            "`",
            "``",
            "[",
            "]",
            "(",
            ")",
            "<",
            ">",
            "<b>",
            "</b>",
            "<!--",
            "&",
            "&amp;",
            "&#64;",
            "#",
            "##",
            "|",
            "~",
            "~~",
            "\\",
            "\"",
            "'",
            "-",
            "--",
            "---",
            "+",
            "=",
            "===",
            ".",
            "...",
            "!",
            "![",
            "[^1]",
            "[ ]",
            "[x]",
            ":",
            "{0}",
            "{}",
            "https://adilet.zan.kz/kaz/docs/P2400000939",
            "http://example.com/a_b*c",
            "http://",
            "www.example.com",
            "<https://x.kz>",
            "1.",
            "1)",
            "\u{00A0}",
            "\u{200B}",
            "\u{FEFF}",
            "\u{2028}",
            "🙂",
            "ع",
            "中",
        ]);
        prop::collection::vec(piece, 1..12).prop_map(|pieces| pieces.concat())
    }

    proptest::proptest! {
        #![proptest_config(seeds::config(2048))]

        #[test]
        fn rustdoc_renders_every_text_as_written(text in hostile_text()) {
            let expected = one_line(&text);
            proptest::prop_assume!(!expected.is_empty());
            for prefix in ["", "- kk: ", "> ", "| 1 | "] {
                let doc = format!("{prefix}{}", markdown(&text));
                let shown = rendered(&doc);
                let shown_prefix = rendered(prefix).trim().to_owned();
                let shown = shown.strip_prefix(&shown_prefix).unwrap_or(&shown).trim_start();
                proptest::prop_assert_eq!(shown, expected.as_str(), "doc: {}", doc);
                let mut expected_structure = structure(prefix);
                expected_structure.dedup();
                let mut found = structure(&doc);
                found.dedup();
                proptest::prop_assert_eq!(found, expected_structure, "doc: {}", doc);
            }
        }
    }
}
