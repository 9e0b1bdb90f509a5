//! Encoded biometric data: bytes that are wiped on drop, never shown by `Debug`, and checked
//! against the format they claim by their leading signature.

use std::fmt;

use zeroize::{ZeroizeOnDrop, Zeroizing};

/// Why encoded bytes were refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value}: {problem}")]
pub struct EncodingError {
    /// The type the bytes were meant for, e.g. `Photo`.
    pub value: &'static str,
    /// What is wrong.
    pub problem: EncodingProblem,
}

/// What is wrong with encoded bytes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EncodingProblem {
    /// No bytes at all.
    #[error("there are no bytes")]
    Empty,
    /// More bytes than the value may hold.
    #[error("the data has {size} bytes, more than the {limit} bytes it may have")]
    TooLarge {
        /// How many bytes there are, or would be once decoded.
        size: usize,
        /// How many the value may hold.
        limit: usize,
    },
    /// Text on the wire that is not canonical base64 (RFC 4648, with padding).
    #[error("the data is not base64: {0}")]
    Base64(Base64Problem),
    /// The bytes do not begin with the declared format's signature.
    #[error("the bytes are declared {declared} but {}", detected.map_or_else(|| "begin with no known signature".to_owned(), |format| format!("look like {format}")))]
    FormatMismatch {
        /// The declared format.
        declared: &'static str,
        /// The format the signature shows, if any known one.
        detected: Option<&'static str>,
    },
}

/// What makes a text not canonical base64. A character is named by its code point and position.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Base64Problem {
    /// A character outside the alphabet `A`–`Z`, `a`–`z`, `0`–`9`, `+`, `/`, or `=` where no
    /// padding may be.
    #[error("U+{code_point:04X} at character {position} is not of the base64 alphabet here")]
    Character {
        /// Where.
        position: usize,
        /// Which.
        code_point: u32,
    },
    /// A length that is not a multiple of 4.
    #[error("its length, {0} characters, is not a multiple of 4")]
    Length(usize),
    /// Padding missing, or bits after the data's last byte that are not zero.
    #[error(
        "it does not end as canonical base64 does (padding, and zero bits after the last byte)"
    )]
    End,
}

// Each limit is the size of an image, raw, of the largest extent a standard gives its kind, at
// the highest resolution the standard knows: the encoded formats accepted compress, so no honest
// file of such an image is larger, and none of a smaller image comes near. Each is a multiple
// of 3, so that a JSON Schema's `maxLength` of the base64 text (four characters for every three
// bytes) states it exactly.

/// The most bytes a photo holds, 15 MB: a portrait of 2,000 by 2,500 pixels in 24-bit colour,
/// raw. ISO/IEC 19794-5 asks a full-frontal image for at least 90 pixels between the centres of
/// the eyes, and ICAO Doc 9303's portraits are stored in tens of kilobytes as JPEG; this one has
/// about 500, a camera's full frame cropped to the head and shoulders, stored losslessly.
pub const PHOTO_LIMIT: usize = 15_000_000;

/// The most bytes a signature image holds, 3 MB: a signature of 3 by 1 inches scanned at 1000
/// ppi in 8-bit grey, raw.
pub const SIGNATURE_LIMIT: usize = 3_000_000;

/// The most bytes the impression of a finger (positions 1 to 10) holds, 2.4 MB: ANSI/NIST-ITL
/// 1-2011 (Table 8, friction ridge position codes and maximum image dimensions) gives a finger
/// image at most 1.6 by 1.5 inches, the rolled impression's extent; at 1000 ppi, the highest
/// class of the standard, in 8-bit grey, that is 1,600 by 1,500 pixels, 2,400,000 bytes raw. A
/// 500 ppi finger compressed with WSQ, as the standard's transactions most often carry it, is
/// about 40 kilobytes.
pub const FINGER_IMPRESSION_LIMIT: usize = 2_400_000;

