//! What compiles: every record built with its required items only and with all of them, in any
//! order, with optional items set conditionally. (What must not compile is in `compile_fail.rs`;
//! the complete records are built in `dactylo_tests::complete`.)

use dactylo_records::states::identity_document_record::{
    Empty, SetBirth, SetCitizenship, SetFingerprints, SetFullName, SetIdentityDocument,
    SetIssuingAuthority, SetPhoto, SetRegisteringOfficer, SetRegistration, SetSex, SetSignature,
};
use dactylo_records::{FullName, IdentityDocumentRecord, IdentityDocumentRecordBuilder, Sex};
use dactylo_tests::date;
use dactylo_tests::{
    address, authority, birth, citizenship, complete, ethnicity, expulsion, fingerprints,
    fingerprints_and_palms, foreign_holder, holder, identity_document, iin, officer, photo,
    prior_permits, registration, signature, visa,
};

/// The builder of paragraph 6 with every required item set, named through its states.
type RequiredItemsSet = IdentityDocumentRecordBuilder<
    SetRegisteringOfficer<
        SetIssuingAuthority<
            SetRegistration<
                SetSignature<
                    SetIdentityDocument<
                        SetFingerprints<
                            SetPhoto<SetCitizenship<SetSex<SetBirth<SetFullName<Empty>>>>>,
                        >,
                    >,
                >,
            >,
        >,
    >,
>;

fn required_identity_document_items() -> RequiredItemsSet {
    IdentityDocumentRecord::builder()
        .full_name(holder())
        .birth(birth())
        .sex(Sex::Female)
        .citizenship(citizenship())
        .photo(photo())
        .fingerprints(fingerprints())
        .identity_document(identity_document())
        .signature(signature())
        .registration(registration())
        .issuing_authority(authority())
        .registering_officer(officer())
}

#[test]
fn identity_document_record_with_required_items_only() {
    let record = required_identity_document_items().build();

    assert_eq!(record.full_name, holder());
    assert_eq!(record.birth, birth());
    assert_eq!(record.sex, Sex::Female);
    assert_eq!(record.citizenship, citizenship());
    assert_eq!(record.photo, photo());
    assert_eq!(record.fingerprints, fingerprints());
    assert_eq!(record.identity_document, identity_document());
    assert_eq!(record.signature, signature());
    assert_eq!(record.registration, registration());
    assert_eq!(record.issuing_authority, authority());
    assert_eq!(record.registering_officer, officer());
    assert_eq!(record.ethnicity, None);
    assert_eq!(record.iin, None);
}

#[test]
fn every_record_with_all_items_holds_what_was_set() {
    let record = complete::identity_document_record();
    assert_eq!(record.ethnicity, Some(ethnicity()));
    assert_eq!(record.iin, Some(iin()));

    let record = complete::visa_record();
    assert_eq!(record.full_name, foreign_holder());
    assert_eq!(record.birth_date, date(1985, 7, 1).into());
    assert_eq!(record.visa, visa());
    assert_eq!(record.issuing_authority, authority());

    let record = complete::temporary_residence_record();
    assert_eq!(record.fingerprints_and_palms, fingerprints_and_palms());
    assert_eq!(
        record.residence_abroad,
        address("UZB", "Tashkent", "Amir Temur 1")
    );
    assert_eq!(
        record.temporary_residence,
        address("KAZ", "Astana", "Mangilik El 55")
    );
    assert_eq!(
        record.receiving_party_address,
        address("KAZ", "Astana", "Kabanbay Batyr 2")
    );

    let record = complete::expulsion_or_readmission_record();
    assert_eq!(record.expulsion, expulsion());
    assert_eq!(record.entry_banned_until, date(2030, 2, 1));

    let record = complete::permanent_residence_record();
    assert_eq!(record.prior_permits, prior_permits());
    assert_eq!(
        record.intended_permanent_address,
        address("KAZ", "Almaty", "Abay 10")
    );
    assert_eq!(record.reviewing_authority, authority());
}

/// The builder's type depends on which items are set, not on the order of the calls, so two
/// branches that set the same items in different orders have the same type.
#[test]
fn branches_setting_items_in_different_orders_unify() {
    for photo_first in [true, false] {
        let started = IdentityDocumentRecord::builder()
            .full_name(holder())
            .birth(birth())
            .sex(Sex::Female)
            .citizenship(citizenship());
        let with_biometrics = if photo_first {
            started
                .photo(photo())
                .fingerprints(fingerprints())
                .signature(signature())
        } else {
            started
                .signature(signature())
                .fingerprints(fingerprints())
                .photo(photo())
        };
        let record = with_biometrics
            .registering_officer(officer())
            .issuing_authority(authority())
            .registration(registration())
            .identity_document(identity_document())
            .build();
        assert_eq!(record.photo, photo());
        assert_eq!(record.signature, signature());
    }
}

/// Optional items leave the builder's type unchanged, so they can be set in an `if`.
#[test]
fn optional_items_can_be_set_conditionally() {
    for (holder_has_iin, wishes_to_state_ethnicity) in [(true, false), (false, true)] {
        let mut builder = required_identity_document_items();
        if holder_has_iin {
            builder = builder.iin(iin());
        }
        let stated = wishes_to_state_ethnicity.then(ethnicity);
        let record = builder.maybe_ethnicity(stated).build();

        assert_eq!(record.iin.is_some(), holder_has_iin);
        assert_eq!(record.ethnicity.is_some(), wishes_to_state_ethnicity);
    }
}

#[test]
fn maybe_setter_with_none_clears_an_optional_item() {
    let record = required_identity_document_items()
        .iin(iin())
        .maybe_iin(None)
        .build();
    assert_eq!(record.iin, None);
}

/// An enrolment station fills in its own items once and clones the partial builder per person.
#[test]
fn a_partial_builder_can_be_cloned_as_a_template() {
    let station = IdentityDocumentRecord::builder()
        .issuing_authority(authority())
        .registering_officer(officer())
        .registration(registration());

    let first = complete_person(station.clone(), holder()).build();
    let second = complete_person(station, foreign_holder()).build();

    assert_eq!(first.issuing_authority, second.issuing_authority);
    assert_ne!(first.full_name, second.full_name);
}

/// A partial builder's type can be named, whatever the order its items were set in.
type StationTemplate = IdentityDocumentRecordBuilder<
    SetRegistration<SetRegisteringOfficer<SetIssuingAuthority<Empty>>>,
>;

fn complete_person(station: StationTemplate, full_name: FullName) -> RequiredItemsSet {
    station
        .full_name(full_name)
        .birth(birth())
        .sex(Sex::Female)
        .citizenship(citizenship())
        .photo(photo())
        .fingerprints(fingerprints())
        .identity_document(identity_document())
        .signature(signature())
}
