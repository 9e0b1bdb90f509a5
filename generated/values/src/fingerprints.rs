//! Friction ridge captures: the ten fingers, and the two full palms, by ANSI/NIST-ITL position.

use std::fmt;

use super::encoded::{
    FINGER_IMPRESSION_LIMIT, IMPRESSION_LIMIT, JPEG_2000_CODESTREAM, JPEG_2000_FILE, PNG, Signed,
    encoded_value,
};

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
    /// The two positions, in code order.
    pub const ALL: [PalmPosition; 2] = [PalmPosition::RightFullPalm, PalmPosition::LeftFullPalm];

    /// The ANSI/NIST-ITL code, 21 or 23.
    pub fn code(self) -> u8 {
        self as u8
    }
}

/// The encoding of a friction ridge impression: written `wsq`, `jpeg2000`, `png` or
/// `iso_19794_2`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImpressionFormat {
    /// A WSQ-compressed greyscale image (FBI IAFIS-IC-0110).
    Wsq,
    /// A JPEG 2000 image (ISO/IEC 15444).
    Jpeg2000,
    /// A PNG image (ISO/IEC 15948).
    Png,
    /// An ISO/IEC 19794-2 finger minutiae template.
    Iso19794_2,
}

named_variants!(ImpressionFormat, "an impression format", {
    Wsq => "wsq",
    Jpeg2000 => "jpeg2000",
    Png => "png",
    Iso19794_2 => "iso_19794_2",
});

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
    /// An encoded impression of a finger or palm: at most [`IMPRESSION_LIMIT`] bytes (a finger's
    /// at most [`FINGER_IMPRESSION_LIMIT`], which the set of captures checks), checked against
    /// the declared format's signature and wiped on drop. `Debug` shows its format and
    /// size, never its bytes.
    Impression, ImpressionFormat, IMPRESSION_LIMIT
}

/// Why a finger or palm has no impression, with its ANSI/NIST-ITL code. `Debug` shows
/// `Absence(<redacted>)`: an amputation is data about the holder's health.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub enum Absence {
    /// `XX`: amputated.
    Amputated,
    /// `UP`: unable to print (bandaged, injured).
    UnableToPrint,
}

redacted_debug!(Absence);

named_variants!(Absence, "a reason of absence written XX or UP", {
    Amputated => "XX",
    UnableToPrint => "UP",
});

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
    /// A finger's impression larger than [`FINGER_IMPRESSION_LIMIT`].
    #[error(
        "the impression of finger position {position} has {size} bytes, more than the {limit} bytes a finger's may have"
    )]
    TooLarge {
        /// The position.
        position: u8,
        /// How many bytes the impression has.
        size: usize,
        /// How many a finger's may have.
        limit: usize,
    },
}

