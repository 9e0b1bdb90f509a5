//! Countries and citizenship, by ISO 3166-1 alpha-3 code and the nationality codes of ICAO
//! Doc 9303 Part 3.

use std::fmt;

pub use crate::icao::IcaoNationality;

/// Why a code was refused. It says how long the code was, never what it was: even a country
/// code is the holder's personal data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value}: a code of {length} characters that is not {expected}")]
pub struct CodeError {
    /// The type the code was meant for.
    pub value: &'static str,
    /// How many characters the code had.
    pub length: usize,
    /// What the value accepts.
    pub expected: &'static str,
}

impl CodeError {
    fn new(value: &'static str, code: &str, expected: &'static str) -> Self {
        CodeError {
            value,
            length: code.chars().count(),
            expected,
        }
    }
}

/// Antarctica, which ISO 3166-1 lists (`ATA`, 010) and the `iso3166` crate's list omits.
const ANTARCTICA: Country = Country {
    alpha3: "ATA",
    name: "Antarctica",
};

/// The code of the filler of a machine-readable zone, which pads codes shorter than three
/// letters (Germany's `D` as `D<<`) and is not part of any code.
const FILLER: char = '<';

/// A country, created from its upper-case ISO 3166-1 alpha-3 code (`KAZ`), or from `D`, the
/// code ICAO Doc 9303 gives Germany, read as `DEU`. Every one of the 249 codes of ISO 3166-1 is
/// accepted, `ATA` (Antarctica) included.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Country {
    alpha3: &'static str,
    name: &'static str,
}

impl Country {
    /// The country with the upper-case alpha-3 `code`, or `D` for Germany.
    ///
    /// # Errors
    ///
    /// When `code` is not in the ISO 3166-1 list, nor `D`; a code padded with the filler `<` of
    /// a machine-readable zone (`D<<`) is refused with a message that says so.
    pub fn new(code: &str) -> Result<Self, CodeError> {
        if code.contains(FILLER) {
            return Err(CodeError::new("Country", code, WITHOUT_FILLER));
        }
        match code {
            "D" => Country::new("DEU"),
            "ATA" => Ok(ANTARCTICA),
            _ => iso3166::Country::from_alpha3(code)
                .map(|country| Country {
                    alpha3: country.alpha3,
                    name: country.name,
                })
                .ok_or_else(|| CodeError::new("Country", code, COUNTRY_CODES)),
        }
    }

    /// The alpha-3 code, e.g. `KAZ`.
    pub fn alpha3(&self) -> &'static str {
        self.alpha3
    }

    /// The country's English short name in ISO 3166-1.
    pub fn name(&self) -> &'static str {
        self.name
    }
}

/// Which country it is is the holder's personal data (a citizenship, an address): redacted.
impl fmt::Debug for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Country(<redacted>)")
    }
}

const COUNTRY_CODES: &str = "an ISO 3166-1 alpha-3 country code, nor D";
const CITIZENSHIP_CODES: &str =
    "an ISO 3166-1 alpha-3 country code, nor a nationality code of ICAO Doc 9303 Part 3";
const WITHOUT_FILLER: &str =
    "a code: the filler `<` of a machine-readable zone is not part of a code";

/// A citizenship as ICAO Doc 9303 Part 3 codes nationality: a country, a nationality Doc 9303
/// codes outside ISO 3166-1 (British nationality classes, organizations issuing travel
/// documents), or one of the codes for a person without a nationality. Stateless persons are in
/// scope of every list, so statelessness is a value like any other, not an absence.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub enum Citizenship {
    /// A citizen of the country.
    Country(Country),
    /// A nationality that Doc 9303 codes outside ISO 3166-1, e.g. `GBD` or `UNO`.
    Icao(IcaoNationality),
    /// `XXA`: a stateless person, as defined in Article 1 of the 1954 Convention relating to
    /// the Status of Stateless Persons.
    Stateless,
    /// `XXB`: a refugee, as defined in Article 1 of the 1951 Convention relating to the Status
    /// of Refugees as amended by the 1967 Protocol.
    ConventionRefugee,
    /// `XXC`: a refugee other than as defined under `XXB`.
    OtherRefugee,
    /// `XXX`: a person of unspecified nationality.
    Unspecified,
}

impl Citizenship {
    /// The citizenship with the upper-case `code`: an ISO 3166-1 alpha-3 country code, `D`
    /// (Germany, read as `DEU`), a code of [`IcaoNationality`], or `XXA`, `XXB`, `XXC` or `XXX`.
    ///
    /// # Errors
    ///
    /// When `code` is none of those; a code padded with the filler `<` (`D<<`) is refused with
    /// a message that says so.
    pub fn new(code: &str) -> Result<Self, CodeError> {
        if code.contains(FILLER) {
            return Err(CodeError::new("Citizenship", code, WITHOUT_FILLER));
        }
        match code {
            "XXA" => Ok(Citizenship::Stateless),
            "XXB" => Ok(Citizenship::ConventionRefugee),
            "XXC" => Ok(Citizenship::OtherRefugee),
            "XXX" => Ok(Citizenship::Unspecified),
            _ => IcaoNationality::from_code(code)
                .map(Citizenship::Icao)
                .or_else(|| Country::new(code).ok().map(Citizenship::Country))
                .ok_or_else(|| CodeError::new("Citizenship", code, CITIZENSHIP_CODES)),
        }
    }

