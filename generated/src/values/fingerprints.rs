//! Friction ridge captures: the ten fingers, and the two full palms, by ANSI/NIST-ITL position.

use std::fmt;

use super::encoded::{JPEG_2000_CODESTREAM, JPEG_2000_FILE, PNG, Signed, encoded_value};

/// A finger, by its ANSI/NIST-ITL finger position code (1 right thumb … 10 left little).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub enum FingerPosition {
    /// Code 1.
    RightThumb = 1,
    /// Code 2.
    RightIndex = 2,
    /// Code 3.
    RightMiddle = 3,
    /// Code 4.
    RightRing = 4,
    /// Code 5.
    RightLittle = 5,
    /// Code 6.
    LeftThumb = 6,
    /// Code 7.
    LeftIndex = 7,
    /// Code 8.
    LeftMiddle = 8,
    /// Code 9.
    LeftRing = 9,
    /// Code 10.
    LeftLittle = 10,
}

impl FingerPosition {
    /// The ten positions, in code order.
    pub const ALL: [FingerPosition; 10] = [
        FingerPosition::RightThumb,
        FingerPosition::RightIndex,
        FingerPosition::RightMiddle,
        FingerPosition::RightRing,
        FingerPosition::RightLittle,
        FingerPosition::LeftThumb,
        FingerPosition::LeftIndex,
        FingerPosition::LeftMiddle,
        FingerPosition::LeftRing,
        FingerPosition::LeftLittle,
    ];

    /// The ANSI/NIST-ITL code, 1 to 10.
    pub fn code(self) -> u8 {
        self as u8
    }

    /// The position with ANSI/NIST-ITL code `code`, if it is a finger's.
    pub fn from_code(code: u8) -> Option<FingerPosition> {
        FingerPosition::ALL
            .into_iter()
            .find(|position| position.code() == code)
    }

    fn index(self) -> usize {
        usize::from(self.code() - 1)
    }
}

/// A full palm, by its ANSI/NIST-ITL palm position code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub enum PalmPosition {
    /// Code 21: the right full palm.
    RightFullPalm = 21,
    /// Code 23: the left full palm.
    LeftFullPalm = 23,
}

impl PalmPosition {
    /// The ANSI/NIST-ITL code, 21 or 23.
    pub fn code(self) -> u8 {
        self as u8
    }
}

/// The encoding of a friction ridge impression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ImpressionFormat {
    /// A WSQ-compressed greyscale image (FBI IAFIS-IC-0110).
    Wsq,
    /// A JPEG 2000 image (ISO/IEC 15444).
    Jpeg2000,
    /// A PNG image (ISO/IEC 15948).
    Png,
    /// An ISO/IEC 19794-2 finger minutiae template.
    #[cfg_attr(feature = "serde", serde(rename = "iso_19794_2"))]
    Iso19794_2,
}

const WSQ: &[u8] = &[0xFF, 0xA0];
const ISO_19794_2: &[u8] = b"FMR\0";

impl Signed for ImpressionFormat {
    const ALL: &'static [Self] = &[
        ImpressionFormat::Wsq,
        ImpressionFormat::Jpeg2000,
        ImpressionFormat::Png,
        ImpressionFormat::Iso19794_2,
    ];

    fn signatures(self) -> &'static [&'static [u8]] {
        match self {
            ImpressionFormat::Wsq => &[WSQ],
            ImpressionFormat::Jpeg2000 => &[JPEG_2000_FILE, JPEG_2000_CODESTREAM],
            ImpressionFormat::Png => &[PNG],
            ImpressionFormat::Iso19794_2 => &[ISO_19794_2],
        }
    }

    fn name(self) -> &'static str {
        match self {
            ImpressionFormat::Wsq => "WSQ",
            ImpressionFormat::Jpeg2000 => "JPEG 2000",
            ImpressionFormat::Png => "PNG",
            ImpressionFormat::Iso19794_2 => "an ISO/IEC 19794-2 template",
        }
    }
}

encoded_value! {
    /// An encoded impression of a finger or palm. `Debug` shows its format and size, never its
    /// bytes.
    Impression, ImpressionFormat
}

