//! The individual identification number (IIN).

use super::date::Date;
use super::kinds::Sex;

/// Why a text is not an IIN. Positions count characters from 1.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IinError {
    /// Not 12 characters.
    #[error("an IIN has 12 digits, not {found}")]
    Length {
        /// How many characters there are.
        found: usize,
    },
    /// A character that is not an ASCII digit.
    #[error("character {position} is not a digit 0 to 9")]
    NotADigit {
        /// Where.
        position: usize,
    },
    /// The 12th digit is not the one the first 11 give. Neither digit is named: an IIN is
    /// personal data.
    #[error("the check digit (character 12) is not the one the first 11 digits give")]
    CheckDigit,
    /// The first 11 digits give no valid check digit at all.
    #[error("the first 11 digits admit no check digit, so no IIN begins with them")]
    NoCheckDigit,
}

/// 12 ASCII digits whose last is the check digit of the first 11.
///
/// The 7th digit (century of birth and sex) and the leading date of birth are hints only: an
/// IIN is never refused because they disagree with other data, since numbers issued in error
/// stay in use.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Iin(String);

const FIRST_WEIGHTS: [u32; 11] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS: [u32; 11] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

impl Iin {
    /// Checks that `text` is 12 digits with a correct check digit.
    ///
    /// # Errors
    ///
    /// [`IinError`] says what is wrong.
    pub fn new(text: &str) -> Result<Self, IinError> {
        let found = text.chars().count();
        if found != 12 {
            return Err(IinError::Length { found });
        }
        if let Some(index) = text
            .chars()
            .position(|character| !character.is_ascii_digit())
        {
            return Err(IinError::NotADigit {
                position: index + 1,
            });
        }
        let digits: Vec<u8> = text.bytes().map(|byte| byte - b'0').collect();
        let mut prefix = [0_u8; 11];
        prefix.copy_from_slice(&digits[..11]);
        let expected = Iin::check_digit(prefix).ok_or(IinError::NoCheckDigit)?;
        if expected != digits[11] {
            return Err(IinError::CheckDigit);
        }
        Ok(Iin(text.to_owned()))
    }

    /// The check digit of the first 11 digits (each 0–9), or `None` when they admit none.
    ///
    /// The digits are weighted 1 to 11 and summed modulo 11; a remainder of 10 is retried with
    /// the weights 3 to 11, 1, 2; a second 10 means no IIN begins with these digits.
    pub fn check_digit(prefix: [u8; 11]) -> Option<u8> {
        let remainder = |weights: [u32; 11]| {
            let sum: u32 = prefix
                .iter()
                .zip(weights)
                .map(|(&digit, weight)| u32::from(digit) * weight)
                .sum();
            u8::try_from(sum % 11).unwrap_or(10)
        };
        [FIRST_WEIGHTS, SECOND_WEIGHTS]
            .into_iter()
            .map(remainder)
            .find(|&remainder| remainder != 10)
    }

    /// The 12 digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The date of birth the first six digits and the 7th suggest, if they name a real date.
    /// A hint only: it may disagree with the holder's actual date of birth.
    pub fn birth_date_hint(&self) -> Option<Date> {
        let digit = |index: usize| i16::from(self.0.as_bytes()[index] - b'0');
        let century = match self.0.as_bytes()[6] {
            b'1' | b'2' => 1800,
            b'3' | b'4' => 1900,
            b'5' | b'6' => 2000,
            _ => return None,
        };
        let year = century + digit(0) * 10 + digit(1);
        let month = i8::try_from(digit(2) * 10 + digit(3)).ok()?;
        let day = i8::try_from(digit(4) * 10 + digit(5)).ok()?;
        Date::new(year, month, day).ok()
    }

    /// The sex the 7th digit suggests (odd: male, even: female), for digits 1 to 6. A hint only.
    pub fn sex_hint(&self) -> Option<Sex> {
        match self.0.as_bytes()[6] {
            b'1' | b'3' | b'5' => Some(Sex::Male),
            b'2' | b'4' | b'6' => Some(Sex::Female),
            _ => None,
        }
    }
}

string_value!(Iin, IinError, as_str, "an IIN");
redacted_debug!(Iin);