/// The most bytes any impression holds, and a full palm's (positions 21 and 23), 44 MB: the
/// same table gives a full palm at most 5.5 by 8.0 inches; at 1000 ppi in 8-bit grey, that is
/// 5,500 by 8,000 pixels, 44,000,000 bytes raw, rounded up here to a multiple of 3. A 500 ppi
/// palm is a quarter of that, raw.
pub const IMPRESSION_LIMIT: usize = 44_000_001;

/// Bytes of biometric data. They are overwritten with zeros when dropped, so that a freed
/// buffer does not keep a fingerprint or a face in memory. (Copies the caller made before
/// handing them over are the caller's to wipe.)
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct BiometricBytes(Zeroizing<Vec<u8>>);

// The buffer is a `Zeroizing`, which wipes it when dropped.
impl ZeroizeOnDrop for BiometricBytes {}

/// The size, never the bytes.
impl fmt::Debug for BiometricBytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "BiometricBytes({} bytes)", self.0.len())
    }
}

impl BiometricBytes {
    pub(crate) fn new(bytes: Vec<u8>) -> Self {
        BiometricBytes(Zeroizing::new(bytes))
    }

    pub(crate) fn as_slice(&self) -> &[u8] {
        &self.0
    }
}

/// A format recognised by the signature its data begins with.
pub(crate) trait Signed: Copy + fmt::Debug + 'static {
    /// Every format of the kind, to tell which one mismatched bytes look like.
    const ALL: &'static [Self];

    /// The signatures data of the format may begin with.
    fn signatures(self) -> &'static [&'static [u8]];

    fn name(self) -> &'static str;

    fn detect(bytes: &[u8]) -> Option<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|format| format.matches(bytes))
    }

    fn matches(self, bytes: &[u8]) -> bool {
        self.signatures()
            .iter()
            .any(|signature| bytes.starts_with(signature))
    }
}

/// Takes `bytes` as data of `format`, refusing empty data, data over `limit` bytes, and data
/// with another signature.
pub(crate) fn checked<F: Signed>(
    value: &'static str,
    limit: usize,
    format: F,
    bytes: BiometricBytes,
) -> Result<BiometricBytes, EncodingError> {
    let refuse = |problem| EncodingError { value, problem };
    if bytes.as_slice().is_empty() {
        return Err(refuse(EncodingProblem::Empty));
    }
    if bytes.as_slice().len() > limit {
        return Err(refuse(EncodingProblem::TooLarge {
            size: bytes.as_slice().len(),
            limit,
        }));
    }
    if !format.matches(bytes.as_slice()) {
        return Err(refuse(EncodingProblem::FormatMismatch {
            declared: format.name(),
            detected: F::detect(bytes.as_slice()).map(Signed::name),
        }));
    }
    Ok(bytes)
}

pub(crate) const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF];
pub(crate) const JPEG_2000_FILE: &[u8] = &[
    0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A, 0x87, 0x0A,
];
pub(crate) const JPEG_2000_CODESTREAM: &[u8] = &[0xFF, 0x4F, 0xFF, 0x51];
pub(crate) const PNG: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];

/// The format of a photo or a signature image: written `jpeg`, `jpeg2000` or `png`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImageFormat {
    /// JPEG (ISO/IEC 10918).
    Jpeg,
    /// JPEG 2000 (ISO/IEC 15444), as a JP2 file or a bare codestream.
    Jpeg2000,
    /// PNG (ISO/IEC 15948).
    Png,
}

named_variants!(ImageFormat, "an image format", {
    Jpeg => "jpeg",
    Jpeg2000 => "jpeg2000",
    Png => "png",
});

impl Signed for ImageFormat {
    const ALL: &'static [Self] = &[ImageFormat::Jpeg, ImageFormat::Jpeg2000, ImageFormat::Png];

