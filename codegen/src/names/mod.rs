//! Rust names: which spec names are acceptable, the names derived from them, and the names the
//! generator gives its own items.
//!
//! Every rule about names lives here, so that the checker and the emitters cannot disagree: the
//! emitters take every name they write from this module, and [`scopes`] lists, from the same
//! functions and constants, every name the generated code declares and where, so that the
//! checker can refuse a spec whose names would collide.

#[cfg(test)]
mod emitted;
pub(crate) mod records_crate;
pub(crate) mod scopes;

use heck::{ToSnakeCase, ToUpperCamelCase};

/// The naming convention a spec name must follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    /// `full_name`: record fields and composite parts.
    Snake,
    /// `FullName`: records and types.
    Pascal,
}

/// Why a spec name cannot be a Rust name, and how to mend it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NameProblem {
    pub(crate) message: String,
    pub(crate) help: String,
}

/// Why `name` cannot be used as a Rust name of the given case, or `None` when it can.
pub(crate) fn problem_with(name: &str, case: Case) -> Option<NameProblem> {
    let problem = |message: String, help: String| Some(NameProblem { message, help });
    let (expected, description) = match case {
        Case::Snake => (name.to_snake_case(), "snake_case"),
        Case::Pascal => (name.to_upper_camel_case(), "PascalCase"),
    };
    if name.is_empty() {
        return problem(
            "the name is empty".to_owned(),
            format!("write a {description} name"),
        );
    }
    if !name.is_ascii() {
        return problem(
            format!("`{name}` is not ASCII"),
            "Rust names in the spec use ASCII letters, digits and `_`; the act's words go in `kk` and `en`"
                .to_owned(),
        );
    }
    let is_identifier = name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !is_identifier {
        return problem(
            format!("`{name}` is not a valid name"),
            "use ASCII letters, digits and `_`, starting with a letter".to_owned(),
        );
    }
    if is_keyword(name) {
        return problem(
            format!("`{name}` is a Rust keyword"),
            "a keyword cannot name a type, field or part: choose another word".to_owned(),
        );
    }
    if expected != name {
        let help = if is_keyword(&expected) {
            format!("write it in {description}")
        } else {
            format!("did you mean `{expected}`?")
        };
        return problem(format!("`{name}` is not {description}"), help);
    }
    None
}

/// Whether an identifier is a strict or reserved keyword: those syn refuses as identifiers, plus
/// `gen`, reserved since the 2024 edition.
pub(crate) fn is_keyword(name: &str) -> bool {
    name == "gen" || syn::parse_str::<syn::Ident>(name).is_err()
}

/// The builder of a record: `VisaRecord` → `VisaRecordBuilder`.
pub(crate) fn builder(record: &str) -> String {
    format!("{record}Builder")
}

/// The private module holding a record and its builder: `VisaRecord` → `visa_record`. It also
/// names the record's file, JSON Schema and compile-fail cases.
pub(crate) fn record_module(record: &str) -> String {
    record.to_snake_case()
}

/// The type parameter that stands for a required field's leaf in the `impl` of `build()`:
/// `full_name` → `FullNameItem`. (The builder itself has one parameter, its state.)
pub(crate) fn item_parameter(field: &str) -> String {
    format!("{}Item", field.to_upper_camel_case())
}

/// The sealed trait `build()` requires of a field's parameter: `full_name` → `FullNameIsSet`.
pub(crate) fn is_set_trait(field: &str) -> String {
    format!("{}IsSet", field.to_upper_camel_case())
}

/// The sealed trait a required field's setter requires: `full_name` → `FullNameIsUnset`.
pub(crate) fn is_unset_trait(field: &str) -> String {
    format!("{}IsUnset", field.to_upper_camel_case())
}

/// The state of a builder after a required field is set: `full_name` → `SetFullName`.
pub(crate) fn state_alias(field: &str) -> String {
    format!("Set{}", field.to_upper_camel_case())
}

/// The setter of an optional field that takes an `Option`: `iin` → `maybe_iin`.
pub(crate) fn maybe_setter(field: &str) -> String {
    format!("maybe_{field}")
}

/// The constant of the act's dates of force, at the generated module's root.
pub(crate) const ACT_CONSTANT: &str = "ACT";

/// The module of composite types, under the generated module's root.
pub(crate) const COMPOSITES_MODULE: &str = "composites";

/// The public module of the names of the builders' states.
pub(crate) const STATES_MODULE: &str = "states";

/// The hidden module of the machinery the builders share.
pub(crate) const TYPESTATE_MODULE: &str = "typestate";

/// The marker type of an item not yet set, at the generated module's root.
pub(crate) const UNSET_TYPE: &str = "Unset";

/// The state of a builder with no item set.
pub(crate) const EMPTY_STATE: &str = "Empty";

/// The items of [`TYPESTATE_MODULE`], which a record's module imports by name ([`machinery`]).
pub(crate) const STATE_MACHINERY: [&str; 7] =
    ["Filled", "Here", "Left", "Node", "Replace", "Right", "Set"];

/// The type parameters of the items of [`TYPESTATE_MODULE`].
pub(crate) const MACHINERY_PARAMETERS: [&str; 5] = ["L", "P", "R", "S", "T"];

