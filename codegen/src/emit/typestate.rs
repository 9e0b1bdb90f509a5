//! The machinery every builder shares, and the shape of a builder's state.
//!
//! A builder's state is a balanced binary tree with one leaf a required field: `Unset` until the
//! field's setter is called, `Set<T>` holding its value after. Setting a field replaces one leaf
//! through the generic `Replace` trait, along the field's path (`Left<Right<Here>>`), so that:
//! - the state's type depends only on which fields are set, not on the order of the calls;
//! - each setter names its path and the resulting state once, so a setter's code does not grow
//!   with the record's width (only the path's depth does, as its logarithm);
//! - a setter's body is one generic call, which the compiler checks once for all states.
//!
//! Each record's module imports the machinery it uses by name ([`imports`]), so that a setter's
//! signature reads `Replace<Left<Here>, T>` rather than a path per step: shorter to read, and
//! less for the generator to format and for the compiler to parse.

use proc_macro2::TokenStream;
use quote::quote;

use super::ident;
use crate::names;

/// The module of the shared machinery, under the generated module's root.
pub(super) fn module() -> TokenStream {
    let module = ident(names::TYPESTATE_MODULE);
    quote! {
        /// The machinery of the builders' states; not part of the API.
        #[doc(hidden)]
        pub mod #module {
            /// A required field's value, once set.
            #[derive(Clone)]
            pub struct Set<T>(pub T);

            /// Two subtrees of a builder's state.
            // In declaration order, so that every state lays its values out in the same order
            // and the optimizer can move each value once, into the record, as a struct literal
            // does; reordered per state, values are shuffled at every setter.
            #[repr(C)]
            #[derive(Clone)]
            pub struct Node<L, R>(pub L, pub R);

            /// The end of a path: this leaf.
            pub enum Here {}

            /// A path into the left subtree.
            pub struct Left<P>(::core::marker::PhantomData<P>);

            /// A path into the right subtree.
            pub struct Right<P>(::core::marker::PhantomData<P>);

            /// Replaces the leaf at the path `P` with a `Set<T>`; `Old` is the leaf replaced.
            pub trait Replace<P, T> {
                type Old;
                type Output;
                fn replace(self, value: T) -> Self::Output;
            }

            impl<S, T> Replace<Here, T> for S {
                type Old = S;
                type Output = Set<T>;
                #[inline]
                fn replace(self, value: T) -> Set<T> {
                    Set(value)
                }
            }

            impl<L: Replace<P, T>, R, P, T> Replace<Left<P>, T> for Node<L, R> {
                type Old = L::Old;
                type Output = Node<L::Output, R>;
                #[inline]
                fn replace(self, value: T) -> Self::Output {
                    Node(self.0.replace(value), self.1)
                }
            }

            impl<L, R: Replace<P, T>, P, T> Replace<Right<P>, T> for Node<L, R> {
                type Old = R::Old;
                type Output = Node<L, R::Output>;
                #[inline]
                fn replace(self, value: T) -> Self::Output {
                    Node(self.0, self.1.replace(value))
                }
            }

            /// A leaf that holds a value.
            pub trait Filled {
                type Value;
                fn into_value(self) -> Self::Value;
            }

            impl<T> Filled for Set<T> {
                type Value = T;
                #[inline]
                fn into_value(self) -> T {
                    self.0
                }
            }
        }
    }
}

/// The `use` items of a record module whose builder tracks `required` fields.
pub(super) fn imports(required: usize) -> TokenStream {
    let unset = ident(names::UNSET_TYPE);
    let module = ident(names::TYPESTATE_MODULE);
    let used: Vec<_> = names::machinery(required).into_iter().map(ident).collect();
    if used.is_empty() {
        return quote!(use super::#unset;);
    }
    quote! {
        use super::#unset;
        use super::#module::{#(#used),*};
    }
}

/// A balanced tree over `leaves`: the left half left, each pair joined by `node`.
pub(super) fn tree(
    leaves: &[TokenStream],
    node: &impl Fn(&TokenStream, &TokenStream) -> TokenStream,
) -> TokenStream {
    match leaves {
        [] => quote!(),
        [leaf] => leaf.clone(),
        _ => {
            let (left, right) = leaves.split_at(leaves.len().div_ceil(2));
            node(&tree(left, node), &tree(right, node))
        }
    }
}

/// The path to leaf `index` of a tree of `len` leaves, split like [`tree`].
pub(super) fn path(index: usize, len: usize) -> TokenStream {
    if len <= 1 {
        return quote!(Here);
    }
    let half = len.div_ceil(2);
    if index < half {
        let inner = path(index, half);
        quote!(Left<#inner>)
    } else {
        let inner = path(index - half, len - half);
        quote!(Right<#inner>)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaves(names: &[&str]) -> Vec<TokenStream> {
        names.iter().map(|name| name.parse().unwrap()).collect()
    }

    fn node(left: &TokenStream, right: &TokenStream) -> TokenStream {
        quote!((#left, #right))
    }

    #[test]
    fn trees_are_balanced_left_first() {
        assert_eq!(tree(&leaves(&["a"]), &node).to_string(), "a");
        assert_eq!(
            tree(&leaves(&["a", "b", "c"]), &node).to_string(),
            "((a , b) , c)"
        );
        assert_eq!(
            tree(&leaves(&["a", "b", "c", "d", "e"]), &node).to_string(),
            "(((a , b) , c) , (d , e))"
        );
    }

    #[test]
    fn paths_lead_to_their_leaf() {
        let steps = |index, len| path(index, len).to_string().replace(' ', "");
        assert_eq!(steps(0, 1), "Here");
        assert_eq!(steps(2, 3), "Right<Here>");
        assert_eq!(steps(1, 3), "Left<Right<Here>>");
        assert_eq!(steps(3, 5), "Right<Left<Here>>");
        assert_eq!(steps(4, 5), "Right<Right<Here>>");
    }

    #[test]
    fn a_record_module_imports_what_its_builder_uses() {
        let imported = |required| imports(required).to_string().replace(' ', "");
        assert_eq!(imported(0), "usesuper::Unset;");
        assert_eq!(
            imported(1),
            "usesuper::Unset;usesuper::typestate::{Filled,Here,Replace,Set};"
        );
        assert_eq!(
            imported(3),
            "usesuper::Unset;usesuper::typestate::{Filled,Here,Left,Node,Replace,Right,Set};"
        );
    }

    #[test]
    fn a_path_is_as_deep_as_the_tree() {
        let depth = |index, len| path(index, len).to_string().matches('<').count();
        assert_eq!(depth(0, 12), 4);
        // 200 leaves: every path 7 or 8 steps deep, the logarithm of the width.
        assert!((0..200).all(|index| (7..=8).contains(&depth(index, 200))));
    }
}