    fn signatures(self) -> &'static [&'static [u8]] {
        match self {
            ImageFormat::Jpeg => &[JPEG],
            ImageFormat::Jpeg2000 => &[JPEG_2000_FILE, JPEG_2000_CODESTREAM],
            ImageFormat::Png => &[PNG],
        }
    }

    fn name(self) -> &'static str {
        match self {
            ImageFormat::Jpeg => "JPEG",
            ImageFormat::Jpeg2000 => "JPEG 2000",
            ImageFormat::Png => "PNG",
        }
    }
}

impl ImageFormat {
    /// The format `bytes` begin with the signature of, if any.
    pub fn detect(bytes: &[u8]) -> Option<ImageFormat> {
        Signed::detect(bytes)
    }
}

/// Encoded data in one of the formats `$format`: checked on creation and on deserialization,
/// `Debug` as its format and size, wiped on drop, and `{ "format": …, "data": "<base64>" }` on
/// the wire.
macro_rules! encoded_value {
    ($(#[$doc:meta])* $name:ident, $format:ty, $limit:expr) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq)]
        pub struct $name {
            format: $format,
            bytes: $crate::encoded::BiometricBytes,
        }

        impl $name {
            #[doc = concat!("Takes `bytes` as ", stringify!($name), " data in `format`.")]
            ///
            /// # Errors
            ///
            /// When `bytes` is empty, larger than the limit, or does not begin with the signature
            /// of `format`.
            pub fn new(format: $format, bytes: Vec<u8>) -> Result<Self, $crate::EncodingError> {
                let bytes = $crate::encoded::BiometricBytes::new(bytes);
                let bytes = $crate::encoded::checked(stringify!($name), $limit, format, bytes)?;
                Ok($name { format, bytes })
            }

            /// The format of the data.
            pub fn format(&self) -> $format {
                self.format
            }

            /// The encoded data.
            pub fn as_bytes(&self) -> &[u8] {
                self.bytes.as_slice()
            }
        }

        // Its bytes are a `BiometricBytes`, wiped when dropped.
        impl ::zeroize::ZeroizeOnDrop for $name {}

        impl ::std::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct(stringify!($name))
                    .field("format", &self.format)
                    .field("bytes", &self.bytes.as_slice().len())
                    .finish()
            }
        }

        #[cfg(feature = "serde")]
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $crate::encoded::wire::serialize(self.format, &self.bytes, serializer)
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> $crate::de::DeserializeAt<'de> for $name {
            fn deserialize_at<D: ::serde::Deserializer<'de>>(
                deserializer: D,
                at: $crate::de::Path<'_>,
            ) -> Result<Self, D::Error> {
                let (format, bytes) = $crate::encoded::wire::deserialize::<$format, D>(
                    deserializer, at, stringify!($name), $limit,
                )?;
                Ok($name { format, bytes })
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                <Self as $crate::de::DeserializeAt<'de>>::deserialize_at(
                    deserializer,
                    $crate::de::Path::Root,
                )
            }
        }
    };
}
pub(crate) use encoded_value;

encoded_value! {
    /// A photograph of the face: at most [`PHOTO_LIMIT`] bytes, checked against the declared
    /// format's signature and wiped on drop; `Debug` shows its format and size, never its bytes.
    Photo, ImageFormat, PHOTO_LIMIT
}

encoded_value! {
    /// An image of the holder's signature: at most [`SIGNATURE_LIMIT`] bytes, checked against the
    /// declared format's signature and wiped on drop; `Debug` shows its format and size, never
    /// its bytes.
    Signature, ImageFormat, SIGNATURE_LIMIT
}

/// Canonical base64 (RFC 4648, padded, zero bits after the last byte), as a pattern.
const CANONICAL_BASE64: &str =
    "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/][AQgw]==|[A-Za-z0-9+/]{2}[AEIMQUYcgkosw048]=)?$";