/// The machinery a record module whose builder tracks `required` fields imports: only what its
/// code uses, so that a small record does not warn of unused imports.
pub(crate) fn machinery(required: usize) -> Vec<&'static str> {
    STATE_MACHINERY
        .into_iter()
        .filter(|name| match *name {
            "Node" | "Left" | "Right" => required >= 2,
            _ => required >= 1,
        })
        .collect()
}

/// The type parameter of a builder's state, in the setters' `impl` and the state aliases.
pub(crate) const STATE_PARAMETER: &str = "S";

/// The builder's own field holding its state. The leading underscore, which no spec name can
/// have, keeps it apart from the fields that hold optional items.
pub(crate) const STATE_FIELD: &str = "_state";

/// The record's associated function that starts a builder.
pub(crate) const BUILDER_FN: &str = "builder";

/// The name of the method that finishes a builder.
pub(crate) const BUILD_METHOD: &str = "build";

/// The constructor of a composite with periods.
pub(crate) const CONSTRUCTOR: &str = "new";

/// The file of the generated module's root, in a crate's module directory.
pub(crate) const ROOT_FILE: &str = "mod.rs";

/// The file of a child module of the generated module's root.
pub(crate) fn module_file(module: &str) -> String {
    format!("{module}.rs")
}

/// The compile-fail case of `record` built without `field`: `visa_record_missing_photo`.
pub(crate) fn case_missing(record: &str, field: &str) -> String {
    format!("{}_missing_{field}", record_module(record))
}

/// The compile-fail case of `record` built with nothing set.
pub(crate) fn case_nothing_set(record: &str) -> String {
    format!("{}_nothing_set", record_module(record))
}

/// The compile-fail case of `record` with `field` set twice.
pub(crate) fn case_set_twice(record: &str, field: &str) -> String {
    format!("{}_{field}_set_twice", record_module(record))
}

/// The JSON Schema of a record.
pub(crate) fn schema_file(record: &str) -> String {
    format!("{}.schema.json", record_module(record))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_conventional_names() {
        for name in ["full_name", "iin", "fingerprints_and_palms", "item2"] {
            assert_eq!(problem_with(name, Case::Snake), None, "{name}");
        }
        for name in ["VisaRecord", "Iin", "FullName", "Item2"] {
            assert_eq!(problem_with(name, Case::Pascal), None, "{name}");
        }
    }

    #[test]
    fn rejects_and_suggests() {
        let cases = [
            (
                "fullName",
                Case::Snake,
                "`fullName` is not snake_case",
                "did you mean `full_name`?",
            ),
            (
                "full__name",
                Case::Snake,
                "`full__name` is not snake_case",
                "did you mean `full_name`?",
            ),
            (
                "visa_record",
                Case::Pascal,
                "`visa_record` is not PascalCase",
                "did you mean `VisaRecord`?",
            ),
            (
                "IIN",
                Case::Pascal,
                "`IIN` is not PascalCase",
                "did you mean `Iin`?",
            ),
            (
                "type",
                Case::Snake,
                "`type` is a Rust keyword",
                "a keyword cannot name a type, field or part: choose another word",
            ),
            (
                "gen",
                Case::Snake,
                "`gen` is a Rust keyword",
                "a keyword cannot name a type, field or part: choose another word",
            ),
            (
                "Self",
                Case::Pascal,
                "`Self` is a Rust keyword",
                "a keyword cannot name a type, field or part: choose another word",
            ),
            (
                "_name",
                Case::Snake,
                "`_name` is not a valid name",
                "use ASCII letters, digits and `_`, starting with a letter",
            ),
            (
                "2nd",
                Case::Snake,
                "`2nd` is not a valid name",
                "use ASCII letters, digits and `_`, starting with a letter",
            ),
            (
                "full-name",
                Case::Snake,
                "`full-name` is not a valid name",
                "use ASCII letters, digits and `_`, starting with a letter",
            ),
            (
                "",
                Case::Snake,
                "the name is empty",
                "write a snake_case name",
            ),
        ];
        for (name, case, message, help) in cases {
            let expected = NameProblem {
                message: message.to_owned(),
                help: help.to_owned(),
            };
            assert_eq!(problem_with(name, case), Some(expected), "{name}");
        }
        let non_ascii = problem_with("аты", Case::Snake).unwrap();
        assert_eq!(non_ascii.message, "`аты` is not ASCII");
    }

    #[test]
    fn a_record_module_imports_what_its_builder_uses() {
        assert_eq!(machinery(0), Vec::<&str>::new());
        assert_eq!(machinery(1), ["Filled", "Here", "Replace", "Set"]);
        assert_eq!(machinery(3), STATE_MACHINERY);
    }

    #[test]
    fn derived_names() {
        assert_eq!(builder("VisaRecord"), "VisaRecordBuilder");
        assert_eq!(
            record_module("ExpulsionOrReadmissionRecord"),
            "expulsion_or_readmission_record"
        );
        assert_eq!(item_parameter("full_name"), "FullNameItem");
        assert_eq!(is_set_trait("iin"), "IinIsSet");
        assert_eq!(is_unset_trait("birth_date"), "BirthDateIsUnset");
        assert_eq!(maybe_setter("iin"), "maybe_iin");
        assert_eq!(state_alias("full_name"), "SetFullName");
    }
}