/// Why a finger or palm has no impression, with its ANSI/NIST-ITL code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Absence {
    /// `XX`: amputated.
    #[cfg_attr(feature = "serde", serde(rename = "XX"))]
    Amputated,
    /// `UP`: unable to print (bandaged, injured).
    #[cfg_attr(feature = "serde", serde(rename = "UP"))]
    UnableToPrint,
}

impl Absence {
    /// The ANSI/NIST-ITL code: `XX` or `UP`.
    pub fn code(self) -> &'static str {
        match self {
            Absence::Amputated => "XX",
            Absence::UnableToPrint => "UP",
        }
    }
}

/// What was taken at one position: an impression, or the reason there is none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Capture {
    /// An impression.
    Impression(Impression),
    /// A recorded absence.
    Absent(Absence),
}

/// Why a set of captures was refused. Positions are ANSI/NIST-ITL codes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CaptureSetError {
    /// A position the set has no capture for.
    #[error("no capture for position(s) {}", list(positions))]
    Missing {
        /// The positions, in code order.
        positions: Vec<u8>,
    },
    /// A position given twice.
    #[error("position {position} is given twice")]
    Duplicate {
        /// The position.
        position: u8,
    },
    /// A position code the set does not hold.
    #[error("{position} is not a position of this set ({expected})")]
    UnknownPosition {
        /// The code.
        position: u8,
        /// The codes the set holds.
        expected: &'static str,
    },
    /// An entry with both an impression and an absence, or neither.
    #[error("position {position} needs exactly one of `impression` and `absence`")]
    AmbiguousEntry {
        /// The position.
        position: u8,
    },
}

