//! The nationality codes of ICAO Doc 9303 (8th edition, 2021), Part 3, Section 5, that ISO 3166-1
//! does not list: the five British nationality classes, and the organizations that issue travel
//! documents. Germany's one-letter `D` and the codes of persons without a nationality (`XXA`,
//! `XXB`, `XXC`, `XXX`) are read by [`Citizenship`](crate::Citizenship).
//!
//! Not here: `RKS`, which documents of Kosovo carry but Doc 9303 does not list.

use crate::country::Country;

/// A nationality, or an organization issuing travel documents, that ICAO Doc 9303 Part 3 codes
/// outside ISO 3166-1. Each variant's documentation gives its code and meaning as Doc 9303 does.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub enum IcaoNationality {
    /// `GBD`: British Overseas Territories Citizen.
    BritishOverseasTerritoriesCitizen,
    /// `GBN`: British National (Overseas).
    BritishNationalOverseas,
    /// `GBO`: British Overseas Citizen.
    BritishOverseasCitizen,
    /// `GBP`: British Protected Person.
    BritishProtectedPerson,
    /// `GBS`: British Subject.
    BritishSubject,
    /// `EUE`: the European Union.
    EuropeanUnion,
    /// `UNO`: the United Nations Organization or one of its officials.
    UnitedNations,
    /// `UNA`: a specialized agency of the United Nations or one of its officials.
    UnitedNationsAgency,
    /// `UNK`: a resident of Kosovo to whom a travel document has been issued by the United
    /// Nations Interim Administration Mission in Kosovo (UNMIK).
    KosovoUnmik,
    /// `XBA`: the African Development Bank.
    AfricanDevelopmentBank,
    /// `XIM`: the African Export-Import Bank.
    AfricanExportImportBank,
    /// `XCC`: the Caribbean Community or one of its emissaries (CARICOM).
    CaribbeanCommunity,
    /// `XCE`: the Council of Europe.
    CouncilOfEurope,
    /// `XCO`: the Common Market for Eastern and Southern Africa (COMESA).
    EasternAndSouthernAfricaCommonMarket,
    /// `XEC`: the Economic Community of West African States (ECOWAS).
    WestAfricanStatesCommunity,
    /// `XPO`: the International Criminal Police Organization (INTERPOL).
    Interpol,
    /// `XES`: the Organisation of Eastern Caribbean States (OECS).
    EasternCaribbeanStates,
    /// `XMP`: the Parliamentary Assembly of the Mediterranean.
    MediterraneanParliamentaryAssembly,
    /// `XOM`: the Sovereign Military Order of Malta or one of its emissaries.
    SovereignMilitaryOrderOfMalta,
    /// `XDC`: the Southern African Development Community (SADC).
    SouthernAfricanDevelopmentCommunity,
}

use IcaoNationality::*;

