//! Countries and citizenship, by ISO 3166-1 alpha-3 code and the ICAO codes for persons without
//! one.

use std::fmt;

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

/// Created from its upper-case alpha-3 code (`KAZ`), checked against the ISO 3166-1 list.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Country(iso3166::Country);

impl Country {
    /// The country with the upper-case alpha-3 `code`.
    ///
    /// # Errors
    ///
    /// When `code` is not in the ISO 3166-1 list.
    pub fn new(code: &str) -> Result<Self, CodeError> {
        iso3166::Country::from_alpha3(code)
            .map(Country)
            .ok_or_else(|| CodeError::new("Country", code, "an ISO 3166-1 alpha-3 country code"))
    }

    /// The alpha-3 code, e.g. `KAZ`.
    pub fn alpha3(&self) -> &'static str {
        self.0.alpha3
    }

    /// The country's English short name in ISO 3166-1.
    pub fn name(&self) -> &'static str {
        self.0.name
    }
}

impl fmt::Debug for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Country({})", self.alpha3())
    }
}

impl std::hash::Hash for Country {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.alpha3().hash(state);
    }
}

/// A country, or one of the ICAO Doc 9303 codes for a person without one. Stateless persons are
/// in scope of every list, so statelessness is a value like any other, not an absence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Citizenship {
    /// A citizen of the country.
    Country(Country),
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
    /// The citizenship with the upper-case three-letter `code`: an ISO 3166-1 alpha-3 country
    /// code, or `XXA`, `XXB`, `XXC` or `XXX`.
    ///
    /// # Errors
    ///
    /// When `code` is none of those.
    pub fn new(code: &str) -> Result<Self, CodeError> {
        match code {
            "XXA" => Ok(Citizenship::Stateless),
            "XXB" => Ok(Citizenship::ConventionRefugee),
            "XXC" => Ok(Citizenship::OtherRefugee),
            "XXX" => Ok(Citizenship::Unspecified),
            _ => Country::new(code).map(Citizenship::Country).map_err(|_| {
                CodeError::new(
                    "Citizenship",
                    code,
                    "an ISO 3166-1 alpha-3 country code, nor XXA, XXB, XXC or XXX",
                )
            }),
        }
    }

    /// The three-letter code.
    pub fn code(&self) -> &'static str {
        match self {
            Citizenship::Country(country) => country.alpha3(),
            Citizenship::Stateless => "XXA",
            Citizenship::ConventionRefugee => "XXB",
            Citizenship::OtherRefugee => "XXC",
            Citizenship::Unspecified => "XXX",
        }
    }
}

string_value!(
    Country,
    CodeError,
    alpha3,
    "an ISO 3166-1 alpha-3 country code"
);

impl Country {
    /// Every alpha-3 code of the ISO 3166-1 list `new` checks against, sorted.
    fn codes() -> Vec<&'static str> {
        let mut codes: Vec<&str> = iso3166::LIST.iter().map(|country| country.alpha3).collect();
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
    /// The citizenships without a country, as their codes are listed.
    const WITHOUT_A_COUNTRY: [Citizenship; 4] = [
        Citizenship::Stateless,
        Citizenship::ConventionRefugee,
        Citizenship::OtherRefugee,
        Citizenship::Unspecified,
    ];
}

impl crate::catalogue::Schema for Citizenship {
    fn schema() -> crate::catalogue::Object {
        let mut codes = Country::codes();
        codes.extend(Citizenship::WITHOUT_A_COUNTRY.map(|citizenship| citizenship.code()));
        crate::catalogue::Object::new()
            .with("type", "string")
            .with("enum", codes)
    }
}
string_value!(
    Citizenship,
    CodeError,
    code,
    "an ISO 3166-1 alpha-3 country code or XXA, XXB, XXC or XXX"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_come_from_the_iso_list() {
        let kazakhstan = Country::new("KAZ").unwrap();
        assert_eq!(kazakhstan.alpha3(), "KAZ");
        assert_eq!(kazakhstan.name(), "Kazakhstan");
        assert_eq!(format!("{kazakhstan:?}"), "Country(KAZ)");
        assert_eq!(Country::new("SSD").unwrap().alpha3(), "SSD");
        for code in ["kaz", "KZ", "KAZA", "ZZZ", "XXA", "", "КАZ"] {
            assert!(Country::new(code).is_err(), "{code}");
        }
    }

    #[test]
    fn citizenship_may_be_a_country_or_an_icao_code_for_none() {
        assert_eq!(
            Citizenship::new("KAZ").unwrap(),
            Citizenship::Country(Country::new("KAZ").unwrap())
        );
        for (code, citizenship) in [
            ("XXA", Citizenship::Stateless),
            ("XXB", Citizenship::ConventionRefugee),
            ("XXC", Citizenship::OtherRefugee),
            ("XXX", Citizenship::Unspecified),
        ] {
            assert_eq!(Citizenship::new(code).unwrap(), citizenship);
            assert_eq!(citizenship.code(), code);
        }
        let error = Citizenship::new("XXY").unwrap_err();
        assert_eq!(
            error.to_string(),
            "Citizenship: a code of 3 characters that is not an ISO 3166-1 alpha-3 country code, nor XXA, XXB, XXC or XXX"
        );
    }
}