fn list(positions: &[u8]) -> String {
    positions
        .iter()
        .map(u8::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Exactly one capture for each finger position 1 to 10, an impression or a recorded absence.
#[derive(Clone, PartialEq, Eq)]
pub struct Fingerprints([Capture; 10]);

impl Fingerprints {
    /// Collects one capture a finger.
    ///
    /// # Errors
    ///
    /// When a finger is missing or given twice.
    pub fn new(
        captures: impl IntoIterator<Item = (FingerPosition, Capture)>,
    ) -> Result<Self, CaptureSetError> {
        let mut slots: [Option<Capture>; 10] = Default::default();
        for (position, capture) in captures {
            let slot = &mut slots[position.index()];
            if slot.is_some() {
                return Err(CaptureSetError::Duplicate {
                    position: position.code(),
                });
            }
            *slot = Some(capture);
        }
        let missing: Vec<u8> = FingerPosition::ALL
            .into_iter()
            .filter(|position| slots[position.index()].is_none())
            .map(FingerPosition::code)
            .collect();
        let captures: Vec<Capture> = slots.into_iter().flatten().collect();
        captures
            .try_into()
            .map(Fingerprints)
            .map_err(|_| CaptureSetError::Missing { positions: missing })
    }

    /// The capture of `position`.
    pub fn get(&self, position: FingerPosition) -> &Capture {
        &self.0[position.index()]
    }

    /// Every finger with its capture, in position order.
    pub fn iter(&self) -> impl Iterator<Item = (FingerPosition, &Capture)> {
        FingerPosition::ALL.into_iter().zip(&self.0)
    }
}

impl fmt::Debug for Fingerprints {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// A capture for each finger and for the right and left full palms (ANSI/NIST-ITL positions 21
/// and 23), each an impression or a recorded absence.
#[derive(Clone, PartialEq, Eq)]
pub struct FingerprintsAndPalms {
    fingers: Fingerprints,
    right_full_palm: Capture,
    left_full_palm: Capture,
}

impl FingerprintsAndPalms {
    /// The ten fingers with the right and left full palms.
    pub fn new(fingers: Fingerprints, right_full_palm: Capture, left_full_palm: Capture) -> Self {
        FingerprintsAndPalms {
            fingers,
            right_full_palm,
            left_full_palm,
        }
    }

    /// The ten fingers.
    pub fn fingers(&self) -> &Fingerprints {
        &self.fingers
    }

    /// The capture of a full palm.
    pub fn palm(&self, position: PalmPosition) -> &Capture {
        match position {
            PalmPosition::RightFullPalm => &self.right_full_palm,
            PalmPosition::LeftFullPalm => &self.left_full_palm,
        }
    }
}

impl fmt::Debug for FingerprintsAndPalms {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.fingers.iter())
            .entry(&PalmPosition::RightFullPalm, &self.right_full_palm)
            .entry(&PalmPosition::LeftFullPalm, &self.left_full_palm)
            .finish()
    }
}

/// The wire form: a list of entries `{ "position": 1, "impression": { "format": "wsq", "data":
/// "<base64>" } }` or `{ "position": 2, "absence": "XX" }`, one a position, in any order.
#[cfg(feature = "serde")]
mod wire {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::{
        Absence, Capture, CaptureSetError, FingerPosition, Fingerprints, FingerprintsAndPalms,
        Impression, PalmPosition,
    };

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Entry<I> {
        position: u8,
        #[serde(skip_serializing_if = "Option::is_none")]
        impression: Option<I>,
        #[serde(skip_serializing_if = "Option::is_none")]
        absence: Option<Absence>,
    }

    fn entry(position: u8, capture: &Capture) -> Entry<&Impression> {
        let (impression, absence) = match capture {
            Capture::Impression(impression) => (Some(impression), None),
            Capture::Absent(absence) => (None, Some(*absence)),
        };
        Entry {
            position,
            impression,
            absence,
        }
    }

    fn capture<E: serde::de::Error>(entry: Entry<Impression>) -> Result<(u8, Capture), E> {
        let capture = match (entry.impression, entry.absence) {
            (Some(impression), None) => Capture::Impression(impression),
            (None, Some(absence)) => Capture::Absent(absence),
            _ => {
                return Err(E::custom(CaptureSetError::AmbiguousEntry {
                    position: entry.position,
                }));
            }
        };
        Ok((entry.position, capture))
    }

    const FINGER_POSITIONS: &str = "fingers 1 to 10";
    const ALL_POSITIONS: &str = "fingers 1 to 10, palms 21 and 23";

    fn finger<E: serde::de::Error>(
        (code, capture): (u8, Capture),
        expected: &'static str,
    ) -> Result<(FingerPosition, Capture), E> {
        FingerPosition::from_code(code)
            .map(|position| (position, capture))
            .ok_or_else(|| {
                E::custom(CaptureSetError::UnknownPosition {
                    position: code,
                    expected,
                })
            })
    }

    impl Serialize for Fingerprints {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_seq(
                self.iter()
                    .map(|(position, capture)| entry(position.code(), capture)),
            )
        }
    }

    impl<'de> Deserialize<'de> for Fingerprints {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let captures = Vec::<Entry<Impression>>::deserialize(deserializer)?
                .into_iter()
                .map(|entry| finger(capture(entry)?, FINGER_POSITIONS))
                .collect::<Result<Vec<_>, D::Error>>()?;
            Fingerprints::new(captures).map_err(serde::de::Error::custom)
        }
    }

    impl Serialize for FingerprintsAndPalms {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let fingers = self
                .fingers
                .iter()
                .map(|(position, capture)| entry(position.code(), capture));
            let palms = [PalmPosition::RightFullPalm, PalmPosition::LeftFullPalm]
                .map(|position| entry(position.code(), self.palm(position)));
            serializer.collect_seq(fingers.chain(palms))
        }
    }

    impl<'de> Deserialize<'de> for FingerprintsAndPalms {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let mut fingers = Vec::new();
            let (mut right, mut left) = (None, None);
            for entry in Vec::<Entry<Impression>>::deserialize(deserializer)? {
                let (code, capture) = capture::<D::Error>(entry)?;
                let palm = match code {
                    21 => &mut right,
                    23 => &mut left,
                    _ => {
                        fingers.push(finger((code, capture), ALL_POSITIONS)?);
                        continue;
                    }
                };
                if palm.replace(capture).is_some() {
                    return Err(serde::de::Error::custom(CaptureSetError::Duplicate {
                        position: code,
                    }));
                }
            }
            let fingers = Fingerprints::new(fingers).map_err(serde::de::Error::custom)?;
            match (right, left) {
                (Some(right), Some(left)) => Ok(FingerprintsAndPalms::new(fingers, right, left)),
                (right, left) => {
                    let positions = [(21, right.is_none()), (23, left.is_none())]
                        .into_iter()
                        .filter_map(|(code, missing)| missing.then_some(code))
                        .collect();
                    Err(serde::de::Error::custom(CaptureSetError::Missing {
                        positions,
                    }))
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wsq() -> Capture {
        Capture::Impression(
            Impression::new(ImpressionFormat::Wsq, vec![0xFF, 0xA0, 0xFF, 0xA8]).unwrap(),
        )
    }

    fn all_fingers() -> Vec<(FingerPosition, Capture)> {
        FingerPosition::ALL
            .into_iter()
            .map(|position| (position, wsq()))
            .collect()
    }

    #[test]
    fn positions_have_their_ansi_nist_codes() {
        let codes: Vec<u8> = FingerPosition::ALL
            .into_iter()
            .map(FingerPosition::code)
            .collect();
        assert_eq!(codes, (1..=10).collect::<Vec<_>>());
        assert_eq!(
            FingerPosition::from_code(6),
            Some(FingerPosition::LeftThumb)
        );
        assert_eq!(FingerPosition::from_code(0), None);
        assert_eq!(FingerPosition::from_code(11), None);
        assert_eq!(PalmPosition::RightFullPalm.code(), 21);
        assert_eq!(PalmPosition::LeftFullPalm.code(), 23);
    }

    #[test]
    fn ten_fingers_in_any_order_with_absences() {
        let mut captures = all_fingers();
        captures.reverse();
        captures[0].1 = Capture::Absent(Absence::Amputated);
        let fingers = Fingerprints::new(captures).unwrap();
        assert_eq!(
            fingers.get(FingerPosition::LeftLittle),
            &Capture::Absent(Absence::Amputated)
        );
        assert_eq!(fingers.get(FingerPosition::RightThumb), &wsq());
        assert_eq!(Absence::UnableToPrint.code(), "UP");
    }

    #[test]
    fn a_missing_or_repeated_finger_is_refused() {
        let mut captures = all_fingers();
        captures.retain(|(position, _)| {
            !matches!(
                position,
                FingerPosition::RightRing | FingerPosition::LeftIndex
            )
        });
        assert_eq!(
            Fingerprints::new(captures).unwrap_err(),
            CaptureSetError::Missing {
                positions: vec![4, 7]
            }
        );
        let mut captures = all_fingers();
        captures[9].0 = FingerPosition::RightThumb;
        assert_eq!(
            Fingerprints::new(captures).unwrap_err(),
            CaptureSetError::Duplicate { position: 1 }
        );
        assert_eq!(
            Fingerprints::new([]).unwrap_err().to_string(),
            "no capture for position(s) 1, 2, 3, 4, 5, 6, 7, 8, 9, 10"
        );
    }

    #[test]
    fn impressions_are_checked_against_their_format() {
        assert!(Impression::new(ImpressionFormat::Iso19794_2, b"FMR\0 020".to_vec()).is_ok());
        assert!(Impression::new(ImpressionFormat::Png, PNG.to_vec()).is_ok());
        let error = Impression::new(ImpressionFormat::Wsq, b"FMR\0".to_vec()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "Impression: the bytes are declared WSQ but look like an ISO/IEC 19794-2 template"
        );
        assert!(Impression::new(ImpressionFormat::Wsq, Vec::new()).is_err());
    }

    #[test]
    fn debug_shows_positions_and_formats_never_bytes() {
        let palms = FingerprintsAndPalms::new(
            Fingerprints::new(all_fingers()).unwrap(),
            wsq(),
            Capture::Absent(Absence::UnableToPrint),
        );
        let debug = format!("{palms:?}");
        assert!(
            debug.contains("RightThumb: Impression(Impression { format: Wsq, bytes: 4 })"),
            "{debug}"
        );
        assert!(
            debug.contains("LeftFullPalm: Absent(UnableToPrint)"),
            "{debug}"
        );
        assert!(!debug.contains("255"), "{debug}");
    }
}
