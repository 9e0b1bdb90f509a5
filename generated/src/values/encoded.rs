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
    /// The bytes do not begin with the declared format's signature.
    #[error("the bytes are declared {declared} but {}", detected.map_or_else(|| "begin with no known signature".to_owned(), |format| format!("look like {format}")))]
    FormatMismatch {
        /// The declared format.
        declared: &'static str,
        /// The format the signature shows, if any known one.
        detected: Option<&'static str>,
    },
}

/// Bytes of biometric data. They are overwritten with zeros when dropped, so that a freed
/// buffer does not keep a fingerprint or a face in memory. (Copies the caller made before
/// handing them over are the caller's to wipe.)
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct BiometricBytes(Zeroizing<Vec<u8>>);

// The buffer is a `Zeroizing`, which wipes it when dropped.
impl ZeroizeOnDrop for BiometricBytes {}

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

/// Takes `bytes` as data of `format`, refusing empty data and data with another signature.
pub(crate) fn checked<F: Signed>(
    value: &'static str,
    format: F,
    bytes: BiometricBytes,
) -> Result<BiometricBytes, EncodingError> {
    let refuse = |problem| EncodingError { value, problem };
    if bytes.as_slice().is_empty() {
        return Err(refuse(EncodingProblem::Empty));
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

/// The format of a photo or a signature image.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ImageFormat {
    /// JPEG (ISO/IEC 10918).
    Jpeg,
    /// JPEG 2000 (ISO/IEC 15444), as a JP2 file or a bare codestream.
    Jpeg2000,
    /// PNG (ISO/IEC 15948).
    Png,
}

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
    ($(#[$doc:meta])* $name:ident, $format:ty) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq)]
        pub struct $name {
            format: $format,
            bytes: $crate::values::encoded::BiometricBytes,
        }

        impl $name {
            #[doc = concat!("Takes `bytes` as ", stringify!($name), " data in `format`.")]
            ///
            /// # Errors
            ///
            /// When `bytes` is empty or does not begin with the signature of `format`.
            pub fn new(format: $format, bytes: Vec<u8>) -> Result<Self, $crate::values::EncodingError> {
                let bytes = $crate::values::encoded::BiometricBytes::new(bytes);
                let bytes = $crate::values::encoded::checked(stringify!($name), format, bytes)?;
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
                let wire = $crate::values::encoded::wire::Encoded { format: self.format, data: &self.bytes };
                wire.serialize(serializer)
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let wire = $crate::values::encoded::wire::Encoded::<$format, _>::deserialize(deserializer)?;
                let bytes = $crate::values::encoded::checked(stringify!($name), wire.format, wire.data)
                    .map_err(::serde::de::Error::custom)?;
                Ok($name { format: wire.format, bytes })
            }
        }
    };
}
pub(crate) use encoded_value;

encoded_value! {
    /// Its bytes are checked against the declared format's signature and wiped on drop; `Debug`
    /// shows its format and size, never its bytes.
    Photo, ImageFormat
}

encoded_value! {
    /// Its bytes are checked against the declared format's signature and wiped on drop; `Debug`
    /// shows its format and size, never its bytes.
    Signature, ImageFormat
}

/// The wire form of encoded data: `{ "format": …, "data": "<base64>" }`.
#[cfg(feature = "serde")]
pub(crate) mod wire {
    use base64::Engine;
    use base64::engine::general_purpose::STANDARD;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use zeroize::Zeroizing;

    use super::BiometricBytes;

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(crate) struct Encoded<F, D> {
        pub(crate) format: F,
        pub(crate) data: D,
    }

    impl Serialize for BiometricBytes {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(&Zeroizing::new(STANDARD.encode(self.as_slice())))
        }
    }

    impl<'de> Deserialize<'de> for BiometricBytes {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let text = Zeroizing::new(String::deserialize(deserializer)?);
            let bytes = STANDARD.decode(text.as_bytes()).map_err(|error| {
                serde::de::Error::custom(format_args!("the data is not base64: {error}"))
            })?;
            Ok(BiometricBytes(Zeroizing::new(bytes)))
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
