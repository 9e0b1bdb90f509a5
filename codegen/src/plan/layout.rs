//! The layout of a builder's state: which required items each of its type parameters holds.
//!
//! A builder's state is one place per required item, `Unset` until the item's setter is called
//! and `Set<T>`, holding the value, after, grouped into chunks of about √n items: one type
//! parameter per chunk, each a tuple of places. So that:
//! - the state's type depends only on which items are set, not on the order of the calls;
//! - a setter's `impl` is generic over the other chunks as whole parameters, and over its own
//!   chunk's places, so the code a setter costs the compiler grows as √n, not n;
//! - `build()` moves every value out of its `Set`, and no value is checked for presence at run
//!   time, as the type proves each one there.

use std::ops::Range;

use proc_macro2::TokenStream;
use quote::quote;

use super::Name;

/// The sizes of the chunks of `required` items: about √n of about √n each, the first ones a
/// little larger when n does not divide evenly.
pub(crate) fn chunk_sizes(required: usize) -> Vec<usize> {
    if required == 0 {
        return Vec::new();
    }
    let width = required.isqrt() + usize::from(required.isqrt().pow(2) < required);
    let chunks = required.div_ceil(width);
    (0..chunks)
        .map(|chunk| required / chunks + usize::from(chunk < required % chunks))
        .collect()
}

/// The chunks of `required` items, as ranges of the items' indexes.
pub(crate) fn chunk_ranges(required: usize) -> Vec<Range<usize>> {
    let mut first = 0;
    chunk_sizes(required)
        .into_iter()
        .map(|size| {
            first += size;
            first - size..first
        })
        .collect()
}

/// The state of one builder: its chunks, and the place of each required item, with the type
/// parameters its `impl`s name them by.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Layout {
    /// Its chunks, in order: one type parameter each.
    pub chunks: Vec<Chunk>,
    /// One per required item, in the record's order.
    pub places: Vec<Place>,
}

/// A chunk of required items: one type parameter of the builder.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Chunk {
    /// The builder's type parameter of the chunk: `C0`.
    pub parameter: Name,
    /// The required items it holds, by index.
    pub items: Range<usize>,
}

impl Chunk {
    /// A chunk's places as a tuple, as a type or an expression: `(A, B)`, or `(A,)` for one.
    pub fn tuple(places: &[TokenStream]) -> TokenStream {
        if let [only] = places {
            quote!((#only,))
        } else {
            quote!((#(#places),*))
        }
    }
}

/// Where a required item's value sits in the state.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Place {
    /// Its chunk.
    pub chunk: usize,
    /// Its place in the chunk's tuple.
    pub index: usize,
    /// The type parameter of the place in the `impl`s of the setters, of `build()` and of
    /// `Clone`: `X0`.
    pub parameter: Name,
}

/// A type parameter of a builder's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Parameter {
    /// Of a chunk, by index.
    Chunk(usize),
    /// Of the place of a required item, by index.
    Place(usize),
}

impl Layout {
    /// The builder's state, as a type or an expression: one tuple per chunk of the places that
    /// `place` gives for each required item, by its index.
    pub fn state(&self, place: impl Fn(usize) -> TokenStream) -> Vec<TokenStream> {
        self.chunks
            .iter()
            .map(|chunk| {
                let places: Vec<TokenStream> = chunk.items.clone().map(&place).collect();
                Chunk::tuple(&places)
            })
            .collect()
    }

    /// The layout of `required` items, its parameters named by `name`: the chunks' first, then
    /// the places'.
    pub(super) fn new(required: usize, mut name: impl FnMut(Parameter) -> Name) -> Layout {
        let ranges = chunk_ranges(required);
        let chunks: Vec<Chunk> = ranges
            .iter()
            .enumerate()
            .map(|(index, items)| Chunk {
                parameter: name(Parameter::Chunk(index)),
                items: items.clone(),
            })
            .collect();
        let mut places = Vec::with_capacity(required);
        for (chunk, range) in ranges.iter().enumerate() {
            for item in range.clone() {
                places.push(Place {
                    chunk,
                    index: item - range.start,
                    parameter: name(Parameter::Place(item)),
                });
            }
        }
        Layout { chunks, places }
    }

    /// Each chunk's items by ident, `idents` giving the required items' in order: what the
    /// builder's docs show.
    pub fn items_by_chunk<'a>(&self, idents: &[&'a str]) -> Vec<Vec<&'a str>> {
        self.chunks
            .iter()
            .map(|chunk| idents[chunk.items.clone()].to_vec())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chunk_of_one_is_a_tuple_of_one() {
        assert_eq!(
            Chunk::tuple(&[quote!(A)]).to_string().replace(' ', ""),
            "(A,)"
        );
        assert_eq!(
            Chunk::tuple(&[quote!(A), quote!(B)])
                .to_string()
                .replace(' ', ""),
            "(A,B)"
        );
    }

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
        let layout = Layout::new(5, |parameter| match parameter {
            Parameter::Chunk(chunk) => Name::new(format!("C{chunk}")),
            Parameter::Place(item) => Name::new(format!("X{item}")),
        });
        let at = |item: usize| (layout.places[item].chunk, layout.places[item].index);
        assert_eq!(
            [at(0), at(2), at(3), at(4)],
            [(0, 0), (0, 2), (1, 0), (1, 1)]
        );
        assert_eq!(layout.chunks[1].items, 3..5);
        assert_eq!(layout.places[4].parameter.as_str(), "X4");
        assert_eq!(
            layout.items_by_chunk(&["a", "b", "c", "d", "e"]),
            [vec!["a", "b", "c"], vec!["d", "e"]]
        );
    }
}
