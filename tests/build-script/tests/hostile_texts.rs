//! A spec whose texts hold `*/`, quotes, backslashes, `#`, backticks, braces and lone carriage
//! returns generates code that compiles (this crate builds it) and documents each text as written.

use dactylo_build_script_example::hostile::{Tricky, TrickyRecord};
use dactylo_codegen::Spec;
use dactylo_codegen::model::{Member, Presence};
use dactylo_records::Name;
use syn::visit::Visit;

const GENERATED: &str = include_str!(concat!(env!("OUT_DIR"), "/hostile.rs"));
const SPEC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/hostile-texts.yaml");

#[test]
fn the_generated_code_builds_a_record() {
    let name = Tricky {
        surname: Name::new("O'Connor").unwrap(),
        note: None,
    };
    let record = TrickyRecord::builder().name(name.clone()).build();
    assert_eq!(record.name, name);
}

/// Every string of `#[doc]` and `#[diagnostic::on_unimplemented(message = …)]` in the file.
#[derive(Default)]
struct Strings {
    docs: Vec<String>,
    messages: Vec<String>,
}

impl<'ast> Visit<'ast> for Strings {
    fn visit_attribute(&mut self, attribute: &'ast syn::Attribute) {
        if attribute.path().is_ident("doc") {
            if let syn::Meta::NameValue(doc) = &attribute.meta
                && let syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(text),
                    ..
                }) = &doc.value
            {
                self.docs.push(text.value());
            }
        } else if attribute
            .path()
            .segments
            .last()
            .is_some_and(|s| s.ident == "on_unimplemented")
        {
            attribute
                .parse_nested_meta(|meta| {
                    let text: syn::LitStr = meta.value()?.parse()?;
                    if meta.path.is_ident("message") {
                        self.messages.push(text.value());
                    }
                    Ok(())
                })
                .unwrap();
        }
    }
}

/// The text a reader sees once the Markdown of `doc` is rendered, as rustdoc renders it (with
/// its options, smart punctuation included): an escape, code span, emphasis or curled quote the
/// generator failed to prevent would change it.
fn rendered(doc: &str) -> String {
    use pulldown_cmark::Options;
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION;
    let mut text = String::new();
    for event in pulldown_cmark::Parser::new_ext(doc, options) {
        match event {
            pulldown_cmark::Event::Text(part) | pulldown_cmark::Event::Code(part) => {
                text.push_str(&part)
            }
            pulldown_cmark::Event::SoftBreak | pulldown_cmark::Event::HardBreak => text.push(' '),
            pulldown_cmark::Event::End(_) => text.push('\n'),
            _ => {}
        }
    }
    text
}

/// The spec's line breaks and carriage returns are layout; the words are what must show.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn texts() -> Vec<String> {
    let model = Spec::load(SPEC).unwrap().model().clone();
    let mut texts = vec![model.act.kind.en.clone()];
    let mut member = |member: &Member| {
        texts.push(member.texts.kk.clone());
        texts.push(member.texts.en.clone());
        texts.extend(member.reading.clone());
        if let Presence::Optional {
            condition: Some(condition),
        } = &member.presence
        {
            texts.push(condition.kk.clone());
            texts.push(condition.en.clone());
        }
    };
    for composite in &model.composites {
        composite.parts.iter().for_each(&mut member);
    }
    for record in &model.records {
        record.fields.iter().for_each(|field| member(&field.member));
    }
    for composite in &model.composites {
        texts.push(composite.texts.kk.clone());
        texts.push(composite.texts.en.clone());
        texts.extend(composite.reading.clone());
    }
    for record in &model.records {
        texts.push(record.lead_in.kk.clone());
        texts.push(record.lead_in.en.clone());
        texts.extend(record.reading.clone());
    }
    texts
}

#[test]
fn the_docs_show_every_text_as_written() {
    let mut strings = Strings::default();
    strings.visit_file(&syn::parse_file(GENERATED).expect("the generated file parses"));
    let docs = rendered(&strings.docs.join("\n"));
    // The act's words may be split across lines of rendering; compare them on one line each.
    let docs: Vec<String> = docs.lines().map(one_line).collect();
    let docs = docs.join("\n");
    for text in texts() {
        let text = one_line(&text);
        assert!(
            docs.lines().any(|line| line.contains(&text)),
            "«{text}» is not in the rendered docs:\n{docs}"
        );
    }
    // No doc line carries a raw carriage return, which `///` cannot hold.
    assert!(strings.docs.iter().all(|doc| !doc.contains('\r')));
}

#[test]
fn compiler_messages_show_braces_as_written() {
    let mut strings = Strings::default();
    strings.visit_file(&syn::parse_file(GENERATED).unwrap());
    // `on_unimplemented` reads `{…}` as a placeholder, so a literal brace is doubled.
    let missing = strings
        .messages
        .iter()
        .find(|message| message.starts_with("TrickyRecord is missing `name`"))
        .expect("the message for a missing `name`");
    // A doubled brace stands for one; a brace alone would be a placeholder, or an error.
    let shown = missing.replace("{{", "\u{0}").replace("}}", "\u{1}");
    assert!(!shown.contains(['{', '}']), "{missing}");
    let shown = shown.replace('\u{0}', "{").replace('\u{1}', "}");
    assert_eq!(
        shown,
        "TrickyRecord is missing `name`: Rules } of a }}, paragraph 1, subparagraph 1) */ %s"
    );
    // The citation form's own braces too.
    let twice = strings
        .messages
        .iter()
        .find(|message| message.contains("already set"))
        .expect("a message for an item set twice")
        .replace("{{", "{")
        .replace("}}", "}");
    assert!(twice.ends_with("subparagraph 1) */ %s"), "{twice}");
}
