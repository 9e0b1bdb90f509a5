//! Lints that a spec name alone can set off in generated code, and the `#[allow]` the emitter
//! writes on exactly the items concerned, so that any accepted spec yields code that lints
//! clean and an ordinary spec yields no `#[allow]` at all.

use proc_macro2::TokenStream;
use quote::quote;

/// Methods of std's traits whose signature clippy's `should_implement_trait` compares with an
/// inherent method of the same name: those taking `&self` and returning a reference or anything
/// (a composite's getter), and those taking `self` and one argument (a builder's setter).
const TRAIT_METHODS_BY_REF: [&str; 4] = ["as_ref", "borrow", "clone", "deref"];
const TRAIT_METHODS_BY_VALUE: [&str; 10] = [
    "add", "bitand", "bitor", "bitxor", "div", "mul", "rem", "shl", "shr", "sub",
];

/// The receiver each prefix calls for, in clippy's `wrong_self_convention`: a setter takes
/// `self` and a getter `&self`, whatever the field is called.
fn breaks_self_convention(name: &str, by_value: bool) -> bool {
    let prefixed = |prefix: &str| name.starts_with(prefix) && name.len() > prefix.len();
    if by_value {
        prefixed("as_") || prefixed("from_") || prefixed("is_") || prefixed("to_")
    } else {
        prefixed("from_") || prefixed("into_") || (prefixed("to_") && name.ends_with("_mut"))
    }
}

fn allow(lints: &[TokenStream]) -> TokenStream {
    if lints.is_empty() {
        quote!()
    } else {
        quote!(#[allow(#(#lints),*)])
    }
}

/// The allowance a composite's getter `name(&self)` needs.
pub(super) fn getter(name: &str) -> TokenStream {
    let mut lints = Vec::new();
    if TRAIT_METHODS_BY_REF.contains(&name) {
        lints.push(quote!(clippy::should_implement_trait));
    }
    if breaks_self_convention(name, false) {
        lints.push(quote!(clippy::wrong_self_convention));
    }
    allow(&lints)
}

/// The allowance a builder's setter `name(self, value)` needs.
pub(super) fn setter(name: &str) -> TokenStream {
    let mut lints = Vec::new();
    if TRAIT_METHODS_BY_VALUE.contains(&name) {
        lints.push(quote!(clippy::should_implement_trait));
    }
    if breaks_self_convention(name, true) {
        lints.push(quote!(clippy::wrong_self_convention));
    }
    allow(&lints)
}

/// The allowance a function of `parameters` parameters needs: clippy's `too_many_arguments`
/// counts more than seven as too many, but a composite's constructor takes one a part.
pub(super) fn parameters(parameters: usize) -> TokenStream {
    if parameters > 7 {
        allow(&[quote!(clippy::too_many_arguments)])
    } else {
        quote!()
    }
}

/// The widest chunk of a builder's state that clippy's `type_complexity` lets pass in the
/// signature of a setter and of the function that puts its value: records of 16 required items
/// (chunks of 4) lint clean, of 17 (chunks of 5) do not (the shapes of `hostile_specs`).
const WIDEST_SIMPLE_CHUNK: usize = 4;

/// The allowance a function whose signature holds a chunk of `width` places needs.
pub(super) fn state(width: usize) -> TokenStream {
    if width > WIDEST_SIMPLE_CHUNK {
        allow(&[quote!(clippy::type_complexity)])
    } else {
        quote!()
    }
}

/// The allowance of a deserializer's `match` on the key's index: with one member it has one arm
/// and a wildcard, which clippy's `single_match` would have be an `if`.
pub(super) fn key_match(members: usize) -> TokenStream {
    if members == 1 {
        allow(&[quote!(clippy::single_match)])
    } else {
        quote!()
    }
}

/// The allowance of the sealed traits of a builder's places when no record has a required item,
/// so that no builder's state names them.
pub(super) fn sealed_traits(no_required_item: bool) -> TokenStream {
    if no_required_item {
        allow(&[quote!(dead_code)])
    } else {
        quote!()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_names_need_no_allowance() {
        for name in ["full_name", "issued_on", "valid_until", "as", "to", "is"] {
            assert!(getter(name).is_empty(), "{name}");
            assert!(setter(name).is_empty(), "{name}");
        }
        assert!(parameters(7).is_empty());
    }

    #[test]
    fn names_clippy_reads_as_conventions_get_one() {
        let shown = |tokens: TokenStream| tokens.to_string().replace(' ', "");
        assert_eq!(
            shown(getter("clone")),
            "#[allow(clippy::should_implement_trait)]"
        );
        assert_eq!(
            shown(setter("to_date")),
            "#[allow(clippy::wrong_self_convention)]"
        );
        assert_eq!(
            shown(getter("from_date")),
            "#[allow(clippy::wrong_self_convention)]"
        );
        assert_eq!(
            shown(setter("sub")),
            "#[allow(clippy::should_implement_trait)]"
        );
        assert_eq!(shown(parameters(8)), "#[allow(clippy::too_many_arguments)]");
    }
}
