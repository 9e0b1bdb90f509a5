//! The tokens of a builder's state, in the layout its plan gives ([`crate::plan::Layout`]): its
//! chunks as tuples of places, as types or as expressions.

use proc_macro2::TokenStream;
use quote::quote;

use crate::plan::{Layout, RecordModule};

/// The `use` items of a record module: the places, when its builder's state has any.
pub(super) fn imports(module: &RecordModule) -> TokenStream {
    match &module.imports {
        Some([set, unset]) => quote!(use super::{#set, #unset};),
        None => quote!(),
    }
}

/// A tuple of places, as a type or an expression: `(A, B)`, or `(A,)` for one.
pub(super) fn tuple(places: &[TokenStream]) -> TokenStream {
    if let [only] = places {
        quote!((#only,))
    } else {
        quote!((#(#places),*))
    }
}

/// Each chunk of `layout` as a tuple of its items' places, each as `place` gives it from the
/// item's index.
pub(super) fn chunks(layout: &Layout, place: impl Fn(usize) -> TokenStream) -> Vec<TokenStream> {
    layout
        .chunks
        .iter()
        .map(|chunk| {
            let places: Vec<TokenStream> = chunk.items.clone().map(&place).collect();
            tuple(&places)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chunk_of_one_is_a_tuple_of_one() {
        assert_eq!(tuple(&[quote!(A)]).to_string().replace(' ', ""), "(A,)");
        assert_eq!(
            tuple(&[quote!(A), quote!(B)]).to_string().replace(' ', ""),
            "(A,B)"
        );
    }
}