    /// The three-letter code.
    pub fn code(&self) -> &'static str {
        match self {
            Citizenship::Country(country) => country.alpha3(),
            Citizenship::Icao(nationality) => nationality.code(),
            Citizenship::Stateless => "XXA",
            Citizenship::ConventionRefugee => "XXB",
            Citizenship::OtherRefugee => "XXC",
            Citizenship::Unspecified => "XXX",
        }
    }

    /// The ISO 3166-1 country of the citizenship, where there is one: the country itself, the
    /// United Kingdom for the British nationality classes, none for organizations and for the
    /// codes of persons without a nationality.
    pub fn country(&self) -> Option<Country> {
        match self {
            Citizenship::Country(country) => Some(*country),
            Citizenship::Icao(nationality) => nationality.country(),
            _ => None,
        }
    }
}

/// Citizenship, statelessness and refugee status are the holder's personal data: redacted.
impl fmt::Debug for Citizenship {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Citizenship(<redacted>)")
    }
}

string_value!(
    Country,
    CodeError,
    alpha3,
    "an ISO 3166-1 alpha-3 country code"
);

impl Country {
    /// Every code `new` accepts, sorted: the alpha-3 codes of ISO 3166-1, and `D`.
    fn codes() -> Vec<&'static str> {
        let mut codes: Vec<&str> = iso3166::LIST.iter().map(|country| country.alpha3).collect();
        codes.extend([ANTARCTICA.alpha3, "D"]);
        codes.sort_unstable();
        codes
    }
}

impl crate::catalogue::Schema for Country {
    fn schema() -> crate::catalogue::Object {
        crate::catalogue::Object::new()
            .with("type", "string")
            .with("enum", Country::codes())
    }
}

impl Citizenship {
    /// The citizenships without a nationality, as their codes are listed.
    const WITHOUT_A_NATIONALITY: [Citizenship; 4] = [
        Citizenship::Stateless,
        Citizenship::ConventionRefugee,
        Citizenship::OtherRefugee,
        Citizenship::Unspecified,
    ];
}

impl crate::catalogue::Schema for Citizenship {
    fn schema() -> crate::catalogue::Object {
        let mut codes = Country::codes();
        codes.extend(IcaoNationality::codes());
        codes.extend(Citizenship::WITHOUT_A_NATIONALITY.map(|citizenship| citizenship.code()));
        crate::catalogue::Object::new()
            .with("type", "string")
            .with("enum", codes)
    }
}

string_value!(
    Citizenship,
    CodeError,
    code,
    "an ISO 3166-1 alpha-3 country code or a nationality code of ICAO Doc 9303"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_are_every_iso_code_and_d() {
        let kazakhstan = Country::new("KAZ").unwrap();
        assert_eq!(kazakhstan.alpha3(), "KAZ");
        assert_eq!(kazakhstan.name(), "Kazakhstan");
        assert_eq!(format!("{kazakhstan:?}"), "Country(<redacted>)");
        assert_eq!(Country::new("SSD").unwrap().alpha3(), "SSD");
        assert_eq!(Country::new("ATA").unwrap().name(), "Antarctica");
        assert_eq!(Country::new("D").unwrap(), Country::new("DEU").unwrap());
        // ISO 3166-1 has 249 alpha-3 codes; `D` makes 250.
        assert_eq!(Country::codes().len(), 250);
        for code in Country::codes() {
            assert!(Country::new(code).is_ok(), "{code}");
        }
        for code in [
            "kaz", "KZ", "KAZA", "ZZZ", "XXA", "GBD", "", "КАZ", "RKS", "d",
        ] {
            assert!(Country::new(code).is_err(), "{code}");
        }
    }

    #[test]
    fn citizenship_is_a_country_or_a_nationality_code_of_doc_9303() {
        assert_eq!(
            Citizenship::new("KAZ").unwrap(),
            Citizenship::Country(Country::new("KAZ").unwrap())
        );
        assert_eq!(Citizenship::new("D").unwrap().code(), "DEU");
        for (code, citizenship) in [
            ("XXA", Citizenship::Stateless),
            ("XXB", Citizenship::ConventionRefugee),
            ("XXC", Citizenship::OtherRefugee),
            ("XXX", Citizenship::Unspecified),
            (
                "GBD",
                Citizenship::Icao(IcaoNationality::BritishOverseasTerritoriesCitizen),
            ),
            ("UNO", Citizenship::Icao(IcaoNationality::UnitedNations)),
            ("EUE", Citizenship::Icao(IcaoNationality::EuropeanUnion)),
            (
                "XOM",
                Citizenship::Icao(IcaoNationality::SovereignMilitaryOrderOfMalta),
            ),
        ] {
            assert_eq!(Citizenship::new(code).unwrap(), citizenship);
            assert_eq!(citizenship.code(), code);
            assert_eq!(format!("{citizenship:?}"), "Citizenship(<redacted>)");
        }
        assert_eq!(
            Citizenship::new("GBN").unwrap().country(),
            Some(Country::new("GBR").unwrap())
        );
        assert_eq!(Citizenship::new("XPO").unwrap().country(), None);
        assert_eq!(Citizenship::new("XXA").unwrap().country(), None);
        let error = Citizenship::new("XXY").unwrap_err();
        assert_eq!(
            error.to_string(),
            "Citizenship: a code of 3 characters that is not an ISO 3166-1 alpha-3 country code, \
             nor a nationality code of ICAO Doc 9303 Part 3"
        );
    }

    #[test]
    fn a_code_padded_with_the_filler_is_refused_saying_so() {
        for code in ["D<<", "KAZ<", "<"] {
            let error = Citizenship::new(code).unwrap_err().to_string();
            assert!(error.contains("the filler `<`"), "{error}");
            assert!(Country::new(code).is_err());
        }
    }
}
