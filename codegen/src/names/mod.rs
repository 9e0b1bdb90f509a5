//! Rust names: which spec names are acceptable, the names derived from them, and the names the
//! generator gives its own items.
//!
//! Every rule about names lives here. The checker asks whether a spec name is acceptable; the
//! planner ([`crate::plan`]) is the only caller of the derivations and constants below, and the
//! emitters take every name from its plan.

pub(crate) mod records_crate;

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
    if name.chars().count() > crate::NAME_LIMIT {
        return problem(
            format!(
                "the name has {} characters, more than the {} a name may have",
                name.chars().count(),
                crate::NAME_LIMIT
            ),
            "names become file names (`<name>.schema.json`, rustdoc's pages), which file systems \
             limit: choose a shorter word"
                .to_owned(),
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

/// The sealed trait `build()` requires of a field's parameter: `full_name` → `FullNameIsSet`.
pub(crate) fn is_set_trait(field: &str) -> String {
    format!("{}IsSet", field.to_upper_camel_case())
}

/// The sealed trait a required field's setter requires: `full_name` → `FullNameIsUnset`.
pub(crate) fn is_unset_trait(field: &str) -> String {
    format!("{}IsUnset", field.to_upper_camel_case())
}

/// The setter of an optional field that takes an `Option`: `iin` → `maybe_iin`.
pub(crate) fn maybe_setter(field: &str) -> String {
    format!("maybe_{field}")
}

/// The constant of the act's dates of force, at the generated module's root.
pub(crate) const ACT_CONSTANT: &str = "ACT";

/// The module of composite types, under the generated module's root.
pub(crate) const COMPOSITES_MODULE: &str = "composites";

/// The public module that names, for each record, the traits its builder's state must satisfy.
pub(crate) const STATES_MODULE: &str = "states";

/// The place of a required item not yet set, at the generated module's root.
pub(crate) const UNSET_TYPE: &str = "Unset";

/// The place of a required item set, holding its value, at the generated module's root.
pub(crate) const SET_TYPE: &str = "Set";

/// The function of the private module of the builders' traits that puts the value of required
/// item `item` in a state of `required` items: `put_1_of_12`.
pub(crate) fn put_fn(item: usize, required: usize) -> String {
    format!("put_{item}_of_{required}")
}

/// The type parameter of the value a `Set` holds, at the generated module's root.
pub(crate) const VALUE_PARAMETER: &str = "T";

/// The private module of the traits that seal the builders' places, and of the functions that
/// put a value in a state, at the generated module's root.
pub(crate) const SEALED_MODULE: &str = "sealed";

/// The sealed trait of a builder's places, in the sealed module.
pub(crate) const PLACE_TRAIT: &str = "Place";

/// The sealed trait of a place holding a value, in the sealed module; its type parameter, and
/// its method that gives the value.
pub(crate) const HOLDS_TRAIT: &str = "Holds";
pub(crate) const HOLDS_PARAMETER: &str = "Value";
pub(crate) const HOLDS_METHOD: &str = "value";

/// The type parameter of place `index` of its own chunk in a function that puts a value in a
/// state: `A0`.
pub(crate) fn own_place_parameter(index: usize) -> String {
    format!("A{index}")
}

/// The type parameter of the value a function of the sealed module puts in a state.
pub(crate) const PUT_VALUE_PARAMETER: &str = "V";

/// The binding of member `index` of a struct in its deserializer: `__member0`. The leading
/// underscores, which no spec name can have, keep it apart from the spec's names.
pub(crate) fn member_binding(index: usize) -> String {
    format!("__member{index}")
}

/// The struct of a builder's optional items' values, in its record's module.
pub(crate) const ITEMS_STRUCT: &str = "Items";

/// A builder's type parameter of chunk `chunk` of its required items: `C0`.
pub(crate) fn chunk_parameter(chunk: usize) -> String {
    format!("C{chunk}")
}

/// The type parameter of the place of required item `item` in the `impl`s of the setters, of
/// `build()` and of `Clone`: `X0`.
pub(crate) fn place_parameter(item: usize) -> String {
    format!("X{item}")
}

/// The builder's own field holding its values. The leading underscore, which no spec name can
/// have, keeps the builder's fields apart from anything a spec names.
pub(crate) const ITEMS_FIELD: &str = "_items";

/// The builder's own field of its state: a tuple of its type parameters, which hold the required
/// items' values.
pub(crate) const STATE_FIELD: &str = "_state";

/// The record's associated function that starts a builder.
pub(crate) const BUILDER_FN: &str = "builder";

/// The record's method that writes it as an ANSI/NIST-ITL transaction.
pub(crate) const TO_NIST_METHOD: &str = "to_nist";

/// The record's associated function that reads it from an ANSI/NIST-ITL transaction.
pub(crate) const FROM_NIST_FN: &str = "from_nist";

/// The name of the method that finishes a builder.
pub(crate) const BUILD_METHOD: &str = "build";

/// The constructor of a composite with periods.
pub(crate) const CONSTRUCTOR: &str = "new";

/// The file of the generated module's root, in a crate's module directory.
pub(crate) const ROOT_FILE: &str = "mod.rs";

/// The reference, at the generated crate's root.
pub(crate) const README_FILE: &str = "README.md";

/// The file of the `nist` example's list of records, in its directory (`NIST_EXAMPLE_DIR`).
pub(crate) const NIST_EXAMPLE_FILE: &str = "records.rs";

/// The file of a child module of the generated module's root.
pub(crate) fn module_file(module: &str) -> String {
    format!("{module}.rs")
}

/// The compile-fail program of `record`, holding all its cases: `visa_record`.
pub(crate) fn case_file(record: &str) -> String {
    record_module(record)
}

/// The JSON Schema of a record.
pub(crate) fn schema_file(record: &str) -> String {
    format!("{}.schema.json", record_module(record))
}

/// The compile-fail case of the record whose module is `module` without its item `field`:
/// `visa_record_missing_photo`.
pub(crate) fn missing_case(module: &str, field: &str) -> String {
    format!("{module}_missing_{field}")
}

/// The compile-fail case of the record whose module is `module` with nothing set.
pub(crate) fn nothing_set_case(module: &str) -> String {
    format!("{module}_nothing_set")
}

/// The compile-fail case of the record whose module is `module` with `field` set twice.
pub(crate) fn set_twice_case(module: &str, field: &str) -> String {
    format!("{module}_{field}_set_twice")
}

/// The entry point of a compile-fail program.
pub(crate) const MAIN_FN: &str = "main";

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
    fn derived_names() {
        assert_eq!(builder("VisaRecord"), "VisaRecordBuilder");
        assert_eq!(
            record_module("ExpulsionOrReadmissionRecord"),
            "expulsion_or_readmission_record"
        );
        assert_eq!(is_set_trait("iin"), "IinIsSet");
        assert_eq!(is_unset_trait("birth_date"), "BirthDateIsUnset");
        assert_eq!(maybe_setter("iin"), "maybe_iin");
        assert_eq!(case_file("VisaRecord"), "visa_record");
    }
}