/// Each code with its meaning and, where ISO 3166-1 has one, its country's alpha-3 code: the
/// British nationality classes are of the United Kingdom; the organizations have no country.
const CODES: [(IcaoNationality, &str, &str, Option<&str>); 20] = [
    (
        BritishOverseasTerritoriesCitizen,
        "GBD",
        "British Overseas Territories Citizen",
        Some("GBR"),
    ),
    (
        BritishNationalOverseas,
        "GBN",
        "British National (Overseas)",
        Some("GBR"),
    ),
    (
        BritishOverseasCitizen,
        "GBO",
        "British Overseas Citizen",
        Some("GBR"),
    ),
    (
        BritishProtectedPerson,
        "GBP",
        "British Protected Person",
        Some("GBR"),
    ),
    (BritishSubject, "GBS", "British Subject", Some("GBR")),
    (EuropeanUnion, "EUE", "European Union", None),
    (
        UnitedNations,
        "UNO",
        "United Nations Organization or one of its officials",
        None,
    ),
    (
        UnitedNationsAgency,
        "UNA",
        "Specialized agency of the United Nations or one of its officials",
        None,
    ),
    (
        KosovoUnmik,
        "UNK",
        "Resident of Kosovo to whom a travel document has been issued by the United Nations \
         Interim Administration Mission in Kosovo (UNMIK)",
        None,
    ),
    (
        AfricanDevelopmentBank,
        "XBA",
        "African Development Bank",
        None,
    ),
    (
        AfricanExportImportBank,
        "XIM",
        "African Export-Import Bank",
        None,
    ),
    (
        CaribbeanCommunity,
        "XCC",
        "Caribbean Community or one of its emissaries (CARICOM)",
        None,
    ),
    (CouncilOfEurope, "XCE", "Council of Europe", None),
    (
        EasternAndSouthernAfricaCommonMarket,
        "XCO",
        "Common Market for Eastern and Southern Africa (COMESA)",
        None,
    ),
    (
        WestAfricanStatesCommunity,
        "XEC",
        "Economic Community of West African States (ECOWAS)",
        None,
    ),
    (
        Interpol,
        "XPO",
        "International Criminal Police Organization (INTERPOL)",
        None,
    ),
    (
        EasternCaribbeanStates,
        "XES",
        "Organisation of Eastern Caribbean States (OECS)",
        None,
    ),
    (
        MediterraneanParliamentaryAssembly,
        "XMP",
        "Parliamentary Assembly of the Mediterranean",
        None,
    ),
    (
        SovereignMilitaryOrderOfMalta,
        "XOM",
        "Sovereign Military Order of Malta or one of its emissaries",
        None,
    ),
    (
        SouthernAfricanDevelopmentCommunity,
        "XDC",
        "Southern African Development Community (SADC)",
        None,
    ),
];

impl IcaoNationality {
    /// The nationality with the three-letter `code`, if Doc 9303 lists it outside ISO 3166-1.
    pub fn from_code(code: &str) -> Option<IcaoNationality> {
        CODES
            .iter()
            .find(|(_, listed, _, _)| *listed == code)
            .map(|&(nationality, ..)| nationality)
    }

    fn entry(
        self,
    ) -> &'static (
        IcaoNationality,
        &'static str,
        &'static str,
        Option<&'static str>,
    ) {
        CODES
            .iter()
            .find(|(nationality, ..)| *nationality == self)
            .expect("every variant is listed")
    }

    /// The three-letter code, e.g. `GBD`.
    pub fn code(self) -> &'static str {
        self.entry().1
    }

    /// What the code means, in the words of Doc 9303.
    pub fn meaning(self) -> &'static str {
        self.entry().2
    }

    /// The ISO 3166-1 country the nationality is of, where there is one: the United Kingdom for
    /// the British classes, none for the organizations.
    pub fn country(self) -> Option<Country> {
        self.entry()
            .3
            .map(|code| Country::new(code).expect("an ISO 3166-1 code"))
    }

    /// Every code, in the order of the list above.
    pub(crate) fn codes() -> impl Iterator<Item = &'static str> {
        CODES.iter().map(|(_, code, _, _)| *code)
    }
}

/// Which nationality it is is the holder's personal data: redacted.
impl std::fmt::Debug for IcaoNationality {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("IcaoNationality(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variant_has_one_code_and_codes_are_not_iso_countries() {
        let mut codes: Vec<&str> = IcaoNationality::codes().collect();
        for (nationality, code, _, _) in CODES {
            assert_eq!(IcaoNationality::from_code(code), Some(nationality));
            assert_eq!(nationality.code(), code);
            assert!(Country::new(code).is_err(), "{code} is an ISO 3166-1 code");
        }
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), CODES.len());
        assert_eq!(
            IcaoNationality::BritishSubject
                .country()
                .map(|country| country.alpha3()),
            Some("GBR")
        );
        assert_eq!(IcaoNationality::Interpol.country(), None);
        assert_eq!(IcaoNationality::from_code("RKS"), None);
    }
}
