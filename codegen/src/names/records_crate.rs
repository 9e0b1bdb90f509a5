//! What the generator knows of `dactylo-records` beyond its value types (which
//! `dactylo_values::catalogue` lists): the names its crate root already takes, and the shapes of
//! the composites generated into it.
//!
//! The first list is written by hand, and a test below checks it against what
//! `generated/src/lib.rs` declares. The second is `records_composites.txt`, which this
//! repository's run of `dactylo-codegen` writes with the crate.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Composite, Model, TypeRef};

/// The composites of `dactylo-records`, one per line: its name, a tab, its shape
/// ([`Composite::shape`]); lines of `#` are comments.
const COMPOSITES: &str = include_str!("records_composites.txt");

/// [`COMPOSITES`] as pairs of a name and a shape.
fn composites() -> impl Iterator<Item = (&'static str, &'static str)> {
    COMPOSITES
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| line.split_once('\t'))
}

/// The names `generated/src/lib.rs` declares at the crate's root beside the generated module's
/// items (`pub use records::*`): an explicit name there would hide a generated item of the same
/// name without a word from the compiler.
pub(crate) const ROOT_NAMES: [&str; 39] = [
    "jiff",
    "values",
    "records",
    "de",
    "nist",
    "Absence",
    "Act",
    "Applied",
    "Base64Problem",
    "Capture",
    "CaptureSetError",
    "CodeError",
    "CompositeError",
    "DOCUMENT_NUMBER_LIMIT",
    "DateError",
    "DateProblem",
    "EncodingError",
    "EncodingProblem",
    "EntryIntoForce",
    "FINGER_IMPRESSION_LIMIT",
    "FingerPosition",
    "IMPRESSION_LIMIT",
    "IcaoNationality",
    "IinError",
    "ImageFormat",
    "Impression",
    "ImpressionFormat",
    "Known",
    "NAME_LIMIT",
    "NoneGivenError",
    "PHOTO_LIMIT",
    "PalmPosition",
    "PeriodError",
    "Repeal",
    "SIGNATURE_LIMIT",
    "TEXT_LIMIT",
    "TextError",
    "TextProblem",
    "ValueError",
];

/// The generated crate's name, as code and examples write it.
pub(crate) const CRATE_NAME: &str = "dactylo_records";

/// The module of `dactylo-records` the generated module is: `src/records/`, declared by
/// `generated/src/lib.rs`. A record module of the same name would set off clippy's
/// `module_inception`.
pub(crate) const GENERATED_MODULE: &str = "records";

/// The composites of `model` that `dactylo-records` has, shape for shape: each has a composite of
/// its name and shape in [`COMPOSITES`], and every composite it holds is reusable too.
pub(crate) fn reusable(model: &Model) -> BTreeSet<String> {
    let known: BTreeMap<&str, &str> = composites().collect();
    let same: BTreeSet<&str> = model
        .composites
        .iter()
        .filter(|composite| known.get(composite.name.as_str()) == Some(&composite.shape().as_str()))
        .map(|composite| composite.name.as_str())
        .collect();
    // The checker has refused containment cycles, so the depth of nesting bounds this.
    let holds_only_reusable = |composite: &Composite, reusable: &BTreeSet<&str>| {
        composite.parts.iter().all(|part| match &part.ty {
            TypeRef::Composite(inner) => reusable.contains(inner.as_str()),
            TypeRef::Value(_) => true,
        })
    };
    let mut reusable = same;
    loop {
        let next: BTreeSet<&str> = model
            .composites
            .iter()
            .filter(|composite| reusable.contains(composite.name.as_str()))
            .filter(|composite| holds_only_reusable(composite, &reusable))
            .map(|composite| composite.name.as_str())
            .collect();
        if next == reusable {
            break;
        }
        reusable = next;
    }
    reusable.into_iter().map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use super::*;

    fn source(relative: &str) -> syn::File {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../generated")
            .join(relative);
        let text = std::fs::read_to_string(&path).expect("the records crate is beside codegen");
        syn::parse_file(&text).expect("it parses")
    }

    /// The names a file's `pub use` and `mod` items declare at its top level.
    fn declared(file: &syn::File) -> BTreeSet<String> {
        fn leaves(tree: &syn::UseTree, names: &mut BTreeSet<String>) {
            match tree {
                syn::UseTree::Path(path) => leaves(&path.tree, names),
                syn::UseTree::Name(name) => {
                    names.insert(name.ident.to_string());
                }
                syn::UseTree::Rename(rename) => {
                    names.insert(rename.rename.to_string());
                }
                syn::UseTree::Group(group) => {
                    group.items.iter().for_each(|item| leaves(item, names));
                }
                syn::UseTree::Glob(_) => {}
            }
        }
        let mut names = BTreeSet::new();
        for item in &file.items {
            match item {
                syn::Item::Use(item) => leaves(&item.tree, &mut names),
                syn::Item::Mod(item) => {
                    names.insert(item.ident.to_string());
                }
                _ => {}
            }
        }
        names
    }

    #[test]
    fn the_root_names_are_those_lib_rs_declares() {
        let expected = declared(&source("src/lib.rs"));
        let listed: BTreeSet<String> = ROOT_NAMES.iter().map(ToString::to_string).collect();
        assert_eq!(listed, expected);
    }

    #[test]
    fn every_value_type_is_exported_by_the_values_crate() {
        let exported = declared(&source("values/src/lib.rs"));
        for value in dactylo_values::catalogue::VALUE_TYPES {
            assert!(
                exported.contains(value.name),
                "`{}` is not exported",
                value.name
            );
        }
    }
}
