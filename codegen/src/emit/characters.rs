//! The characters a text value or a name may hold, as JSON Schema patterns: the rules of
//! `dactylo-values` as character classes ([`Characters::pattern`]), so that a schema accepts
//! exactly the strings the Rust type accepts as given.
//!
//! The patterns are computed by the build script, once per build.
//! `tests/tests/schema_agreement.rs` holds both sides to each other, code point by code point.

mod patterns {
    include!(concat!(env!("OUT_DIR"), "/character_patterns.rs"));
}

use dactylo_values::catalogue::Characters;

/// The name of the shared definition holding the pattern of `characters`, in a schema's
/// `$defs`; lower case, so that no spec type (PascalCase) can take it.
pub(crate) fn definition(characters: Characters) -> &'static str {
    match characters {
        Characters::Text => "text-characters",
        Characters::Name => "name-characters",
    }
}

/// The pattern a string of `characters` matches, whole.
pub(crate) fn pattern(characters: Characters) -> &'static str {
    match characters {
        Characters::Text => patterns::TEXT,
        Characters::Name => patterns::NAME,
    }
}
