//! `ACT`: the act's number, dates and dates of force as data, a constant of the hand-written
//! `Act` type, so that a system can tell whether a record's day fell while the act applied.

use jiff::civil::Date;
use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::{Target, docs};
use crate::model::{Force, Status};
use crate::plan::Plan;

pub(super) fn constant(plan: &Plan, target: &Target) -> TokenStream {
    let act = &plan.model.act;
    // The link target as the generated module names the type: `crate::values::Act`.
    let act_path = target.value("Act").to_string().replace(' ', "");
    let doc = docs::attrs(&docs::act_constant(act, &act_path));
    let name = &plan.act;
    let act_type = target.value("Act");
    let kind = &act.kind.en;
    let number = Literal::u32_unsuffixed(act.number);
    let adopted = date(act.date, target);
    let takes_effect = force(act.in_force.from, target);
    let repeal = match &act.status {
        Status::InForce => quote!(::core::option::Option::None),
        Status::Repealed {
            by_number,
            by_date,
            takes_effect,
            stated,
        } => {
            let repeal = target.value("Repeal");
            let number = Literal::u32_unsuffixed(*by_number);
            let adopted = date(*by_date, target);
            let takes_effect = force(takes_effect.from, target);
            let stated_on = match stated {
                Some(stated) => {
                    let day = date(stated.on, target);
                    quote!(::core::option::Option::Some(#day))
                }
                None => quote!(::core::option::Option::None),
            };
            quote!(::core::option::Option::Some(
                #repeal::new(#kind, #number, #adopted, #takes_effect, #stated_on)
            ))
        }
    };
    quote! {
        #doc
        pub const #name: #act_type = #act_type::new(#kind, #number, #adopted, #takes_effect, #repeal);
    }
}

/// `Date::constant(2024, 11, 8)`; the checker has kept act dates in the years 1 to 9999.
fn date(day: Date, target: &Target) -> TokenStream {
    let date_type = target.value("Date");
    let (year, month, day) = (
        Literal::i16_unsuffixed(day.year()),
        Literal::i8_unsuffixed(day.month()),
        Literal::i8_unsuffixed(day.day()),
    );
    quote!(#date_type::constant(#year, #month, #day))
}

fn force(force: Force, target: &Target) -> TokenStream {
    let entry = target.value("EntryIntoForce");
    match force {
        Force::On(day) => {
            let day = date(day, target);
            quote!(#entry::On(#day))
        }
        Force::AfterPublication { days, published } => {
            let days = Literal::u16_unsuffixed(days);
            let published = match published {
                Some(day) => {
                    let day = date(day, target);
                    quote!(::core::option::Option::Some(#day))
                }
                None => quote!(::core::option::Option::None),
            };
            quote!(#entry::AfterPublication { days: #days, published: #published })
        }
    }
}
