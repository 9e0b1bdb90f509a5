//! The shape of a builder's state: which required items each of its type parameters holds.
//!
//! A builder's state is one place per required item, `Unset` until the item's setter is called
//! and `Set<T>`, holding the value, after, grouped into chunks of about √n items: one type
//! parameter per chunk, each a tuple of places. So that:
//! - the state's type depends only on which items are set, not on the order of the calls;
//! - a setter's `impl` is generic over the other chunks as whole parameters, and over its own
//!   chunk's places, so the code a setter costs the compiler grows as √n, not n; its body hands
//!   the state to a function shared by the records of as many required items, which moves the
//!   other chunks whole and the setter's chunk place by place;
//! - `build()` moves every value out of its `Set`, and no value is checked for presence at run
//!   time, as the type proves each one there.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::ident;
use crate::names;

/// The sizes of the chunks of `required` items: about √n of about √n each, the first ones a
/// little larger when n does not divide evenly.
pub(super) fn chunk_sizes(required: usize) -> Vec<usize> {
    if required == 0 {
        return Vec::new();
    }
    let width = required.isqrt() + usize::from(required.isqrt().pow(2) < required);
    let chunks = required.div_ceil(width);
    (0..chunks)
        .map(|chunk| required / chunks + usize::from(chunk < required % chunks))
        .collect()
}

/// How many required items the builders of `model` track, each count once, in order: each
/// count is one layout of a state.
pub(crate) fn layouts_in(model: &crate::model::Model) -> Vec<usize> {
    let mut counts: Vec<usize> = model
        .records
        .iter()
        .map(|record| record.required_fields().count())
        .filter(|&count| count > 0)
        .collect();
    counts.sort_unstable();
    counts.dedup();
    counts
}

/// How many chunks a builder of `required` items has.
pub(crate) fn chunk_count(required: usize) -> usize {
    chunk_sizes(required).len()
}

/// The `use` items of a record module whose builder tracks `required` items: the places, when
/// its types name them.
pub(super) fn imports(required: usize) -> TokenStream {
    if required == 0 {
        return quote!();
    }
    let (set, unset) = (ident(names::SET_TYPE), ident(names::UNSET_TYPE));
    quote!(use super::{#set, #unset};)
}

/// Where each required item sits: its chunk, and its place in the chunk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Place {
    pub(super) chunk: usize,
    pub(super) index: usize,
}

/// The places of `required` items, in order.
pub(super) fn places(required: usize) -> Vec<Place> {
    chunk_sizes(required)
        .into_iter()
        .enumerate()
        .flat_map(|(chunk, size)| (0..size).map(move |index| Place { chunk, index }))
        .collect()
}

/// The type parameter of chunk `chunk`: `C0`.
pub(super) fn chunk_parameter(chunk: usize) -> Ident {
    ident(&names::chunk_parameter(chunk))
}

/// The type parameter of the place of required item `item`: `X0`.
pub(super) fn place_parameter(item: usize) -> Ident {
    ident(&names::place_parameter(item))
}

/// A tuple of places, as a type or an expression: `(A, B)`, or `(A,)` for one.
pub(super) fn tuple(places: &[TokenStream]) -> TokenStream {
    if let [only] = places {
        quote!((#only,))
    } else {
        quote!((#(#places),*))
    }
}

/// Each chunk as a tuple of its items' places, each as `place` gives it from the item's index.
pub(super) fn chunks(required: usize, place: impl Fn(usize) -> TokenStream) -> Vec<TokenStream> {
    let mut first = 0;
    chunk_sizes(required)
        .into_iter()
        .map(|size| {
            let places: Vec<TokenStream> = (first..first + size).map(&place).collect();
            first += size;
            tuple(&places)
        })
        .collect()
}

/// The empty state's chunks: every place `Unset`.
pub(super) fn empty_chunks(required: usize) -> Vec<TokenStream> {
    let unset = ident(names::UNSET_TYPE);
    chunks(required, |_| quote!(#unset))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_are_about_the_square_root_and_as_even_as_can_be() {
        assert_eq!(chunk_sizes(0), Vec::<usize>::new());
        assert_eq!(chunk_sizes(1), [1]);
        assert_eq!(chunk_sizes(2), [2]);
        assert_eq!(chunk_sizes(4), [2, 2]);
        assert_eq!(chunk_sizes(11), [4, 4, 3]);
        assert_eq!(chunk_sizes(13), [4, 3, 3, 3]);
        assert_eq!(chunk_sizes(50), [8, 7, 7, 7, 7, 7, 7]);
        for required in 1..300 {
            let sizes = chunk_sizes(required);
            assert_eq!(sizes.iter().sum::<usize>(), required);
            let (least, most) = (sizes.iter().min().unwrap(), sizes.iter().max().unwrap());
            assert!(most - least <= 1, "{required}: {sizes:?}");
            assert!(sizes.len() <= required.isqrt() + 2, "{required}: {sizes:?}");
        }
    }

    #[test]
    fn places_run_through_the_chunks_in_order() {
        let places = places(5);
        assert_eq!(places[0], Place { chunk: 0, index: 0 });
        assert_eq!(places[2], Place { chunk: 0, index: 2 });
        assert_eq!(places[3], Place { chunk: 1, index: 0 });
        assert_eq!(places[4], Place { chunk: 1, index: 1 });
    }

    #[test]
    fn a_chunk_of_one_is_a_tuple_of_one() {
        let rendered: Vec<String> = empty_chunks(5)
            .iter()
            .map(|chunk| chunk.to_string().replace(' ', ""))
            .collect();
        assert_eq!(rendered, ["(Unset,Unset,Unset)", "(Unset,Unset)"]);
        assert_eq!(tuple(&[quote!(A)]).to_string().replace(' ', ""), "(A,)");
    }
}