/// The schema of encoded data of at most `limit` bytes in one of the formats `formats`: its
/// base64 text is four characters for every three bytes, and the limits are multiples of 3.
pub(crate) fn encoded_schema(formats: &[&str], limit: usize) -> crate::catalogue::Object {
    use crate::catalogue::{Object, one_of};
    let data = Object::new()
        .with("type", "string")
        .with("contentEncoding", "base64")
        .with("minLength", 1)
        .with("maxLength", limit.div_ceil(3) * 4)
        .with_pattern(CANONICAL_BASE64);
    Object::new()
        .with("type", "object")
        .with("additionalProperties", false)
        .with("required", vec!["format", "data"])
        .with(
            "properties",
            Object::new()
                .with("format", one_of(formats))
                .with("data", data),
        )
}

/// The schema of an image: what it is, with its bytes at most `limit`.
fn image_schema(what: &str, limit: usize) -> crate::catalogue::Object {
    let description = format!(
        "{what}: its format, and its bytes in canonical base64, at most {} bytes. Not expressed \
         by this schema: the bytes begin with the declared format's signature.",
        crate::catalogue::thousands(limit)
    );
    encoded_schema(ImageFormat::WIRE_NAMES, limit).with("description", description.as_str())
}

impl crate::catalogue::Schema for Photo {
    fn schema() -> crate::catalogue::Object {
        image_schema("A photograph", PHOTO_LIMIT)
    }
}

impl crate::catalogue::Schema for Signature {
    fn schema() -> crate::catalogue::Object {
        image_schema("An image of a signature", SIGNATURE_LIMIT)
    }
}

/// The wire form of encoded data: `{ "format": …, "data": "<base64>" }`.
#[cfg(feature = "serde")]
pub(crate) mod wire {
    use base64::Engine;
    use base64::engine::general_purpose::STANDARD;
    use serde::de::{DeserializeSeed, MapAccess};
    use serde::ser::SerializeStruct;
    use serde::{Deserializer, Serializer};
    use zeroize::Zeroizing;

    use super::{Base64Problem, BiometricBytes, EncodingProblem, Signed};
    use crate::de::{self, At, DeserializeAt, MapOnly, MapVisitor, Path};

    const FIELDS: &[&str] = &["format", "data"];

    pub(crate) fn serialize<F: serde::Serialize, S: Serializer>(
        format: F,
        bytes: &BiometricBytes,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        // Encoded once, into a buffer of its final size, and wiped when dropped.
        let data = Zeroizing::new(STANDARD.encode(bytes.as_slice()));
        let mut wire = serializer.serialize_struct("Encoded", 2)?;
        wire.serialize_field("format", &format)?;
        wire.serialize_field("data", data.as_str())?;
        wire.end()
    }

