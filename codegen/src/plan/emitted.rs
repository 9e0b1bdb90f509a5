//! The safety net of the plan: every name the generated code declares (an item, a field, a
//! method, a type parameter, an import) is a declaration of the plan in the same scope, so that
//! no emitter writes a name the checker has not seen.

use std::collections::{BTreeMap, BTreeSet};

use super::{Destination, Plan, Scope};
use crate::{CRATE_MODULE_DIR, SingleFile, Spec};

type Names = BTreeSet<(Scope, String)>;

fn declare(names: &mut Names, scope: Scope, name: &syn::Ident) {
    names.insert((scope, name.to_string()));
}

/// What the parsed module `items` at `path` declares, reading child modules from `files`.
fn walk(
    items: &[syn::Item],
    path: &[String],
    files: &BTreeMap<String, syn::File>,
    names: &mut Names,
) {
    let module = || Scope::Module(path.to_vec());
    for item in items {
        let generics = match item {
            syn::Item::Mod(item) => {
                declare(names, module(), &item.ident);
                let content = match &item.content {
                    Some((_, content)) => content.clone(),
                    None => files[&format!("{}.rs", item.ident)].items.clone(),
                };
                let mut inner = path.to_vec();
                inner.push(item.ident.to_string());
                walk(&content, &inner, files, names);
                None
            }
            syn::Item::Use(item) => {
                use_leaves(&item.tree, &mut |name| declare(names, module(), name));
                None
            }
            syn::Item::Struct(item) => {
                declare(names, module(), &item.ident);
                for field in item.fields.iter().filter_map(|field| field.ident.as_ref()) {
                    declare(
                        names,
                        Scope::Fields(path.to_vec(), item.ident.to_string()),
                        field,
                    );
                }
                Some((module(), &item.generics))
            }
            syn::Item::Trait(item) => {
                declare(names, module(), &item.ident);
                for inner in &item.items {
                    if let syn::TraitItem::Fn(function) = inner {
                        let scope = Scope::Associated(path.to_vec(), item.ident.to_string());
                        declare(names, scope, &function.sig.ident);
                    }
                }
                Some((module(), &item.generics))
            }
            syn::Item::Fn(item) => {
                declare(names, module(), &item.sig.ident);
                let scope = Scope::Function(path.to_vec(), item.sig.ident.to_string());
                Some((scope, &item.sig.generics))
            }
            syn::Item::Const(item) => {
                declare(names, module(), &item.ident);
                None
            }
            syn::Item::Impl(item) => {
                // A trait's methods are the trait's names, not the type's.
                if item.trait_.is_none()
                    && let syn::Type::Path(self_type) = &*item.self_ty
                {
                    let type_name = self_type.path.segments.last().unwrap().ident.to_string();
                    for inner in &item.items {
                        if let syn::ImplItem::Fn(function) = inner {
                            let scope = Scope::Associated(path.to_vec(), type_name.clone());
                            declare(names, scope, &function.sig.ident);
                        }
                    }
                }
                Some((module(), &item.generics))
            }
            other => panic!(
                "the generated code declares an item the plan knows no kind of: {}",
                quote::ToTokens::to_token_stream(other)
            ),
        };
        if let Some((scope, generics)) = generics {
            for parameter in generics.type_params() {
                declare(names, scope.clone(), &parameter.ident);
            }
        }
    }
}

fn use_leaves(tree: &syn::UseTree, declare: &mut impl FnMut(&syn::Ident)) {
    match tree {
        syn::UseTree::Path(path) => use_leaves(&path.tree, declare),
        syn::UseTree::Name(name) => {
            declare(&name.ident);
        }
        syn::UseTree::Rename(rename) => {
            declare(&rename.rename);
        }
        syn::UseTree::Group(group) => group
            .items
            .iter()
            .for_each(|item| use_leaves(item, declare)),
        // The compile-fail programs import the records crate whole; nothing else does.
        syn::UseTree::Glob(_) => {}
    }
}

fn planned(plan: &Plan) -> Names {
    plan.declarations()
        .iter()
        .map(|declaration| (declaration.scope.clone(), declaration.name.clone()))
        .collect()
}

fn assert_planned(emitted: &Names, plan: &Plan, output: &str) {
    let planned = planned(plan);
    let unplanned: Vec<_> = emitted.difference(&planned).collect();
    assert!(
        unplanned.is_empty(),
        "{output} declares names the plan does not: {unplanned:?}"
    );
}

fn parse(contents: &str) -> syn::File {
    syn::parse_file(contents).expect("generated Rust parses")
}

/// Every output of `spec`: the crate's module directory, a single file reusing the records
/// crate's composites, and the compile-fail programs.
fn assert_every_output_planned(spec: &str) {
    let spec = Spec::parse(spec, "spec.yaml").expect("a valid spec");
    let model = spec.model();

    let crate_sources = spec.crate_sources().expect("it generates");
    let files: BTreeMap<String, syn::File> = crate_sources
        .files()
        .iter()
        .filter_map(|file| {
            let relative = file.path.strip_prefix(CRATE_MODULE_DIR).ok()?;
            Some((relative.to_str()?.to_owned(), parse(&file.contents)))
        })
        .collect();
    let mut emitted = Names::new();
    walk(&files["mod.rs"].items, &[], &files, &mut emitted);
    let destination = Destination {
        records_crate: true,
        ..Destination::default()
    };
    assert_planned(&emitted, &Plan::new(model, &destination), "the crate");

    let single = spec
        .single_file(&SingleFile::new("records.rs"))
        .expect("it generates");
    let mut emitted = Names::new();
    walk(
        &parse(&single.files()[0].contents).items,
        &[],
        &BTreeMap::new(),
        &mut emitted,
    );
    let destination = Destination {
        reused: crate::names::records_crate::reusable(model),
        ..Destination::default()
    };
    assert_planned(&emitted, &Plan::new(model, &destination), "the single file");

    let cases = spec
        .compile_fail_cases("dactylo_records")
        .expect("it generates");
    let mut emitted = Names::new();
    for file in cases.files() {
        let stem = file
            .path
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        walk(
            &parse(&file.contents).items,
            &[stem],
            &BTreeMap::new(),
            &mut emitted,
        );
    }
    let destination = Destination {
        cases: true,
        ..Destination::default()
    };
    assert_planned(
        &emitted,
        &Plan::new(model, &destination),
        "the compile-fail programs",
    );
}

#[test]
fn the_real_spec_declares_only_planned_names() {
    assert_every_output_planned(include_str!("../../../spec/resolution-939.yaml"));
}

#[test]
fn a_small_spec_declares_only_planned_names() {
    // One required field (a layout of one place), only optional fields, a composite with periods.
    assert_every_output_planned(super::tests::SMALL_SPEC);
}

#[test]
fn a_spec_that_changes_a_composite_reuses_the_rest_as_planned() {
    // The part is renamed where the composite declares it and where the record maps it.
    let spec = include_str!("../../../spec/resolution-939.yaml")
        .replacen(
            "      - ident: place\n",
            "      - ident: place_of_birth\n",
            1,
        )
        .replacen(
            "{ date: 2.021, place: 2.022 }",
            "{ date: 2.021, place_of_birth: 2.022 }",
            1,
        );
    let parsed = Spec::parse(&spec, "spec.yaml").unwrap();
    let reused = crate::names::records_crate::reusable(parsed.model());
    assert!(!reused.contains("Birth"), "{reused:?}");
    assert!(
        reused.contains("FullName") && reused.contains("Expulsion"),
        "{reused:?}"
    );
    assert_every_output_planned(&spec);
}