impl crate::catalogue::Schema for Iin {
    fn schema() -> crate::catalogue::Object {
        crate::catalogue::Object::new()
            .with("type", "string")
            .with_pattern("^[0-9]{12}$")
            .with(
                "description",
                "An individual identification number: 12 digits. Not expressed by this schema: \
                 the 12th digit is the check digit of the first 11.",
            )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_known_good_numbers() {
        for text in ["791028302728", "900101300811"] {
            assert_eq!(
                Iin::new(text).map(|iin| iin.as_str().to_owned()),
                Ok(text.to_owned())
            );
        }
    }

    #[test]
    fn the_second_weights_apply_when_the_first_give_ten() {
        // 9·1 + 1·4 + 1·6 + 3·7 + 8·10 + 1·11 = 131 ≡ 10 (mod 11); the second weights give 1.
        assert_eq!(Iin::check_digit([9, 0, 0, 1, 0, 1, 3, 0, 0, 8, 1]), Some(1));
        assert_eq!(Iin::check_digit([7, 9, 1, 0, 2, 8, 3, 0, 2, 7, 2]), Some(8));
    }

    #[test]
    fn some_prefixes_admit_no_check_digit() {
        // Both weightings leave 10 for about one prefix in 121.
        let prefix = (0..10_u64.pow(6))
            .map(|n| {
                let mut digits = [0_u8; 11];
                let mut rest = n;
                for digit in digits.iter_mut().rev().take(6) {
                    *digit = u8::try_from(rest % 10).unwrap();
                    rest /= 10;
                }
                digits
            })
            .find(|prefix| Iin::check_digit(*prefix).is_none())
            .expect("some prefix admits no check digit");
        let text: String = prefix
            .iter()
            .map(|d| char::from(b'0' + d))
            .chain(['0'])
            .collect();
        assert_eq!(Iin::new(&text), Err(IinError::NoCheckDigit));
    }

    #[test]
    fn refuses_malformed_numbers() {
        assert_eq!(Iin::new("79102830272"), Err(IinError::Length { found: 11 }));
        assert_eq!(
            Iin::new("7910283027281"),
            Err(IinError::Length { found: 13 })
        );
        assert_eq!(Iin::new(""), Err(IinError::Length { found: 0 }));
        assert_eq!(
            Iin::new("79102830272a"),
            Err(IinError::NotADigit { position: 12 })
        );
        assert_eq!(
            Iin::new("７91028302728"),
            Err(IinError::NotADigit { position: 1 })
        );
        assert_eq!(
            Iin::new(" 79102830272"),
            Err(IinError::NotADigit { position: 1 })
        );
        assert_eq!(Iin::new("791028302729"), Err(IinError::CheckDigit));
        assert_eq!(
            IinError::CheckDigit.to_string(),
            "the check digit (character 12) is not the one the first 11 digits give"
        );
    }

    #[test]
    fn hints_come_from_the_seventh_digit_and_the_date() {
        let iin = Iin::new("791028302728").unwrap();
        assert_eq!(
            iin.birth_date_hint(),
            Some(Date::new(1979, 10, 28).unwrap())
        );
        assert_eq!(iin.sex_hint(), Some(Sex::Male));
        let iin = Iin::new("900101300811").unwrap();
        assert_eq!(iin.birth_date_hint(), Some(Date::new(1990, 1, 1).unwrap()));
    }

    #[test]
    fn a_number_whose_date_is_impossible_is_still_an_iin() {
        let prefix = [9, 0, 0, 2, 3, 0, 4, 0, 0, 0, 1];
        let check = Iin::check_digit(prefix).expect("a check digit");
        let text: String = prefix
            .iter()
            .chain([&check])
            .map(|d| char::from(b'0' + d))
            .collect();
        let iin = Iin::new(&text).expect("30 February is a hint, not a reason to refuse");
        assert_eq!(iin.birth_date_hint(), None);
        assert_eq!(iin.sex_hint(), Some(Sex::Female));
    }

    #[test]
    fn debug_redacts_the_number() {
        let iin = Iin::new("791028302728").unwrap();
        assert_eq!(format!("{iin:?}"), "Iin(<redacted>)");
    }
}
