//! Every type `dactylo_codegen::VALUE_TYPES` lets a spec name is a type of `dactylo-records` that
//! a record field can hold: `Debug`, `Clone`, `PartialEq`, `Eq`, `Serialize` and `Deserialize`.
//! The generator refuses a spec naming any other, so a spec it accepts cannot name a type that
//! does not exist or does not fit.

use std::fmt::Debug;

use serde::Serialize;
use serde::de::DeserializeOwned;

fn holdable<T: Debug + Clone + PartialEq + Eq + Serialize + DeserializeOwned>() {}

/// Checks each type at compile time and lists its name.
macro_rules! value_types {
    ($($name:ident),* $(,)?) => {{
        $(holdable::<dactylo_records::$name>();)*
        [$(stringify!($name)),*]
    }};
}

#[test]
fn every_value_type_a_spec_may_name_can_be_a_record_field() {
    let checked = value_types!(
        Absence,
        AddressLine,
        Authority,
        BirthDate,
        Citizenship,
        Country,
        CourtActKind,
        Date,
        DocumentNumber,
        Ethnicity,
        Fingerprints,
        FingerprintsAndPalms,
        Iin,
        ImageFormat,
        ImpressionFormat,
        Name,
        Photo,
        Place,
        RegistrationBasis,
        Sex,
        Signature,
    );
    assert_eq!(checked, dactylo_codegen::VALUE_TYPES);
}
