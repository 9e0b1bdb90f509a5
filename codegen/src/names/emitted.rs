//! The generated code declares exactly the names [`super::scopes`] lists, scope by scope: a new
//! generated item whose name is not listed, or a listed name no longer emitted, fails here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::scopes::{self, Scope};
use crate::{CRATE_MODULE_DIR, Spec};

type Names = BTreeMap<Scope, BTreeSet<String>>;

/// What the parsed module `items` at `path` declares, reading child modules from `files`.
fn walk(
    items: &[syn::Item],
    path: &[String],
    files: &BTreeMap<String, syn::File>,
    names: &mut Names,
) {
    let mut declared: Vec<(Scope, String)> = Vec::new();
    let module = || Scope::Module(path.to_vec());
    let parameters = |generics: &syn::Generics, declared: &mut Vec<(Scope, String)>| {
        for parameter in generics.type_params() {
            declared.push((module(), parameter.ident.to_string()));
        }
    };
    let mut nested = Vec::new();
    for item in items {
        match item {
            syn::Item::Mod(item) => {
                declared.push((module(), item.ident.to_string()));
                let mut inner = path.to_vec();
                inner.push(item.ident.to_string());
                let content = match &item.content {
                    Some((_, content)) => content.clone(),
                    None => files[&format!("{}.rs", item.ident)].items.clone(),
                };
                nested.push((content, inner));
            }
            syn::Item::Use(item) => {
                use_leaves(&item.tree, &mut |name| declared.push((module(), name)));
            }
            syn::Item::Struct(item) => {
                declared.push((module(), item.ident.to_string()));
                if let syn::Fields::Named(fields) = &item.fields {
                    for field in &fields.named {
                        let scope = Scope::Fields(path.to_vec(), item.ident.to_string());
                        declared.push((scope, field.ident.as_ref().expect("named").to_string()));
                    }
                }
                parameters(&item.generics, &mut declared);
            }
            syn::Item::Enum(item) => {
                declared.push((module(), item.ident.to_string()));
                parameters(&item.generics, &mut declared);
            }
            syn::Item::Trait(item) => {
                declared.push((module(), item.ident.to_string()));
                parameters(&item.generics, &mut declared);
            }
            syn::Item::Type(item) => {
                declared.push((module(), item.ident.to_string()));
                parameters(&item.generics, &mut declared);
            }
            syn::Item::Fn(item) => declared.push((module(), item.sig.ident.to_string())),
            syn::Item::Const(item) if item.ident != "_" => {
                declared.push((module(), item.ident.to_string()));
            }
            syn::Item::Impl(item) => {
                parameters(&item.generics, &mut declared);
                // A trait's methods are the trait's names, not the type's.
                if item.trait_.is_some() {
                    continue;
                }
                let syn::Type::Path(self_type) = &*item.self_ty else {
                    panic!("an inherent impl of a path type");
                };
                let type_name = self_type.path.segments.last().unwrap().ident.to_string();
                for impl_item in &item.items {
                    if let syn::ImplItem::Fn(function) = impl_item {
                        let scope = Scope::Associated(path.to_vec(), type_name.clone());
                        declared.push((scope, function.sig.ident.to_string()));
                    }
                }
            }
            _ => {}
        }
    }
    for (scope, name) in declared {
        names.entry(scope).or_default().insert(name);
    }
    for (content, inner) in nested {
        walk(&content, &inner, files, names);
    }
}

fn use_leaves(tree: &syn::UseTree, declare: &mut impl FnMut(String)) {
    match tree {
        syn::UseTree::Path(path) => use_leaves(&path.tree, declare),
        syn::UseTree::Name(name) => declare(name.ident.to_string()),
        syn::UseTree::Rename(rename) => declare(rename.rename.to_string()),
        syn::UseTree::Group(group) => group
            .items
            .iter()
            .for_each(|item| use_leaves(item, declare)),
        syn::UseTree::Glob(_) => panic!("the generated code imports nothing by glob"),
    }
}

/// What the generated crate sources of `spec` declare, and what [`scopes::declarations`] lists.
fn emitted_and_listed(spec: &str) -> (Names, Names) {
    let spec = Spec::parse(spec, "spec.yaml").expect("a valid spec");
    let output = spec.crate_sources().expect("it generates");
    let files: BTreeMap<String, syn::File> = output
        .files()
        .iter()
        .filter_map(|file| {
            let relative = file.path.strip_prefix(CRATE_MODULE_DIR).ok()?;
            let name = relative.to_str()?.to_owned();
            Some((
                name,
                syn::parse_file(&file.contents).expect("generated Rust parses"),
            ))
        })
        .collect();
    let mut emitted = Names::new();
    walk(&files["mod.rs"].items, &[], &files, &mut emitted);
    let mut listed = Names::new();
    for declaration in scopes::declarations(spec.model()) {
        listed
            .entry(declaration.scope)
            .or_default()
            .insert(declaration.name);
    }
    (emitted, listed)
}

