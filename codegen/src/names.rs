//! Rust names: which spec names are acceptable, and the names derived from them.
//!
//! Every rule about names lives here, so that the checker and the emitters cannot disagree.

use heck::{ToSnakeCase, ToUpperCamelCase};

/// The naming convention a spec name must follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    /// `full_name`: record fields and composite parts.
    Snake,
    /// `FullName`: records and types.
    Pascal,
}

/// Why `name` cannot be used as a Rust name of the given case, or `None` when it can.
pub(crate) fn problem_with(name: &str, case: Case) -> Option<String> {
    if name.is_empty() {
        return Some("the name is empty".to_owned());
    }
    if !name.is_ascii() {
        return Some(format!(
            "`{name}` is not ASCII: Rust names in the spec use ASCII letters, digits and `_`"
        ));
    }
    if is_keyword(name) {
        return Some(format!("`{name}` is a Rust keyword"));
    }
    let (expected, description) = match case {
        Case::Snake => (name.to_snake_case(), "snake_case"),
        Case::Pascal => (name.to_upper_camel_case(), "PascalCase"),
    };
    let starts_with_letter = name.starts_with(|c: char| c.is_ascii_alphabetic());
    if expected != name || !starts_with_letter {
        return Some(format!(
            "`{name}` is not {description}{}",
            suggestion(&expected)
        ));
    }
    None
}

fn suggestion(expected: &str) -> String {
    if expected.starts_with(|c: char| c.is_ascii_alphabetic()) && !is_keyword(expected) {
        format!(": did you mean `{expected}`?")
    } else {
        String::new()
    }
}

/// Strict and reserved keywords that syn knows, plus `gen`, reserved since the 2024 edition.
fn is_keyword(name: &str) -> bool {
    name == "gen" || syn::parse_str::<syn::Ident>(name).is_err()
}

/// The builder of a record: `VisaRecord` → `VisaRecordBuilder`.
pub(crate) fn builder(record: &str) -> String {
    format!("{record}Builder")
}

/// The private module holding a record and its builder: `VisaRecord` → `visa_record`.
pub(crate) fn record_module(record: &str) -> String {
    record.to_snake_case()
}

/// The builder's type parameter tracking a required field: `full_name` → `FullNameItem`.
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

/// The setter of an optional field that takes an `Option`: `iin` → `maybe_iin`.
pub(crate) fn maybe_setter(field: &str) -> String {
    format!("maybe_{field}")
}

/// The name of the method that finishes a builder; no field may take it.
pub(crate) const BUILD_METHOD: &str = "build";

/// The marker type of an item not yet set; no spec type may take it.
pub(crate) const UNSET_TYPE: &str = "Unset";

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
                "`fullName` is not snake_case: did you mean `full_name`?",
            ),
            (
                "full__name",
                Case::Snake,
                "`full__name` is not snake_case: did you mean `full_name`?",
            ),
            (
                "_name",
                Case::Snake,
                "`_name` is not snake_case: did you mean `name`?",
            ),
            ("2nd", Case::Snake, "`2nd` is not snake_case"),
            (
                "visa_record",
                Case::Pascal,
                "`visa_record` is not PascalCase: did you mean `VisaRecord`?",
            ),
            (
                "IIN",
                Case::Pascal,
                "`IIN` is not PascalCase: did you mean `Iin`?",
            ),
            ("type", Case::Snake, "`type` is a Rust keyword"),
            ("gen", Case::Snake, "`gen` is a Rust keyword"),
            ("Self", Case::Pascal, "`Self` is a Rust keyword"),
            ("", Case::Snake, "the name is empty"),
        ];
        for (name, case, expected) in cases {
            assert_eq!(
                problem_with(name, case).as_deref(),
                Some(expected),
                "{name}"
            );
        }
        let non_ascii = problem_with("аты", Case::Snake).unwrap();
        assert!(non_ascii.starts_with("`аты` is not ASCII"), "{non_ascii}");
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
    }
}