/// Refuses the impression of a finger larger than [`FINGER_IMPRESSION_LIMIT`].
fn check_finger(position: u8, capture: &Capture) -> Result<(), CaptureSetError> {
    match capture {
        Capture::Impression(impression)
            if impression.as_bytes().len() > FINGER_IMPRESSION_LIMIT =>
        {
            Err(CaptureSetError::TooLarge {
                position,
                size: impression.as_bytes().len(),
                limit: FINGER_IMPRESSION_LIMIT,
            })
        }
        _ => Ok(()),
    }
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
    /// When a finger is missing or given twice, or its impression is larger than
    /// [`FINGER_IMPRESSION_LIMIT`].
    pub fn new(
        captures: impl IntoIterator<Item = (FingerPosition, Capture)>,
    ) -> Result<Self, CaptureSetError> {
        let mut slots: [Option<Capture>; 10] = Default::default();
        for (position, capture) in captures {
            check_finger(position.code(), &capture)?;
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

/// The schema of one entry of a set of captures: a position of `positions` and an impression of
/// at most `limit` bytes or a recorded absence.
fn entry_schema(positions: &[u8], limit: usize) -> crate::catalogue::Object {
    use crate::catalogue::{Object, one_of};
    Object::new()
        .with("type", "object")
        .with("additionalProperties", false)
        .with("required", vec!["position"])
        // The position and exactly one of `impression` and `absence`.
        .with("minProperties", 2)
        .with("maxProperties", 2)
        .with(
            "properties",
            Object::new()
                .with(
                    "position",
                    Object::new()
                        .with("type", "integer")
                        .with("enum", positions.to_vec()),
                )
                .with(
                    "impression",
                    super::encoded::encoded_schema(ImpressionFormat::WIRE_NAMES, limit),
                )
                .with("absence", one_of(Absence::WIRE_NAMES)),
        )
}

/// The schema of a set of captures, one entry per position of each group's positions, each with
/// an impression of at most the group's limit or a recorded absence.
fn capture_set_schema(groups: &[(&[u8], usize)], description: &str) -> crate::catalogue::Object {
    use crate::catalogue::Object;
    let positions: Vec<u8> = groups
        .iter()
        .flat_map(|(positions, _)| positions.iter().copied())
        .collect();
    let entries: Vec<Object> = groups
        .iter()
        .map(|&(positions, limit)| entry_schema(positions, limit))
        .collect();
    let entry = match <[Object; 1]>::try_from(entries) {
        Ok([entry]) => entry,
        // The groups' positions are disjoint, so an entry meets one of them at most.
        Err(entries) => Object::new().with("anyOf", entries),
    };
    let each_position = positions
        .iter()
        .map(|&position| {
            let entry_of_position = Object::new()
                .with("type", "object")
                .with("required", vec!["position"])
                .with(
                    "properties",
                    Object::new().with("position", Object::new().with("const", position)),
                );
            Object::new().with("contains", entry_of_position)
        })
        .collect::<Vec<_>>();
    Object::new()
        .with("type", "array")
        .with("minItems", positions.len())
        .with("maxItems", positions.len())
        .with("items", entry)
        .with("allOf", each_position)
        .with("description", description)
}

impl crate::catalogue::Schema for Fingerprints {
    fn schema() -> crate::catalogue::Object {
        let positions = FingerPosition::ALL.map(FingerPosition::code);
        let description = format!(
            "One entry per finger position {} to {}, each an impression (at most {} bytes) or a \
             recorded absence. Not expressed by this schema: an impression begins with the \
             declared format's signature.",
            positions[0],
            positions[positions.len() - 1],
            crate::catalogue::thousands(FINGER_IMPRESSION_LIMIT)
        );
        capture_set_schema(&[(&positions, FINGER_IMPRESSION_LIMIT)], &description)
    }
}

impl crate::catalogue::Schema for FingerprintsAndPalms {
    fn schema() -> crate::catalogue::Object {
        let fingers = FingerPosition::ALL.map(FingerPosition::code);
        let palms = PalmPosition::ALL.map(PalmPosition::code);
        let description = format!(
            "One entry per finger position {} to {} and full palm position {} and {}, each an \
             impression (at most {} bytes for a finger, {} for a palm) or a recorded absence. \
             Not expressed by this schema: an impression begins with the declared format's \
             signature.",
            fingers[0],
            fingers[fingers.len() - 1],
            palms[0],
            palms[1],
            crate::catalogue::thousands(FINGER_IMPRESSION_LIMIT),
            crate::catalogue::thousands(IMPRESSION_LIMIT)
        );
        capture_set_schema(
            &[
                (&fingers, FINGER_IMPRESSION_LIMIT),
                (&palms, IMPRESSION_LIMIT),
            ],
            &description,
        )
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
/// "<base64>" } }` or `{ "position": 2, "absence": "XX" }`, one per position, in any order.
///
/// Entries are read one at a time and placed at once: a position given twice, or one the set
/// does not hold, is refused at its entry, so that no more than one entry beyond the set is
/// ever read.
#[cfg(feature = "serde")]
mod wire {
    use serde::de::{DeserializeSeed, MapAccess, SeqAccess};
    use serde::{Deserializer, Serialize, Serializer};

    use super::{
        Absence, Capture, CaptureSetError, FINGER_IMPRESSION_LIMIT, FingerPosition, Fingerprints,
        FingerprintsAndPalms, IMPRESSION_LIMIT, Impression, ImpressionFormat, PalmPosition,
        check_finger,
    };
    use crate::de::{self, At, DeserializeAt, MapOnly, MapVisitor, Path, SeqOnly, SeqVisitor};

    #[derive(Serialize)]
    struct Entry<'a> {
        position: u8,
        #[serde(skip_serializing_if = "Option::is_none")]
        impression: Option<&'a Impression>,
        #[serde(skip_serializing_if = "Option::is_none")]
        absence: Option<Absence>,
    }

    fn entry(position: u8, capture: &Capture) -> Entry<'_> {
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

    impl Serialize for Fingerprints {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_seq(
                self.iter()
                    .map(|(position, capture)| entry(position.code(), capture)),
            )
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

    /// The positions a set holds, by ANSI/NIST-ITL code.
    #[derive(Clone, Copy)]
    struct Set {
        codes: &'static [u8],
        description: &'static str,
    }

    const FINGERS: Set = Set {
        codes: &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
        description: "a finger position, 1 to 10",
    };

    const FINGERS_AND_PALMS: Set = Set {
        codes: &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 21, 23],
        description: "a finger or full palm position, 1 to 10, 21 or 23",
    };

    /// The captures of the list at `at`, one slot per position of `set`, in its order.
    fn captures<'de, D: Deserializer<'de>>(
        deserializer: D,
        at: Path<'_>,
        set: Set,
    ) -> Result<Vec<Capture>, D::Error> {
        deserializer.deserialize_any(SeqOnly(Captures { at, set }))
    }

    struct Captures<'a> {
        at: Path<'a>,
        set: Set,
    }

    impl<'de> SeqVisitor<'de> for Captures<'_> {
        type Value = Vec<Capture>;

        fn expected(&self) -> &'static str {
            "a list of captures, one per position"
        }

        fn at(&self) -> Path<'_> {
            self.at
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Capture>, A::Error> {
            let mut slots: Vec<Option<Capture>> = vec![None; self.set.codes.len()];
            let mut index = 0;
            loop {
                let at = self.at.index(index);
                let seed = EntrySeed { at, set: self.set };
                let Some((slot, capture)) = seq.next_element_seed(seed)? else {
                    break;
                };
                if slots[slot].replace(capture).is_some() {
                    let position = self.set.codes[slot];
                    return Err(at.error(CaptureSetError::Duplicate { position }));
                }
                index += 1;
            }
            let missing: Vec<u8> = slots
                .iter()
                .zip(self.set.codes)
                .filter(|(slot, _)| slot.is_none())
                .map(|(_, &code)| code)
                .collect();
            if !missing.is_empty() {
                return Err(self
                    .at
                    .error(CaptureSetError::Missing { positions: missing }));
            }
            Ok(slots.into_iter().flatten().collect())
        }
    }

    /// One entry, as its slot in the set and its capture.
    struct EntrySeed<'a> {
        at: Path<'a>,
        set: Set,
    }

    impl<'de> DeserializeSeed<'de> for EntrySeed<'_> {
        type Value = (usize, Capture);

        fn deserialize<D: Deserializer<'de>>(
            self,
            deserializer: D,
        ) -> Result<Self::Value, D::Error> {
            deserializer.deserialize_any(MapOnly(self))
        }
    }

    const ENTRY_FIELDS: &[&str] = &["position", "impression", "absence"];

    impl<'de> MapVisitor<'de> for EntrySeed<'_> {
        type Value = (usize, Capture);

        fn expected(&self) -> &'static str {
            "a mapping of `position` and `impression` or `absence`"
        }

        fn at(&self) -> Path<'_> {
            self.at
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let at = self.at;
            let (mut slot, mut capture) = (None, None);
            while let Some(key) = map.next_key_seed(de::Key::new(at, ENTRY_FIELDS))? {
                match key {
                    0 => {
                        if slot.is_some() {
                            return Err(de::duplicate(at, "position"));
                        }
                        let seed = PositionSeed {
                            at: at.field("position"),
                            set: self.set,
                        };
                        slot = Some(map.next_value_seed(seed)?);
                    }
                    field => {
                        // `impression` and `absence` exclude each other, even as `null`.
                        if capture.is_some() {
                            return Err(
                                at.error("an entry has `impression` or `absence`, not both")
                            );
                        }
                        capture = Some(if field == 1 {
                            // A finger's limit, where the position came first: its bytes are
                            // refused before they are decoded.
                            let finger = slot.is_some_and(|slot| is_finger(self.set.codes[slot]));
                            let seed = ImpressionSeed {
                                at: at.field("impression"),
                                limit: if finger {
                                    FINGER_IMPRESSION_LIMIT
                                } else {
                                    IMPRESSION_LIMIT
                                },
                            };
                            Capture::Impression(map.next_value_seed(seed)?)
                        } else {
                            let seed = At::<Absence>::new(at.field("absence"));
                            Capture::Absent(map.next_value_seed(seed)?)
                        });
                    }
                }
            }
            let slot = slot.ok_or_else(|| de::missing(at, "position"))?;
            let capture =
                capture.ok_or_else(|| at.error("an entry needs `impression` or `absence`"))?;
            let position = self.set.codes[slot];
            if is_finger(position) {
                check_finger(position, &capture)
                    .map_err(|error| at.field("impression").error(error))?;
            }
            Ok((slot, capture))
        }
    }

    fn is_finger(position: u8) -> bool {
        FingerPosition::ALL
            .iter()
            .any(|finger| finger.code() == position)
    }

    /// An impression of at most `limit` bytes.
    struct ImpressionSeed<'a> {
        at: Path<'a>,
        limit: usize,
    }

    impl<'de> DeserializeSeed<'de> for ImpressionSeed<'_> {
        type Value = Impression;

        fn deserialize<D: Deserializer<'de>>(
            self,
            deserializer: D,
        ) -> Result<Impression, D::Error> {
            let (format, bytes) = crate::encoded::wire::deserialize::<ImpressionFormat, D>(
                deserializer,
                self.at,
                "Impression",
                self.limit,
            )?;
            Ok(Impression { format, bytes })
        }
    }

    /// A position's code, as its slot in the set: an integer, and one the set holds.
    struct PositionSeed<'a> {
        at: Path<'a>,
        set: Set,
    }

    impl<'de> DeserializeSeed<'de> for PositionSeed<'_> {
        type Value = usize;

        fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
            deserializer.deserialize_any(self)
        }
    }

    impl PositionSeed<'_> {
        fn slot<E: serde::de::Error>(&self, code: Option<u8>) -> Result<usize, E> {
            code.and_then(|code| self.set.codes.iter().position(|&known| known == code))
                .ok_or_else(|| {
                    self.at.error(format_args!(
                        "expected {}, found another integer",
                        self.set.description
                    ))
                })
        }
    }

    impl<'de> serde::de::Visitor<'de> for PositionSeed<'_> {
        type Value = usize;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(self.set.description)
        }

        fn visit_u64<E: serde::de::Error>(self, code: u64) -> Result<usize, E> {
            self.slot(u8::try_from(code).ok())
        }

        fn visit_i64<E: serde::de::Error>(self, code: i64) -> Result<usize, E> {
            self.slot(u8::try_from(code).ok())
        }

        fn visit_u128<E: serde::de::Error>(self, code: u128) -> Result<usize, E> {
            self.slot(u8::try_from(code).ok())
        }

        fn visit_i128<E: serde::de::Error>(self, code: i128) -> Result<usize, E> {
            self.slot(u8::try_from(code).ok())
        }

        /// `1.0` is `1` in JSON, as JSON Schema reads it; `1.5` is no position.
        fn visit_f64<E: serde::de::Error>(self, code: f64) -> Result<usize, E> {
            let whole = code.fract() == 0.0 && (0.0..=255.0).contains(&code);
            #[allow(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "checked whole and in range"
            )]
            self.slot(whole.then_some(code as u8))
        }

        de::refuse_other_input!(bool, str, bytes, null, seq, map, newtype, enum);
    }

    impl de::Expecting for PositionSeed<'_> {
        fn at(&self) -> Path<'_> {
            self.at
        }

        fn expected(&self) -> &str {
            self.set.description
        }
    }

    impl<'de> DeserializeAt<'de> for Fingerprints {
        fn deserialize_at<D: Deserializer<'de>>(
            deserializer: D,
            at: Path<'_>,
        ) -> Result<Self, D::Error> {
            let captures = captures(deserializer, at, FINGERS)?;
            let captures: [Capture; 10] = captures
                .try_into()
                .map_err(|_| at.error("the set is not ten captures"))?;
            Ok(Fingerprints(captures))
        }
    }

    impl<'de> serde::Deserialize<'de> for Fingerprints {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            Self::deserialize_at(deserializer, Path::Root)
        }
    }

    impl<'de> DeserializeAt<'de> for FingerprintsAndPalms {
        fn deserialize_at<D: Deserializer<'de>>(
            deserializer: D,
            at: Path<'_>,
        ) -> Result<Self, D::Error> {
            let mut captures = captures(deserializer, at, FINGERS_AND_PALMS)?;
            let (Some(left), Some(right)) = (captures.pop(), captures.pop()) else {
                return Err(at.error("the set has no palms"));
            };
            let fingers: [Capture; 10] = captures
                .try_into()
                .map_err(|_| at.error("the set is not ten fingers"))?;
            Ok(FingerprintsAndPalms::new(
                Fingerprints(fingers),
                right,
                left,
            ))
        }
    }

    impl<'de> serde::Deserialize<'de> for FingerprintsAndPalms {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            Self::deserialize_at(deserializer, Path::Root)
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
            debug.contains("LeftFullPalm: Absent(Absence(<redacted>))"),
            "{debug}"
        );
        assert!(!debug.contains("255"), "{debug}");
    }

    fn png_of(size: usize) -> Impression {
        let mut bytes = PNG.to_vec();
        bytes.resize(size, 0);
        Impression::new(ImpressionFormat::Png, bytes).unwrap()
    }

    #[test]
    fn a_finger_holds_a_finger_s_image_and_a_palm_a_palm_s() {
        let mut fingers = all_fingers();
        fingers[3].1 = Capture::Impression(png_of(FINGER_IMPRESSION_LIMIT));
        let fingers = Fingerprints::new(fingers).unwrap();
        let palm = Capture::Impression(png_of(IMPRESSION_LIMIT));
        FingerprintsAndPalms::new(fingers, palm.clone(), wsq());

        let mut fingers = all_fingers();
        fingers[3].1 = Capture::Impression(png_of(FINGER_IMPRESSION_LIMIT + 1));
        assert_eq!(
            Fingerprints::new(fingers).unwrap_err(),
            CaptureSetError::TooLarge {
                position: 4,
                size: FINGER_IMPRESSION_LIMIT + 1,
                limit: FINGER_IMPRESSION_LIMIT
            }
        );
        assert!(Impression::new(ImpressionFormat::Png, vec![0; IMPRESSION_LIMIT + 1]).is_err());
    }

    #[cfg(feature = "serde")]
    #[test]
    fn the_wire_holds_a_finger_to_its_limit_whichever_key_comes_first() {
        use base64::Engine;
        let data = |size: usize| {
            let mut bytes = PNG.to_vec();
            bytes.resize(size, 0);
            base64::engine::general_purpose::STANDARD.encode(bytes)
        };
        let entries = |first: &serde_json::Value| {
            let mut entries = vec![first.clone()];
            entries.extend(
                (2..=10)
                    .map(|position| serde_json::json!({ "position": position, "absence": "XX" })),
            );
            serde_json::Value::from(entries)
        };
        for size in [FINGER_IMPRESSION_LIMIT, FINGER_IMPRESSION_LIMIT + 1] {
            let impression = serde_json::json!({ "format": "png", "data": data(size) });
            let position_first = serde_json::json!({ "position": 1, "impression": impression });
            let impression_first = serde_json::json!({ "impression": impression, "position": 1 });
            for entry in [position_first, impression_first] {
                let text = serde_json::to_string(&entries(&entry)).unwrap();
                let read = serde_json::from_str::<Fingerprints>(&text);
                if size == FINGER_IMPRESSION_LIMIT {
                    read.unwrap();
                } else {
                    let error = read.unwrap_err().to_string();
                    assert!(
                        error.starts_with("[0].impression") && error.contains("bytes"),
                        "{error}"
                    );
                }
            }
        }
    }
}