/// What the single file of `spec` declares (taking its values and, where they are the same, its
/// composites from `dactylo-records`), and what [`scopes::declarations_reusing`] lists.
fn emitted_and_listed_single(spec: &str) -> (Names, Names) {
    let spec = Spec::parse(spec, "spec.yaml").expect("a valid spec");
    let output = spec
        .single_file(&crate::SingleFile::new("records.rs"))
        .expect("it generates");
    let file = syn::parse_file(&output.files()[0].contents).expect("generated Rust parses");
    let mut emitted = Names::new();
    walk(&file.items, &[], &BTreeMap::new(), &mut emitted);
    let reused = super::records_crate::reusable(spec.model());
    let mut listed = Names::new();
    for declaration in scopes::declarations_reusing(spec.model(), &reused) {
        listed
            .entry(declaration.scope)
            .or_default()
            .insert(declaration.name);
    }
    (emitted, listed)
}

fn assert_same(spec: &str) {
    compare(emitted_and_listed(spec));
    compare(emitted_and_listed_single(spec));
}

fn compare((emitted, listed): (Names, Names)) {
    let scopes: BTreeSet<&Scope> = emitted.keys().chain(listed.keys()).collect();
    for scope in scopes {
        let empty = BTreeSet::new();
        let (emitted, listed) = (
            emitted.get(scope).unwrap_or(&empty),
            listed.get(scope).unwrap_or(&empty),
        );
        let unlisted: Vec<_> = emitted.difference(listed).collect();
        let missing: Vec<_> = listed.difference(emitted).collect();
        assert!(
            unlisted.is_empty() && missing.is_empty(),
            "{scope:?}: emitted but not listed {unlisted:?}; listed but not emitted {missing:?}"
        );
    }
}

#[test]
fn the_real_spec_declares_exactly_the_listed_names() {
    assert_same(include_str!("../../../spec/resolution-939.yaml"));
}

#[test]
fn a_small_spec_declares_exactly_the_listed_names() {
    // One required field (a layout of one place), only optional fields, a composite with periods.
    let spec = "\
act:
  kind: { kk: қ, en: R }
  issuer: { kk: ү, en: g }
  number: 1
  date: 2024-01-01
  title: { kk: т, en: t }
  legal_basis: { kk: н, en: b }
  signatory: { kk: п, en: p }
  in_force: { rule: { kk: к, en: f }, on: 2024-01-02 }
  citations:
    paragraph: { kk_label: \"{paragraph}\", en: \"{paragraph}\" }
    item: { kk_label: \"{paragraph}.{item}\", en: \"{paragraph}.{item}\" }
  status: in_force
values:
  Date: { en: A date., example: 'jiff::civil::date(2024, 1, 1)', schema: { type: string } }
  Name: { en: A name., example: 'Name::new(\"A\")?', schema: { type: string } }
composites:
  Span:
    kk: мерзім
    en: span
    parts:
      - { ident: start, type: Date, kk: басы, en: start }
      - { ident: end, type: Date, kk: соңы, en: end }
      - { ident: note, type: Name, kk: ескерту, en: note, optional: true }
    periods: [{ start: start, end: end }]
records:
  One:
    paragraph: 1
    lead_in: { kk: а, en: a }
    fields:
      - { ident: span, type: Span, citation: { paragraph: 1, item: 1 }, kk: м, en: s }
  Loose:
    paragraph: 2
    lead_in: { kk: а, en: a }
    fields:
      - { ident: name, type: Name, citation: { paragraph: 2, item: 1 }, kk: а, en: n, optional: true, condition: { kk: бар болса, en: if any } }
";
    assert_same(spec);
}

#[test]
fn a_spec_that_changes_a_composite_generates_it_and_reuses_the_rest() {
    let spec = include_str!("../../../spec/resolution-939.yaml").replacen(
        "      - ident: place\n",
        "      - ident: place_of_birth\n",
        1,
    );
    let parsed = Spec::parse(&spec, "spec.yaml").unwrap();
    let reused = super::records_crate::reusable(parsed.model());
    assert!(!reused.contains("Birth"), "{reused:?}");
    assert!(
        reused.contains("FullName") && reused.contains("Expulsion"),
        "{reused:?}"
    );
    assert_same(&spec);
}

#[test]
fn files_are_listed_as_written() {
    let spec = Spec::parse(
        include_str!("../../../spec/resolution-939.yaml"),
        "spec.yaml",
    )
    .unwrap();
    let output = spec.crate_sources().unwrap();
    let written: BTreeSet<String> = output
        .files()
        .iter()
        .filter(|file| file.path != Path::new("README.md"))
        .map(|file| {
            file.path
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let listed: BTreeSet<String> =
        scopes::crate_files(spec.model(), CRATE_MODULE_DIR, crate::SCHEMA_DIR)
            .into_iter()
            .map(|declaration| declaration.name)
            .collect();
    assert_eq!(written, listed);
    let cases = spec.compile_fail_cases("dactylo_records").unwrap();
    let written: BTreeSet<String> = cases
        .files()
        .iter()
        .map(|file| file.path.display().to_string())
        .collect();
    let listed: BTreeSet<String> = scopes::case_files(spec.model())
        .into_iter()
        .map(|declaration| declaration.name)
        .collect();
    assert_eq!(written, listed);
}