    /// The format and the decoded bytes of encoded data at `at`, for the value `value` of at most
    /// `limit` bytes, checked as [`checked`](super::checked) checks them.
    pub(crate) fn deserialize<'de, F, D>(
        deserializer: D,
        at: Path<'_>,
        value: &'static str,
        limit: usize,
    ) -> Result<(F, BiometricBytes), D::Error>
    where
        F: Signed + DeserializeAt<'de>,
        D: Deserializer<'de>,
    {
        let (format, bytes) = deserializer.deserialize_any(MapOnly(Encoded::<F> {
            at,
            value,
            limit,
            format: std::marker::PhantomData,
        }))?;
        let bytes = super::checked(value, limit, format, bytes).map_err(|error| at.error(error))?;
        Ok((format, bytes))
    }

    struct Encoded<'a, F> {
        at: Path<'a>,
        value: &'static str,
        limit: usize,
        format: std::marker::PhantomData<F>,
    }

    impl<'de, F: Signed + DeserializeAt<'de>> MapVisitor<'de> for Encoded<'_, F> {
        type Value = (F, BiometricBytes);

        fn expected(&self) -> &'static str {
            "a mapping of `format` and `data`"
        }

        fn at(&self) -> Path<'_> {
            self.at
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let (mut format, mut data) = (None, None);
            while let Some(key) = map.next_key_seed(de::Key::new(self.at, FIELDS))? {
                if key == 0 {
                    if format.is_some() {
                        return Err(de::duplicate(self.at, "format"));
                    }
                    format = Some(map.next_value_seed(At::<F>::new(self.at.field("format")))?);
                } else {
                    if data.is_some() {
                        return Err(de::duplicate(self.at, "data"));
                    }
                    let seed = Base64 {
                        at: self.at.field("data"),
                        value: self.value,
                        limit: self.limit,
                    };
                    data = Some(map.next_value_seed(seed)?);
                }
            }
            let format = format.ok_or_else(|| de::missing(self.at, "format"))?;
            let data = data.ok_or_else(|| de::missing(self.at, "data"))?;
            Ok((format, data))
        }
    }

    /// Base64 text decoded into a buffer wiped on drop, its size checked before a byte of it is
    /// decoded.
    struct Base64<'a> {
        at: Path<'a>,
        value: &'static str,
        limit: usize,
    }

    impl<'de> DeserializeSeed<'de> for Base64<'_> {
        type Value = BiometricBytes;

        fn deserialize<D: Deserializer<'de>>(
            self,
            deserializer: D,
        ) -> Result<BiometricBytes, D::Error> {
            let (at, value, limit) = (self.at, self.value, self.limit);
            de::text(deserializer, at, "base64 text", |text| {
                decode(text, limit)
                    .map_err(|problem| super::EncodingError { value, problem }.to_string())
            })
        }
    }

    /// `text` as canonical base64 of at most `limit` bytes, decoded into a wiped buffer of its
    /// exact size, so that no copy of the data is left in freed memory.
    pub(crate) fn decode(text: &str, limit: usize) -> Result<BiometricBytes, EncodingProblem> {
        if let Some((index, character)) = text.chars().enumerate().find(|(_, c)| !c.is_ascii()) {
            return Err(EncodingProblem::Base64(Base64Problem::Character {
                position: index + 1,
                code_point: u32::from(character),
            }));
        }
        if !text.len().is_multiple_of(4) {
            return Err(EncodingProblem::Base64(Base64Problem::Length(text.len())));
        }
        let padding = text.bytes().rev().take_while(|&byte| byte == b'=').count();
        let size = (text.len() / 4 * 3).saturating_sub(padding);
        if size > limit {
            return Err(EncodingProblem::TooLarge { size, limit });
        }
        let mut bytes = Zeroizing::new(vec![0; size]);
        let written = STANDARD
            .decode_slice(text.as_bytes(), &mut bytes)
            .map_err(|error| EncodingProblem::Base64(problem(text, &error)))?;
        bytes.truncate(written);
        Ok(BiometricBytes(bytes))
    }

    /// What base64's error means, without the byte it names.
    fn problem(text: &str, error: &base64::DecodeSliceError) -> Base64Problem {
        use base64::DecodeError;
        let character = |offset: usize| Base64Problem::Character {
            position: offset + 1,
            code_point: u32::from(text.as_bytes()[offset]),
        };
        match error {
            base64::DecodeSliceError::DecodeError(DecodeError::InvalidByte(offset, _)) => {
                character(*offset)
            }
            base64::DecodeSliceError::DecodeError(DecodeError::InvalidLength(length)) => {
                Base64Problem::Length(*length)
            }
            _ => Base64Problem::End,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg() -> Vec<u8> {
        [JPEG, &[0xE0, 0x00, 0x10]].concat()
    }

    #[test]
    fn accepts_each_format_with_its_signature() {
        assert_eq!(
            Photo::new(ImageFormat::Jpeg, jpeg()).unwrap().format(),
            ImageFormat::Jpeg
        );
        assert!(Photo::new(ImageFormat::Png, [PNG, b"IHDR"].concat()).is_ok());
        assert!(Signature::new(ImageFormat::Jpeg2000, [JPEG_2000_FILE, b"ftyp"].concat()).is_ok());
        assert!(Signature::new(ImageFormat::Jpeg2000, JPEG_2000_CODESTREAM.to_vec()).is_ok());
    }

    #[test]
    fn refuses_empty_and_mismatched_bytes() {
        assert_eq!(
            Photo::new(ImageFormat::Jpeg, Vec::new())
                .unwrap_err()
                .problem,
            EncodingProblem::Empty
        );
        let error = Photo::new(ImageFormat::Png, jpeg()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "Photo: the bytes are declared PNG but look like JPEG"
        );
        let error = Signature::new(ImageFormat::Jpeg, b"GIF89a".to_vec()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "Signature: the bytes are declared JPEG but begin with no known signature"
        );
        // A truncated signature is no signature.
        assert!(Photo::new(ImageFormat::Jpeg, vec![0xFF, 0xD8]).is_err());
    }

    #[test]
    fn refuses_data_over_the_limit() {
        let error = Signature::new(ImageFormat::Png, [PNG, &vec![0; SIGNATURE_LIMIT]].concat())
            .unwrap_err();
        assert_eq!(
            error.problem,
            EncodingProblem::TooLarge {
                size: SIGNATURE_LIMIT + PNG.len(),
                limit: SIGNATURE_LIMIT
            }
        );
        assert!(
            error.to_string().ends_with("3000000 bytes it may have"),
            "{error}"
        );
    }

    #[cfg(feature = "serde")]
    #[test]
    fn base64_is_decoded_canonically_and_sized_before_decoding() {
        use wire::decode;
        assert_eq!(decode("/9j/", 10).unwrap().as_slice(), &[0xFF, 0xD8, 0xFF]);
        assert_eq!(
            decode("/9j", 10).unwrap_err(),
            EncodingProblem::Base64(Base64Problem::Length(3))
        );
        assert_eq!(
            decode("/9j\u{2F}", 10).map(|bytes| bytes.as_slice().to_vec()),
            Ok(vec![0xFF, 0xD8, 0xFF])
        );
        assert_eq!(
            decode("/9j-", 10).unwrap_err(),
            EncodingProblem::Base64(Base64Problem::Character {
                position: 4,
                code_point: u32::from('-')
            })
        );
        assert_eq!(
            decode("/9ж=", 10).unwrap_err(),
            EncodingProblem::Base64(Base64Problem::Character {
                position: 3,
                code_point: u32::from('ж')
            })
        );
        // `QR==` leaves bits set after its one byte: not canonical.
        assert_eq!(
            decode("QR==", 10).unwrap_err(),
            EncodingProblem::Base64(Base64Problem::End)
        );
        assert_eq!(
            decode(&"A".repeat(4 * 1000), 2999).unwrap_err(),
            EncodingProblem::TooLarge {
                size: 3000,
                limit: 2999
            }
        );
    }

    #[test]
    fn debug_shows_the_format_and_size_only() {
        let photo = Photo::new(ImageFormat::Jpeg, jpeg()).unwrap();
        assert_eq!(format!("{photo:?}"), "Photo { format: Jpeg, bytes: 6 }");
    }

    #[test]
    fn biometric_data_is_wiped_on_drop() {
        fn wiped_on_drop<T: ZeroizeOnDrop>() {}
        wiped_on_drop::<Zeroizing<Vec<u8>>>();
        wiped_on_drop::<BiometricBytes>();
        wiped_on_drop::<Photo>();
        wiped_on_drop::<Signature>();
        wiped_on_drop::<crate::Impression>();
    }

    #[test]
    fn detects_formats() {
        assert_eq!(ImageFormat::detect(&jpeg()), Some(ImageFormat::Jpeg));
        assert_eq!(ImageFormat::detect(PNG), Some(ImageFormat::Png));
        assert_eq!(ImageFormat::detect(b"BM"), None);
    }
}
